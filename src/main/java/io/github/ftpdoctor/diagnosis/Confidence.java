package io.github.ftpdoctor.diagnosis;

/** How sure a diagnosis is: some replies say exactly what happened, others only hint at it. */
public enum Confidence {
    /** The reply or event states this outcome plainly. */
    CERTAIN,
    /** The most probable reading; the alternatives are less likely. */
    LIKELY,
    /** One reading among several; the evidence is weak. */
    POSSIBLE
}
