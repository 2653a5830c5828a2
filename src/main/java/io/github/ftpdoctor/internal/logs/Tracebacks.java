package io.github.ftpdoctor.internal.logs;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python tracebacks and debug output, and Java stack traces. Frames and the source lines a Python traceback
 * quotes are program code, never evidence; the final exception line is what the client concluded and is evidence.
 * The frames only say where the program was: connecting ({@code create_connection}) or reading a reply
 * ({@code getline}, {@code readinto}), and which {@code ftplib} method was running. Holds the state of one
 * traceback; not thread-safe.
 */
final class Tracebacks {
    /** An exception line: its format, class, message, and what the frames before it said. */
    record Thrown(Format format, String className, String message, boolean cause, Boolean connected,
                  String command) {
    }

    private static final Pattern PY_START = Pattern.compile("^Traceback \\(most recent call last\\):\\s*$");
    private static final Pattern PY_FRAME = Pattern.compile("^\\s*File \"([^\"]*)\", line \\d+(?:, in (\\S+))?");
    private static final Pattern PY_MARKERS = Pattern.compile("^\\s*[~^]+\\s*$");
    private static final Pattern PY_EXCEPTION = Pattern.compile("^((?:[A-Za-z_]\\w*\\.)*([A-Za-z_]\\w*))(?::\\s?(.*))?$");
    private static final Pattern PY_NAME = Pattern.compile(
            ".+(?:Error|Exception|Warning|Exit|Interrupt)|error_(?:perm|temp|reply|proto)|timeout|gaierror|herror");
    private static final Pattern PY_DEBUG = Pattern.compile("^\\*(cmd|resp|put|get|welcome)\\* (.*)$");
    private static final Pattern JAVA_FRAME = Pattern.compile(
            "^\\s*(?:at (?:\\(wrapper [\\w-]+\\) )?[\\w$.<>/`+-]+ ?\\(.*\\)(?: \\[0x\\p{XDigit}+\\])?(?: in .+:(?:line )?\\d+)?"
                    + "|\\.\\.\\. \\d+ (?:more|common frames omitted))\\s*$");
    /** PowerShell's error record of a .NET call: {@code Exception calling "GetResponse" with "0" argument(s): "..."}. */
    private static final Pattern RUBY_EXCEPTION = Pattern.compile(
            "^\\S+:\\d+:in [`'][^`']+': (.+) \\(([A-Z]\\w*(?:::[A-Z]\\w*)+|[A-Z]\\w*(?:Error|Exception))\\)\\s*$");
    private static final Pattern RUBY_FRAME = Pattern.compile("^(?:from )?\\S+\\.rb:\\d+:in [`'][^`']+'\\s*$");
    private static final Pattern POWERSHELL_POSITION = Pattern.compile("^At (?:line:\\d+|.+:\\d+) char:\\d+\\s*$");
    private static final Pattern POWERSHELL_EXCEPTION = Pattern.compile(
            "^Exception calling \"([^\"]+)\" with \"\\d+\" argument\\(s\\): \"(.*)\"\\s*$");
    private static final Pattern JAVA_EXCEPTION = Pattern.compile(
            "^(Exception in thread \"[^\"]*\" |Caused by: |Suppressed: |Unhandled exception\\. |Unhandled Exception: |\\[ERROR\\] FATAL UNHANDLED EXCEPTION: "
                    + "|---> |[A-Za-z][\\w .-]{0,40}?: )?((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*"
                    + "(?:Exception|Error|Throwable))(?: \\((?:0x\\p{XDigit}{1,8}|\\d{1,6})\\))?(?::\\s?(.*))?$"); // .NET: "(10061)"
    /** Python frames that read a reply (the connection was made) or make the connection. */
    private static final Set<String> READING = Set.of("getline", "getmultiline", "getresp", "voidresp", "readline",
            "readinto", "recv_into", "recv", "sendcmd", "voidcmd", "read");
    private static final Set<String> CONNECTING = Set.of("create_connection", "getaddrinfo", "connect_ex");

    private boolean inTraceback;
    private Boolean connected;
    private String method;

    /** Whether the line starts a Python traceback; if so the traceback's state is reset. */
    boolean start(String line) {
        if (PY_START.matcher(line).matches()) {
            inTraceback = true;
            connected = null;
            method = null;
            return true;
        }
        return false;
    }

    boolean inTraceback() {
        return inTraceback;
    }

    /**
     * A line inside a Python traceback: null for a frame or a source line (recorded as context), or the exception
     * that ends the traceback. A line that is neither ends the traceback and is returned as null with
     * {@link #inTraceback()} false, to be read as an ordinary line.
     */
    Thrown inside(String raw) {
        Matcher f = PY_FRAME.matcher(raw);
        if (f.find()) {
            String function = f.group(2);
            if (function != null) {
                if (READING.contains(function)) {
                    connected = Boolean.TRUE;
                } else if (CONNECTING.contains(function)) {
                    connected = Boolean.FALSE;
                }
                if (f.group(1).endsWith("ftplib.py") && method == null && ClientPhrases.ftplibCommand(function) != null) {
                    method = function;
                }
            }
            return null;
        }
        if (raw.isEmpty() || Character.isWhitespace(raw.charAt(0)) || PY_MARKERS.matcher(raw).matches()) {
            return null; // a source line the frame quotes, or the ^^^^ under it
        }
        inTraceback = false;
        Thrown t = python(raw.strip());
        if (t != null) {
            return new Thrown(t.format(), t.className(), t.message(), false, connected,
                    method == null ? null : ClientPhrases.ftplibCommand(method));
        }
        return null;
    }

    /** Whether a line inside a traceback is code (a frame, a source line, the markers under it). */
    static boolean isPythonCode(String raw) {
        return PY_FRAME.matcher(raw).find() || PY_MARKERS.matcher(raw).matches();
    }

    /** A Python exception line ({@code ftplib.error_perm: 530 ...}, {@code TimeoutError: timed out}), or null. */
    static Thrown python(String line) {
        Matcher m = PY_EXCEPTION.matcher(line);
        if (!m.matches() || !PY_NAME.matcher(m.group(2)).matches()) {
            return null;
        }
        return new Thrown(Format.PYTHON, m.group(1), m.group(3) == null ? "" : m.group(3).strip(), false, null, null);
    }

    /** PowerShell's position line under an error: {@code At C:\\scripts\\up.ps1:14 char:1}. */
    static boolean isPowerShellPosition(String line) {
        return POWERSHELL_POSITION.matcher(line).matches();
    }

    static boolean isJavaFrame(String raw) {
        return JAVA_FRAME.matcher(raw).matches();
    }

    /** A Java exception line ({@code Exception in thread "main" java.net.ConnectException: ...}), or null. */
    static Thrown java(String line) {
        Matcher m = JAVA_EXCEPTION.matcher(line);
        if (!m.matches()) {
            return null;
        }
        // .NET writes an inner exception after " ---> ", as Java writes "Caused by: "; an application's own words
        // may come before the exception it logs ("Unittest failed: System.Net.WebException: ...")
        boolean cause = m.group(1) != null && (m.group(1).startsWith("Caused") || m.group(1).startsWith("Suppressed")
                || m.group(1).startsWith("--->"));
        boolean dotnet = m.group(1) != null && (m.group(1).startsWith("Unhandled") || m.group(1).startsWith("["))
                || m.group(2).startsWith("System.");
        int inner = m.group(3) == null ? -1 : m.group(3).lastIndexOf(" ---> ");
        Thrown in = inner < 0 ? null : java(m.group(3).substring(inner + 1));
        if (in != null) { // .NET's ToString() on one line: "Outer: words ---> System.TimeoutException: ..."
            return new Thrown(Format.DOTNET, in.className(), in.message(), true, null, null);
        }
        return new Thrown(dotnet ? Format.DOTNET : Format.JAVA, m.group(2), m.group(3) == null ? "" : m.group(3).strip(),
                cause, null, null);
    }

    /** A Ruby exception as Ruby prints it, {@code file:line:in `method': message (Class)}, or null. */
    static Thrown ruby(String line) {
        Matcher m = line.indexOf(":in ") > 0 ? RUBY_EXCEPTION.matcher(line) : null;
        if (m == null || !m.matches()) {
            return null;
        }
        return new Thrown(Format.RUBY, m.group(2), m.group(1).strip(), false, null, null);
    }

    /** A frame of a Ruby backtrace: {@code from /usr/lib/ruby/net/ftp.rb:264:in `sendcmd'}. */
    static boolean isRubyFrame(String line) {
        return RUBY_FRAME.matcher(line).matches();
    }

    /** PowerShell's report of an exception thrown by a .NET method it called, or null. */
    static Thrown powerShell(String line) {
        Matcher m = line.startsWith("Exception calling ") ? POWERSHELL_EXCEPTION.matcher(line) : null;
        if (m == null || !m.matches()) {
            return null;
        }
        return new Thrown(Format.DOTNET, "MethodInvocationException", m.group(2).strip(), false, null, null);
    }

    /** A line of Python's {@code ftplib} debug output: the tag and the payload, unquoted; or null. */
    static String[] pythonDebug(String line) {
        Matcher m = PY_DEBUG.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return new String[] {m.group(1), unrepr(m.group(2).strip())};
    }

    /**
     * A Python string literal as {@code repr()} writes it ({@code '220 ok\r\n'}) back to its text; text that is no
     * literal is returned as it is.
     */
    static String unrepr(String s) {
        if (s.length() < 2) {
            return s;
        }
        char q = s.charAt(0);
        if ((q != '\'' && q != '"') || s.charAt(s.length() - 1) != q) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int end = s.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= end) {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'x' -> i = hex(s, i, 2, end, sb);
                case 'u' -> i = hex(s, i, 4, end, sb);
                case 'U' -> i = hex(s, i, 8, end, sb);
                default -> sb.append(e); // \\ \' \" and anything else
            }
        }
        return sb.toString();
    }

    private static int hex(String s, int at, int digits, int end, StringBuilder sb) {
        if (at + digits >= end) {
            sb.append(s.charAt(at));
            return at;
        }
        try {
            int cp = Integer.parseInt(s.substring(at + 1, at + 1 + digits), 16);
            if (Character.isValidCodePoint(cp)) {
                sb.appendCodePoint(cp);
                return at + digits;
            }
        } catch (NumberFormatException e) {
            // not an escape after all: keep the character
        }
        sb.append(s.charAt(at));
        return at;
    }
}
