package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/**
 * A failure found in a log.
 *
 * @param line      the 1-based line of the evidence
 * @param diagnosis what it means
 * @param cause     whether it is the failure that ended its connection
 * @param folded    the lines that only restate it or follow from it, ascending
 * @param format    the format the evidence was read in
 */
public record LogFinding(int line, Diagnosis diagnosis, boolean cause, List<Integer> folded, Format format) {
}
