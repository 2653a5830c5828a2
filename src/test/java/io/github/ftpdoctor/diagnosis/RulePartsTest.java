package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in rules read part by part (the files the build writes, {@link RulePartitioner}) are the rules read
 * whole from the catalog's sources, in the same order, and classify every reply the same way; a part is read only
 * when a reply of its class or an event needs it.
 */
class RulePartsTest {
    private static final Catalog WHOLE = CatalogLoader.loadBuiltIn(false);

    @Test
    void theBuildWroteThePartsAndTheBuiltInCatalogReadsThem() {
        assertTrue(RuleSet.written(), "target/classes holds rules-by-part/*.json after process-classes");
        Catalog byPart = CatalogLoader.loadBuiltIn(true);
        assertEquals(ids(WHOLE.rules()), ids(byPart.rules()));
        for (int part = 0; part < RuleSet.PARTS; part++) {
            List<Rule> expected = new ArrayList<>();
            for (Rule r : WHOLE.rules()) {
                if (RuleSet.inPart(r, part)) {
                    expected.add(r);
                }
            }
            assertFalse(expected.isEmpty(), "part " + part + " (RFC 959's rule of each class covers it)");
            assertEquals(ids(expected), ids(byPart.rulesOfPart(part)), "part " + part);
            assertEquals(ids(expected), ids(WHOLE.rulesOfPart(part)), "part " + part + " of the whole");
        }
        Rule some = byPart.rulesOfPart(RuleSet.partOfCode(530)).get(0);
        Rule same = WHOLE.rules().stream().filter(r -> r.id().equals(some.id())).findFirst().orElseThrow();
        assertEquals(same.origin(), some.origin(), "a rule read from a part names the rule file it comes from");
        assertEquals(same.specificity(), some.specificity());
        assertEquals(same.families(), some.families());
    }

    @Test
    void aClassOfRepliesReadsItsOwnPartOnly() {
        Catalog byPart = CatalogLoader.loadBuiltIn(true);
        Classifier classifier = new Classifier(byPart);
        assertEquals(Outcome.Success, classifier.classify(Reply.of(226, "Transfer complete."),
                ExchangeContext.after("STOR")).outcome());
        long p22x = 1L << RuleSet.partOfCode(226);
        assertEquals(p22x, byPart.partsRead(), "a 226 needs the rules of 22x replies alone");
        classifier.classify(Reply.of(530, "Login incorrect."), ExchangeContext.after("PASS"));
        classifier.classify(Reply.of(331, "Password required."), ExchangeContext.after("USER"));
        classifier.classify(TransportEvent.CONNECT_REFUSED, ExchangeContext.connecting(), "127.0.0.1:21");
        assertEquals(p22x | 1L << RuleSet.partOfCode(530) | 1L << RuleSet.partOfCode(331) | 1L << RuleSet.EVENTS,
                byPart.partsRead(), "a 530 reads the rules of 53x, not those of 550");
        classifier.classify(Reply.of(550, "No such file."), ExchangeContext.after("RETR"));
        assertEquals(5, Long.bitCount(byPart.partsRead()));
        byPart.rules();
        assertEquals((1L << RuleSet.PARTS) - 1, byPart.partsRead(), "every rule asked for: every part read");
        assertThrows(IllegalArgumentException.class, () -> byPart.rulesOfPart(RuleSet.PARTS));
    }

    @Test
    void partsAreNamedAndNumberedByTheCodesFirstTwoDigits() {
        assertEquals(1, RuleSet.partOfCode(100));
        assertEquals(44, RuleSet.partOfCode(530));
        assertEquals(60, RuleSet.partOfCode(699));
        assertEquals(530, RuleSet.firstCode(44));
        assertEquals("rules-by-part/53x.json", RuleSet.file(44));
        assertEquals("rules-by-part/events.json", RuleSet.file(RuleSet.EVENTS));
        assertThrows(IllegalArgumentException.class, () -> RuleSet.partOfCode(99));
        assertThrows(IllegalArgumentException.class, () -> RuleSet.partOfCode(700));
        assertTrue(RuleSet.covers("530", 44));
        assertTrue(RuleSet.covers("53x", 44));
        assertTrue(RuleSet.covers("5xx", 44));
        assertFalse(RuleSet.covers("550", 44));
        assertFalse(RuleSet.covers("43x", 44));
        assertFalse(RuleSet.covers("5xx", RuleSet.EVENTS));
        for (int code = 100; code <= 699; code++) {
            int part = RuleSet.partOfCode(code);
            assertTrue(code >= RuleSet.firstCode(part) && code < RuleSet.firstCode(part) + 10, "code " + code);
            assertTrue(RuleSet.covers(String.valueOf(code), part), "code " + code);
        }
    }

    /** Every reply of the evaluation corpus, by both catalogs: the same rule and the same alternatives. */
    @Test
    void everyCorpusReplyIsReadTheSameWayByBoth() throws IOException {
        Classifier whole = new Classifier(WHOLE, false);
        Classifier byPart = new Classifier(CatalogLoader.loadBuiltIn(true), false);
        int rows = 0;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/eval/replies"))) {
            for (Path f : files.sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] c = line.split("\t", -1);
                    if (c.length < 6 || !c[3].matches("[1-6][0-9][0-9]")) {
                        continue; // the header
                    }
                    ExchangeContext ctx = ExchangeContext.after(c[2]);
                    Reply reply = Reply.of(Integer.parseInt(c[3]), c[4]);
                    Diagnosis a = whole.classify(reply, ctx);
                    Diagnosis b = byPart.classify(reply, ctx);
                    assertEquals(a.rule().id(), b.rule().id(), f.getFileName() + ": " + line);
                    assertEquals(a.alternatives(), b.alternatives(), f.getFileName() + ": " + line);
                    rows++;
                }
            }
        }
        assertTrue(rows > 5000, rows + " rows");
        for (TransportEvent e : TransportEvent.values()) {
            assertEquals(whole.classify(e, ExchangeContext.after("RETR"), "x").rule().id(),
                    byPart.classify(e, ExchangeContext.after("RETR"), "x").rule().id(), e.name());
        }
    }

    @Test
    void thePartitionerNeedsADirectoryAndWritesEveryPart(@TempDir Path dir) throws IOException {
        assertThrows(IllegalArgumentException.class, () -> RulePartitioner.main(new String[0]));
        RulePartitioner.main(new String[] {dir.toString()});
        for (int part = 0; part < RuleSet.PARTS; part++) {
            Path file = dir.resolve(RuleSet.file(part));
            assertTrue(Files.size(file) > 100, file.toString());
            assertEquals(Files.readString(Path.of("target/classes/io/github/ftpdoctor/reply-catalog")
                    .resolve(RuleSet.file(part))), Files.readString(file), "the build's own part " + part);
        }
    }

    private static List<String> ids(List<Rule> rules) {
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
