package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    @Test
    void passwordAndAccountAreMasked() {
        Transcript t = new Transcript(50);
        t.sent("USER", "bob");
        t.sent("PASS", "s3cret");
        t.sent("pass", "s3cret2");
        t.sent("ACCT", "acct-secret");
        t.sent("acct", "acct-secret2");
        assertEquals(List.of("> USER bob", "> PASS ****", "> PASS ****", "> ACCT ****", "> ACCT ****"), t.snapshot());
        for (String line : t.snapshot()) {
            assertFalse(line.contains("secret"), line);
        }
    }

    @Test
    void showAndIsSecret() {
        assertEquals("PASS ****", Transcript.show("PASS", "hunter2"));
        assertEquals("ACCT ****", Transcript.show("Acct", "x"));
        assertEquals("PASS", Transcript.show("pass", null));
        assertEquals("RETR a b.txt", Transcript.show("retr", "a b.txt"));
        assertTrue(Transcript.isSecret("pAsS"));
        assertTrue(Transcript.isSecret("ACCT"));
        assertFalse(Transcript.isSecret("USER"));
        assertFalse(Transcript.isSecret("PASV"));
    }

    @Test
    void receivedAndNotesArePrefixed() {
        Transcript t = new Transcript(10);
        t.received(Reply.of(230, List.of("230-Welcome", "230 Logged in")));
        t.note("connection closed by the server");
        assertEquals(List.of("< 230-Welcome", "< 230 Logged in", "* connection closed by the server"), t.snapshot());
    }

    @Test
    void capacityDropsTheOldest() {
        Transcript t = new Transcript(3);
        for (int i = 1; i <= 7; i++) {
            t.note("n" + i);
        }
        assertEquals(List.of("* n5", "* n6", "* n7"), t.snapshot());
    }

    @Test
    void capacityAppliesToReplyLines() {
        Transcript t = new Transcript(4);
        t.sent("USER", "bob");
        t.received(Reply.of(220, List.of("220-a", "b", "c", "220 d")));
        t.sent("PASS", "x");
        assertEquals(List.of("< b", "< c", "< 220 d", "> PASS ****"), t.snapshot());
    }

    @Test
    void capacityBelowOneKeepsOneLine() {
        Transcript t = new Transcript(0);
        t.note("first");
        t.note("second");
        assertEquals(List.of("* second"), t.snapshot());
    }

    @Test
    void snapshotIsACopy() {
        Transcript t = new Transcript(5);
        t.note("a");
        List<String> before = t.snapshot();
        t.note("b");
        assertEquals(List.of("* a"), before);
        assertEquals(List.of("* a", "* b"), t.snapshot());
    }

    private static Reply longReply(int count) {
        List<String> lines = new ArrayList<>();
        lines.add("211-line 0");
        for (int i = 1; i < count - 1; i++) {
            lines.add(" line " + i);
        }
        lines.add("211 End");
        return Reply.of(211, lines);
    }

    @Test
    void longRepliesAreTruncatedTo20LinesAndANote() {
        Transcript t = new Transcript(100);
        Reply reply = longReply(25);
        t.received(reply);
        List<String> s = t.snapshot();
        assertEquals(21, s.size());
        for (int i = 0; i < 20; i++) {
            assertEquals("< " + reply.lines().get(i), s.get(i));
        }
        assertTrue(s.get(20).contains("5 more lines"), s.get(20));
        assertFalse(s.contains("< 211 End"));
    }

    @Test
    void replyOfExactly20LinesIsKeptWhole() {
        Transcript t = new Transcript(100);
        Reply reply = longReply(20);
        t.received(reply);
        List<String> s = t.snapshot();
        assertEquals(20, s.size());
        assertEquals("< 211 End", s.get(19));
        assertFalse(s.stream().anyMatch(l -> l.contains("more lines")));
    }
}
