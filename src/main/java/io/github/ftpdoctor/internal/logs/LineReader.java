package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Happening;
import io.github.ftpdoctor.internal.logs.LogLine.Kind;
import io.github.ftpdoctor.internal.logs.LogLine.Side;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the lines of a client log one by one, whatever the client: the format is told by each line's own
 * syntax, so that logs of several clients may be pasted together. State is kept only where a format needs it: a
 * Python traceback, this project's report, and whether a BSD-style {@code --->} belongs to lftp or tnftp.
 * Not thread-safe; one per analysis.
 */
final class LineReader {
    static final Pattern REPLY_LINE = Pattern.compile("^([1-6]\\d\\d)(?:[ -].*)?$", Pattern.DOTALL);
    static final Pattern COMMAND_LINE = Pattern.compile("^([A-Za-z][A-Za-z0-9]{1,15})(?:\\s+(.*))?$",
            Pattern.DOTALL);
    /** CuteFTP's own connection lines, as in the seed. */
    private static final Pattern CUTEFTP = Pattern.compile(
            "^(connected\\. waiting for response\\.|connecting to .*port \\d+ \\(#\\d+\\)|connection attempt failed\\."
                    + " waiting for retry.*)$", Pattern.CASE_INSENSITIVE);
    /** BSD ftp and tnftp report a closed connection or their own timeout as a reply of their own. */
    private static final Pattern BSD_SYNTHETIC = Pattern.compile(
            "^421 Service not available, remote server (has closed connection|timed out)\\b.*$");
    /** node-ftp's debug output of a parsed reply: {@code Response: code=425, buffer='Cannot open data connection.'}. */
    private static final Pattern NODE_FTP_RESPONSE = Pattern.compile("^code=([1-5]\\d\\d), buffer=('.*'|\".*\")$");
    private static final Pattern BSD_MESSAGE = Pattern.compile(
            "^(not connected\\.|login failed\\.?|connected to \\S+\\.|remote system type is\\b.*|setupsockbufsize:.*)$",
            Pattern.CASE_INSENSITIVE);
    /** {@code program: message}: tnftp, ncftpget, curl, lftp's commands ({@code ls: Login failed: ...}). */
    private static final Pattern PROGRAM = Pattern.compile("^([a-z][\\w.-]{0,20}): (.+)$");
    /** A program's error naming the command a reply answered (BusyBox networking/ftpgetput.c). */
    private static final Pattern RESPONSE_TO = Pattern.compile("\\b(?:response|reply) to ([A-Za-z]{3,4})\\b[^:]{0,20}: ");
    /**
     * Wget's progress lines that end in a failure ({@code src/connect.c}, {@code src/host.c}):
     * {@code Connecting to host (host)|addr|:21... failed: Connection refused.},
     * {@code Resolving host (host)... failed: Name or service not known.}
     */
    /**
     * lftp without {@code -d}: the command typed, then its error ({@code src/FileAccess.cc}, {@code src/Job.cc}):
     * {@code ls: Login failed: 530 Login incorrect.}, {@code get: Access failed: 550 ... (file)},
     * {@code ls: Fatal error: max-retries exceeded (Connection refused)}.
     */
    private static final Pattern LFTP_ERROR = Pattern.compile(
            "^([a-z][a-z0-9]{0,9}): (Login failed|Access failed|Fatal error|Delete failed|Rename failed|Store failed)"
                    + ": (.+)$");
    /** The same in lftp's translations ({@code ls: 登录失败: 530 ...}): the prefix is looked up in the catalog's table. */
    private static final Pattern LFTP_TRANSLATED = Pattern.compile("^([a-z][a-z0-9]{0,9}): ([^:]{2,60}?) ?[:：] (.+)$");
    /** A class of codes in prose, no reply: "400 level error from server when performing action - retrying..." */
    private static final Pattern PROSE_CODE = Pattern.compile("^\\d00[ -]level\\b", Pattern.CASE_INSENSITIVE);
    /** lftp's error with the file's name between the command typed and the error: group 1 the command and ": ". */
    private static final Pattern LFTP_FILE = Pattern.compile("^([a-z][a-z0-9]{0,9}: )[^:]{1,300}?: (.+)$");
    private static final Pattern WGET_FAILED = Pattern.compile("^(?:Connecting to|Resolving) \\S.{0,300}?\\.\\.\\. failed: (.+)$");

    private final Tracebacks tracebacks = new Tracebacks();
    private final ReportSyntax report = new ReportSyntax();
    private boolean lftpSeen;
    private final Prompts prompts = new Prompts();
    private final MarkdownQuote quote = new MarkdownQuote();
    /** The log has shown an unprefixed login command in lower case: its other commands are written so too. */
    private boolean lowerCaseVerbs;

    LogLine read(String raw) {
        if (raw == null || raw.isBlank()) {
            return LogLine.BLANK;
        }
        raw = EncodedLines.decode(quote.strip(raw));
        if (raw.isBlank()) {
            return LogLine.BLANK;
        }
        boolean indented = Character.isWhitespace(raw.charAt(0));
        // Python tracebacks first: their source lines look like anything
        if (tracebacks.inTraceback()) {
            Tracebacks.Thrown t = tracebacks.inside(raw);
            if (t != null) {
                return Messages.thrown(t, indented);
            }
            if (tracebacks.inTraceback()) {
                return LogLine.of(Kind.CODE, Side.IGNORED, Format.PYTHON, null, indented);
            }
        }
        String line = Prefixes.clean(raw);
        if (line.isEmpty()) {
            return LogLine.of(Kind.OTHER, Side.IGNORED, Format.CURL, "", indented);
        }
        if (line.startsWith("Traceback") && tracebacks.start(line)) {
            return LogLine.of(Kind.CODE, Side.IGNORED, Format.PYTHON, null, indented);
        }
        ReportSyntax.Field field = report.read(raw, indented);
        if (field != null) {
            return reportField(field, indented);
        }
        boolean ownTranscript = report.inTranscript();
        LogLine l = special(line, indented);
        String bare = l == null ? Prefixes.withoutLogPrefix(line) : line;
        if (bare != line && !bare.isEmpty()) { // a stack trace under an application log's prefix
            LogLine traced = special(bare, true);
            l = traced != null && (traced.format() == Format.JAVA || traced.format() == Format.DOTNET) ? traced : null;
        }
        if (l == null) {
            l = prefixed(Prefixes.split(line), indented);
        }
        boolean arrows = l.format() == Format.PLAIN || l.format() == Format.CURL;
        return ownTranscript && arrows ? l.withFormat(Format.FTPDOCTOR) : l;
    }

    /** Python's debug output and exceptions, Java stack traces, the BSD ftp prompt: before the generic prefixes. */
    private LogLine special(String line, boolean indented) {
        char first = line.charAt(0);
        String[] debug = first == '*' ? Tracebacks.pythonDebug(line) : null;
        if (debug != null) {
            return pythonDebug(debug[0], debug[1], indented);
        }
        if (first == '+' && line.startsWith("+ ") || first == 'A' && Tracebacks.isPowerShellPosition(line)) {
            // a shell's trace of the command it runs (set -x), or PowerShell's error record: code, never evidence
            return LogLine.of(Kind.CODE, Side.IGNORED, Format.PLAIN, null, indented);
        }
        if ((first == 'a' || first == '.') && Tracebacks.isJavaFrame(line)) {
            // a frame is never evidence, but it may name the FTP command the exception above it broke off
            return new LogLine(Kind.CODE, Side.IGNORED, indented ? Format.JAVA : Format.PLAIN, null, 0,
                    JavaFrames.command(line), null, null, null, indented);
        }
        if (indented && first == 'F' && Tracebacks.isPythonCode(line)) {
            return LogLine.of(Kind.CODE, Side.IGNORED, Format.PLAIN, null, indented);
        }
        if ((first == 'f' || first == '/') && Tracebacks.isRubyFrame(line)) {
            return LogLine.of(Kind.CODE, Side.IGNORED, Format.RUBY, null, indented);
        }
        LogLine quoted = QuotedTexts.read(line, indented);
        if (quoted != null) {
            return quoted;
        }
        Tracebacks.Thrown t = first == 'E' ? Tracebacks.powerShell(line) : Tracebacks.ruby(line);
        if (t == null && (Character.isLetter(first) || first == '[' || line.startsWith("---> "))
                && Messages.mayBeException(line)) {
            t = Tracebacks.java(line);
            if (t == null && !indented) {
                t = Tracebacks.python(line);
            }
        }
        if (t != null) {
            return Messages.thrown(t, indented);
        }
        return prompts.read(line, first, indented);
    }

    private LogLine pythonDebug(String tag, String payload, boolean indented) {
        return switch (tag) {
            case "cmd" -> command(Side.CLIENT, Format.PYTHON, payload.strip(), false, indented);
            case "resp" -> {
                Matcher m = REPLY_LINE.matcher(payload);
                yield m.matches()
                        ? new LogLine(Kind.REPLY_BLOCK, Side.SERVER, Format.PYTHON, payload.strip(),
                                Integer.parseInt(m.group(1)), null, null, null, null, indented)
                        : LogLine.of(Kind.SERVER_TEXT, Side.SERVER, Format.PYTHON, payload, indented);
            }
            default -> LogLine.of(Kind.OTHER, Side.IGNORED, Format.PYTHON, null, indented); // *get* *put* *welcome*
        };
    }

    private LogLine reportField(ReportSyntax.Field f, boolean indented) {
        Kind kind = "transcript".equals(f.key()) ? Kind.REPORT_TRANSCRIPT : Kind.REPORT_FIELD;
        return new LogLine(kind, Side.IGNORED, Format.FTPDOCTOR, f.value(), 0, f.key(), null, null, null, indented);
    }

    private LogLine prefixed(Prefixes.Split p, boolean indented) {
        String t = p.text();
        Format f = p.format();
        if (f == Format.LFTP && p.side() == Side.SERVER) {
            lftpSeen = true;
        }
        if (f == Format.LFTP && p.side() == Side.CLIENT && !lftpSeen) {
            f = Format.BSD_FTP; // tnftp writes commands as lftp does, replies bare
        }
        if (t.isEmpty()) {
            return LogLine.of(Kind.OTHER, p.side(), f, t, indented);
        }
        if (p.side() == Side.SERVER && t.length() > 2 && (t.charAt(0) == '\'' || t.charAt(0) == '"')
                && t.charAt(t.length() - 1) == t.charAt(0)) {
            // a reply as a string literal (node-ftp's debug: < '425 Cannot open data connection.\r\n'); a chunk of
            // several replies is read again reply by reply in the lines that follow it
            String text = Tracebacks.unrepr(t).strip();
            return text.indexOf('\n') >= 0 ? LogLine.of(Kind.OTHER, Side.IGNORED, f, t, indented)
                    : reply(Side.SERVER, f, text, indented, Kind.SERVER_TEXT);
        }
        Matcher parsed = p.side() == Side.SERVER && t.startsWith("code=") ? NODE_FTP_RESPONSE.matcher(t) : null;
        if (parsed != null && parsed.matches()) { // node-ftp: Response: code=425, buffer='Cannot open data ...'
            return reply(Side.SERVER, f, parsed.group(1) + " " + Tracebacks.unrepr(parsed.group(2)).strip(), indented,
                    Kind.SERVER_TEXT);
        }
        return switch (p.side()) {
            case SERVER -> reply(Side.SERVER, f, t, indented, Kind.SERVER_TEXT);
            case CLIENT -> command(Side.CLIENT, f, t, false, indented);
            case STATUS -> status(f, t, indented);
            case ERROR -> Messages.error(Side.ERROR, f, t, indented, true);
            case MESSAGE -> Messages.message(f, t, indented);
            case IGNORED -> LogLine.of(Kind.OTHER, Side.IGNORED, f, t, indented);
            case PLAIN -> plain(t, indented);
        };
    }

    private LogLine plain(String t, boolean indented) {
        LogLine terse = TerseClients.read(t, indented); // Wput, aria2, an SSH banner
        if (terse != null) {
            return terse;
        }
        if (t.startsWith("421 Service") && BSD_SYNTHETIC.matcher(t).matches()) {
            Happening h = t.contains("timed out") ? Happening.TIMED_OUT : Happening.CLOSED;
            return new LogLine(Kind.EVENT, Side.MESSAGE, Format.BSD_FTP, t, 0, null, null, h, Boolean.TRUE, indented);
        }
        LogLine r = reply(Side.PLAIN, Format.PLAIN, t, indented, null);
        if (r != null) {
            return r;
        }
        LogLine c = command(Side.PLAIN, Format.PLAIN, t, true, indented);
        if (c.kind() == Kind.COMMAND) {
            lowerCaseVerbs |= Character.isLowerCase(t.charAt(0)); // a client that writes "pass ***" writes "stat x"
            return c;
        }
        if (lowerCaseVerbs && Character.isLowerCase(t.charAt(0))) {
            Matcher m = COMMAND_LINE.matcher(t);
            if (m.matches() && m.group(1).equals(m.group(1).toLowerCase(Locale.ROOT))
                    && ClientPhrases.KNOWN_VERBS.contains(m.group(1).toUpperCase(Locale.ROOT))) {
                return command(Side.PLAIN, Format.PLAIN, t, false, indented);
            }
        }
        char first = Character.toLowerCase(t.charAt(0));
        TranslatedMessages.Restated wget = TranslatedMessages.wget(t); // Wget without -d: all it says of a failure
        if (wget != null && wget.happening() != null) {
            return new LogLine(Kind.EVENT, Side.MESSAGE, Format.WGET, t.strip(), 0, null, null, wget.happening(),
                    Boolean.TRUE, indented);
        }
        if (wget != null) { // the line as written, and Wget's English original when it was translated
            String said = t.strip();
            String text = said.equalsIgnoreCase(wget.english()) ? wget.code() + " " + said
                    : wget.code() + "-" + said + "\n" + wget.code() + " " + wget.english();
            return new LogLine(Kind.RESTATED, Side.MESSAGE, Format.WGET, text,
                    wget.code(), wget.command(), null, null, null, indented);
        }
        LogLine lftp = lftpLine(t, indented);
        if (lftp == null) { // lftp names the file first when a command on one fails: "get: a.csv: Login failed: ..."
            Matcher file = t.indexOf(": ") > 0 && t.indexOf(": ") <= 10 ? LFTP_FILE.matcher(t) : null;
            lftp = file != null && file.matches() ? lftpLine(file.group(1) + file.group(2), indented) : null;
        }
        if (lftp != null) {
            return lftp;
        }
        Matcher w = (first == 'c' || first == 'r') && t.endsWith(".") || t.contains("failed: ")
                ? WGET_FAILED.matcher(t) : null;
        if (w != null && w.matches()) {
            LogLine e = Messages.error(Side.MESSAGE, Format.WGET, w.group(1), indented, false);
            if (e.kind() == Kind.EVENT) {
                return e;
            }
        }
        if ("nlcrs".indexOf(first) >= 0 && BSD_MESSAGE.matcher(t).matches()) {
            // "Connected to host." is also NcFTP's: it says nothing about the format
            Format f = Messages.isConnectedLine(t) ? Format.PLAIN : Format.BSD_FTP;
            LogLine m = Messages.message(f, t, indented);
            return m.kind() == Kind.OTHER ? LogLine.of(Kind.OTHER, Side.MESSAGE, f, t, indented) : m;
        }
        int colon = t.indexOf(": ");
        Matcher m = colon > 0 && colon <= 21 && Character.isLowerCase(t.charAt(0)) ? PROGRAM.matcher(t) : null;
        if (m != null && m.matches()) {
            LogLine said = Messages.message(program(m.group(1)), t, indented);
            if (t.startsWith("curl: (67) ") && said.kind() == Kind.RESTATED) { // CURLE_LOGIN_DENIED: USER or PASS
                return new LogLine(Kind.RESTATED, Side.MESSAGE, Format.CURL, said.text(), said.code(), "PASS", null,
                        null, Boolean.TRUE, indented);
            }
            Matcher to = said.kind() != Kind.RESTATED && Messages.embeddedCode(t) != 0 ? RESPONSE_TO.matcher(t) : null;
            if (to != null && to.find()) { // BusyBox ftpget/ftpput: "unexpected server response to USER: 530 ..."
                return new LogLine(Kind.RESTATED, Side.MESSAGE, Format.EMBEDDED, Messages.replyPart(t),
                        Messages.embeddedCode(t), to.group(1).toUpperCase(Locale.ROOT), null, null, Boolean.TRUE,
                        indented);
            }
            return said;
        }
        int quoted = Messages.embeddedCode(t);
        int quoteAt = quoted == 0 ? -1 : t.indexOf(": " + quoted + " ");
        if (quoted != 0 && quoteAt < 0) { // .NET's WebException: "...returned an error: (550) File unavailable..."
            quoteAt = t.indexOf(": (" + quoted + ") ");
        }
        if (quoted != 0 && quoteAt < 0) { // goftp "unexpected response: 553-C:\f: Access denied.", Cyberduck
            quoteAt = Math.max(t.indexOf(": " + quoted + "-"), t.indexOf(". " + quoted + " ")); // "Login failed. 530 .."
        }
        if (quoteAt > 0 && ClientPhrases.said(t.substring(0, quoteAt)).failure() && !Messages.isCode(t)) {
            // an error message that ends by quoting the reply (rclone: "...: failed to make FTP connection to
            // \"host:21\": 530 Login incorrect.")
            return Messages.error(Side.MESSAGE, Format.EMBEDDED, t, indented, true);
        }
        LogLine inside = EmbeddedLines.read(t, indented);
        if (inside.kind() == Kind.REPLY || inside.kind() == Kind.COMMAND) {
            return inside;
        }
        boolean cute = first == 'c' && CUTEFTP.matcher(t).matches();
        LogLine msg = Messages.message(cute ? Format.CUTEFTP : Format.PLAIN, t, indented);
        return msg.kind() == Kind.OTHER && inside.kind() == Kind.CODE ? inside : msg;
    }

    private static Format program(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tnftp", "ftp" -> Format.BSD_FTP;
            case "ncftp", "ncftpget", "ncftpput", "ncftpls" -> Format.NCFTP;
            case "curl" -> Format.CURL;
            default -> Format.PLAIN;
        };
    }

    static LogLine reply(Side side, Format f, String t, boolean indented, Kind otherwise) {
        if (t.length() < 3 || !Character.isDigit(t.charAt(0)) || !Character.isDigit(t.charAt(1))
                || !Character.isDigit(t.charAt(2))) {
            return otherwise == null ? null : LogLine.of(otherwise, side, f, t, indented);
        }
        Matcher m = REPLY_LINE.matcher(t);
        // unprefixed, only a code of RFC 959's grammar (§4.2: first digit 1-5, second 0-5) is a reply: "473 genomes read."
        if (m.matches() && !(side == Side.PLAIN && (PROSE_CODE.matcher(t).lookingAt() || t.charAt(1) > '5'))) {
            return new LogLine(Kind.REPLY, side, f, t, Integer.parseInt(m.group(1)), null, null, null, null, indented);
        }
        return otherwise == null ? null : LogLine.of(otherwise, side, f, t, indented);
    }

    /**
     * A command. Only the verb is kept, with the login name of {@code USER} and the path of file commands; a
     * {@code PASS} or {@code ACCT} argument is dropped here, and so is a login name masked as {@code ****}.
     */
    static LogLine command(Side side, Format f, String t, boolean strict, boolean indented) {
        if (t.isEmpty() || !Character.isLetter(t.charAt(0))) {
            return LogLine.of(Kind.OTHER, side, f, null, indented);
        }
        Matcher m = COMMAND_LINE.matcher(t);
        if (!m.matches()) {
            return LogLine.of(Kind.OTHER, side, f, null, indented);
        }
        String word = m.group(1);
        String verb = word.toUpperCase(Locale.ROOT);
        // unprefixed: a known verb in upper case (login verbs in any case, so that a password is never read as text)
        if (strict && (!ClientPhrases.KNOWN_VERBS.contains(verb)
                || !word.equals(verb) && !ClientPhrases.LOGIN_VERBS.contains(verb))) {
            return LogLine.of(Kind.OTHER, side, f, null, indented);
        }
        String arg = m.group(2) == null ? null : m.group(2).strip();
        String kept = null;
        if (arg != null && !arg.isEmpty() && !ClientPhrases.SECRET_VERBS.contains(verb)) {
            if ("USER".equals(verb)) {
                // the login name only: "user NAME PASSWORD" (a BSD ftp script) must not keep the password
                String name = arg.split("\\s+", 2)[0];
                kept = name.chars().allMatch(c -> c == '*') ? null : name;
            } else if (ClientPhrases.PATH_VERBS.contains(verb)) {
                kept = arg;
            }
        }
        return new LogLine(Kind.COMMAND, side, f, null, 0, verb, kept, null, null, indented);
    }

    /** An lftp error line: the reply it restates (for the FTP command its own command sends), or an event. */
    /** lftp's error after the command typed, in English or translated, or null. */
    private static LogLine lftpLine(String t, boolean indented) {
        Matcher lftp = t.indexOf(" failed: ") > 0 || t.indexOf(": Fatal error: ") > 0 ? LFTP_ERROR.matcher(t) : null;
        if (lftp != null && lftp.matches()) {
            return lftpError(lftp.group(1), lftp.group(2), lftp.group(3), indented);
        }
        Matcher translated = t.indexOf(": ") > 0 && t.indexOf(": ") <= 10 ? LFTP_TRANSLATED.matcher(t) : null;
        if (translated != null && translated.matches() && TranslatedMessages.lftpError(translated.group(2)) != null) {
            return lftpError(translated.group(1), TranslatedMessages.lftpError(translated.group(2)), translated.group(3),
                    indented);
        }
        return null;
    }

    private static LogLine lftpError(String typed, String what, String rest, boolean indented) {
        LogLine e = Messages.error(Side.ERROR, Format.LFTP, rest, indented, true);
        if (e.kind() != Kind.RESTATED) {
            return e;
        }
        String verb = what.startsWith("Login") ? "PASS" : ClientPhrases.lftpVerb(typed);
        return new LogLine(Kind.RESTATED, Side.ERROR, Format.LFTP, e.text(), e.code(), verb, null, null, null, indented);
    }

    private static LogLine status(Format f, String t, boolean indented) {
        LogLine marker = Messages.marker(Side.STATUS, f, t, indented);
        if (marker != null) {
            return marker;
        }
        if (t.indexOf("assive") >= 0 && ClientPhrases.mentionsPassive(t)) {
            return LogLine.of(Kind.PASSIVE, Side.STATUS, f, t, indented);
        }
        if (t.indexOf('"') >= 0 && ClientPhrases.happening(t) != null && ClientPhrases.said(t).failure()) {
            // FileZilla writes why a connection attempt failed as a status, the socket error quoted:
            // Connection attempt failed with "ECONNREFUSED - Connection refused by server".
            return Messages.error(Side.STATUS, f, t, indented, false);
        }
        return LogLine.of(Kind.OTHER, Side.STATUS, f, t, indented);
    }

}
