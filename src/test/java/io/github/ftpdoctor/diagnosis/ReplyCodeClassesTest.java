package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A reply's code classes (RFC 959 §4.2.1), its text without the code prefixes, equality and its printed form. */
class ReplyCodeClassesTest {
    @Test
    void theFirstDigitIsTheClass() {
        Reply opening = Reply.of(150, "Opening BINARY mode data connection.");
        Reply done = Reply.of(226, "File sent in full.");
        Reply needPassword = Reply.of(331, "Now send the password for that name.");
        Reply transient4 = Reply.of(421, "Going offline for a moment, bye.");
        Reply permanent5 = Reply.of(550, "That file cannot be opened.");
        Reply protected6 = Reply.of(631, "SSBtYWRlIHRoaXMgdXA=");
        assertEquals(1, opening.codeClass());
        assertEquals(2, done.codeClass());
        assertEquals(3, needPassword.codeClass());
        assertEquals(4, transient4.codeClass());
        assertEquals(5, permanent5.codeClass());
        assertEquals(6, protected6.codeClass());

        assertTrue(opening.isPositivePreliminary());
        assertFalse(done.isPositivePreliminary());
        assertTrue(done.isPositiveCompletion());
        assertFalse(needPassword.isPositiveCompletion());
        assertTrue(needPassword.isPositiveIntermediate());
        assertFalse(opening.isPositiveIntermediate());

        assertTrue(transient4.isNegative());
        assertTrue(permanent5.isNegative());
        for (Reply positive : List.of(opening, done, needPassword, protected6)) {
            assertFalse(positive.isNegative(), positive.toString());
        }
        for (Reply r : List.of(transient4, permanent5, protected6)) {
            assertFalse(r.isPositivePreliminary() || r.isPositiveCompletion() || r.isPositiveIntermediate(),
                    r.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> Reply.of(99, "x"));
        assertThrows(IllegalArgumentException.class, () -> Reply.of(700, "x"));
        assertThrows(IllegalArgumentException.class, () -> Reply.of(200, List.of()));
    }

    @Test
    void theTextDropsOnlyTheCodePrefixes() {
        Reply multi = Reply.of(230, List.of("230-Welcome to the archive.", "  Mirrors are listed in /pub/MIRRORS.",
                "230 Login successful."));
        assertEquals("Welcome to the archive.\n  Mirrors are listed in /pub/MIRRORS.\nLogin successful.", multi.text());
        assertEquals("", Reply.of(200, List.of("200")).text(), "a bare code has no text");
        assertEquals("2001 files", Reply.of(200, List.of("2001 files")).text(), "a longer number is no prefix");
        assertEquals("200OK", Reply.of(200, List.of("200OK")).text(), "no separator, no prefix");
        assertEquals("250 is the code", Reply.of(226, List.of("250 is the code")).text(), "another code is text");
        assertEquals("20", Reply.of(200, List.of("20")).text());
        assertEquals("Directory created.", Reply.of(257, "Directory created.").text());
        assertEquals("first\nsecond", Reply.of(211, "first\r\nsecond").text());
        assertEquals(List.of("211-first", "middle", "211 last"), Reply.of(211, "first\nmiddle\nlast").lines());
    }

    @Test
    void repliesAreEqualByCodeAndLines() {
        Reply a = Reply.of(530, "Wrong name or password.");
        Reply same = Reply.of(530, List.of("530 Wrong name or password."));
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, Reply.of(530, "Wrong name or password!"));
        assertNotEquals(a, Reply.of(530, List.of("530 Wrong name or password.", "530 Wrong name or password.")));
        // the same lines under another code (a server that prefixes lines wrongly) are another reply
        assertNotEquals(Reply.of(530, List.of("Wrong name or password.")), Reply.of(550, List.of("Wrong name or password.")));
        assertNotEquals(a, "530 Wrong name or password.");
        assertNotEquals(a, null);

        Set<Integer> hashes = new HashSet<>();
        for (int code : new int[] {220, 230, 331, 421, 530, 550}) {
            hashes.add(Reply.of(code, List.of("Service message")).hashCode());
        }
        assertEquals(6, hashes.size(), "different codes spread over different hashes");
    }

    @Test
    void printedAsTheServerSentIt() {
        assertEquals("530 Wrong name or password.", Reply.of(530, "Wrong name or password.").toString());
        assertEquals("230-Hello\n230 Done", Reply.of(230, "Hello\nDone").toString());
    }
}
