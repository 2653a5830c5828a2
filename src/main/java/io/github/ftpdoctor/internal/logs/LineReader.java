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
    private static final Pattern REPLY_LINE = Pattern.compile("^([1-6]\\d\\d)(?:[ -].*)?$", Pattern.DOTALL);
    private static final Pattern COMMAND_LINE = Pattern.compile("^([A-Za-z][A-Za-z0-9]{1,15})(?:\\s+(.*))?$",
            Pattern.DOTALL);
    /** A client starting a connection: FileZilla, WinSCP, CuteFTP, lftp {@code Connecting to}, curl {@code Trying}. */
    private static final Pattern CONNECTING = Pattern.compile(
            "^(connecting to\\b|trying\\b|resolving address\\b)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_CONNECTING = Pattern.compile("^connecting data (socket|connection)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_CONNECTED = Pattern.compile("^data connection established\\b",
            Pattern.CASE_INSENSITIVE);
    /** The TCP connection made: CuteFTP {@code Connected.}, curl {@code Connected to}, FileZilla, WinSCP. */
    private static final Pattern CONNECTED = Pattern.compile("^(connected\\b|connection established\\b)",
            Pattern.CASE_INSENSITIVE);
    /** CuteFTP's own connection lines, as in the seed. */
    private static final Pattern CUTEFTP = Pattern.compile(
            "^(connected\\. waiting for response\\.|connecting to .*port \\d+ \\(#\\d+\\)|connection attempt failed\\."
                    + " waiting for retry.*)$", Pattern.CASE_INSENSITIVE);
    /** BSD ftp and tnftp report a closed connection or their own timeout as a reply of their own. */
    private static final Pattern BSD_SYNTHETIC = Pattern.compile(
            "^421 Service not available, remote server (has closed connection|timed out)\\b.*$");
    private static final Pattern BSD_NAME = Pattern.compile("^Name \\([^)]*\\):\\s*(.*)$");
    private static final Pattern BSD_PASSWORD = Pattern.compile("^Password:");
    private static final Pattern BSD_PROMPT = Pattern.compile("^ftp>\\s*(.*)$");
    private static final Pattern BSD_MESSAGE = Pattern.compile(
            "^(not connected\\.|login failed\\.?|connected to \\S+\\.|remote system type is\\b.*|setupsockbufsize:.*)$",
            Pattern.CASE_INSENSITIVE);
    /** {@code program: message}: tnftp, ncftpget, curl, lftp's commands ({@code ls: Login failed: ...}). */
    private static final Pattern PROGRAM = Pattern.compile("^([a-z][\\w.-]{0,20}): (.+)$");
    /** A reply code inside a client's message: {@code Login failed: 530 Login incorrect.}, {@code (421 ...)}. */
    private static final Pattern EMBEDDED_CODE = Pattern.compile("(?:^|[\\s(:])([1-5]\\d\\d)(?=[ -]+\\p{L}|\\s*$)");
    /** Lines of program code: statements, calls, assignments. Never evidence. */
    private static final Pattern CODE = Pattern.compile(
            "^(?:(?:import|from|def|class|return|raise|if|elif|else|for|while|with|try|except|catch|finally|throw"
                    + "|new|var|let|const|val|public|private|protected|static|final|void|print|echo|set)\\b"
                    + "|#include|//|/\\*|>>>|\\$ )"
                    + "|^[A-Za-z_$][\\w$]*(?:\\s*(?:\\.|->|::)\\s*[A-Za-z_$][\\w$]*|\\[[^\\]]*])*\\s*(?:[-+*/]?=(?!=)|\\()"
                    + "|[;{}]\\s*$");
    /** The separators after which the fallback looks for a command or a reply inside other text. */
    private static final Pattern EMBEDDED = Pattern.compile("(?:[\\])>:]|<-+|-+>)\\s*(?:[<>]\\s*)?");

    /** The fallback looks no further than this many separators, in lines no longer than this. */
    private static final int MAX_EMBEDDED_TRIES = 16;
    private static final int MAX_EMBEDDED_LINE = 2048;

    private final Tracebacks tracebacks = new Tracebacks();
    private final ReportSyntax report = new ReportSyntax();
    private boolean lftpSeen;

    LogLine read(String raw) {
        if (raw == null || raw.isBlank()) {
            return LogLine.BLANK;
        }
        boolean indented = Character.isWhitespace(raw.charAt(0));
        // Python tracebacks first: their source lines look like anything
        if (tracebacks.inTraceback()) {
            Tracebacks.Thrown t = tracebacks.inside(raw);
            if (t != null) {
                return thrown(t, indented);
            }
            if (tracebacks.inTraceback()) {
                return LogLine.of(Kind.CODE, Side.IGNORED, Format.PYTHON, null, indented);
            }
        }
        String line = Prefixes.clean(raw);
        if (line.isEmpty()) {
            return LogLine.of(Kind.OTHER, Side.IGNORED, Format.CURL, "", indented);
        }
        if (tracebacks.start(line)) {
            return LogLine.of(Kind.CODE, Side.IGNORED, Format.PYTHON, null, indented);
        }
        ReportSyntax.Field field = report.read(raw, indented);
        if (field != null) {
            return reportField(field, indented);
        }
        boolean ownTranscript = report.inTranscript();
        LogLine l = special(line, indented);
        if (l == null) {
            l = prefixed(Prefixes.split(line), indented);
        }
        boolean arrows = l.format() == Format.PLAIN || l.format() == Format.CURL;
        return ownTranscript && arrows ? l.withFormat(Format.FTPDOCTOR) : l;
    }

    /** Python's debug output and exceptions, Java stack traces, the BSD ftp prompt: before the generic prefixes. */
    private LogLine special(String line, boolean indented) {
        String[] debug = Tracebacks.pythonDebug(line);
        if (debug != null) {
            return pythonDebug(debug[0], debug[1], indented);
        }
        if (Tracebacks.isJavaFrame(line) || indented && Tracebacks.isPythonCode(line)) {
            return LogLine.of(Kind.CODE, Side.IGNORED, indented ? Format.JAVA : Format.PLAIN, null, indented);
        }
        Tracebacks.Thrown t = Tracebacks.java(line);
        if (t == null && !indented) {
            t = Tracebacks.python(line);
        }
        if (t != null) {
            return thrown(t, indented);
        }
        Matcher m = BSD_NAME.matcher(line);
        if (m.matches()) {
            return command(Side.CLIENT, Format.BSD_FTP, "USER " + m.group(1).strip(), false, indented);
        }
        if (BSD_PASSWORD.matcher(line).find()) {
            return new LogLine(Kind.COMMAND, Side.CLIENT, Format.BSD_FTP, null, 0, "PASS", null, null, null, indented);
        }
        m = BSD_PROMPT.matcher(line);
        if (m.matches()) {
            return prompt(m.group(1).strip(), indented);
        }
        return null;
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

    /** A command typed at the BSD ftp prompt: the FTP verb it sends, or nothing (never the words typed). */
    private static LogLine prompt(String typed, boolean indented) {
        String[] words = typed.split("\\s+");
        String verb = words[0].isEmpty() ? null : ClientPhrases.promptVerb(words[0]);
        if (verb == null) {
            return LogLine.of(Kind.OTHER, Side.CLIENT, Format.BSD_FTP, null, indented);
        }
        String argument = null;
        if (words.length > 1 && ClientPhrases.PATH_VERBS.contains(verb)) {
            boolean upload = "STOR".equals(verb) || "APPE".equals(verb);
            argument = upload ? words[words.length - 1] : words[1];
        } else if ("USER".equals(verb) && words.length > 1) {
            argument = words[1]; // "user NAME PASSWORD": the password is dropped
        }
        return new LogLine(Kind.COMMAND, Side.CLIENT, Format.BSD_FTP, null, 0, verb, argument, null, null, indented);
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
        return switch (p.side()) {
            case SERVER -> reply(Side.SERVER, f, t, indented, Kind.SERVER_TEXT);
            case CLIENT -> command(Side.CLIENT, f, t, false, indented);
            case STATUS -> status(f, t, indented);
            case ERROR -> error(Side.ERROR, f, t, indented, true);
            case MESSAGE -> message(f, t, indented);
            case IGNORED -> LogLine.of(Kind.OTHER, Side.IGNORED, f, t, indented);
            case PLAIN -> plain(t, indented);
        };
    }

    private LogLine plain(String t, boolean indented) {
        if (BSD_SYNTHETIC.matcher(t).matches()) {
            Happening h = t.contains("timed out") ? Happening.TIMED_OUT : Happening.CLOSED;
            return new LogLine(Kind.EVENT, Side.MESSAGE, Format.BSD_FTP, t, 0, null, null, h, Boolean.TRUE, indented);
        }
        LogLine r = reply(Side.PLAIN, Format.PLAIN, t, indented, null);
        if (r != null) {
            return r;
        }
        LogLine c = command(Side.PLAIN, Format.PLAIN, t, true, indented);
        if (c.kind() == Kind.COMMAND) {
            return c;
        }
        if (BSD_MESSAGE.matcher(t).matches()) {
            // "Connected to host." is also NcFTP's: it says nothing about the format
            Format f = CONNECTED.matcher(t).find() ? Format.PLAIN : Format.BSD_FTP;
            LogLine m = message(f, t, indented);
            return m.kind() == Kind.OTHER ? LogLine.of(Kind.OTHER, Side.MESSAGE, f, t, indented) : m;
        }
        Matcher m = PROGRAM.matcher(t);
        if (m.matches()) {
            return message(program(m.group(1)), t, indented);
        }
        LogLine msg = message(CUTEFTP.matcher(t).matches() ? Format.CUTEFTP : Format.PLAIN, t, indented);
        if (msg.kind() != Kind.OTHER) {
            return msg;
        }
        return embedded(t, indented);
    }

    private static Format program(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tnftp", "ftp" -> Format.BSD_FTP;
            case "ncftp", "ncftpget", "ncftpput", "ncftpls" -> Format.NCFTP;
            case "curl" -> Format.CURL;
            default -> Format.PLAIN;
        };
    }

    private static LogLine reply(Side side, Format f, String t, boolean indented, Kind otherwise) {
        Matcher m = REPLY_LINE.matcher(t);
        if (m.matches()) {
            return new LogLine(Kind.REPLY, side, f, t, Integer.parseInt(m.group(1)), null, null, null, null, indented);
        }
        return otherwise == null ? null : LogLine.of(otherwise, side, f, t, indented);
    }

    /**
     * A command. Only the verb is kept, with the login name of {@code USER} and the path of file commands; a
     * {@code PASS} or {@code ACCT} argument is dropped here, and so is a login name masked as {@code ****}.
     */
    static LogLine command(Side side, Format f, String t, boolean strict, boolean indented) {
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
                kept = arg.chars().allMatch(c -> c == '*') ? null : arg;
            } else if (ClientPhrases.PATH_VERBS.contains(verb)) {
                kept = arg;
            }
        }
        return new LogLine(Kind.COMMAND, side, f, null, 0, verb, kept, null, null, indented);
    }

    private static LogLine status(Format f, String t, boolean indented) {
        LogLine marker = marker(Side.STATUS, f, t, indented);
        if (marker != null) {
            return marker;
        }
        if (ClientPhrases.mentionsPassive(t)) {
            return LogLine.of(Kind.PASSIVE, Side.STATUS, f, t, indented);
        }
        return LogLine.of(Kind.OTHER, Side.STATUS, f, t, indented);
    }

    private static LogLine marker(Side side, Format f, String t, boolean indented) {
        if (DATA_CONNECTING.matcher(t).find()) {
            return LogLine.of(Kind.DATA_CONNECTING, side, f, t, indented);
        }
        if (DATA_CONNECTED.matcher(t).find()) {
            return LogLine.of(Kind.DATA_CONNECTED, side, f, t, indented);
        }
        if (CONNECTING.matcher(t).find()) {
            return LogLine.of(Kind.CONNECTING, side, f, t, indented);
        }
        if (CONNECTED.matcher(t).find()) {
            return LogLine.of(Kind.CONNECTED, side, f, t, indented);
        }
        return null;
    }

    /** A client's message (curl {@code *}, WinSCP {@code .}, a program's message): a marker, an event, an error. */
    private static LogLine message(Format f, String t, boolean indented) {
        LogLine marker = marker(Side.MESSAGE, f, t, indented);
        if (marker != null) {
            return marker;
        }
        if (ClientPhrases.mentionsPassive(t)) {
            return LogLine.of(Kind.PASSIVE, Side.MESSAGE, f, t, indented);
        }
        if (CODE.matcher(t).find()) {
            return LogLine.of(Kind.CODE, Side.MESSAGE, f, null, indented);
        }
        return error(Side.MESSAGE, f, t, indented, false);
    }

    /** An error line: an event if it names one, else a failure message (with the reply code it restates). */
    private static LogLine error(Side side, Format f, String t, boolean indented, boolean always) {
        Happening h = ClientPhrases.happening(t);
        int code = embeddedCode(t);
        if (h != null && code == 0) {
            return new LogLine(Kind.EVENT, side, f, t, 0, null, null, h, ClientPhrases.connected(t), indented);
        }
        if (always || code != 0 && f != Format.PLAIN || ClientPhrases.reportsFailure(t)) {
            boolean restated = code != 0 && f != Format.PLAIN;
            return new LogLine(restated ? Kind.RESTATED : Kind.CLIENT_ERROR, side, f, restated ? replyPart(t) : t,
                    code, null, null, h, null, indented);
        }
        return LogLine.of(Kind.OTHER, side, f, t, indented);
    }

    /** The reply a message restates, from its code on: {@code (421 Too many.)} gives {@code 421 Too many.} */
    static String replyPart(String t) {
        Matcher m = EMBEDDED_CODE.matcher(t);
        if (!m.find()) {
            return t;
        }
        String r = t.substring(m.start(1)).strip();
        boolean parenthesised = m.start(1) > 0 && t.charAt(m.start(1) - 1) == '(';
        return parenthesised && r.endsWith(")") ? r.substring(0, r.length() - 1) : r;
    }

    static int embeddedCode(String t) {
        Matcher m = EMBEDDED_CODE.matcher(t);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** An exception line: a reply it restates, a transport event, or a failure that says nothing more. */
    private static LogLine thrown(Tracebacks.Thrown t, boolean indented) {
        String msg = t.message();
        Matcher reply = REPLY_LINE.matcher(msg);
        if (reply.matches()) { // ftplib.error_perm: 530 Login incorrect.
            return new LogLine(Kind.RESTATED, Side.MESSAGE, t.format(), msg, Integer.parseInt(reply.group(1)),
                    t.command(), null, null, t.connected(), indented);
        }
        String text = t.className() + (msg.isEmpty() ? "" : ": " + msg);
        Happening h = ClientPhrases.happening(msg);
        Boolean connected = h == null ? null : ClientPhrases.connected(msg);
        if (h == null) {
            h = ClientPhrases.exception(t.className());
        }
        if (connected == null) {
            connected = t.connected();
        }
        int code = embeddedCode(msg);
        if (h != null && code == 0) {
            return new LogLine(Kind.EVENT, Side.MESSAGE, t.format(), text, 0, t.command(), null, h, connected, indented);
        }
        return new LogLine(code == 0 ? Kind.CLIENT_ERROR : Kind.RESTATED, Side.MESSAGE, t.format(),
                code == 0 ? text : replyPart(msg), code, t.command(), null, h, connected, indented);
    }

    /**
     * The fallback: a command or a reply inside some other text, after a separator ({@code ]}, {@code )},
     * {@code >}, {@code :}, an arrow), as in {@code I/flutter (13572): [12:42:48.553] < 220 Microsoft FTP Service}.
     */
    private static LogLine embedded(String t, boolean indented) {
        if (t.length() > MAX_EMBEDDED_LINE || CODE.matcher(t).find()) {
            return LogLine.of(Kind.CODE, Side.PLAIN, Format.PLAIN, null, indented);
        }
        Matcher m = EMBEDDED.matcher(t);
        for (int tries = 0; tries < MAX_EMBEDDED_TRIES && m.find(); tries++) {
            int at = m.end();
            if (at >= t.length()) {
                break;
            }
            Matcher r = REPLY_LINE.matcher(t).region(at, t.length());
            if (r.matches() && t.length() - at > 4) {
                return new LogLine(Kind.REPLY, Side.SERVER, Format.EMBEDDED, t.substring(at).strip(),
                        Integer.parseInt(r.group(1)), null, null, null, null, indented);
            }
            Matcher c = COMMAND_LINE.matcher(t).region(at, t.length());
            if (c.matches() && ClientPhrases.KNOWN_VERBS.contains(c.group(1))) {
                return command(Side.CLIENT, Format.EMBEDDED, t.substring(at).strip(), true, indented);
            }
        }
        return LogLine.of(Kind.OTHER, Side.PLAIN, Format.PLAIN, t, indented);
    }
}
