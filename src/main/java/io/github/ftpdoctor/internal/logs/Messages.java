package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Happening;
import io.github.ftpdoctor.internal.logs.LogLine.Kind;
import io.github.ftpdoctor.internal.logs.LogLine.Side;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What clients write about what they do, as opposed to the dialogue: connection markers ({@code Connecting to},
 * {@code Connected}), messages that report an event or a failure, the replies they restate, the exceptions
 * programs end with, and the lines of program code that are never evidence.
 */
final class Messages {
    private Messages() {
    }

    /** A client's words for the login, before the reply it restates. */
    private static final Pattern LOGGING_IN = Pattern.compile(
            "\\b(?:log(?:ging)?[ -]?in(?:to)?|login|logon|authenticat\\w*|sign(?:ing)?[ -]?in)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REPLY_LINE = Pattern.compile("^([1-6]\\d\\d)(?:[ -].*)?$", Pattern.DOTALL);
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

    /** Whether the line says the connection was made ({@code Connected to host.}). */
    static boolean isConnectedLine(String t) {
        return CONNECTED.matcher(t).find();
    }

    static LogLine marker(Side side, Format f, String t, boolean indented) {
        if ((f == Format.FILEZILLA || f == Format.LFTP) && TranslatedMessages.startsConnecting(t)) {
            // FileZilla's and lftp's, in the languages they ship
            return LogLine.of(Kind.CONNECTING, side, f, t, indented);
        }
        char c = t.isEmpty() ? ' ' : Character.toLowerCase(t.charAt(0));
        if (c != 'c' && c != 'd' && c != 't' && c != 'r') {
            return null; // every English marker starts with one of these
        }
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
    static LogLine message(Format f, String t, boolean indented) {
        LogLine marker = marker(Side.MESSAGE, f, t, indented);
        ClientPhrases.Said said = ClientPhrases.said(t);
        if (marker != null && (said.happening() == null || marker.kind() == Kind.DATA_CONNECTING)) {
            return marker;
        }
        // else what came of the connection, on the same line (Wput: "Connecting to host:21... connectedReceive-Error:
        // read() failed. (errno: Connection refused (111))")
        if (said.passive()) {
            return LogLine.of(Kind.PASSIVE, Side.MESSAGE, f, t, indented);
        }
        if (isCode(t)) {
            return LogLine.of(Kind.CODE, Side.MESSAGE, f, null, indented);
        }
        return error(Side.MESSAGE, f, t, indented, false, said);
    }

    /** Whether a line is program code: a statement, a call, an assignment; never evidence. */
    static boolean isCode(String t) {
        String s = t.strip();
        if (s.isEmpty()) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        if (last == ';' || last == '{' || last == '}') {
            return true;
        }
        for (String start : CODE_STARTS) {
            if (s.startsWith(start)) {
                return true;
            }
        }
        int i = 0;
        int n = s.length();
        while (i < n && Character.isLetter(s.charAt(i))) {
            i++;
        }
        if (i > 0 && (i == n || !Character.isLetterOrDigit(s.charAt(i))) && CODE_WORDS.contains(s.substring(0, i))) {
            return true;
        }
        // an identifier chain (a.b->c::d[x]) followed by a call or an assignment
        i = 0;
        while (true) {
            int start = i;
            while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                i++;
            }
            if (i == start || Character.isDigit(s.charAt(start))) {
                return false;
            }
            while (i < n && s.charAt(i) == '[') {
                int close = s.indexOf(']', i);
                if (close < 0) {
                    return false;
                }
                i = close + 1;
            }
            int j = i;
            while (j < n && s.charAt(j) == ' ') {
                j++;
            }
            if (j < n && s.charAt(j) == '(') {
                // Dart prints an exception as its type, then itself: "FTPConnectException (FTPConnectException: ...)"
                String name = s.substring(start, i);
                return !(j > i && s.startsWith(name + ": ", j + 1)) && !calledThenSaid(s, j);
            }
            if (j < n && s.charAt(j) == '=' && (j + 1 == n || s.charAt(j + 1) != '=')) {
                return true;
            }
            if (j + 1 < n && "+-*/".indexOf(s.charAt(j)) >= 0 && s.charAt(j + 1) == '=') {
                return true;
            }
            if (j < n && s.charAt(j) == '.') {
                i = j + 1;
            } else if (s.startsWith("->", j) || s.startsWith("::", j)) {
                i = j + 2;
            } else {
                return false;
            }
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
        }
    }

    /**
     * Whether the call opened at {@code open} is followed by a colon and words: PHP's and C libraries' way of naming
     * the function that failed before the message ({@code ftp_login(): Login incorrect.}, {@code opendir(ftps://host/):
     * failed to open dir: ...}), which no statement of code looks like.
     */
    private static boolean calledThenSaid(String s, int open) {
        int depth = 0;
        for (int k = open; k < s.length() && k < open + 512; k++) {
            char c = s.charAt(k);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return k + 3 < s.length() && s.charAt(k + 1) == ':' && s.charAt(k + 2) == ' '
                        && Character.isLetter(s.charAt(k + 3));
            }
        }
        return false;
    }

    private static final List<String> CODE_STARTS = List.of("#include", "//", "/*", ">>>", "$ ");
    private static final Set<String> CODE_WORDS = Set.of("import", "from", "def", "class",
            "return", "raise", "if", "elif", "else", "for", "while", "with", "try", "except", "catch", "finally",
            "throw", "new", "var", "let", "const", "val", "public", "private", "protected", "static", "final", "void",
            "print", "echo", "set");

    /** An error line: an event if it names one, else a failure message (with the reply code it restates). */
    /** Whether the text is a reply line: a code of three digits, then a space, a hyphen or nothing. */
    static boolean isReplyLine(String t) {
        return REPLY_LINE.matcher(t).matches();
    }

    static LogLine error(Side side, Format f, String t, boolean indented, boolean always) {
        return error(side, f, t, indented, always, ClientPhrases.said(t));
    }

    private static LogLine error(Side side, Format f, String t, boolean indented, boolean always,
                                 ClientPhrases.Said said) {
        Happening h = said.happening();
        int code = embeddedCode(t);
        // a positive reply quoted beside the client's words for a failure is where the session stood, not the
        // failure (PHP's stream wrapper: "Unable to activate SSL mode" ... "FTP server reports 150 Opening ...")
        if (h != null && (code == 0 || code < 400)) {
            return new LogLine(Kind.EVENT, side, f, t, 0, null, null, h, said.connected(), indented);
        }
        // a plain message that ends with its reply's code in brackets restates that reply ("...from this IP[421]")
        // or that quotes the reply whole in parentheses at its end ("Failed to download. Response: (550 No file.)")
        boolean trailing = code != 0 && f == Format.PLAIN && (codeAt(t) < 0 || PARENTHESISED_REPLY.matcher(t).find()
                || NAMED_CODE_LAST.matcher(t).find());
        if (always || code != 0 && f != Format.PLAIN || trailing || said.failure()) {
            boolean restated = code != 0 && (f != Format.PLAIN || trailing);
            int at = restated ? codeAt(t) : -1;
            // "Error while Logging in into host:21: 421 ...": the client says which command the reply answered
            String verb = at > 0 && LOGGING_IN.matcher(t.substring(0, at)).find() ? "PASS" : null;
            return new LogLine(restated ? Kind.RESTATED : Kind.CLIENT_ERROR, side, trailing ? Format.EMBEDDED : f,
                    restated ? replyPart(t) : t, code, verb, null, h, null, indented);
        }
        return LogLine.of(Kind.OTHER, side, f, t, indented);
    }

    /**
     * The reply a message restates, from its code on: {@code (421 Too many.)} gives {@code 421 Too many.}; .NET's
     * {@code (530) Not logged in.}, a library's {@code Code=550 ('Filename invalid')} and Markdown's bold around a
     * pasted reply ({@code (220) **220 Client IP ...**}) give the code and the reply's own text.
     */
    static String replyPart(String t) {
        int at = codeAt(t);
        Matcher named = at > 0 ? NAMED_CODE_LAST.matcher(t) : null;
        if (named != null && named.find()) { // "connection error: Control connection timed out. code=421"
            return named.group(2) + " " + named.group(1).strip();
        }
        if (at < 0) {
            Matcher m = TRAILING_CODE.matcher(t);
            return m.find() ? m.group(2) + " " + m.group(1).strip() : t;
        }
        String code = t.substring(at, at + 3);
        String rest = t.substring(at + 3);
        char before = at > 0 ? t.charAt(at - 1) : ' ';
        if (before == '"' || before == '\'') { // quoted as a string: body: "530 Login incorrect.\r\n" }
            int close = rest.indexOf(before);
            rest = Tracebacks.unrepr("'" + (close >= 0 ? rest.substring(0, close) : rest) + "'");
        }
        // a reply in parentheses, or in square brackets (Jenkins' Publish Over FTP: "Server message: [522 ...]")
        boolean parenthesised = at > 0 && (t.charAt(at - 1) == '(' || t.charAt(at - 1) == '[');
        char closer = at > 0 && t.charAt(at - 1) == '[' ? ']' : ')';
        if (parenthesised && rest.startsWith(")")) {
            rest = rest.substring(1);
            parenthesised = false;
        }
        rest = rest.strip();
        if (rest.startsWith("('") || rest.startsWith("(\"")) { // Code=550 ('Filename invalid')
            rest = rest.substring(2);
            int close = Math.max(rest.lastIndexOf("')"), rest.lastIndexOf("\")"));
            rest = close >= 0 ? rest.substring(0, close) : rest;
        }
        rest = stripMarkup(rest);
        if (rest.startsWith(code + " ") || rest.startsWith(code + "-")) { // the code said twice
            rest = stripMarkup(rest.substring(4));
        }
        if (parenthesised && rest.endsWith(String.valueOf(closer))) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return (code + " " + rest).strip();
    }

    /** A text without the Markdown bold or code marks a user's paste put around it. */
    private static String stripMarkup(String s) {
        String r = s.strip();
        for (String mark : new String[] {"**", "`"}) {
            if (r.startsWith(mark)) {
                r = r.substring(mark.length());
                int end = r.lastIndexOf(mark);
                r = end >= 0 ? r.substring(0, end) + r.substring(end + mark.length()) : r;
            }
        }
        return r.strip();
    }

    /** What may stand between a restated code and its text: spaces, a dash, an opening quote, parenthesis or mark. */
    private static final String OPENERS = " -('\"`*\u2018\u201C\u00AB";

    static int embeddedCode(String t) {
        int at = codeAt(t);
        if (at < 0) {
            Matcher m = TRAILING_CODE.matcher(t);
            return m.find() ? Integer.parseInt(m.group(2)) : 0;
        }
        return Integer.parseInt(t.substring(at, at + 3));
    }

    /** A reply quoted whole at a message's end in parentheses or square brackets (the closing one may be cut off). */
    private static final Pattern PARENTHESISED_REPLY = Pattern.compile(
            "\\([1-5][0-5]\\d[ -]\\p{L}[^()]{2,300}\\)\\s*$|\\[[1-5][0-5]\\d[ -]\\p{L}[^\\[\\]]{2,300}]?\\s*$");

    /**
     * A message that ends with its reply's code named ({@code ... timed out. code=421}), as a program prints a
     * node-ftp error's message and its {@code code}: the words before it (after a program's own "...: ") are the text.
     */
    private static final Pattern NAMED_CODE_LAST = Pattern.compile(
            "(?:^|: )(\\p{L}[^:=]{3,300}?)[.,;]?\\s+[\\[(]?(?:code|status)\\s?[=:]\\s?([1-5][0-5]\\d)[\\])]?\\s*$");

    /** A message that ends with its reply's code in brackets (ftp-kr: {@code Too many connections (8) from this IP[421]}). */
    private static final Pattern TRAILING_CODE = Pattern.compile("^(?::\\s*)?(?:[a-z]{2,12}: )?(\\p{L}[^\\[\\]]{3,300}?)\\s*\\[([1-5]\\d\\d)]\\s*$");

    /**
     * Where a reply code stands inside a client's message: three digits from 100 to 599 at the start or after a
     * space, a parenthesis or a colon, followed by the reply's text or by the end ({@code Access denied: 530}); an
     * errno, a port or an address is no code.
     */
    private static int codeAt(String t) {
        int n = t.length();
        for (int i = 0; i + 3 <= n; i++) {
            char c = t.charAt(i);
            if (c < '1' || c > '5' || !Character.isDigit(t.charAt(i + 1)) || !Character.isDigit(t.charAt(i + 2))) {
                continue;
            }
            // a library's "Code=550" or "code: 550" (ArxOne.Ftp: File error. Code=550 ('Filename invalid'))
            boolean named = i >= 5 && (t.regionMatches(true, i - 5, "code=", 0, 5)
                    || t.regionMatches(true, i - 5, "code:", 0, 5));
            if (i > 0 && " (:\"'[".indexOf(t.charAt(i - 1)) < 0 && !named) {
                continue;
            }
            int j = i + 3;
            if (t.substring(j).isBlank()) {
                return i;
            }
            if (i > 0 && t.charAt(i - 1) == '(' && t.charAt(j) == ')') {
                j++; // .NET's FtpWebRequest: "The remote server returned an error: (530) Not logged in."
            }
            int k = j;
            while (k < n && OPENERS.indexOf(t.charAt(k)) >= 0) {
                k++;
            }
            if (k > j && k < n && Character.isLetter(t.charAt(k))) {
                return i;
            }
            if (k > j && t.startsWith(t.substring(i, i + 3) + " ", k)) {
                return i; // the code said twice, as a .NET message quotes a reply: (220) **220 Client IP ...**
            }
        }
        return -1;
    }

    /** An exception line: a reply it restates, a transport event, or a failure that says nothing more. */
    static LogLine thrown(Tracebacks.Thrown t, boolean indented) {
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

    /** A cheap test before the exception patterns: the name of a Python or Java exception class. */
    static boolean mayBeException(String line) {
        String rest = line;
        for (String prefix : List.of("Exception in thread ", "Caused by: ", "Suppressed: ", "Unhandled exception. ",
                "Unhandled Exception: ", "[ERROR] FATAL UNHANDLED EXCEPTION: ", "---> ")) { // .NET, .NET Framework, Mono
            if (rest.startsWith(prefix)) {
                rest = rest.substring(prefix.length());
                if (prefix.startsWith("Exception")) {
                    int quote = rest.indexOf("\" ");
                    rest = quote < 0 ? rest : rest.substring(quote + 2);
                }
                break;
            }
        }
        int end = rest.indexOf(':');
        String head = end < 0 ? rest : rest.substring(0, end);
        int paren = head.endsWith(")") ? head.lastIndexOf(" (") : -1;
        head = paren > 0 ? head.substring(0, paren) : head; // .NET's "SocketException (10061): ..."
        if (head.indexOf(' ') >= 0 && !rest.equals(line)) {
            return false; // after "Caused by: " and the like, the exception's name comes at once
        }
        if (head.indexOf(' ') >= 0) { // an application's words before the exception it logs: "Upload failed: java..."
            String after = end > 0 && end <= 41 ? rest.substring(end + 1).strip() : "";
            int next = after.indexOf(':');
            head = next < 0 ? after : after.substring(0, next);
            if (head.isEmpty() || head.indexOf(' ') >= 0 || head.indexOf('.') < 0) {
                return false;
            }
        }
        for (String word : EXCEPTION_WORDS) {
            if (head.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Every exception class name the patterns accept contains one of these. */
    private static final List<String> EXCEPTION_WORDS = List.of("Exception", "Error", "Throwable", "Warning",
            "Interrupt", "Exit", "error_", "timeout", "gaierror", "herror");


}
