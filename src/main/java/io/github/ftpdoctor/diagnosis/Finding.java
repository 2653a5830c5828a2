package io.github.ftpdoctor.diagnosis;

import java.util.Objects;

/**
 * A failure found in a client's session log by {@link TranscriptAnalyzer}.
 *
 * @param line      the 1-based line number of the reply (its first line, for a multi-line reply) or of the
 *                  client's error message
 * @param diagnosis what the reply or event means
 */
public record Finding(int line, Diagnosis diagnosis) {
    public Finding {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1: " + line);
        }
        Objects.requireNonNull(diagnosis, "diagnosis");
    }

    /** {@code line N: } and the diagnosis in one line of English. */
    @Override
    public String toString() {
        return "line " + line + ": " + diagnosis;
    }
}
