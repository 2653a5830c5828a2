package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the classifier remembers (bounded, short texts only, keyed by the whole context) and the text its rules see
 * (masked, clipped to a head and a tail, normalized).
 */
class ClassifierMemoAndClipTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final ExchangeContext AFTER_PASS = new ExchangeContext("PASS", false);

    @TempDir
    Path dir;

    @Test
    void theSameReplyInTheSameContextIsRememberedOnce() {
        Classifier c = new Classifier(CATALOG);
        assertSame(CATALOG, c.catalog());
        assertEquals(0, c.remembered());
        Diagnosis first = c.classify(Reply.of(530, "Wrong name or password."), AFTER_PASS);
        Diagnosis again = c.classify(Reply.of(530, "Wrong name or password."), AFTER_PASS);
        assertEquals(1, c.remembered());
        assertEquals(first.ruleId(), again.ruleId());
        assertEquals(first.alternatives(), again.alternatives());
        c.classify(Reply.of(530, "Wrong name or password."), AFTER_PASS.withServer("vsftpd"));
        assertEquals(2, c.remembered(), "another context is another choice");
    }

    @Test
    void aClassifierToldNotToRememberKeepsNothing() {
        Classifier c = new Classifier(CATALOG, false);
        Diagnosis d = c.classify(Reply.of(530, "Wrong name or password."), AFTER_PASS);
        assertEquals(0, c.remembered());
        assertEquals(Classifier.standard().classify(Reply.of(530, "Wrong name or password."), AFTER_PASS).ruleId(),
                d.ruleId());
    }

    @Test
    void onlyTextsUpToAKilobyteAreRemembered() {
        Classifier c = new Classifier(CATALOG);
        String kilobyte = "x".repeat(1024);
        assertEquals(1024, c.subjectText(Reply.of(550, kilobyte), ExchangeContext.after("RETR")).length());
        c.classify(Reply.of(550, kilobyte), ExchangeContext.after("RETR"));
        assertEquals(1, c.remembered());
        c.classify(Reply.of(550, kilobyte + "y"), ExchangeContext.after("RETR"));
        assertEquals(1, c.remembered(), "a longer text is decided afresh each time");
    }

    @Test
    void repliesWhoseCodeHasNoRuleReadingTextAreNotRemembered() {
        int code = -1;
        for (int candidate = 100; candidate <= 699 && code < 0; candidate++) {
            boolean covered = false;
            boolean readsText = false;
            for (Rule r : CATALOG.rules()) {
                if (r.coversCode(candidate)) {
                    covered = true;
                    readsText |= !r.evidence().isNone();
                }
            }
            if (covered && !readsText) {
                code = candidate;
            }
        }
        assertTrue(code > 0, "the catalog has codes decided by context alone");
        Classifier c = new Classifier(CATALOG);
        Diagnosis d = c.classify(Reply.of(code, "Whatever the server says here"), AFTER_PASS);
        assertEquals(0, c.remembered());
        assertNotNull(d.outcome());
    }

    @Test
    void theMemoIsEmptiedWhenFull() {
        Classifier c = new Classifier(CATALOG);
        for (int i = 0; i < 4096; i++) {
            c.classify(Reply.of(550, "No such file: report-" + i + ".csv"), ExchangeContext.after("RETR"));
        }
        assertEquals(4096, c.remembered());
        c.classify(Reply.of(550, "No such file: report-4096.csv"), ExchangeContext.after("RETR"));
        assertEquals(1, c.remembered());
    }

    @Test
    void rememberedChoicesKeepTheLoginHistoryApart() throws Exception {
        Path rules = dir.resolve("history.json");
        Files.writeString(rules, "{\"rules\":[{\"id\":\"site.refused-after-failures\",\"code\":\"530\","
                + "\"after\":[\"PASS\"],\"afterFailedLogins\":true,\"pattern\":\"wrong name or password\","
                + "\"outcome\":\"LikelyBanned\",\"confidence\":\"POSSIBLE\",\"source\":\"test\"}]}",
                StandardCharsets.UTF_8);
        Classifier c = new Classifier(Catalog.withRules(rules));
        Reply reply = Reply.of(530, "Wrong name or password.");
        assertFalse("site.refused-after-failures".equals(c.classify(reply, AFTER_PASS).ruleId()));
        assertEquals(Outcome.LikelyBanned, c.classify(reply, AFTER_PASS.withFailedLogins(2)).outcome());
        assertFalse("site.refused-after-failures".equals(c.classify(reply, AFTER_PASS).ruleId()));
    }

    @Test
    void longTextsAreClippedToTheirHeadAndTail() {
        String exact = "h".repeat(Classifier.HEAD) + "t".repeat(Classifier.TAIL);
        assertSame(exact, Classifier.clip(exact));
        String longer = "h".repeat(Classifier.HEAD) + "m" + "t".repeat(Classifier.TAIL);
        assertEquals("h".repeat(Classifier.HEAD) + "\n" + "t".repeat(Classifier.TAIL), Classifier.clip(longer));
        assertEquals(null, Classifier.clip(null));
    }

    @Test
    void theRulesSeeTheMaskedNormalizedText() {
        Classifier c = Classifier.standard();
        ExchangeContext ctx = ExchangeContext.after("RETR").withArgument("/pub/Banned.TXT");
        assertEquals("...: no such file or directory",
                c.subjectText(Reply.of(550, "/pub/Banned.TXT: No such file or directory"), ctx));
        assertEquals("...: failed to open", c.subjectText(Reply.of(550, "Banned.TXT: Failed to open"), ctx));
        assertTrue(c.cueConcepts(c.normalizer().normalize("Too many connections from your IP"))
                .containsAll(java.util.List.of("TOO_MANY", "SESSIONS", "ADDRESS")));
        assertEquals(java.util.List.of(), c.cueConcepts(""));
    }
}
