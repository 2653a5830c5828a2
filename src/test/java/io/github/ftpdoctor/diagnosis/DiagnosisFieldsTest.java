package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a diagnosis tells: failure or not, the code's general meaning, the event's detail, the advice in both
 * languages, retry guidance with the server's stated wait, and its one-line summary.
 */
class DiagnosisFieldsTest {
    private static final Classifier CLASSIFIER = Classifier.standard();
    private static final Catalog CATALOG = CLASSIFIER.catalog();

    private static Diagnosis after(String command, int code, String text) {
        return CLASSIFIER.classify(Reply.of(code, text), ExchangeContext.after(command));
    }

    @Test
    void successAndIntermediateStepsAreNoFailures() {
        Diagnosis done = after("RETR", 226, "All of the file went out; closing the data connection.");
        assertEquals(Outcome.Success, done.outcome());
        assertEquals(Category.SUCCESS, done.category());
        assertFalse(done.isFailure());
        Diagnosis password = after("USER", 331, "Now send the password for that name.");
        assertEquals(Category.INTERMEDIATE, password.category());
        assertFalse(password.isFailure());
        assertTrue(after("PASS", 530, "Wrong name or password.").isFailure());
        assertFalse(Category.SUCCESS.isFailure());
        assertFalse(Category.INTERMEDIATE.isFailure());
        for (Category c : Category.values()) {
            assertEquals(c != Category.SUCCESS && c != Category.INTERMEDIATE, c.isFailure(), c.name());
        }
    }

    @Test
    void theCodesGeneralMeaningComesWithAReplyOnly() {
        Diagnosis d = after("PASS", 530, "Wrong name or password.");
        assertEquals(CATALOG.codeMeaning(530).orElseThrow(), d.codeMeaning());
        assertEquals(530, d.code());
        Diagnosis refused = CLASSIFIER.classify(TransportEvent.CONNECT_REFUSED, ExchangeContext.connecting(),
                "127.0.0.1:2121");
        assertNull(refused.codeMeaning());
        assertNull(refused.code());
        assertNull(refused.reply());
        assertEquals(TransportEvent.CONNECT_REFUSED, refused.event());
        assertEquals("127.0.0.1:2121", refused.detail());
        assertEquals("CONNECT", refused.command());
    }

    @Test
    void adviceInBothLanguages() {
        Diagnosis d = after("PASS", 530, "Wrong name or password.");
        Text advice = CATALOG.definition(d.outcome()).advice();
        assertEquals(advice, d.advice());
        assertFalse(advice.en().isBlank());
        assertEquals(advice.en(), d.advice(Locale.ENGLISH));
        assertEquals(advice.zh(), d.advice(Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void theServersWaitReplacesAShorterOneOfTheCatalog() {
        RetryAdvice catalogs = CATALOG.definition(Outcome.TooManyUsers).retry();
        Diagnosis longer = after("CONNECT", 421, "Too many users, try again in 5 minutes");
        assertEquals(Outcome.TooManyUsers, longer.outcome());
        assertEquals(Duration.ofMinutes(5), longer.retry().delay());
        assertEquals(catalogs.retryable(), longer.retry().retryable());

        Diagnosis shorter = after("CONNECT", 421, "Too many users, try again in 5 seconds");
        assertEquals(Outcome.TooManyUsers, shorter.outcome());
        assertEquals(Optional.of(Duration.ofSeconds(5)), shorter.statedWait());
        assertEquals(catalogs, shorter.retry(), "a shorter wait than the catalog's changes nothing");

        Diagnosis soon = after("CONNECT", 120, "Service ready in 3 minutes.");
        assertEquals(Outcome.ServiceReadySoon, soon.outcome());
        assertFalse(soon.isFailure());
        assertEquals(Duration.ofMinutes(3), soon.retry().delay(), "the one success that announces a wait");

        Diagnosis fine = after("NOOP", 200, "OK; maintenance starts in 10 minutes");
        assertEquals(Outcome.Success, fine.outcome());
        assertEquals(Optional.of(Duration.ofMinutes(10)), fine.statedWait());
        assertEquals(CATALOG.definition(Outcome.Success).retry(), fine.retry(), "a success is nothing to retry");
    }

    @Test
    void theSummaryQuotesTheReplyUpTo400Characters() {
        String explanation = CATALOG.definition(Outcome.NotLoggedIn).explanation().en();
        String fits = "x".repeat(396);
        Diagnosis d = CLASSIFIER.classify(Reply.of(530, fits), ExchangeContext.after("LIST"));
        assertEquals(Outcome.NotLoggedIn, d.outcome());
        String quoted = "530 " + fits;
        assertEquals(400, quoted.length());
        assertEquals(explanation + " Server replied to LIST: \"" + quoted + "\"", d.summary());

        Diagnosis longer = CLASSIFIER.classify(Reply.of(530, fits + "y"), ExchangeContext.after("LIST"));
        assertEquals(explanation + " Server replied to LIST: \"" + quoted + "…\"", longer.summary());

        Diagnosis unknown = CLASSIFIER.classify(Reply.of(530, "Log in first, please."));
        assertTrue(unknown.summary().endsWith(" Server replied: \"530 Log in first, please.\""),
                unknown.summary());
    }

    @Test
    void anEventsSummaryNamesItsDetailAndPrintsWithItsRule() {
        Diagnosis refused = CLASSIFIER.classify(TransportEvent.CONNECT_REFUSED, ExchangeContext.connecting(),
                "127.0.0.1:2121");
        String explanation = CATALOG.definition(refused.outcome()).explanation().en();
        assertEquals(explanation + " (127.0.0.1:2121)", refused.summary());
        Diagnosis bare = CLASSIFIER.classify(TransportEvent.CONNECT_REFUSED, ExchangeContext.connecting(), null);
        assertEquals(explanation, bare.summary());
        assertEquals(refused.outcome() + " [" + refused.ruleId() + ", " + refused.confidence() + "]: "
                + refused.summary(), refused.toString());
    }
}
