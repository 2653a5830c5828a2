package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 959 §4.2 replies from the control connection: single-line {@code 123 text}, multi-line
 * {@code 123-} ... {@code 123 }, inner lines that start with digits, bare LF, Telnet IAC sequences.
 * Bounded: a line over {@link #MAX_LINE_BYTES} bytes or a reply over {@link #MAX_LINES} lines is a protocol
 * violation, reported as a {@link TransportFailure}, never an unbounded buffer.
 */
public final class ReplyReader {
    public static final int MAX_LINE_BYTES = 8192;
    public static final int MAX_LINES = 1000;
    private static final int IAC = 0xFF;

    /** Called before each blocking read, e.g. to bound it by a deadline. */
    @FunctionalInterface
    public interface ReadGuard {
        void beforeRead() throws IOException;
    }

    private static final ReadGuard NO_GUARD = () -> { };

    private final InputStream in;
    private final ReplyDecoder decoder;
    private final ReadGuard guard;
    private final byte[] buffer = new byte[8192];
    private final byte[] line = new byte[MAX_LINE_BYTES + 1]; // room for the CR of CR LF
    private int pos;
    private int limit;
    private boolean inReply; // a byte of the reply being read has arrived

    public ReplyReader(InputStream in, ReplyDecoder decoder) {
        this(in, decoder, NO_GUARD);
    }

    public ReplyReader(InputStream in, ReplyDecoder decoder, ReadGuard guard) {
        this.in = in;
        this.decoder = decoder;
        this.guard = guard;
    }

    /**
     * Reads one complete reply.
     *
     * @throws EOFException      if the stream ends before or inside a reply
     * @throws TransportFailure  if the reply breaks the protocol or a limit
     */
    public Reply read() throws IOException {
        inReply = false;
        String first = readLine();
        int code = parseCode(first);
        List<String> lines = new ArrayList<>(1);
        lines.add(first);
        if (first.length() > 3 && first.charAt(3) == '-') {
            String prefix = first.substring(0, 3);
            while (true) {
                if (lines.size() >= MAX_LINES) {
                    throw new TransportFailure(TransportEvent.REPLY_TOO_LONG,
                            "reply " + code + " has more than " + MAX_LINES + " lines", null);
                }
                String next;
                try {
                    next = readLine();
                } catch (TruncatedReply t) {
                    throw new TruncatedReply(String.join("\n", lines) + "\n" + t.received());
                }
                lines.add(next);
                if (next.startsWith(prefix) && (next.length() == 3 || next.charAt(3) == ' ')) {
                    break;
                }
            }
        }
        return Reply.of(code, lines);
    }

    private static int parseCode(String first) throws TransportFailure {
        boolean ok = first.length() >= 3
                && first.charAt(0) >= '1' && first.charAt(0) <= '6'
                && isDigit(first.charAt(1)) && isDigit(first.charAt(2))
                && (first.length() == 3 || first.charAt(3) == ' ' || first.charAt(3) == '-');
        if (!ok) {
            String excerpt = first.length() > 120 ? first.substring(0, 120) + "…" : first;
            throw new TransportFailure(TransportEvent.MALFORMED_REPLY, excerpt, null);
        }
        return (first.charAt(0) - '0') * 100 + (first.charAt(1) - '0') * 10 + (first.charAt(2) - '0');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * One line without its CR LF (or bare LF), Telnet commands removed. The limit counts every byte received for
     * the line, Telnet commands included, so an endless stream of them cannot keep the reader busy.
     */
    private String readLine() throws IOException {
        int len = 0;
        int raw = 0;
        while (true) {
            if (++raw > MAX_LINE_BYTES + 2) {
                throw new TransportFailure(TransportEvent.LINE_TOO_LONG,
                        "a reply line is longer than " + MAX_LINE_BYTES + " bytes", null);
            }
            int b = next();
            if (b < 0) {
                if (inReply) {
                    throw new TruncatedReply(decoder.decode(line, len));
                }
                throw new EOFException("control connection closed");
            }
            inReply = true;
            if (b == '\n') {
                if (len > 0 && line[len - 1] == '\r') {
                    len--;
                }
                return decoder.decode(line, len);
            }
            if (b == IAC) {
                int cmd = next();
                raw++;
                if (cmd != IAC) {
                    if (cmd >= 0xFB && cmd <= 0xFE) {
                        next(); // option byte of WILL/WONT/DO/DONT
                        raw++;
                    }
                    continue;
                }
            }
            if (len == MAX_LINE_BYTES && b != '\r' || len > MAX_LINE_BYTES) {
                throw new TransportFailure(TransportEvent.LINE_TOO_LONG,
                        "a reply line is longer than " + MAX_LINE_BYTES + " bytes", null);
            }
            line[len++] = (byte) b;
        }
    }

    private int next() throws IOException {
        if (pos == limit) {
            guard.beforeRead();
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return -1;
            }
            pos = 0;
            limit = n;
        }
        return buffer[pos++] & 0xFF;
    }

    /** The stream ended inside a reply: part of it arrived (a server that crashed, not one that refused to talk). */
    public static final class TruncatedReply extends EOFException {
        private static final long serialVersionUID = 1L;
        private final String received;

        TruncatedReply(String received) {
            super("control connection closed inside a reply");
            this.received = received;
        }

        /** What arrived of the reply, lines joined by LF. */
        public String received() {
            return received;
        }
    }

    /** Whether bytes already received are waiting to be parsed (a reply that arrived unasked). */
    public boolean hasBuffered() {
        return pos < limit;
    }
}
