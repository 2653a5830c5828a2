package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a user's rule file is read: the default confidence of each kind of evidence, cue groups ({@code "A|B"}) and
 * {@code unless} concepts as the lexicon's concepts, and the rules then deciding replies.
 */
class RuleFileReadingTest {
    private static final Lexicon LEXICON = Catalog.builtIn().lexicon();

    @TempDir
    Path dir;

    private Catalog load(String rulesJson) throws Exception {
        Path p = dir.resolve("site-" + Math.abs(rulesJson.hashCode()) + ".json");
        Files.writeString(p, "{\"rules\":[" + rulesJson + "]}", StandardCharsets.UTF_8);
        return Catalog.withRules(p);
    }

    private static Rule rule(Catalog catalog, String id) {
        return catalog.rules().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static long bit(String concept) {
        return 1L << LEXICON.concept(concept);
    }

    @Test
    void anExactTextIsCertainByDefaultAndOtherEvidenceLikely() throws Exception {
        Catalog c = load("{\"id\":\"site.exact\",\"code\":\"530\",\"after\":[\"PASS\"],\"text\":\"Wrong secret.\","
                + "\"outcome\":\"BadCredentialsOrUnknownUser\",\"source\":\"t\"},"
                + "{\"id\":\"site.pattern\",\"code\":\"530\",\"after\":[\"PASS\"],\"pattern\":\"wrong secret\","
                + "\"outcome\":\"BadCredentialsOrUnknownUser\",\"source\":\"t\"},"
                + "{\"id\":\"site.cues\",\"code\":\"530\",\"after\":[\"PASS\"],\"cues\":[\"CREDENTIALS\"],"
                + "\"outcome\":\"BadCredentialsOrUnknownUser\",\"source\":\"t\"},"
                + "{\"id\":\"site.stated\",\"code\":\"530\",\"after\":[\"PASS\"],\"text\":\"Go away.\","
                + "\"confidence\":\"POSSIBLE\",\"outcome\":\"NotLoggedIn\",\"source\":\"t\"}");
        assertEquals(Confidence.CERTAIN, rule(c, "site.exact").confidence());
        assertEquals(Confidence.LIKELY, rule(c, "site.pattern").confidence());
        assertEquals(Confidence.LIKELY, rule(c, "site.cues").confidence());
        assertEquals(Confidence.POSSIBLE, rule(c, "site.stated").confidence());
        Diagnosis d = new Classifier(c).classify(Reply.of(530, "Wrong secret."), ExchangeContext.after("PASS"));
        assertEquals("site.exact", d.ruleId());
        assertEquals(Confidence.CERTAIN, d.confidence());
    }

    @Test
    void cueGroupsAreTheLexiconsConcepts() throws Exception {
        String first = LEXICON.concepts().get(0);
        Catalog c = load("{\"id\":\"site.full\",\"code\":\"421\",\"after\":[\"CONNECT\"],"
                + "\"cues\":[\"" + first + "\",\"SESSIONS | USERS\"],\"outcome\":\"TooManyUsers\",\"source\":\"t\"}");
        Rule r = rule(c, "site.full");
        assertArrayEquals(new long[] {1L, bit("SESSIONS") | bit("USERS")}, r.evidence().cues());
        assertEquals(java.util.List.of(first, "SESSIONS | USERS"), r.evidence().cueText());
        assertEquals(0, LEXICON.concept(first));
        Diagnosis d = new Classifier(c).classify(Reply.of(421, "Too many users on this site"),
                ExchangeContext.connecting());
        assertEquals("site.full", d.ruleId());
    }

    @Test
    void unlessConceptsAddUpAndStopTheRule() throws Exception {
        Catalog c = load("{\"id\":\"site.refused\",\"code\":\"530\",\"after\":[\"PASS\"],\"cues\":[\"DENIED\"],"
                + "\"unless\":[\"TLS\",\"ANONYMOUS|QUOTA\"],\"outcome\":\"IpNotAllowed\",\"source\":\"t\"}");
        Rule r = rule(c, "site.refused");
        assertEquals(bit("TLS") | bit("ANONYMOUS") | bit("QUOTA"), r.evidence().unless());
        Classifier classifier = new Classifier(c);
        ExchangeContext ctx = ExchangeContext.after("PASS");
        assertEquals("site.refused", classifier.classify(Reply.of(530, "Entry refused here."), ctx).ruleId());
        assertTrue(!"site.refused".equals(classifier.classify(Reply.of(530, "Entry refused without TLS."), ctx)
                .ruleId()), "the first 'unless' stops it");
        assertTrue(!"site.refused".equals(classifier.classify(Reply.of(530, "Anonymous entry refused."), ctx)
                .ruleId()), "the second 'unless' stops it too");
    }

    @Test
    void anUnknownConceptIsNamed() {
        CatalogException e = assertThrows(CatalogException.class, () -> load("{\"id\":\"site.bad\",\"code\":\"530\","
                + "\"cues\":[\"DENIED|NO_SUCH_IDEA\"],\"outcome\":\"IpNotAllowed\",\"source\":\"t\"}"));
        assertTrue(e.getMessage().contains("unknown cue concept 'NO_SUCH_IDEA'"), e.getMessage());
    }
}
