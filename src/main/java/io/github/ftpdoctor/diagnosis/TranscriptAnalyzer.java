package io.github.ftpdoctor.diagnosis;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Objects;

/**
 * Reads a client's session log and diagnoses every failure in it: each negative reply in the context of the
 * command it answered (and of the login name, anonymous or not), and each transport event the client reports.
 * Positive replies are context only.
 *
 * <p>Formats, recognised line by line so that logs may be mixed or pasted together:
 * <ul>
 *   <li>CuteFTP, as in the seed: {@code Connecting to host, Port 21 (#1)}, {@code Connected. Waiting for response.},
 *       replies and commands unprefixed, {@code ERROR: Connection timed out}, {@code Disconnected from server.};
 *       also {@code STATUS:>}/{@code COMMAND:>}/{@code ERROR:>} with a bracketed time;</li>
 *   <li>FileZilla: {@code Status:}, {@code Command:}, {@code Response:}, {@code Error:}, with or without the log
 *       file's {@code 2026-01-02 03:04:05 1234 1 } prefix; {@code Trace:} and {@code Listing:} are ignored;</li>
 *   <li>{@code curl -v}: {@code > USER x}, {@code < 530 ...}, {@code * Trying}, {@code * Connected to},
 *       {@code * Failed to connect ... Connection refused}, {@code * Could not resolve host};</li>
 *   <li>plain transcripts: reply lines ({@code 220 ...}) and upper-case commands ({@code USER x}), unprefixed or
 *       with {@code >}/{@code <} or {@code C:}/{@code S:}.</li>
 * </ul>
 * Blank lines and lines of commentary are skipped. Multi-line replies ({@code 123-} ... {@code 123 }) are joined,
 * also when the client logs each line separately. A new {@code Connecting to}, {@code Trying},
 * {@code Connected} (after an earlier connection) or {@code Resolving address} line starts a new connection
 * attempt; the first reply of an attempt is its greeting ({@code CONNECT}), and, as the client itself does, the
 * server family is recognised from it (or from a SYST reply) with the catalog's {@link Fingerprint}. A reply after
 * 221, 421 or a lost connection is the greeting of a new attempt even without a connecting line, so plain
 * transcripts pasted one after another are read apart.
 *
 * <p>Transport events (the English phrases clients print are in {@link LogFormat}'s one table):
 * unknown host → {@link TransportEvent#UNKNOWN_HOST}; unreachable → {@link TransportEvent#NETWORK_UNREACHABLE};
 * refused → {@link TransportEvent#CONNECT_REFUSED}; timed out before the TCP connection →
 * {@link TransportEvent#CONNECT_TIMEOUT}, after it but before the greeting → {@link TransportEvent#GREETING_TIMEOUT},
 * after the greeting (FileZilla's {@code Connection timed out after 20 seconds of inactivity}) →
 * {@link TransportEvent#REPLY_TIMEOUT}; closed (or reset) before the greeting →
 * {@link TransportEvent#CLOSED_BEFORE_GREETING} ({@link TransportEvent#RESET_BEFORE_GREETING}), after it →
 * {@link TransportEvent#CLOSED_MID_SESSION} ({@link TransportEvent#RESET_MID_SESSION}). Refusals and timeouts of
 * the data connection (the line names it, or curl connects after PASV/EPSV) are the {@code DATA_} events.
 * A close after {@code QUIT}, 221, 421 or a refusal is expected and no finding; whatever the client prints after
 * a transport failure in the same attempt echoes it and is no finding either.
 *
 * <p>Passwords: a {@code PASS} (or {@code ACCT}) argument is never stored, so no finding can carry it.
 * Thread-safe: each call keeps its own state.
 */
public final class TranscriptAnalyzer {
    /** Longer lines are truncated to this many characters. */
    public static final int MAX_LINE_CHARS = 64 * 1024;
    /** Lines after this many are not read. */
    public static final int MAX_LINES = 1_000_000;

    private final Classifier classifier;

    public TranscriptAnalyzer(Classifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** An analyzer over the built-in catalog. */
    public static TranscriptAnalyzer standard() {
        return new TranscriptAnalyzer(Classifier.standard());
    }

    /** The failures in the log's lines, in order; lines over 64 KiB are truncated, lines after 1,000,000 ignored. */
    public List<Finding> analyze(List<String> lines) {
        Objects.requireNonNull(lines, "lines");
        TranscriptSession session = new TranscriptSession(classifier);
        int n = 0;
        for (String line : lines) {
            if (n == MAX_LINES) {
                break;
            }
            n++;
            session.accept(n, line == null ? "" : truncate(line));
        }
        return session.finish();
    }

    /**
     * The failures in a log read to its end (or its 1,000,000th line), line by line, without holding it in memory;
     * lines end at LF, CR LF or CR and are truncated at 64 KiB. The reader is not closed.
     */
    public List<Finding> analyze(Reader reader) throws IOException {
        Objects.requireNonNull(reader, "reader");
        TranscriptSession session = new TranscriptSession(classifier);
        BoundedLines lines = new BoundedLines(reader);
        int n = 0;
        String line;
        while (n < MAX_LINES && (line = lines.next()) != null) {
            n++;
            session.accept(n, line);
        }
        return session.finish();
    }

    private static String truncate(String line) {
        return line.length() > MAX_LINE_CHARS ? line.substring(0, MAX_LINE_CHARS) : line;
    }

    /** Splits a reader into lines of at most {@link #MAX_LINE_CHARS}, dropping the rest of longer lines. */
    private static final class BoundedLines {
        private final Reader in;
        private final char[] buf = new char[8192];
        private int pos;
        private int end;
        private boolean skipLf;
        private boolean eof;

        BoundedLines(Reader in) {
            this.in = in;
        }

        String next() throws IOException {
            StringBuilder sb = null;
            while (true) {
                if (pos == end) {
                    if (eof || !fill()) {
                        return sb == null ? null : sb.toString();
                    }
                }
                char c = buf[pos++];
                if (skipLf) {
                    skipLf = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                if (sb == null) {
                    sb = new StringBuilder();
                }
                if (c == '\n' || c == '\r') {
                    skipLf = c == '\r';
                    return sb.toString();
                }
                if (sb.length() < MAX_LINE_CHARS) {
                    sb.append(c);
                }
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
}
