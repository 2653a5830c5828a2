package io.github.ftpdoctor.check;

import java.util.Locale;

/** How a step of a {@link ServerCheck} ended. */
public enum StepStatus {
    /** It worked and found nothing to worry about. */
    OK,
    /** It worked, but found something worth fixing (its outcome says what). */
    WARN,
    /** It failed (its outcome says why). */
    FAIL,
    /** It did not run: not asked for, or a step it needs did not succeed (the detail says which). */
    SKIPPED;

    /** {@code ok}, {@code warn}, {@code fail} or {@code skipped}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
