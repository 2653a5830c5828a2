package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.internal.logs.LogLine.Kind;

/**
 * Replies printed without their codes by a client that shows the server's words alone after it says it connected
 * (yafc: {@code Connected to host ([127.0.0.1]:21).}, then {@code Login incorrect.}). A line is read as a reply only
 * under the code a server's own phrasing of it, or a rule's pattern for a failure, has in the catalog
 * ({@link QuotedTexts#code}); any other line is
 * left alone. Bounded: a log whose lines are none of that stops being tried after {@value #MAX_TRIED} lines. One per
 * {@link Session}.
 */
final class BareReplies {
    private static final int MAX_TRIED = 64;
    private int tried;
    private boolean textSeen;

    /** The line as a reply restated with its code, or null. */
    LogLine read(Classifier classifier, LogLine l, String lastCommand) {
        // only a line with no prefix of its own (a client's status or error line is the client's words), and
        // never one that names a login command among its first words: what follows that may be a password
        String text = l.kind() == Kind.OTHER && (l.side() == LogLine.Side.PLAIN || l.side() == LogLine.Side.MESSAGE)
                && l.format() == Format.PLAIN && l.text() != null
                ? l.text().strip() : "";
        if (text.length() < 4 || !Character.isLetter(text.charAt(0)) || namesALoginCommand(text)
                || tried++ >= MAX_TRIED) {
            return null;
        }
        int code = QuotedTexts.code(classifier, text, null, true); // under any command: the log shows none
        if (code == 0) {
            textSeen = true; // the server's greeting, as such a client prints it, or the client's own words
            return null;
        }
        return new LogLine(Kind.RESTATED, LogLine.Side.MESSAGE, Format.EMBEDDED, code + " " + text, code, lastCommand,
                null, null, Boolean.TRUE, l.indented());
    }

    /** The commands whose argument may be a secret. */
    private static final java.util.Set<String> SECRET_VERBS = java.util.Set.of("USER", "PASS", "ACCT", "ADAT", "SITE");

    private static boolean namesALoginCommand(String text) {
        for (String word : text.split("[\\s:;,]+", 8)) { // anywhere among its first words ("ls: PASS x ...")
            if (SECRET_VERBS.contains(word.toUpperCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a line of words came before: the greeting was shown, so a later reply answered a command. */
    boolean afterText() {
        return textSeen;
    }
}
