package io.github.ftpdoctor.diagnosis;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An outcome as the catalog defines it.
 *
 * @param outcome     the outcome
 * @param category    its category
 * @param phases      the phases of a session in which it can occur; the classifier never concludes it elsewhere
 * @param explanation one line on what happened
 * @param advice      what to do about it
 * @param retry       retry guidance
 * @param notAfter    commands (upper case) in whose answer the outcome is never concluded, although their phase
 *                    allows it: {@code CommandNotImplemented} in answer to {@code AUTH} is the server offering no
 *                    TLS (RFC 4217 §4)
 */
public record OutcomeDefinition(Outcome outcome, Category category, Set<Phase> phases, Text explanation, Text advice,
                                RetryAdvice retry, Set<String> notAfter) {
    public OutcomeDefinition {
        phases = phases == null || phases.isEmpty() ? Set.of(Phase.values()) : Set.copyOf(phases);
        notAfter = notAfter == null ? Set.of()
                : notAfter.stream().map(c -> c.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** An outcome that every command of its phases can conclude. */
    public OutcomeDefinition(Outcome outcome, Category category, Set<Phase> phases, Text explanation, Text advice,
                             RetryAdvice retry) {
        this(outcome, category, phases, explanation, advice, retry, Set.of());
    }

    /** Whether the outcome can be concluded in answer to the command; an unknown command (null) allows it. */
    public boolean concludableAfter(String command) {
        return command == null || notAfter.isEmpty() || !notAfter.contains(command.toUpperCase(Locale.ROOT));
    }

    /** Whether the outcome can occur in the phase; an unknown phase (null) allows every outcome. */
    public boolean occursIn(Phase phase) {
        return phase == null || phases.contains(phase);
    }
}
