package io.github.ftpdoctor.diagnosis;

import java.util.Locale;
import java.util.Objects;

/**
 * A sentence in English and Simplified Chinese.
 *
 * @param en English text
 * @param zh Simplified Chinese text
 */
public record Text(String en, String zh) {
    public Text {
        Objects.requireNonNull(en, "en");
        Objects.requireNonNull(zh, "zh");
    }

    /** The text for a locale: Chinese for any {@code zh} locale, English otherwise. */
    public String in(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
    }

    /** Joins two texts language by language with a space. */
    public Text append(Text other) {
        return other == null ? this : new Text(en + " " + other.en, zh + other.zh);
    }
}
