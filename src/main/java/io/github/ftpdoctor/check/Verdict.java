package io.github.ftpdoctor.check;

import java.util.Locale;

/** The overall result of a {@link ServerCheck}: failed if any step failed, else warnings if any step warned. */
public enum Verdict {
    OK, WARNINGS, FAILED;

    /** {@code ok}, {@code warnings} or {@code failed}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
