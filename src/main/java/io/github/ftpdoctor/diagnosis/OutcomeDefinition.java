package io.github.ftpdoctor.diagnosis;

/**
 * An outcome as the catalog defines it.
 *
 * @param outcome     the outcome
 * @param category    its category
 * @param explanation one line on what happened
 * @param advice      what to do about it
 * @param retry       retry guidance
 */
public record OutcomeDefinition(Outcome outcome, Category category, Text explanation, Text advice,
                                RetryAdvice retry) {
}
