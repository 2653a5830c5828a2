package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Kind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Node error printed whole by {@code console.error(err)}: its message first ({@code Error: Transfer aborted. No
 * space left on device}), then its stack, then its own properties in braces, where node-ftp and its forks keep the
 * reply's code ({@code code: 452}, lib/connection.js {@code makeError}). The code, when it comes, is paired with the
 * message it belongs to. One per {@link Session}.
 */
final class NodeErrors {
    private static final Pattern MESSAGE = Pattern.compile("(?:^|: )Error: (\\p{L}.{2,300})$");
    private static final Pattern CODE = Pattern.compile("^\\s*code: ([1-5][0-5]\\d),?\\s*$");
    /** How far below its message the code may come: a stack of Node frames. */
    private static final int MAX_DISTANCE = 60;
    private String text;
    private int line;

    /** The reply a remembered message restates, when this line is its code; remembers a message line. */
    LogLine read(int lineNo, String raw) {
        Matcher code = text != null && raw.indexOf("code: ") >= 0 ? CODE.matcher(raw) : null;
        if (code != null && code.matches() && lineNo - line <= MAX_DISTANCE) {
            String restated = code.group(1) + " " + text;
            text = null;
            return new LogLine(Kind.RESTATED, LogLine.Side.MESSAGE, Format.EMBEDDED, restated,
                    Integer.parseInt(code.group(1)), null, null, null, Boolean.TRUE, false);
        }
        Matcher m = raw.indexOf("Error: ") >= 0 ? MESSAGE.matcher(raw.strip()) : null;
        if (m != null && m.find()) {
            text = m.group(1).strip();
            line = lineNo;
        }
        return null;
    }

    /** The line of the message the last reply came from. */
    int line() {
        return line;
    }
}
