package io.github.ftpdoctor.check;

import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.Text;
import java.util.Objects;

/**
 * The result of one step of a {@link ServerCheck}. Immutable.
 *
 * @param step        which step
 * @param status      ok, warn, fail or skipped
 * @param outcome     the diagnosis of a {@code warn} or {@code fail} step; null for {@code ok} and {@code skipped}
 * @param detail      the facts, in English and never with a password: addresses, ports, replies, certificate data;
 *                    for a skipped step, why it did not run
 * @param explanation what the step found, in English and Chinese (for a skipped step, why it did not run)
 * @param advice      what to do, in English and Chinese
 * @param elapsedMs   how long the step took, in milliseconds (0 when skipped)
 */
public record CheckStep(Step step, StepStatus status, Outcome outcome, String detail, Text explanation, Text advice,
                        long elapsedMs) {
    public CheckStep {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(advice, "advice");
        if ((outcome == null) != (status == StepStatus.OK || status == StepStatus.SKIPPED)) {
            throw new IllegalArgumentException(step.id() + ": a " + status.id() + " step "
                    + (outcome == null ? "needs an outcome" : "has no outcome"));
        }
        if (elapsedMs < 0) {
            throw new IllegalArgumentException("elapsedMs must not be negative");
        }
    }
}
