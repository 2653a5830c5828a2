package io.github.ftpdoctor.diagnosis;

import java.util.Set;

/**
 * An outcome as the catalog defines it.
 *
 * @param outcome     the outcome
 * @param category    its category
 * @param phases      the phases of a session in which it can occur; the classifier never concludes it elsewhere
 * @param explanation one line on what happened
 * @param advice      what to do about it
 * @param retry       retry guidance
 */
public record OutcomeDefinition(Outcome outcome, Category category, Set<Phase> phases, Text explanation, Text advice,
                                RetryAdvice retry) {
    public OutcomeDefinition {
        phases = phases == null || phases.isEmpty() ? Set.of(Phase.values()) : Set.copyOf(phases);
    }

    /** Whether the outcome can occur in the phase; an unknown phase (null) allows every outcome. */
    public boolean occursIn(Phase phase) {
        return phase == null || phases.contains(phase);
    }
}
