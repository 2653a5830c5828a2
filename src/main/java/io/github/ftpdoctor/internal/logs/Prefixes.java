package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Side;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line prefixes of client logs: what is noise around a line (time stamps, curl's progress meter, a Markdown quote
 * mark) and what says who wrote it ({@code Response:}, {@code < }, {@code <--- }, WinSCP's marks...).
 */
final class Prefixes {
    private Prefixes() {
    }

    /** A line split into who wrote it, the format its prefix belongs to, and what it says. */
    record Split(Side side, Format format, String text) {
    }

    /**
     * FileZilla 3 log-file prefix ({@code 2026-01-02 03:04:05 1234 1 }), an ISO time, Go's {@code log} prefix
     * ({@code 2026/01/02 03:04:05}), or a bare time; after it, Wget's rate ({@code (410 MB/s) - }).
     */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^(?:\\d{4}[-/]\\d{2}[-/]\\d{2}[ T])?\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?"
                    + "(?:\\s+\\d+\\s+\\d+)?(?:\\s+|$)"
                    // Wget's time and rate before what happened to a transfer (src/ftp.c "%s (%s) - ")
                    + "(?:\\(\\d+(?:[.,]\\d+)?\\s?[KMGT]?B/s\\)\\s-\\s)?");
    /**
     * CuteFTP and others: {@code [2/1/2026 10:00:00 AM]}; not a reply code with its quoted text, as Wput writes a
     * reply ({@code [331] 'Password required'}).
     */
    private static final Pattern BRACKETED = Pattern.compile("^\\[(?![1-5]\\d\\d] ')[^\\]\\[]{1,64}]\\s*");
    /** The seed's own numbering of its situations: {@code 1.Connected.} */
    private static final Pattern SEED_NUMBER = Pattern.compile("^\\d{1,3}\\.(?=\\p{L})");
    private static final Pattern WORD_PREFIX = Pattern.compile(
            "^(status|command|response|error|warning|trace|listing|verbose|debug|info|c|s|client|server reply|server|sending|receiving)"
                    + "\\s*:(>?)",
            Pattern.CASE_INSENSITIVE);
    /** {@code > USER x}, {@code < 220 ...}, curl's {@code *}, {@code {}, {@code }}; {@code <550 ...} too (a reply). */
    private static final Pattern ARROW_PREFIX = Pattern.compile("^(?:([><*])(?=\\s|$|(?<=<)[1-5]\\d\\d[ -])|([{}])(?= \\[))");
    /** A Node {@code debug} namespace that names the side: {@code jsftp:command}, {@code jsftp:response}. */
    private static final Pattern DEBUG_NAMESPACE = Pattern.compile("^[a-z][\\w.-]{1,29}:(command|response) (?=\\S)");
    /** WinSCP's session log: a mark, then {@code 2012-07-17 22:00:37.670}. */
    private static final Pattern WINSCP = Pattern.compile(
            "^([.<>!*]) \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} ?(.*)$");
    /** Perl's Net::FTP debug output: the object, then {@code >>>} for a command and {@code <<<} for a reply. */
    private static final Pattern PERL = Pattern.compile("^[A-Za-z_][\\w:]*=GLOB\\(0x[0-9a-fA-F]+\\)(<<<|>>>) ?(.*)$");
    /** A reply written as a string literal with its line end escaped: {@code '220 Ready\\r\\n'}. */
    private static final Pattern LITERAL = Pattern.compile("^(['\"])(.*?)(?:\\\\r)?(?:\\\\n)?\\1$");
    private static final Pattern LFTP = Pattern.compile("^(--->|<---|----|\\*\\*\\*\\*)(?: (.*))?$");
    /** NcFTP writes a reply's code with a colon: {@code 331: Please specify the password.} */
    private static final Pattern NCFTP_REPLY = Pattern.compile("^([1-5]\\d\\d): ?(.*)$");
    /** A connection's number before NcFTP's {@code Cmd:} and {@code 150:} (Transmit): {@code 2: Cmd: STOR x}. */
    private static final Pattern NCFTP_NUMBERED = Pattern.compile("^\\d{1,2}: (?=Cmd: |[1-5]\\d\\d: )");
    /** One row of curl's progress meter, which shares standard error with {@code -v}. */
    private static final Pattern CURL_METER = Pattern.compile(
            "^(?:\\s*(?:\\d+(?:\\.\\d+)?[kMGTP]?\\s+){8}(?:--:--:--|\\d+:\\d\\d:\\d\\d)\\s+"
                    + "(?:--:--:--|\\d+:\\d\\d:\\d\\d)\\s+(?:--:--:--|\\d+:\\d\\d:\\d\\d)\\s+\\d+(?:\\.\\d+)?[kMGTP]?)+");
    /** A Markdown quote mark before a line that has a prefix of its own ({@code > Status: ...}). */
    private static final Pattern QUOTED = Pattern.compile(
            "^> ?(?=(?:status|command|response|error|trace)\\s*:|[<>*] |<---|--->|----|\\. )",
            Pattern.CASE_INSENSITIVE);

    /**
     * Docker Compose's prefix of each line with the service that wrote it ({@code web_1  | }, {@code web-1  | }), as
     * {@code docker compose logs} and {@code up} print it.
     */
    private static final Pattern COMPOSE = Pattern.compile("^[A-Za-z0-9][\\w.-]{0,62} +\\| ");

    /** A terminal's colour or cursor sequence (ECMA-48 CSI: ESC, '[', parameters, a final letter). */
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]{0,32}[A-Za-z]");

    /**
     * The line without control characters (a terminal's colour sequences as CI logs keep them; the NUL bytes
     * gftp-text writes before its lines), a byte-order mark, Docker Compose's prefix, curl's progress meter and a
     * Markdown quote mark.
     */
    static String clean(String raw) {
        String s = withoutControls(raw);
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        if (s.indexOf(" | ") > 0) {
            s = strip(COMPOSE, s);
        }
        if (s.indexOf("--:--") >= 0 || s.indexOf(":0") >= 0) { // the meter's time columns
            s = strip(CURL_METER, s);
        }
        s = s.stripLeading();
        s = s.startsWith(">") ? strip(QUOTED, s) : s;
        return s.startsWith("**") || s.startsWith("__") ? BOLD_PREFIX.matcher(s).replaceFirst("$2$3$4 ") : s;
    }

    /** A log prefix in Markdown bold, as pasted into an issue: {@code **Response:**}, {@code __Status__:}. */
    private static final Pattern BOLD_PREFIX = Pattern.compile(
            "^(\\*\\*|__)(\\p{L}[\\p{L} ]{0,30}?)(?:([:\uFF1A])\\1|\\1([:\uFF1A]))\\s*");

    /**
     * The line without an application log's prefix of time stamps and bracketed fields and the colon after them
     * ({@code [20:57:22] [Server thread/WARN]: at org...}); the line itself when it has none.
     */
    static String withoutLogPrefix(String line) {
        char first = line.isEmpty() ? ' ' : line.charAt(0);
        if (first != '[' && !Character.isDigit(first)) {
            return line;
        }
        String s = line;
        for (int i = 0; i < 4; i++) {
            String before = s;
            s = !s.isEmpty() && Character.isDigit(s.charAt(0)) ? strip(TIMESTAMP, s) : s;
            s = s.startsWith("[") ? strip(BRACKETED, s) : s;
            s = s.startsWith(":") ? s.substring(1).stripLeading() : s.stripLeading();
            if (s.equals(before)) {
                break;
            }
        }
        return s.equals(line) ? line : s;
    }

    /** Splits a cleaned line by its prefix. */
    static Split split(String line) {
        char first = line.isEmpty() ? ' ' : line.charAt(0);
        boolean mark = line.length() > 1 && line.charAt(1) == ' ' && ".<>!*".indexOf(first) >= 0;
        Matcher m = mark ? WINSCP.matcher(line) : null;
        if (m != null && m.matches()) {
            return new Split(winscpSide(first), Format.WINSCP, m.group(2).strip());
        }
        m = first == '-' || first == '<' || first == '*' ? LFTP.matcher(line) : null;
        if (m != null && m.matches()) {
            String rest = m.group(2) == null ? "" : m.group(2).strip();
            return switch (m.group(1)) {
                case "--->" -> new Split(Side.CLIENT, Format.LFTP, rest);
                case "<---" -> new Split(Side.SERVER, Format.LFTP, rest);
                case "----" -> new Split(Side.STATUS, Format.LFTP, rest);
                default -> new Split(Side.ERROR, Format.LFTP, rest);
            };
        }
        m = line.indexOf("=GLOB(") > 0 ? PERL.matcher(line) : null;
        if (m != null && m.matches()) {
            return new Split(m.group(1).equals("<<<") ? Side.SERVER : Side.CLIENT, Format.PERL, m.group(2).strip());
        }
        if (line.startsWith("--> ")) { // wget -d (ftp-basic.c: "--> %s\n")
            return new Split(Side.CLIENT, Format.WGET, line.substring(4).strip());
        }
        if (first >= '0' && first <= '9' && NCFTP_NUMBERED.matcher(line).lookingAt()) {
            return split(line.substring(line.indexOf(": ") + 2)); // Transmit numbers NcFTP's lines by connection
        }
        if (line.startsWith("Cmd: ")) {
            return new Split(Side.CLIENT, Format.NCFTP, line.substring(5).strip());
        }
        m = Character.isDigit(first) && line.length() > 3 && line.charAt(3) == ':' ? NCFTP_REPLY.matcher(line) : null;
        if (m != null && m.matches()) {
            return new Split(Side.SERVER, Format.NCFTP, m.group(1) + " " + m.group(2).strip());
        }
        if (first == '.' && mark) {
            return new Split(Side.MESSAGE, Format.WINSCP, line.substring(2).strip());
        }
        if (first == '"' && line.length() > 2 && line.endsWith("\"") && line.indexOf('"', 1) == line.length() - 1) {
            // a line printed as a string: Elixir's IO.inspect of Erlang's verbose ftp output ("Sending: PASV")
            return split(Tracebacks.unrepr(line));
        }
        String s = Character.isDigit(first) ? strip(TIMESTAMP, line) : line;
        for (int i = 0; i < 3 && s.startsWith("["); i++) { // [time] [level] [thread]
            s = strip(BRACKETED, s);
        }
        s = !s.isEmpty() && Character.isDigit(s.charAt(0)) ? strip(SEED_NUMBER, s) : s;
        int colon = s.indexOf(':');
        m = colon > 1 && colon <= 31 && Character.isLowerCase(s.charAt(0)) ? DEBUG_NAMESPACE.matcher(s) : null;
        if (m != null && m.find()) { // DEBUG=jsftp:* (the debug package): "jsftp:command retr a", "jsftp:response 550"
            String rest = s.substring(m.end()).strip(); // an object printed whole ("{") is read again line by line
            return new Split(rest.startsWith("{") ? Side.IGNORED : m.group(1).charAt(0) == 'c' ? Side.CLIENT
                    : Side.SERVER, Format.PLAIN, rest);
        }
        m = colon > 0 && colon <= 12 ? WORD_PREFIX.matcher(s) : null;
        if (m != null && m.find()) {
            String rest = strip(BRACKETED, s.substring(m.end()).stripLeading());
            String word = m.group(1).toLowerCase(Locale.ROOT);
            // CuteFTP: STATUS:> COMMAND:> ERROR:> or its bare ERROR: in capitals
            boolean cute = !m.group(2).isEmpty() || m.group(1).equals("ERROR") || m.group(1).equals("STATUS");
            return new Split(side(word), format(word, cute), rest.strip());
        }
        LocalizedPrefixes.Prefixed localized = colon > 0 || s.indexOf('\uFF1A') > 0 ? LocalizedPrefixes.match(s) : null;
        if (localized != null) {
            return new Split(localized.side(), Format.FILEZILLA, strip(BRACKETED, localized.text()).strip());
        }
        m = !s.isEmpty() && "><*{}".indexOf(s.charAt(0)) >= 0 ? ARROW_PREFIX.matcher(s) : null;
        if (m != null && m.find()) {
            Side side = switch (m.group(1) != null ? m.group(1) : m.group(2)) {
                case ">" -> Side.CLIENT;
                case "<" -> Side.SERVER;
                case "*" -> Side.MESSAGE;
                default -> Side.IGNORED; // curl's { [5 bytes data] and } [5 bytes data]
            };
            // curl writes its messages and data notes with * { }; its > and < are those of plain transcripts
            Format f = side == Side.MESSAGE || side == Side.IGNORED ? Format.CURL : Format.PLAIN;
            String rest = s.substring(m.end()).strip();
            Matcher literal = rest.length() > 1 && (rest.charAt(0) == '\'' || rest.charAt(0) == '"')
                    ? LITERAL.matcher(rest) : null;
            if (literal != null && literal.matches()) { // a debug log that quotes what it read: '220 Ready\r\n'
                rest = literal.group(2).strip();
            }
            if (side == Side.CLIENT && Messages.isReplyLine(rest)) {
                side = Side.SERVER; // "> 530 ..." quotes a reply (a Markdown quote, a reply pasted under a message)
            }
            return new Split(side, f, rest);
        }
        return new Split(Side.PLAIN, Format.PLAIN, s.strip());
    }

    private static Side winscpSide(char mark) {
        return switch (mark) {
            case '<' -> Side.SERVER;
            case '>' -> Side.CLIENT;
            case '.' -> Side.MESSAGE;
            default -> Side.ERROR; // '!' standard error, '*' an exception
        };
    }

    private static Side side(String word) {
        return switch (word) {
            case "status", "info", "verbose" -> Side.STATUS;
            case "command", "c", "client", "sending" -> Side.CLIENT; // Erlang/OTP ftp verbose: "Sending: USER x"
            case "response", "s", "server", "receiving", "server reply" -> Side.SERVER; // Commons Net's "Server Reply: "
            case "error", "warning" -> Side.ERROR;
            default -> Side.IGNORED;
        };
    }

    private static Format format(String word, boolean cute) {
        if (cute) {
            return Format.CUTEFTP;
        }
        return switch (word) {
            case "status", "command", "response", "error", "trace", "listing" -> Format.FILEZILLA;
            default -> Format.PLAIN;
        };
    }

    /** The text without ANSI sequences and C0 control characters other than the tab. */
    static String withoutControls(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) >= ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        String t = s.indexOf('\u001B') >= 0 ? ANSI.matcher(s).replaceAll("") : s;
        StringBuilder out = new StringBuilder(t.length());
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (c >= ' ' || c == '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String strip(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? s.substring(m.end()) : s;
    }
}
