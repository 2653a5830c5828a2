package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the catalog loader reads the index's files and rejects bad ones: every problem is a CatalogException naming
 * the file, the entry and what is wrong; a catalog without the fallbacks the classifier relies on is refused.
 */
class CatalogLoaderErrorsTest {
    @TempDir
    Path dir;

    private static JsonValue json(String text) {
        try {
            return JsonValue.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String message(Runnable r) {
        return assertThrows(CatalogException.class, r::run).getMessage();
    }

    /** Fallback rules for every reply class and an unconditional rule for every transport event. */
    private static StringBuilder minimalRules(int lastClass, String fallbackOutcome) {
        StringBuilder sb = new StringBuilder("{\"rules\":[");
        for (int cls = 1; cls <= lastClass; cls++) {
            sb.append("{\"id\":\"fallback.").append(cls).append("\",\"code\":\"").append(cls)
                    .append("xx\",\"outcome\":\"").append(fallbackOutcome).append("\",\"source\":\"test\"},");
        }
        for (TransportEvent e : TransportEvent.values()) {
            sb.append("{\"id\":\"event.").append(e).append("\",\"event\":\"").append(e)
                    .append("\",\"outcome\":\"ReplyTimedOut\",\"source\":\"test\"},");
        }
        return sb;
    }

    private static String close(StringBuilder rules) {
        rules.setLength(rules.length() - 1);
        return rules.append("]}").toString();
    }

    /** A loader with the built-in codes, outcomes, phases and servers but no rules yet. */
    private static CatalogLoader builtInWithoutRules() {
        CatalogLoader loader = new CatalogLoader();
        loader.readCodes("codes.json", CatalogJson.resource("codes.json"));
        loader.readOutcomes("outcomes.json", CatalogJson.resource("outcomes.json"));
        loader.readPhases("catalog.json", CatalogJson.resource("catalog.json").path("phases"));
        loader.readServers("servers.json", CatalogJson.resource("servers.json"));
        return loader;
    }

    @Test
    void theBuiltInCatalogReadsEveryPartTheIndexNames() {
        Catalog c = CatalogLoader.loadBuiltIn();
        assertNotNull(c);
        assertTrue(c.codeMeaning(550).isPresent());
        assertTrue(c.codes().size() > 50, "codes: " + c.codes().size());
        for (Outcome o : Outcome.values()) {
            assertNotNull(c.definition(o), o.toString());
        }
        assertEquals(Phase.TRANSFER, c.phaseOf("RETR"));
        assertEquals(Phase.LOGIN, c.phaseOf("pass"));
        assertTrue(c.servers().stream().anyMatch(f -> f.id().equals("vsftpd")));
        assertTrue(c.rules().stream().anyMatch(r -> r.id().equals("rfc959.1xx")));
        assertTrue(c.lexiconSize() > 1000);
    }

    @Test
    void aCatalogWithoutAFallbackForOneReplyClassIsRefused() {
        CatalogLoader loader = builtInWithoutRules();
        loader.readRules("mine.json", json(close(minimalRules(5, "Success"))));
        assertEquals("rules: no unconditional fallback rule for 6xx replies whose outcome can occur in every phase,"
                + " after every command", message(loader::finish));
    }

    @Test
    void aCompleteMinimalCatalogIsAccepted() {
        CatalogLoader loader = builtInWithoutRules();
        loader.readRules("mine.json", json(close(minimalRules(6, "Success"))));
        Catalog c = loader.finish();
        assertEquals(6 + TransportEvent.values().length, c.rules().size());
        Diagnosis d = new Classifier(c).classify(Reply.of(631, "whatever"), new ExchangeContext("NOOP", false));
        assertEquals("fallback.6", d.ruleId());
    }

    @Test
    void aConditionalFallbackDoesNotCount() {
        CatalogLoader loader = builtInWithoutRules();
        StringBuilder rules = minimalRules(5, "Success");
        rules.append("{\"id\":\"only-some-6xx\",\"code\":\"6xx\",\"pattern\":\"secret\",\"outcome\":\"Success\","
                + "\"source\":\"test\"},");
        loader.readRules("mine.json", json(close(rules)));
        assertTrue(message(loader::finish).contains("for 6xx"));
    }

    @Test
    void aFallbackWhoseOutcomeSomeCommandCannotConcludeDoesNotCount() {
        OutcomeDefinition notAfterAuth = Catalog.builtIn().definition(Outcome.CommandNotImplemented);
        assertEquals(java.util.Set.of("AUTH"), notAfterAuth.notAfter());
        CatalogLoader loader = builtInWithoutRules();
        StringBuilder rules = minimalRules(5, "Success");
        rules.append("{\"id\":\"cni-6xx\",\"code\":\"6xx\",\"outcome\":\"CommandNotImplemented\","
                + "\"source\":\"test\"},");
        loader.readRules("mine.json", json(close(rules)));
        assertTrue(message(loader::finish).contains("for 6xx"));
    }

    @Test
    void aFallbackWhoseOutcomeIsLimitedToSomePhasesDoesNotCount() {
        OutcomeDefinition limited = Catalog.builtIn().definition(Outcome.ReplyTimedOut);
        assertNotEquals(EnumSet.allOf(Phase.class), limited.phases());
        CatalogLoader loader = builtInWithoutRules();
        StringBuilder rules = minimalRules(5, "Success");
        rules.append("{\"id\":\"limited-6xx\",\"code\":\"6xx\",\"outcome\":\"ReplyTimedOut\",\"source\":\"test\"},");
        loader.readRules("mine.json", json(close(rules)));
        assertTrue(message(loader::finish).contains("for 6xx"));
    }

    @Test
    void everyTransportEventNeedsAnUnconditionalRule() {
        CatalogLoader loader = builtInWithoutRules();
        StringBuilder rules = minimalRules(6, "Success");
        String last = TransportEvent.values()[TransportEvent.values().length - 1].toString();
        int at = rules.indexOf("{\"id\":\"event." + last + "\"");
        rules.setLength(at);
        rules.append("{\"id\":\"event.conditional\",\"event\":\"").append(last)
                .append("\",\"pattern\":\"x\",\"outcome\":\"ReplyTimedOut\",\"source\":\"test\"},");
        loader.readRules("mine.json", json(close(rules)));
        assertEquals("rules: no unconditional rule for event " + last, message(loader::finish));
    }

    @Test
    void everyOutcomeMustBeDefined() {
        CatalogLoader loader = new CatalogLoader();
        assertTrue(message(loader::finish).startsWith("outcomes.json: outcome '"));
    }

    @Test
    void replyCodesAreThreeDigitNumbersFrom100To699DefinedOnce() {
        String meaning = "\"meaning\":{\"en\":\"Fine.\",\"zh\":\"好的。\"}";
        CatalogLoader ok = new CatalogLoader();
        ok.readCodes("c.json", json("{\"codes\":[{\"code\":100," + meaning + "},{\"code\":699," + meaning + "}]}"));
        for (int bad : new int[] {99, 700, -1}) {
            assertEquals("c.json: code " + bad + ": code must be a number from 100 to 699",
                    message(() -> new CatalogLoader().readCodes("c.json",
                            json("{\"codes\":[{\"code\":" + bad + "," + meaning + "}]}"))));
        }
        assertEquals("c.json: code 250: defined twice", message(() -> new CatalogLoader().readCodes("c.json",
                json("{\"codes\":[{\"code\":250," + meaning + "},{\"code\":250," + meaning + "}]}"))));
        assertEquals("c.json: expected an array 'codes' at the top level",
                message(() -> new CatalogLoader().readCodes("c.json", json("{\"codes\":{}}"))));
    }

    private static String outcome(String name, String phases) {
        return "{\"name\":\"" + name + "\",\"category\":\"SUCCESS\",\"phases\":" + phases
                + ",\"explanation\":{\"en\":\"It worked.\",\"zh\":\"成功了。\"},"
                + "\"advice\":{\"en\":\"Nothing to do.\",\"zh\":\"无需处理。\"}}";
    }

    private static java.util.Set<Phase> phases(String entry) {
        return CatalogLoader.phases("o.json: outcome 'Success'", json(entry));
    }

    private static void readOutcomes(String entries) {
        new CatalogLoader().readOutcomes("o.json", json("{\"outcomes\":[" + entries + "]}"));
    }

    @Test
    void outcomePhasesAreAnyOrAListOfPhases() {
        String base = Catalog.builtIn().definition(Outcome.Success).category().toString();
        assertEquals("SUCCESS", base);
        assertEquals(EnumSet.allOf(Phase.class), phases("{\"phases\":\"ANY\"}"));
        assertEquals(EnumSet.allOf(Phase.class), phases("{\"phases\":\"any\"}"));
        assertEquals(EnumSet.of(Phase.LOGIN, Phase.TRANSFER), phases("{\"phases\":[\"LOGIN\",\"transfer\"]}"));
        assertEquals(EnumSet.of(Phase.CONNECT), phases("{\"phases\":[\"CONNECT\"]}"));
        assertTrue(message(() -> phases("{\"phases\":[]}"))
                .startsWith("o.json: outcome 'Success': 'phases' must be \"ANY\" or a list of phases"));
        assertTrue(message(() -> phases("{}")).contains("'phases' must be \"ANY\""));
        assertTrue(message(() -> phases("{\"phases\":\"LOGIN\"}")).contains("'phases' must be \"ANY\""));
        assertEquals("o.json: outcome 'Success': unknown phase 'NEVER'",
                message(() -> phases("{\"phases\":[\"NEVER\"]}")));
        readOutcomes(outcome("Success", "\"ANY\"") + "," + outcome("PasswordRequired", "[\"LOGIN\"]"));
        assertEquals("o.json: outcome 'Success': defined twice", message(() -> readOutcomes(
                outcome("Success", "\"ANY\"") + "," + outcome("Success", "\"ANY\""))));
    }

    @Test
    void eachCommandBelongsToOnePhaseAndTheDescriptionIsNoPhase() {
        CatalogLoader loader = new CatalogLoader();
        loader.readPhases("i.json", json("{\"description\":\"words\",\"LOGIN\":[\"user\",\" PASS \"],"
                + "\"TRANSFER\":[\"RETR\",\"RETR\"]}"));
        assertEquals(Phase.LOGIN, loader.phaseOf("USER"));
        assertEquals(Phase.LOGIN, loader.phaseOf("pass"));
        assertEquals(Phase.TRANSFER, loader.phaseOf("RETR"));
        assertEquals(Phase.COMMAND, loader.phaseOf("NOOP"));
        assertEquals("i.json: phases: RETR is listed in TRANSFER and LOGIN", message(() -> new CatalogLoader()
                .readPhases("i.json", json("{\"TRANSFER\":[\"RETR\"],\"LOGIN\":[\"retr\"]}"))));
        assertEquals("i.json: phases: unknown phase 'LATER'",
                message(() -> new CatalogLoader().readPhases("i.json", json("{\"LATER\":[\"X\"]}"))));
    }

    @Test
    void serversNeedAUniqueIdAndAGreetingOrSystPattern() {
        CatalogLoader ok = new CatalogLoader();
        ok.readServers("s.json", json("{\"servers\":[{\"id\":\"OneD\",\"greeting\":\"oned ready\"},"
                + "{\"id\":\"twod\",\"syst\":\"UNIX emulated by twod\"}]}"));
        assertEquals("s.json: server '': missing or duplicate id", message(() -> new CatalogLoader()
                .readServers("s.json", json("{\"servers\":[{\"greeting\":\"x\"}]}"))));
        assertEquals("s.json: server 'oned': missing or duplicate id", message(() -> new CatalogLoader()
                .readServers("s.json", json("{\"servers\":[{\"id\":\"oned\",\"greeting\":\"x\"},"
                        + "{\"id\":\"ONED\",\"greeting\":\"y\"}]}"))));
        assertEquals("s.json: server 'oned': give a 'greeting' or 'syst' pattern", message(() -> new CatalogLoader()
                .readServers("s.json", json("{\"servers\":[{\"id\":\"oned\",\"name\":\"One\"}]}"))));
    }

    @Test
    void extendingKeepsTheBaseCatalogsCodesOutcomesAndPhases() throws Exception {
        Path file = dir.resolve("extra.json");
        Files.writeString(file, "{\"rules\":[{\"id\":\"mine.x\",\"code\":\"550\",\"pattern\":\"nothing here\","
                + "\"outcome\":\"FileNotFound\",\"source\":\"test\"}]}");
        Catalog base = Catalog.builtIn();
        Catalog c = Catalog.withRules(file);
        assertEquals(base.codes(), c.codes());
        assertEquals(base.definition(Outcome.FileNotFound), c.definition(Outcome.FileNotFound));
        assertEquals(Phase.TRANSFER, c.phaseOf("STOR"));
        assertEquals(base.rules().size() + 1, c.rules().size());
    }

    @Test
    void aMissingRuleFileIsReportedAsSuchAndABrokenOneWithTheParsersWords() throws Exception {
        Path missing = dir.resolve("absent.json");
        assertEquals(missing + ": cannot read: no such file", message(() -> Catalog.withRules(missing)));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"rules\": [");
        String m = message(() -> Catalog.withRules(broken));
        assertTrue(m.startsWith(broken + ": cannot read: "), m);
        assertFalse(m.endsWith("no such file"), m);
    }

    @Test
    void aRuleFileMayBringCueTermsOfItsOwn() throws Exception {
        Path file = dir.resolve("cues.json");
        Files.writeString(file, "{\"lexicon\":[{\"lang\":\"en\",\"concepts\":{\"GRUMPY\":[{\"term\":\"grumbles\","
                + "\"source\":\"test\"}]}}],\"rules\":[{\"id\":\"mine.grumpy\",\"code\":\"4xx\",\"cues\":[\"GRUMPY\"],"
                + "\"outcome\":\"TransientFailure\",\"source\":\"test\"}]}");
        Catalog c = Catalog.withRules(file);
        int grumpy = c.lexicon().concept("GRUMPY");
        assertTrue(grumpy >= 0);
        assertEquals(1L << grumpy, c.lexicon().scan("the server grumbles"));
        assertEquals(Catalog.builtIn().lexiconSize() + 1, c.lexiconSize());
    }

    @Test
    void theCompiledLexiconIsUsedWhenPresentAndReadsLikeTheJsonFiles() {
        JsonValue index = CatalogJson.resource("catalog.json");
        Lexicon compiled = CatalogLoader.readLanguage(index, true).lexicon();
        Lexicon fromJson = CatalogLoader.readLanguage(index, false).lexicon();
        assertFalse(compiled.terms().isEmpty());
        assertEquals(fromJson.concepts(), compiled.concepts());
        assertEquals(fromJson.terms().size(), compiled.terms().size());
        // the compact form keeps no per-term sources; the JSON files do
        assertTrue(compiled.terms().stream().allMatch(t -> t.source().equals("reply-catalog/cues")));
        assertTrue(fromJson.terms().stream().noneMatch(t -> t.source().equals("reply-catalog/cues")));
        List<String> a = compiled.terms().stream().map(t -> t.concept() + " " + t.lang() + " " + t.text()).toList();
        List<String> b = fromJson.terms().stream().map(t -> t.concept() + " " + t.lang() + " " + t.text()).toList();
        assertEquals(b, a);
    }
}
