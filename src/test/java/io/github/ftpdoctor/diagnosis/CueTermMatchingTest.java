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

    /** Hangul terms match with or without single spaces between syllables; other scripts keep their spaces. */
    @Test
    void hangulTermsMatchWithOrWithoutSpacesAndOnlyHangul() {
        Lexicon lex = lexicon("\"DENIED\":[" + t("연결 거부") + "]");
        assertEquals(1L, lex.scan("연결 거부"));
        assertEquals(1L, lex.scan("연결거부"));
        assertEquals(1L, lex.scan("서버: 연결거부 됨"));
        assertEquals(1L, lex.scan("연 결 거 부"));
        assertEquals(0L, lex.scan("연결  거부"), "one space at a time");
        assertEquals(0L, lex.scan("연결거"), "the text ends first");
        assertEquals(0L, lex.scan("연결 거절"));
        // the edges of every Hangul block, and the characters just outside them
        int[][] blocks = {{0xAC00, 0xD7A3}, {0x1100, 0x11FF}, {0x3130, 0x318F}, {0xA960, 0xA97F}, {0xD7B0, 0xD7FF}};
        for (int[] b : blocks) {
            for (int c : new int[] {b[0], b[1]}) {
                String ch = String.valueOf((char) c);
                Lexicon one = lexicon("\"X\":[" + t(ch + " " + ch + "x") + "]");
                assertEquals(1L, one.scan(ch + ch + "x"), () -> Integer.toHexString(c) + " is Hangul");
            }
            for (int c : new int[] {b[0] - 1, b[1] + 1}) {
                if (c >= 0xD800 || !Character.isLetter(c)) {
                    continue; // a surrogate or no letter: no term is written in it
                }
                String ch = String.valueOf((char) c);
                Lexicon one = lexicon("\"X\":[" + t(ch + " " + ch + "x") + "]");
                assertEquals(0L, one.scan(ch + ch + "x"), () -> Integer.toHexString(c) + " is not Hangul");
                assertEquals(1L, one.scan(ch + " " + ch + "x"), () -> Integer.toHexString(c) + " keeps its space");
            }
        }
    }

    /** A quoted or bracketed argument closes on the same line, within {@value Lexicon#MAX_ARGUMENT} characters. */
    @Test
    void argumentsCloseOnTheirLineWithinTheirLimit() {
        assertEquals(4, Lexicon.argumentEnd("[abc]", 0));
        assertEquals(6, Lexicon.argumentEnd("x <bob> y", 2));
        assertEquals(4, Lexicon.argumentEnd("\"a b\"", 0));
        assertEquals(-1, Lexicon.argumentEnd("(abc)", 0), "not an argument's mark");
        assertEquals(-1, Lexicon.argumentEnd("[abc", 0), "never closed");
        assertEquals(-1, Lexicon.argumentEnd("[ab\nc]", 0), "closed on another line");
        String longest = "[" + "a".repeat(Lexicon.MAX_ARGUMENT - 1) + "]";
        assertEquals(Lexicon.MAX_ARGUMENT, Lexicon.argumentEnd(longest, 0));
        assertEquals(-1, Lexicon.argumentEnd("[" + "a".repeat(Lexicon.MAX_ARGUMENT) + "]", 0), "too long");
        assertEquals(Lexicon.MAX_ARGUMENT + 2, Lexicon.argumentEnd("xy" + longest, 2));
        Lexicon lex = lexicon("\"CANNOT\":[" + t("konnte * nicht") + "]");
        assertEquals(1L, lex.scan("konnte " + longest + " nicht"));
        assertEquals(0L, lex.scan("konnte [" + "a".repeat(Lexicon.MAX_ARGUMENT) + "] nicht"));
        assertEquals(0L, lex.scan("konnte [a\nb] nicht"));
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
