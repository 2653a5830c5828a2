package io.github.ftpdoctor.internal.logs;

import java.util.regex.Pattern;

/**
 * A log pasted as a Markdown block quote ({@code > } before every line, as GitHub, forums and chat clients quote a
 * paste): the quote marks are taken off while the lines keep them, so that the log's own prefixes, tracebacks and
 * replies are read as they were written. Decided on the first line that is not blank: it starts with {@code >}, and
 * what follows is not a command the client sent ({@code > USER bob}, as plain transcripts and curl write their
 * commands) nor a reply. The quote ends at the first line without the mark. One per log.
 */
final class MarkdownQuote {
    /** A command line of a transcript or of curl {@code -v} ({@code > USER bob}, {@code > PASV}), or a reply. */
    private static final Pattern SENT = Pattern.compile("^(?:[A-Z]{3,4}(?:\\s|$)|\\d{3}(?:[ -]|$)|>)");

    private enum State { UNDECIDED, QUOTED, PLAIN }

    private State state = State.UNDECIDED;

    /** The line without the quote mark while the log is a quoted paste; the line itself otherwise. */
    String strip(String raw) {
        if (state == State.PLAIN || raw.isBlank()) {
            return raw;
        }
        String s = raw.charAt(0) == '\uFEFF' ? raw.substring(1) : raw;
        boolean marked = s.startsWith(">");
        String rest = !marked ? s : s.length() > 1 && s.charAt(1) == ' ' ? s.substring(2) : s.substring(1);
        if (state == State.UNDECIDED) {
            state = marked && !rest.isBlank() && !SENT.matcher(rest).find() ? State.QUOTED : State.PLAIN;
        } else if (!marked) {
            state = State.PLAIN;
        }
        return state == State.QUOTED ? rest : raw;
    }
}
