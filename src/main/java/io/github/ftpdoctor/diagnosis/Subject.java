package io.github.ftpdoctor.diagnosis;

/**
 * A text as the rules see it: normalized, with the cue concepts it mentions found on first need and then kept, so
 * that the many cue rules of one classification scan the text once. One per classification; not thread-safe.
 */
final class Subject {
    private final String text;
    private final Lexicon lexicon;
    private long cues;
    private boolean scanned;

    Subject(String normalizedText, Lexicon lexicon) {
        this.text = normalizedText;
        this.lexicon = lexicon;
    }

    /** The normalized text, or null. */
    String text() {
        return text;
    }

    /** The concepts the text mentions, one bit per lexicon concept. */
    long cues() {
        if (!scanned) {
            cues = lexicon.scan(text);
            scanned = true;
        }
        return cues;
    }
}
