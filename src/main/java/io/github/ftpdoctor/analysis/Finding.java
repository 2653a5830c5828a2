package io.github.ftpdoctor.analysis;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;
import java.util.Objects;

/**
 * A failure found in a client's session log by {@link TranscriptAnalyzer}.
 *
 * @param line      the 1-based line number of the evidence: the reply (its first line, for a multi-line reply),
 *                  the client's error message, or the exception a program ended with
 * @param diagnosis what the reply or event means
 * @param cause     whether this failure ended its connection: nothing failed after it there, and the session did
 *                  not go on working (a log holding several connections may have a cause for each)
 * @param folded    the lines that only follow from this failure or restate it, ascending: {@code 530 Please login
 *                  with USER and PASS.} after a refused login, {@code Not connected.} after a refused connection,
 *                  the exception restating the last reply, a client's retry that failed the same way, and the
 *                  probes of a file (SIZE, MDTM) that the failed transfer of that file supersedes
 * @param format    the log format the evidence was read in
 */
public record Finding(int line, Diagnosis diagnosis, boolean cause, List<Integer> folded, LogFormat format) {
    public Finding {
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1: " + line);
        }
        Objects.requireNonNull(diagnosis, "diagnosis");
        folded = List.copyOf(Objects.requireNonNull(folded, "folded"));
        Objects.requireNonNull(format, "format");
    }

    /** {@code line N: } and the diagnosis in one line of English, with {@code (cause)} for the cause. */
    @Override
    public String toString() {
        return "line " + line + (cause ? " (cause)" : "") + ": " + diagnosis
                + (folded.isEmpty() ? "" : " [also lines " + folded + "]");
    }
}
