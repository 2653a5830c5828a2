package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The longest reply the reader accepts is 1,000 lines of 8 KiB. Patterns see only its head and tail, which is where
 * servers put the reason, so that a hostile server's 8 MB reply cannot cost seconds of CPU per diagnosis.
 */
class ClassifierLongTextTest {
    private static final Classifier CLASSIFIER = Classifier.standard();

    private static List<String> filler(int lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            out.add(("welcome line " + i + " ").repeat(1000).substring(0, 7999));
        }
        return out;
    }

    @Test
    void aReasonOnTheLastLineOfTheLongestReplyIsFound() {
        List<String> lines = filler(999);
        lines.add("Too many users - please try again later.");
        Diagnosis d = CLASSIFIER.classify(Reply.of(421, String.join("\n", lines)), ExchangeContext.after("USER"));
        assertEquals(Outcome.TooManyUsers, d.outcome());
    }

    @Test
    void aReasonOnTheFirstLineOfTheLongestReplyIsFound() {
        List<String> lines = filler(999);
        lines.add(0, "Sorry, no ANONYMOUS access allowed.");
        Diagnosis d = CLASSIFIER.classify(Reply.of(530, String.join("\n", lines)),
                ExchangeContext.after("USER").withAnonymous(true));
        assertEquals(Outcome.AnonymousDenied, d.outcome());
    }

    @Test
    void longTextsAreClippedToHeadAndTail() {
        String text = "h".repeat(Classifier.HEAD) + "m".repeat(8_000_000) + "t".repeat(Classifier.TAIL);
        String clipped = Classifier.clip(text);
        assertEquals(Classifier.HEAD + 1 + Classifier.TAIL, clipped.length());
        assertEquals("h".repeat(Classifier.HEAD) + "\n" + "t".repeat(Classifier.TAIL), clipped);
        String shortText = "530 Login incorrect.";
        assertSame(shortText, Classifier.clip(shortText));
    }
}
