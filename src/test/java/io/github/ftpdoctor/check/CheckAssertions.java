package io.github.ftpdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Outcome;
import java.util.regex.Pattern;

/** Assertions on check reports shared by the check tests. */
final class CheckAssertions {
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

    private CheckAssertions() {
    }

    static CheckStep step(CheckReport r, Step s) {
        return r.step(s).orElseThrow(() -> new AssertionError("no step " + s + " in " + r));
    }

    /** The step has this status and outcome (null for ok and skipped), with both languages filled in. */
    static CheckStep assertStep(CheckReport r, Step s, StepStatus status, Outcome outcome) {
        CheckStep c = step(r, s);
        assertEquals(status, c.status(), () -> s + " in\n" + r + "\n" + String.join("\n", r.transcript()));
        assertEquals(outcome, c.outcome(), () -> s + " in\n" + r);
        assertFalse(c.explanation().en().isBlank(), s + " explanation");
        assertTrue(CJK.matcher(c.explanation().zh()).find(), s + " Chinese explanation: " + c.explanation().zh());
        assertTrue(CJK.matcher(c.advice().zh()).find(), s + " Chinese advice: " + c.advice().zh());
        return c;
    }

    /** A skipped step names the step it needed, in its detail and in both languages. */
    static void assertSkippedFor(CheckReport r, Step s, Step needed) {
        CheckStep c = assertStep(r, s, StepStatus.SKIPPED, null);
        assertTrue(c.detail().contains(needed.id()), () -> s + " should name " + needed + ": " + c.detail());
        assertTrue(c.explanation().en().contains(needed.id()), c.explanation().en());
        assertTrue(c.explanation().zh().contains(needed.id()), c.explanation().zh());
    }

    /** Nothing in the report, JSON included, shows the password. */
    static void assertNoPassword(CheckReport r, String password) {
        assertFalse(r.toJson().contains(password), "the password leaked into the JSON");
        assertFalse(r.toString().contains(password), "the password leaked into toString");
    }
}
