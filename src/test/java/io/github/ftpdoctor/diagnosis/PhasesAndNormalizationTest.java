package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phases as a rule of the catalog, normalization before matching, exact phrasings, and leaving a family out. */
class PhasesAndNormalizationTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Classifier CLASSIFIER = Classifier.standard();

    private static Diagnosis after(String command, int code, String text) {
        return CLASSIFIER.classify(Reply.of(code, text), ExchangeContext.after(command));
    }

    private static Catalog withRuleFile(String json) {
        return CatalogLoader.extend(CATALOG, List.of(new Catalog.RuleSource("extra.json",
                () -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void theCommandDecidesThePhase() {
        assertEquals(Phase.TRANSFER, CATALOG.phaseOf("retr"));
        assertEquals(Phase.LOGIN, CATALOG.phaseOf("PASS"));
        assertEquals(Phase.TLS, CATALOG.phaseOf("PBSZ"));
        assertEquals(Phase.CONNECT, CATALOG.phaseOf(ExchangeContext.CONNECT));
        assertEquals(Phase.QUIT, CATALOG.phaseOf("QUIT"));
        assertEquals(Phase.COMMAND, CATALOG.phaseOf("PASV"));
        assertEquals(Phase.COMMAND, CATALOG.phaseOf("XCRC"));
        assertNull(CATALOG.phaseOf(null));
        assertEquals(Phase.TRANSFER, after("RETR", 550, "x").phase());
        assertNull(CLASSIFIER.classify(Reply.of(550, "x")).phase());
    }

    @Test
    void aGoodbyeToAnythingButQuitIsTheServerClosing() {
        assertEquals(Outcome.Success, after("QUIT", 221, "Goodbye.").outcome());
        Diagnosis noop = after("NOOP", 221, "Goodbye.");
        assertNotEquals(Outcome.Success, noop.outcome());
        assertTrue(noop.isFailure(), noop::toString);
        assertEquals(Outcome.Success, CLASSIFIER.classify(Reply.of(221, "Goodbye.")).outcome(), "phase unknown");
    }

    @Test
    void aTransferFailureIsNeverALoginAddressOrCapacityOutcome() {
        for (String command : List.of("RETR", "STOR", "LIST", "MLSD", "NLST", "APPE")) {
            for (int code : new int[] {425, 426, 450, 550, 421, 530}) {
                for (String text : List.of("Too many connections from your IP", "Login incorrect.",
                        "Access denied from your address", "Too many users, try later", "Banned")) {
                    Diagnosis d = after(command, code, text);
                    OutcomeDefinition def = CATALOG.definition(d.outcome());
                    assertTrue(def.occursIn(Phase.TRANSFER), () -> d.outcome() + " for " + code + " " + text);
                    assertTrue(d.category() != Category.ACCESS || d.outcome() == Outcome.NotLoggedIn, d::toString);
                }
            }
        }
        assertEquals(Outcome.PerIpSessionLimit, after("USER", 421, "Too many connections from your IP").outcome());
    }

    @Test
    void everyOutcomeDeclaresItsPhasesAndClassFallbacksOccurEverywhere() {
        for (Outcome o : Outcome.values()) {
            assertTrue(!CATALOG.definition(o).phases().isEmpty(), o::name);
        }
        for (Outcome o : List.of(Outcome.Success, Outcome.InProgress, Outcome.PendingFurtherInformation,
                Outcome.TransientFailure, Outcome.PermanentFailure, Outcome.ProtectedReply)) {
            assertEquals(Phase.values().length, CATALOG.definition(o).phases().size(), o::name);
        }
        assertEquals(List.of(Phase.LOGIN), List.copyOf(CATALOG.definition(Outcome.BadCredentialsOrUnknownUser).phases()));
    }

    @Test
    void theLoaderRejectsRulesThatContradictThePhases() {
        CatalogException e = assertThrows(CatalogException.class, () -> withRuleFile(
                "{\"rules\":[{\"id\":\"x\",\"code\":\"550\",\"after\":[\"RETR\"],\"outcome\":\"IpNotAllowed\"}]}"));
        assertTrue(e.getMessage().contains("extra.json: rule 'x': answers RETR (phase TRANSFER), but IpNotAllowed cannot"),
                e.getMessage());
        e = assertThrows(CatalogException.class, () -> withRuleFile(
                "{\"rules\":[{\"id\":\"x\",\"code\":\"421\",\"phase\":[\"TRANSFER\"],\"outcome\":\"TooManyUsers\"}]}"));
        assertTrue(e.getMessage().contains("limited to phase TRANSFER, but TooManyUsers cannot occur in it"), e.getMessage());
        e = assertThrows(CatalogException.class, () -> withRuleFile(
                "{\"rules\":[{\"id\":\"x\",\"code\":\"421\",\"phase\":[\"LUNCH\"],\"outcome\":\"TooManyUsers\"}]}"));
        assertTrue(e.getMessage().contains("unknown phase 'LUNCH'"), e.getMessage());
    }

    @Test
    void textsAreFoldedBeforeMatchingAndKeptAsSent() {
        Normalizer n = CATALOG.normalizer();
        assertEquals("login incorrect", n.normalize("ＬＯＧＩＮ\u3000ｉｎｃｏｒｒｅｃｔ"));
        assertEquals("too many users\nnext line", n.normalize("  Too   many\tUSERS \t\n\u00A0 next  line  "));
        assertEquals("太多连线 (3) 来自这个 ip", n.normalize("太多連線 (3) 來自這個 IP"));
        assertEquals("\"x\" can't ... - y.", n.normalize("\u201Cx\u201D can\u2019t \u2026 \u2013 y\u3002"));
        assertNull(n.normalize(null));
        String sent = "太多連線 (3) 來自這個 IP";
        Diagnosis d = after(ExchangeContext.CONNECT, 421, sent);
        assertEquals(Outcome.PerIpSessionLimit, d.outcome());
        assertEquals(sent, d.reply().text());
        assertEquals(d.ruleId(), after(ExchangeContext.CONNECT, 421, "太多连线 (3) 来自这个 IP").ruleId());
    }

    @Test
    void exactPhrasingsMatchTheWholeTextWithPlaceholders() {
        Catalog c = withRuleFile("{\"rules\":[{\"id\":\"site.exact\",\"code\":\"421\","
                + "\"text\":[\"Too many connections (%lu) from this IP\", \"Ｇｏ ａｗａｙ %s\"],\"outcome\":\"PerIpSessionLimit\"}]}");
        Classifier k = new Classifier(c);
        Diagnosis d = k.classify(Reply.of(421, "TOO MANY CONNECTIONS (3)   FROM THIS IP."), ExchangeContext.connecting());
        assertEquals("site.exact", d.ruleId());
        assertEquals(Confidence.CERTAIN, d.confidence());
        assertEquals("site.exact", k.classify(Reply.of(421, "Go away now"), ExchangeContext.connecting()).ruleId());
        assertNotEquals("site.exact", k.classify(Reply.of(421, "Too many connections (x) from this IP"),
                ExchangeContext.connecting()).ruleId());
        assertNotEquals("site.exact", k.classify(Reply.of(421, "Too many connections (3) from this IP, and more"),
                ExchangeContext.connecting()).ruleId());
    }

    @Test
    void leavingAFamilyOutDropsItsRulesOnly() {
        Catalog without = CATALOG.withoutFamily("vsftpd");
        assertTrue(without.rules().size() < CATALOG.rules().size());
        assertTrue(without.rules().stream().noneMatch(r -> r.families().contains("vsftpd")));
        assertTrue(without.rules().stream().anyMatch(r -> r.families().contains("proftpd")));
        assertTrue(Catalog.tiedTo("pure-ftpd", "pure-ftpd/de"));
        assertTrue(Catalog.tiedTo("pure-ftpd/zh-CN", "pure-ftpd/zh-cn"));
        assertTrue(Catalog.tiedTo("pure-ftpd/zh", "pure-ftpd/zh-TW"));
        assertTrue(!Catalog.tiedTo("pure-ftpd/en", "pure-ftpd/de"));
        assertTrue(!Catalog.tiedTo("proftpd", "pure-ftpd"));
    }
}
