package io.github.ftpdoctor.internal.logs;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a reader into lines of at most a given length, dropping the rest of longer lines. Lines end at LF or
 * CR LF; a CR alone ends a line too until the first LF is seen (a file with old Mac line ends), and after it stays
 * in the line (curl's progress meter redraws itself with CRs inside LF-terminated lines).
 */
final class BoundedLines {
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[8192];
    private int pos;
    private int end;
    private boolean eof;
    private boolean lfSeen;
    private boolean crPending;

    BoundedLines(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line without its end, or null at the end of the input. */
    String next() throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (pos == end && (eof || !fill())) {
                if (crPending) { // a CR at the very end: the end of a line
                    crPending = false;
                    return sb == null ? "" : sb.toString();
                }
                return sb == null ? null : sb.toString();
            }
            char c = buf[pos++];
            if (sb == null) {
                sb = new StringBuilder();
            }
            if (crPending) {
                crPending = false;
                if (c == '\n') {
                    lfSeen = true;
                    return sb.toString(); // CR LF
                }
                if (!lfSeen) {
                    pos--; // a lone CR before any LF ends the line; this character starts the next
                    return sb.toString();
                }
                append(sb, '\r');
            }
            if (c == '\n') {
                lfSeen = true;
                return sb.toString();
            }
            if (c == '\r') {
                crPending = true;
                continue;
            }
            append(sb, c);
        }
    }

    private void append(StringBuilder sb, char c) {
        if (sb.length() < maxChars) {
            sb.append(c);
        }
    }

    private boolean fill() throws IOException {
        int r;
        do {
            r = in.read(buf, 0, buf.length);
        } while (r == 0);
        if (r < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = r;
        return true;
    }
}
