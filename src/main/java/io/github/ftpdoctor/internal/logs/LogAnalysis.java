package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Classifier;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Objects;

/** Reads a client log line by line and returns its failures. Thread-safe: each call has its own state. */
public final class LogAnalysis {
    /** Lines kept of one reply (the catalog's client limit); the terminating line is always kept. */
    public static final int MAX_REPLY_LINES = 1000;
    /** Characters kept of one reply line, as the client's own reply reader (8 KiB). */
    public static final int MAX_REPLY_LINE_CHARS = 8192;
    /** Characters kept of one reply's lines together. */
    public static final int MAX_REPLY_CHARS = 16384;

    private LogAnalysis() {
    }

    /** The failures in the lines, in order; lines are truncated at {@code maxLineChars}, those after {@code maxLines} ignored. */
    public static List<LogFinding> analyze(Classifier classifier, List<String> lines, int maxLines, int maxLineChars) {
        Objects.requireNonNull(lines, "lines");
        Session session = new Session(Objects.requireNonNull(classifier, "classifier"));
        int n = 0;
        for (String line : lines) {
            if (n == maxLines) {
                break;
            }
            n++;
            String l = line == null ? "" : line;
            session.accept(n, l.length() > maxLineChars ? l.substring(0, maxLineChars) : l);
        }
        return session.finish();
    }

    /**
     * The failures in a log read to its end (or its {@code maxLines}th line) without holding it in memory; lines
     * end at LF, CR LF or CR and are truncated at {@code maxLineChars}. The reader is not closed.
     */
    public static List<LogFinding> analyze(Classifier classifier, Reader reader, int maxLines, int maxLineChars)
            throws IOException {
        Objects.requireNonNull(reader, "reader");
        Session session = new Session(Objects.requireNonNull(classifier, "classifier"));
        BoundedLines lines = new BoundedLines(reader, maxLineChars);
        int n = 0;
        String line;
        while (n < maxLines && (line = lines.next()) != null) {
            n++;
            session.accept(n, line);
        }
        return session.finish();
    }
}
