package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyReaderTest {
    private static final int IAC = 0xFF;
    private static final int WILL = 0xFB;
    private static final int WONT = 0xFC;
    private static final int DO = 0xFD;
    private static final int DONT = 0xFE;
    private static final int NOP = 0xF1;
    private static final int IP = 0xF4;

    // ---------------------------------------------------------------- helpers

    private static ReplyReader reader(byte[] bytes) {
        return reader(new ByteArrayInputStream(bytes));
    }

    private static ReplyReader reader(InputStream in) {
        return new ReplyReader(in, new ReplyDecoder(StandardCharsets.UTF_8, true));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(utf8(s));
            } else if (p instanceof byte[] b) {
                out.writeBytes(b);
            } else if (p instanceof Integer i) {
                out.write(i);
            } else {
                throw new IllegalArgumentException(String.valueOf(p));
            }
        }
        return out.toByteArray();
    }

    private static List<Reply> readAll(ReplyReader r) throws IOException {
        List<Reply> replies = new ArrayList<>();
        while (true) {
            try {
                replies.add(r.read());
            } catch (EOFException e) {
                return replies;
            }
        }
    }

    private static TransportFailure failure(TransportEvent expected, ReplyReader r) {
        TransportFailure f = assertThrows(TransportFailure.class, r::read);
        assertEquals(expected, f.event(), () -> "event of " + f);
        return f;
    }

    /** Returns at most one byte per read call. */
    private static final class OneByteAtATime extends FilterInputStream {
        OneByteAtATime(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(1, len));
        }
    }

    /** Returns a pseudo-random number of bytes (1 to 17) per read call, from a fixed seed. */
    private static final class RandomChunks extends FilterInputStream {
        private final Random random;

        RandomChunks(InputStream in, long seed) {
            super(in);
            this.random = new Random(seed);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1 + random.nextInt(17)));
        }
    }

    /**
     * An endless stream: an optional prefix, then the pattern repeated. It ends (EOF) only after {@code cap}
     * bytes, so that a reader that does not stop fails the test instead of hanging it. Counts what it delivered.
     */
    private static final class Endless extends InputStream {
        private final byte[] prefix;
        private final byte[] pattern;
        private final long cap;
        long delivered;

        Endless(byte[] prefix, byte[] pattern, long cap) {
            this.prefix = prefix;
            this.pattern = pattern;
            this.cap = cap;
        }

        @Override
        public int read() {
            if (delivered >= cap) {
                return -1;
            }
            long i = delivered++;
            return (i < prefix.length ? prefix[(int) i] : pattern[(int) ((i - prefix.length) % pattern.length)]) & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    break;
                }
                b[off + n++] = (byte) c;
            }
            return n == 0 ? -1 : n;
        }
    }

    private static final long CAP = 64L * 1024 * 1024;

    // ---------------------------------------------------------------- well-formed replies

    @Test
    void singleLine() throws IOException {
        ReplyReader r = reader(utf8("220 Service ready for new user.\r\n"));
        Reply reply = r.read();
        assertEquals(220, reply.code());
        assertEquals(List.of("220 Service ready for new user."), reply.lines());
        assertEquals("Service ready for new user.", reply.text());
        assertFalse(r.hasBuffered());
    }

    @Test
    void multiLineWithInnerLinesThatStartWithDigits() throws IOException {
        Reply reply = reader(utf8("123-First line\r\n"
                + "Second line\r\n"
                + "  234 A line beginning with numbers\r\n"
                + "234 not the end\r\n"
                + "123-still inside\r\n"
                + "1234 still inside\r\n"
                + "123 End\r\n")).read();
        assertEquals(123, reply.code());
        assertEquals(List.of("123-First line", "Second line", "  234 A line beginning with numbers",
                "234 not the end", "123-still inside", "1234 still inside", "123 End"), reply.lines());
        assertEquals("First line\nSecond line\n  234 A line beginning with numbers\n234 not the end\n"
                + "still inside\n1234 still inside\nEnd", reply.text());
    }

    @Test
    void multiLineEndingWithCodeOnlyLine() throws IOException {
        ReplyReader r = reader(utf8("123-First line\r\nmiddle\r\n123\r\n200 next\r\n"));
        Reply reply = r.read();
        assertEquals(123, reply.code());
        assertEquals(List.of("123-First line", "middle", "123"), reply.lines());
        assertEquals(List.of("200 next"), r.read().lines());
    }

    @Test
    void codeOnlySingleLine() throws IOException {
        Reply reply = reader(utf8("200\r\n")).read();
        assertEquals(200, reply.code());
        assertEquals(List.of("200"), reply.lines());
        assertEquals("", reply.text());
    }

    @Test
    void bareLineFeeds() throws IOException {
        ReplyReader r = reader(utf8("220 Hello\n211-Features:\n MDTM\n211 End\n"));
        assertEquals(List.of("220 Hello"), r.read().lines());
        assertEquals(List.of("211-Features:", " MDTM", "211 End"), r.read().lines());
    }

    @Test
    void crLfIsRemovedButALoneCrInsideTheLineIsKept() throws IOException {
        Reply reply = reader(utf8("220 a\rb\r\n")).read();
        assertEquals(List.of("220 a\rb"), reply.lines());
    }

    @Test
    void twoRepliesBackToBackInOneBuffer() throws IOException {
        ReplyReader r = reader(utf8("331 Password required\r\n230-Welcome\r\n230 Logged in\r\n"));
        Reply first = r.read();
        assertEquals(331, first.code());
        assertEquals(List.of("331 Password required"), first.lines());
        assertTrue(r.hasBuffered(), "the second reply is already buffered");
        Reply second = r.read();
        assertEquals(230, second.code());
        assertEquals(List.of("230-Welcome", "230 Logged in"), second.lines());
        assertFalse(r.hasBuffered());
        assertThrows(EOFException.class, r::read);
    }

    @Test
    void nonAsciiUtf8Text() throws IOException {
        Reply reply = reader(utf8("220 欢迎使用 FTP 服务\r\n")).read();
        assertEquals("欢迎使用 FTP 服务", reply.text());
    }

    @Test
    void nulBytesInsideTheText() throws IOException {
        ReplyReader r = reader(concat("220-a", 0, "b\r\n", 0, 0, "\r\n", "220 c", 0, "\r\n", "200 ok\r\n"));
        Reply reply = r.read();
        assertEquals(List.of("220-a\0b", "\0\0", "220 c\0"), reply.lines());
        assertEquals(200, r.read().code());
    }

    // ---------------------------------------------------------------- chunking

    private static byte[] corpus() {
        return concat(
                "120 Service ready in 1 minutes.\r\n",
                "220-Welcome\r\n", "234 not the end\r\n", "220-still inside\r\n", "220 End\r\n",
                "331 Password required for 用户\n",
                "230-", IAC, WILL, 1, "Welcome", IAC, IAC, "\r\n", "230\r\n",
                "211-Features:\r\n MDTM\r\n MLST type*;size*;modify*;\r\n UTF8\r\n211 End\r\n",
                "257 \"/home/a \"\"quoted\"\" dir\" is current directory\r\n",
                "226 Transfer complete\r\n");
    }

    private static final List<List<String>> CORPUS_LINES = List.of(
            List.of("120 Service ready in 1 minutes."),
            List.of("220-Welcome", "234 not the end", "220-still inside", "220 End"),
            List.of("331 Password required for 用户"),
            List.of("230-Welcome\uFFFD", "230"),
            List.of("211-Features:", " MDTM", " MLST type*;size*;modify*;", " UTF8", "211 End"),
            List.of("257 \"/home/a \"\"quoted\"\" dir\" is current directory"),
            List.of("226 Transfer complete"));

    @Test
    void corpusReadInOneBuffer() throws IOException {
        List<Reply> replies = readAll(reader(corpus()));
        List<List<String>> lines = new ArrayList<>();
        for (Reply reply : replies) {
            lines.add(reply.lines());
        }
        assertEquals(CORPUS_LINES, lines);
    }

    @Test
    void oneByteAtATimeGivesIdenticalReplies() throws IOException {
        List<Reply> whole = readAll(reader(corpus()));
        List<Reply> bytewise = readAll(reader(new OneByteAtATime(new ByteArrayInputStream(corpus()))));
        assertEquals(CORPUS_LINES.size(), whole.size());
        assertEquals(whole, bytewise);
    }

    @Test
    void randomChunksGiveIdenticalReplies() throws IOException {
        List<Reply> whole = readAll(reader(corpus()));
        assertEquals(CORPUS_LINES.size(), whole.size());
        for (long seed = 1; seed <= 50; seed++) {
            List<Reply> chunked = readAll(reader(new RandomChunks(new ByteArrayInputStream(corpus()), seed)));
            assertEquals(whole, chunked, "seed " + seed);
        }
    }

    // ---------------------------------------------------------------- Telnet

    @Test
    void telnetNegotiationIsRemoved() throws IOException {
        Reply reply = reader(concat("220 He", IAC, WILL, 1, "l", IAC, WONT, 3, "l", IAC, DO, 24, "o",
                IAC, DONT, 31, IAC, NOP, " wor", IAC, IP, "ld\r\n")).read();
        assertEquals(List.of("220 Hello world"), reply.lines());
    }

    @Test
    void optionByteOfANegotiationIsNotALineFeed() throws IOException {
        // IAC WILL 10: the option byte happens to be LF; it must be consumed as the option, not end the line
        Reply reply = reader(concat("220 a", IAC, WILL, (int) '\n', "b\r\n")).read();
        assertEquals(List.of("220 ab"), reply.lines());
    }

    @Test
    void doubledIacIsOneByte() throws IOException {
        ReplyReader r = new ReplyReader(new ByteArrayInputStream(concat("220 x", IAC, IAC, "y\r\n")),
                new ReplyDecoder(StandardCharsets.ISO_8859_1, false));
        assertEquals(List.of("220 x\u00FFy"), r.read().lines());
    }

    @Test
    void doubledIacInUtf8IsAReplacementCharacter() throws IOException {
        // a lone 0xFF is not valid in UTF-8, GB18030 or Big5: it must not crash, it becomes U+FFFD
        Reply reply = reader(concat("220 x", IAC, IAC, "y\r\n")).read();
        assertEquals(List.of("220 x\uFFFDy"), reply.lines());
    }

    @Test
    void telnetInsideTheCodeIsRemoved() throws IOException {
        Reply reply = reader(concat("2", IAC, DO, 1, "20 ok\r\n")).read();
        assertEquals(220, reply.code());
        assertEquals(List.of("220 ok"), reply.lines());
    }

    // ---------------------------------------------------------------- limits

    @Test
    void lineOfExactlyTheLimitIsAccepted() throws IOException {
        String line = "220 " + "a".repeat(ReplyReader.MAX_LINE_BYTES - 4);
        Reply reply = reader(utf8(line + "\n")).read();
        assertEquals(List.of(line), reply.lines());
    }

    @Test
    void lineOfOneByteOverTheLimitWithoutNewline() {
        byte[] bytes = utf8("a".repeat(ReplyReader.MAX_LINE_BYTES + 1));
        failure(TransportEvent.LINE_TOO_LONG, reader(bytes));
    }

    @Test
    void lineOfOneByteOverTheLimitWithNewline() {
        byte[] bytes = utf8("220 " + "a".repeat(ReplyReader.MAX_LINE_BYTES - 3) + "\n");
        failure(TransportEvent.LINE_TOO_LONG, reader(bytes));
    }

    @Test
    void endlessLineStopsAtTheLimit() {
        Endless in = new Endless(new byte[0], utf8("a"), CAP);
        failure(TransportEvent.LINE_TOO_LONG, reader(in));
        assertTrue(in.delivered > ReplyReader.MAX_LINE_BYTES, "read the whole line first: " + in.delivered);
        assertTrue(in.delivered <= 4L * ReplyReader.MAX_LINE_BYTES, "read too much: " + in.delivered);
    }

    @Test
    void endlessLineInsideAMultiLineReplyStopsAtTheLimit() {
        Endless in = new Endless(utf8("220-hello\r\n"), utf8("a"), CAP);
        failure(TransportEvent.LINE_TOO_LONG, reader(in));
        assertTrue(in.delivered <= 4L * ReplyReader.MAX_LINE_BYTES, "read too much: " + in.delivered);
    }

    @Test
    void endlessTelnetCommandsStopAtTheLimit() {
        Endless in = new Endless(utf8("220 "), new byte[] {(byte) IAC, (byte) NOP}, CAP);
        TransportFailure f = assertThrows(TransportFailure.class, reader(in)::read,
                "a stream of Telnet commands without end must be refused, not read to the end");
        assertEquals(TransportEvent.LINE_TOO_LONG, f.event());
        assertTrue(in.delivered <= 4L * ReplyReader.MAX_LINE_BYTES, "read too much: " + in.delivered);
    }

    @Test
    void replyOfTheMaximumLineCountIsAccepted() throws IOException {
        StringBuilder sb = new StringBuilder("123-first\r\n");
        for (int i = 0; i < ReplyReader.MAX_LINES - 2; i++) {
            sb.append("line ").append(i).append("\r\n");
        }
        sb.append("123 end\r\n");
        Reply reply = reader(utf8(sb.toString())).read();
        assertEquals(ReplyReader.MAX_LINES, reply.lines().size());
        assertEquals("123 end", reply.lines().get(ReplyReader.MAX_LINES - 1));
    }

    @Test
    void replyOf1001Lines() {
        StringBuilder sb = new StringBuilder("123-first\r\n");
        for (int i = 0; i < 999; i++) {
            sb.append("line ").append(i).append("\r\n");
        }
        sb.append("123 end\r\n");
        failure(TransportEvent.REPLY_TOO_LONG, reader(utf8(sb.toString())));
    }

    @Test
    void endlessMultiLineReplyStopsAtTheLimit() {
        byte[] pattern = utf8("inner line\r\n");
        Endless in = new Endless(utf8("123-first\r\n"), pattern, CAP);
        failure(TransportEvent.REPLY_TOO_LONG, reader(in));
        long bound = (long) (ReplyReader.MAX_LINES + 1) * pattern.length + 2L * ReplyReader.MAX_LINE_BYTES;
        assertTrue(in.delivered <= bound, "read too much: " + in.delivered);
    }

    // ---------------------------------------------------------------- EOF

    @Test
    void eofAtTheStart() {
        assertThrows(EOFException.class, reader(new byte[0])::read);
    }

    @Test
    void eofInsideASingleLine() {
        assertThrows(EOFException.class, reader(utf8("220 Hel"))::read);
    }

    @Test
    void eofInsideAMultiLineReply() {
        assertThrows(EOFException.class, reader(utf8("123-First line\r\nSecond line\r\n"))::read);
        assertThrows(EOFException.class, reader(utf8("123-First line\r\nSecond li"))::read);
    }

    @Test
    void eofAfterATelnetCommandByte() {
        assertThrows(EOFException.class, reader(concat("220 x", IAC))::read);
        assertThrows(EOFException.class, reader(concat("220 x", IAC, WILL))::read);
    }

    // ---------------------------------------------------------------- malformed

    @ParameterizedTest
    @ValueSource(strings = {"SSH-2.0-OpenSSH_9.2", "HTTP/1.1 400 Bad Request", "99 x", "700 x", "000 x", "12a x",
        "", "220x", " 220 x", "22", "a20 x", "２２０ fullwidth digits"})
    void malformedFirstLine(String line) {
        TransportFailure f = failure(TransportEvent.MALFORMED_REPLY, reader(utf8(line + "\r\n")));
        assertEquals(line, f.detail());
    }

    @Test
    void malformedLineOf120CharactersIsShownWhole() {
        String line = "SSH-" + "x".repeat(116);
        assertEquals(120, line.length());
        assertEquals(line, failure(TransportEvent.MALFORMED_REPLY, reader(utf8(line + "\n"))).detail());
    }

    @Test
    void malformedLongLineIsTruncatedInTheDetail() {
        String line = "HTTP/1.1 400 Bad Request " + "y".repeat(200);
        TransportFailure f = failure(TransportEvent.MALFORMED_REPLY, reader(utf8(line + "\r\n")));
        assertEquals(line.substring(0, 120) + "…", f.detail());
    }

    @Test
    void malformedReplyIsReportedWithTheLineInTheMessage() {
        TransportFailure f = failure(TransportEvent.MALFORMED_REPLY, reader(utf8("SSH-2.0-OpenSSH_9.2\r\n")));
        assertTrue(f.getMessage().contains("SSH-2.0-OpenSSH_9.2"), f.getMessage());
    }

    @Test
    void decoderCharsetIsUsedForLines() throws IOException {
        Charset gbk = Charset.forName("GBK");
        ReplyReader r = new ReplyReader(new ByteArrayInputStream("550 文件不存在\r\n".getBytes(gbk)),
                new ReplyDecoder(gbk, false));
        assertEquals("文件不存在", r.read().text());
    }
}
