package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How cue terms match: at word starts in spaced scripts, anywhere in Han and kana texts or when marked
 * {@code anywhere}, across {@code *} gaps of a few characters on one line, and short or {@code word} terms whole.
 */
class CueTermMatchingTest {
    private static Lexicon lexicon(String concepts) {
        LanguageReader r = new LanguageReader();
        try {
            r.readLexicon("cues/test.json", JsonValue.parse(new ByteArrayInputStream(
                    ("{\"lang\":\"en\",\"concepts\":{" + concepts + "}}").getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return r.lexicon();
    }

    private static String t(String term) {
        return "{\"term\":\"" + term + "\",\"source\":\"test\"}";
    }

    private static String word(String term) {
        return "{\"term\":\"" + term + "\",\"source\":\"test\",\"word\":true}";
    }

    @Test
    void singleCharacterTermsAndTwoCharacterStartsAreBothFound() {
        Lexicon lex = lexicon("\"FULL\":[" + t("满") + "],\"QUOTA\":[" + t("配额") + "]");
        assertEquals(1L, lex.scan("磁盘已满"));
        assertEquals(2L, lex.scan("超出配额"));
        assertEquals(3L, lex.scan("配额已满"));
        assertEquals(0L, lex.scan("正常"));
        assertEquals(List.of("FULL", "QUOTA"), lex.concepts());
    }

    @Test
    void termsInSpacedScriptsStartAWordButMayEndInsideOne() {
        Lexicon lex = lexicon("\"CONNECTION\":[" + t("verbindung") + "]");
        assertEquals(1L, lex.scan("zu viele verbindungen"));
        assertEquals(0L, lex.scan("netzverbindung"));
        assertEquals(1L, lex.scan("netz-verbindung"));
        assertEquals(1L, lex.scan("tls握手verbindung"), "a Han character does not continue a Latin word");
    }

    @Test
    void aGapCoversAtMostTwelveCharactersAndTheSpacesAroundThem() {
        Lexicon lex = lexicon("\"QUOTA\":[" + t("quota * exceeded") + "]");
        assertEquals(1L, lex.scan("quota exceeded"));
        assertEquals(1L, lex.scan("quota for bob exceeded"));
        // 14 characters may lie between the parts: the gap of 12 and a space on each side
        assertEquals(1L, lex.scan("quota " + "x".repeat(12) + " exceeded"));
        assertEquals(0L, lex.scan("quota " + "x".repeat(13) + " exceeded"));
        assertEquals(0L, lex.scan("quota for\nbob exceeded"));
        assertEquals(0L, lex.scan("quota is"), "a text that ends inside the gap");
    }

    @Test
    void eachGapIsMeasuredFromTheEndOfThePartBeforeIt() {
        Lexicon lex = lexicon("\"QUOTA\":[" + t("quota * user * exceeded") + "]");
        assertEquals(1L, lex.scan("quota for user bob exceeded"));
        assertEquals(1L, lex.scan("quota of the user named bob exceeded"));
        assertEquals(0L, lex.scan("quota user " + "y".repeat(16) + " exceeded"));
    }

    @Test
    void wordTermsEndAWordEvenAfterAGap() {
        Lexicon lex = lexicon("\"LIMIT\":[" + word("over * limit") + "]");
        assertEquals(1L, lex.scan("over the limit"));
        assertEquals(1L, lex.scan("over the limit."));
        assertEquals(0L, lex.scan("over the limitless sky"));
    }

    @Test
    void shortTermsStandForThemselvesOnly() {
        Lexicon lex = lexicon("\"ADDRESS\":[" + t("ip") + "]");
        assertEquals(1L, lex.scan("your ip is banned"));
        assertEquals(1L, lex.scan("ip"));
        assertEquals(0L, lex.scan("ipsum"));
    }

    @Test
    void termAtFindsAUnitRightAfterItsNumber() {
        Lexicon lex = lexicon("\"SECONDS\":[" + t("sec") + "," + t("s") + "]");
        int seconds = lex.concept("SECONDS");
        assertEquals(0, seconds);
        assertTrue(lex.termAt(seconds, "wait 45s", 7));
        assertTrue(lex.termAt(seconds, "wait 45 sec", 8));
        assertFalse(lex.termAt(seconds, "wait 45", 7));
        assertFalse(lex.termAt(seconds, "wait 45m", 7));
        assertFalse(lex.termAt(1, "wait 45s", 7), "no such concept");
        assertEquals(-1, lex.concept("MINUTES"));
    }

    @Test
    void whichTermsStartWords() {
        assertTrue(Lexicon.startsWord("a"));
        assertTrue(Lexicon.startsWord("7"));
        assertTrue(Lexicon.startsWord("привет"));
        assertFalse(Lexicon.startsWord("-"));
        assertFalse(Lexicon.startsWord(" x"));
        assertFalse(Lexicon.startsWord("文件"));
        assertFalse(Lexicon.startsWord("ファイル"));
        assertFalse(Lexicon.startsWord("파일"));
        assertFalse(Lexicon.startsWord("ไฟล์"));
    }

    @Test
    void namesListTheConceptsOfAMask() {
        Lexicon lex = lexicon("\"A\":[" + t("alpha") + "],\"B\":[" + t("beta") + "],\"C\":[" + t("gamma") + "]");
        assertEquals(List.of("A", "C"), lex.names(0b101));
        assertEquals(List.of("A", "B", "C"), lex.names(-1L), "bits of no concept are ignored");
        assertEquals(List.of(), lex.names(0));
    }

    @Test
    void withoutDropsTheTermsTheFilterPicks() {
        Lexicon lex = lexicon("\"A\":[" + t("alpha") + "," + t("beta") + "]");
        Lexicon kept = lex.without(term -> term.text().equals("alpha"));
        assertEquals(List.of("beta"), kept.terms().stream().map(Lexicon.Term::text).toList());
        assertEquals(lex.concepts(), kept.concepts());
        assertEquals(0L, kept.scan("alpha"));
        assertEquals(1L, kept.scan("beta"));
        assertEquals(1L, lex.scan("alpha"));
    }

    @Test
    void termTextsJoinTheirPartsWithStars() {
        Lexicon.Term term = new Lexicon.Term(0, new String[] {"no", "left"}, true, false, "en", null, "test");
        assertEquals("no*left", term.text());
    }

    @Test
    void anEmptyLexiconFindsNothing() {
        Lexicon empty = Lexicon.empty();
        assertTrue(empty.concepts().isEmpty());
        assertEquals(0L, empty.scan("anything at all"));
        assertEquals(0L, lexicon("\"A\":[" + t("alpha") + "]").scan(null));
    }

    @Test
    void atMostSixtyFourConcepts() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < Lexicon.MAX_CONCEPTS; i++) {
            names.add("C" + i);
        }
        assertEquals(64, new Lexicon(names, List.of()).concepts().size());
        names.add("C64");
        assertEquals("cues: at most 64 concepts, not 65",
                assertThrows(CatalogException.class, () -> new Lexicon(names, List.of())).getMessage());
    }
}
