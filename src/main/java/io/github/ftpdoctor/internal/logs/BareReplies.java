package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.internal.logs.LogLine.Kind;

/**
 * Replies printed without their codes by a client that shows the server's words alone after it says it connected
 * (yafc: {@code Connected to host ([127.0.0.1]:21).}, then {@code Login incorrect.}). A line is read as a reply only
 * under the code a server's own phrasing of it has in the catalog ({@link QuotedTexts#code}); any other line is
 * left alone. Bounded: a log whose lines are none of that stops being tried after {@value #MAX_TRIED} lines. One per
 * {@link Session}.
 */
final class BareReplies {
    private static final int MAX_TRIED = 64;
    private int tried;
    private boolean textSeen;

    /** The line as a reply restated with its code, or null. */
    LogLine read(Classifier classifier, LogLine l, String lastCommand) {
        String text = l.kind() == Kind.OTHER && l.text() != null ? l.text().strip() : "";
        if (text.length() < 4 || !Character.isLetter(text.charAt(0)) || tried++ >= MAX_TRIED) {
            return null;
        }
        int code = QuotedTexts.code(classifier, text, lastCommand);
        if (code == 0) {
            textSeen = true; // the server's greeting, as such a client prints it, or the client's own words
            return null;
        }
        return new LogLine(Kind.RESTATED, LogLine.Side.MESSAGE, Format.EMBEDDED, code + " " + text, code, lastCommand,
                null, null, Boolean.TRUE, l.indented());
    }

    /** Whether a line of words came before: the greeting was shown, so a later reply answered a command. */
    boolean afterText() {
        return textSeen;
    }
}
