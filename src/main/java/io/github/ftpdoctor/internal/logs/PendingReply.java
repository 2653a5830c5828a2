package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Kind;
import io.github.ftpdoctor.internal.logs.LogLine.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-line reply being read, line by line, until its last line ({@code NNN text} after {@code NNN-text}, RFC
 * 959 §4.2). Bounded: at most {@link LogAnalysis#MAX_REPLY_LINES} lines of {@link LogAnalysis#MAX_REPLY_LINE_CHARS}
 * characters, {@link LogAnalysis#MAX_REPLY_CHARS} in all; the lines past that are dropped, not kept. A line read into
 * a reply that may be a client's is masked, so that no password is kept.
 */
final class PendingReply {
    final int code;
    final int lineNo;
    final Side side;
    final Format format;
    private final List<String> lines = new ArrayList<>();
    private int chars;

    PendingReply(int lineNo, LogLine first) {
        this.code = first.code();
        this.lineNo = lineNo;
        this.side = first.side();
        this.format = first.format();
    }

    /** Whether the reply's first line says more lines follow (NcFTP drops the codes of further lines). */
    static boolean startsMultiLine(LogLine l) {
        String text = l.text();
        return text.length() > 3 && text.charAt(3) == '-' || l.format() == Format.NCFTP;
    }

    /** Whether the line continues this reply. */
    boolean continuedBy(LogLine l) {
        if (format == Format.NCFTP) { // NcFTP indents a reply's further lines and drops the last code
            return l.indented() && l.side() != Side.CLIENT;
        }
        if (side == Side.SERVER && l.side() == Side.SERVER) {
            return l.fromServer();
        }
        if (side == Side.PLAIN) { // RFC 959: every line up to "NNN " belongs to the reply
            return l.indented() || l.side() == Side.PLAIN && l.kind() != Kind.COMMAND;
        }
        return false;
    }

    /** Adds the line; returns whether it was the reply's last. */
    boolean add(LogLine l) {
        String text = l.text() == null ? "" : l.text();
        if (!lines.isEmpty() && l.kind() != Kind.REPLY) {
            text = Events.masked(text);
        }
        if (text.length() > LogAnalysis.MAX_REPLY_LINE_CHARS) {
            text = text.substring(0, LogAnalysis.MAX_REPLY_LINE_CHARS);
        }
        boolean last = !lines.isEmpty() && format != Format.NCFTP && l.kind() == Kind.REPLY && l.code() == code
                && (l.text().length() == 3 || l.text().charAt(3) == ' ');
        if (last || lines.size() < LogAnalysis.MAX_REPLY_LINES - 1
                && chars + text.length() <= LogAnalysis.MAX_REPLY_CHARS) {
            lines.add(text);
            chars += text.length();
        }
        return last;
    }

    List<String> lines() {
        return lines;
    }
}
