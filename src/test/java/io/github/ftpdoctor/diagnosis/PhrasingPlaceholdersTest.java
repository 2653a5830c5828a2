package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The placeholders of exact phrasings at their edges: number lengths and signs, hexadecimal digits, text holes of
 * up to 512 characters on one line, length modifiers, brace holes, and what stays literal.
 */
class PhrasingPlaceholdersTest {
    private static Phrasings of(String... templates) {
        return Phrasings.of(List.of(templates));
    }

    @Test
    void numbersHaveOneToTwentyDigitsAndDecimalOnesMayBeNegative() {
        Phrasings p = of("offset %d is invalid");
        assertTrue(p.matches("offset 7 is invalid"));
        assertTrue(p.matches("offset -7 is invalid"));
        assertTrue(p.matches("offset " + "9".repeat(20) + " is invalid"));
        assertFalse(p.matches("offset " + "9".repeat(21) + " is invalid"));
        assertFalse(p.matches("offset  is invalid"));
        assertFalse(p.matches("offset - is invalid"));
        assertFalse(p.matches("offset x is invalid"));
    }

    @Test
    void aNumberAtTheEndOfTheTextIsNeeded() {
        Phrasings p = of("restarting at %u");
        assertTrue(p.matches("restarting at 100"));
        assertFalse(p.matches("restarting at "));
        assertFalse(p.matches("restarting at -"));
    }

    @Test
    void hexadecimalHolesTakeDigitsAndLettersAToFOfEitherCase() {
        Phrasings p = of("session %x closed");
        for (String ok : new String[] {"0", "9", "a", "f", "A", "F", "09afAF", "deadBEEF"}) {
            assertTrue(p.matches("session " + ok + " closed"), ok);
        }
        for (String bad : new String[] {"/", ":", "`", "g", "@", "G", "-1"}) {
            assertFalse(p.matches("session " + bad + " closed"), bad);
        }
        assertTrue(of("pid %d").matches("pid 42"));
        assertFalse(of("pid %d").matches("pid 4a"));
        assertFalse(of("pid %d").matches("pid :"));
        assertFalse(of("pid %d").matches("pid /"));
    }

    @Test
    void textHolesTakeUpTo512CharactersOfOneLine() {
        Phrasings last = of("cannot open %s");
        assertTrue(last.matches("cannot open " + "f".repeat(Phrasings.MAX_ANY)));
        assertFalse(last.matches("cannot open " + "f".repeat(Phrasings.MAX_ANY + 1)));
        assertTrue(last.matches("cannot open "), "a text hole may be empty");
        assertFalse(last.matches("cannot open a\nb"));

        Phrasings middle = of("%s is over quota %d");
        assertTrue(middle.matches("f".repeat(Phrasings.MAX_ANY) + " is over quota 3"));
        assertFalse(middle.matches("f".repeat(Phrasings.MAX_ANY + 1) + " is over quota 3"));
        assertFalse(middle.matches("a\nb is over quota 3"));
        assertTrue(middle.matches("a is over quota b is over quota 3"), "the hole may hold its own next literal");
    }

    @Test
    void twoTextHolesInARowAreOne() {
        Phrasings p = of("file %s%s gone");
        assertTrue(p.matches("file x gone"));
        assertTrue(p.matches("file " + "y".repeat(Phrasings.MAX_ANY) + " gone"));
        assertFalse(p.matches("file " + "y".repeat(Phrasings.MAX_ANY + 100) + " gone"));
    }

    /** Regression: a failing match of a text hole followed by a number used to loop for ever at the text's end. */
    @Test
    @Timeout(60)
    void aNumberRightAfterATextHoleStaysANumber() {
        Phrasings p = of("%s%d files");
        assertTrue(p.matches("12 files"));
        assertTrue(p.matches("about 12 files"));
        assertFalse(p.matches("many files"));
        assertFalse(p.matches("12 folders"));
        assertFalse(of("%s{}%d").matches("no number"));
    }

    @Test
    void lengthModifiersBeforeNumbers() {
        assertTrue(of("sent %lu bytes").matches("sent 1024 bytes"));
        assertTrue(of("sent %llu bytes").matches("sent 1024 bytes"));
        assertTrue(of("sent %zu bytes").matches("sent 1024 bytes"));
        assertTrue(of("sent %hhd bytes").matches("sent 8 bytes"));
        assertTrue(of("sent %i bytes").matches("sent -8 bytes"));
        // a text conversion after a modifier is no placeholder
        assertTrue(of("sent %ls bytes").matches("sent %ls bytes"));
        assertFalse(of("sent %ls bytes").matches("sent x bytes"));
    }

    @Test
    void aPercentSignThatStartsNoPlaceholderIsLiteral() {
        assertTrue(of("done 100%").matches("done 100%"));
        assertTrue(of("rate %l").matches("rate %l"));
        assertTrue(of("rate %ll").matches("rate %ll"));
        assertTrue(of("at 50%% now").matches("at 50% now"));
        assertTrue(of("odd %y here").matches("odd %y here"));
        assertFalse(of("odd %y here").matches("odd 5 here"));
    }

    @Test
    void braceHolesAreEmptyOrOneDigit() {
        assertTrue(of("user {} logged in").matches("user bob logged in"));
        assertTrue(of("user {0} logged in").matches("user bob logged in"));
        assertTrue(of("bye {}").matches("bye bob"));
        assertTrue(of("bye {1}").matches("bye bob"));
        assertTrue(of("a {12} b").matches("a {12} b"));
        assertTrue(of("a {x} b").matches("a {x} b"));
        assertTrue(of("ends {").matches("ends {"));
        assertTrue(of("ends {0").matches("ends {0"));
        assertTrue(of("ends {}}").matches("ends x}"));
        assertFalse(of("a {12} b").matches("a x b"));
        assertTrue(of("size {}kb").matches("size 10kb"));
        assertFalse(of("size {}kb").matches("size 10mb"), "the literal right after a brace hole counts whole");
        assertFalse(of("size {0}kb").matches("size 10mb"));
    }

    @Test
    void templatesAreKeptAsWrittenWithoutTheFinalStop() {
        Phrasings p = of("no such file %s.", "quota %d exceeded!");
        assertEquals(List.of("no such file %s", "quota %d exceeded"), p.templates());
        assertEquals("[no such file %s, quota %d exceeded]", p.toString());
        assertTrue(p.matches("quota 3 exceeded."));
        assertTrue(p.matches("no such file x!"));
    }
}
