package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.internal.logs.LogLine.Kind;
import io.github.ftpdoctor.internal.logs.LogLine.Side;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Client messages that quote a server's reply without its code. PHP's FTP functions report a failed command as a
 * warning whose message is the reply's text ({@code Warning: ftp_login(): Login incorrect. in f.php on line 3},
 * {@code ext/ftp/php_ftp.c}: {@code php_error_docref(NULL, E_WARNING, "%s", ftp->inbuf)}), the function naming the
 * command; System.Net.FtpClient and FluentFTP throw an {@code FtpCommandException} with the text alone. The code is
 * recovered only when a server's exact phrasing in the catalog matches the text; otherwise nothing is concluded.
 */
final class QuotedTexts {
    private static final Pattern PHP = Pattern.compile(
            "\\bftp_(\\w+)\\(\\): (.+?)(?: in (?:file )?\\S+ on line \\d+)?\\s*$");
    /**
     * A reply object printed as its fields, code first: FluentFTP's {@code FtpCommandException} ({@code Code: 550
     * Message: text}), ftp4j's {@code FTPException} and {@code FTPReply} ({@code [code=530, message= Login
     * incorrect.]}, {@code it/sauronsoftware/ftp4j/FTPException.java}), Dart ftpconnect's {@code FTPReply}
     * ({@code FTPReply = [code=553, message=553 Could not create file.]}), an embedded client's debug output
     * ({@code Rx code: 500, resp: USER : command not understood.}). The text may repeat the code.
     */
    private static final Pattern CODE_MESSAGE = Pattern.compile(
            "\\b[Cc]ode\\s?[=:]\\s?([1-5]\\d\\d)\\s?[,;]?\\s(?:[Mm]essage|[Mm]sg|[Tt]ext|[Rr]eply|[Rr]esp(?:onse)?)s?\\s?[=:]\\s?"
                    + "(?:\\1[ -])?(.+?)[\\s\\]}'\"]*$");
    private static final Pattern JAVA_CLASS = Pattern.compile("\\b[a-z]\\w*\\.[a-z]\\w*\\.(?:\\w+\\.)*[A-Z]\\w*");
    private static final Pattern EXCEPTION = Pattern.compile("\\b(?:FtpCommandException|FtpException): (\\p{L}.*)$");
    /** PHP's ext/ftp functions and the command each sends for its work. */
    private static final Map<String, String> PHP_FUNCTIONS = Map.ofEntries(
            Map.entry("connect", "CONNECT"), Map.entry("ssl_connect", "CONNECT"), Map.entry("login", "PASS"),
            Map.entry("get", "RETR"), Map.entry("fget", "RETR"), Map.entry("nb_get", "RETR"),
            Map.entry("nb_fget", "RETR"), Map.entry("put", "STOR"), Map.entry("fput", "STOR"),
            Map.entry("nb_put", "STOR"), Map.entry("nb_fput", "STOR"), Map.entry("append", "APPE"),
            Map.entry("nlist", "NLST"), Map.entry("rawlist", "LIST"), Map.entry("mlsd", "MLSD"),
            Map.entry("mkdir", "MKD"), Map.entry("rmdir", "RMD"), Map.entry("delete", "DELE"),
            Map.entry("rename", "RNFR"), Map.entry("chdir", "CWD"), Map.entry("cdup", "CDUP"),
            Map.entry("pwd", "PWD"), Map.entry("size", "SIZE"), Map.entry("mdtm", "MDTM"), Map.entry("pasv", "PASV"),
            Map.entry("site", "SITE"), Map.entry("chmod", "SITE"), Map.entry("exec", "SITE"),
            Map.entry("alloc", "ALLO"), Map.entry("systype", "SYST"));
    /** The codes a server's phrasing is looked up under, most common first. */
    private static final int[] CODES = {530, 550, 553, 421, 452, 552, 451, 450, 425, 426, 501, 500, 502, 503, 504,
        534, 535, 551, 554, 331, 332};

    private QuotedTexts() {
    }

    /** The line as a quoted reply text, or null. */
    static LogLine read(String line, boolean indented) {
        Matcher m = line.indexOf("(): ") > 0 ? PHP.matcher(line) : null;
        if (m != null && m.find() && ClientPhrases.said(m.group(2)).happening() == null) {
            // (PHP's own words for what happened on the connection, "Unable to activate SSL mode", "Connection
            // refused", are read as the client's, below)
            String verb = PHP_FUNCTIONS.get(m.group(1));
            return new LogLine(Kind.QUOTED_TEXT, Side.MESSAGE, Format.EMBEDDED, m.group(2).strip(), 0, verb, null,
                    null, Boolean.TRUE, indented);
        }
        m = line.indexOf("ode") >= 0 ? CODE_MESSAGE.matcher(line) : null;
        if (m != null && m.find() && !m.group(2).isBlank()) {
            int code = Integer.parseInt(m.group(1));
            Format format = line.contains("Code: ") ? Format.DOTNET
                    : JAVA_CLASS.matcher(line).find() ? Format.JAVA : Format.EMBEDDED;
            return new LogLine(Kind.RESTATED, Side.MESSAGE, format, code + " " + m.group(2).strip(), code, null,
                    null, null, Boolean.TRUE, indented);
        }
        // not with an inner exception after it (" ---> "): then the words are the client's, the cause is inside
        m = line.indexOf("Exception: ") > 0 && !line.contains(" ---> ") ? EXCEPTION.matcher(line) : null;
        if (m != null && m.find()) {
            return new LogLine(Kind.QUOTED_TEXT, Side.MESSAGE, Format.DOTNET, m.group(1).strip(), 0, null, null,
                    null, Boolean.TRUE, indented);
        }
        return null;
    }

    /** Commands tried, in this order, when the message does not name the one its reply answered. */
    private static final String[] COMMANDS = {null, "PASS", "USER", "STOR", "RETR", "CWD", "LIST", "CONNECT"};

    /**
     * The code under which a server's exact phrasing in the catalog matches the text, or 0. A text that reads as
     * the client's own words (a function call, an errno in parentheses) is none of a server's.
     */
    static int code(Classifier classifier, String text, String verb) {
        return code(classifier, text, verb, false);
    }

    /** As {@link #code(Classifier, String, String)}; with {@code patterns}, a rule's pattern may match too. */
    static int code(Classifier classifier, String text, String verb, boolean patterns) {
        if (text.contains("()") || OWN_WORDS.matcher(text).find()) {
            return 0;
        }
        String[] commands = verb != null ? new String[] {verb} : COMMANDS;
        for (String command : commands) {
            ExchangeContext context = command == null ? ExchangeContext.unknown() : ExchangeContext.after(command);
            for (int code : CODES) {
                Diagnosis d = classifier.classify(Reply.of(code, text), context);
                if (d.rule() != null && (d.rule().evidence().exact() != null
                        || patterns && d.rule().evidence().pattern() != null && d.isFailure()
                        && d.confidence() == io.github.ftpdoctor.diagnosis.Confidence.CERTAIN)) {
                    return code;
                }
            }
        }
        return 0;
    }

    /** An errno or a number in parentheses at the end: {@code Operation now in progress (115)}. */
    private static final Pattern OWN_WORDS = Pattern.compile("\\(\\d+\\)\\s*$");
}
