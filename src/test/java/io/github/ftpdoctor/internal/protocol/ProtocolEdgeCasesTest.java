package io.github.ftpdoctor.internal.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * Boundaries in the protocol layer that examples and properties left open (found by mutation testing): exact
 * lengths of verbs and replies, the transcript's limits, TLS trust
 * composition.
 */
class ProtocolEdgeCasesTest {

    // ---- ReplyDecoder ----

    @Test
    void asciiIsReadAsItIsAndOneHighByteIsEnoughToLeaveThatPath() {
        ReplyDecoder d = new ReplyDecoder(UTF_8, true);
        byte[] ascii = "226 ok\u007F".getBytes(UTF_8);
        assertEquals("226 ok\u007F", d.decode(ascii, ascii.length));
        byte[] tail = "550 é".getBytes(UTF_8);
        assertEquals("550 é", d.decode(tail, tail.length), "the non-ASCII byte is the last one");
        assertEquals("550 ", d.decode(tail, 4), "only the first length bytes count");
    }

    @Test
    void gbkTextIsReadAsGbkAndBig5AsBig5() {
        ReplyDecoder d = new ReplyDecoder(UTF_8, true);
        byte[] gbk = "550 文件不存在".getBytes(Charset.forName("GB18030"));
        assertEquals("550 文件不存在", d.decode(gbk, gbk.length));
        byte[] big5 = "550 檔案不存在".getBytes(Charset.forName("Big5"));
        assertEquals("550 檔案不存在", d.decode(big5, big5.length));
        ReplyDecoder big5First = new ReplyDecoder(Charset.forName("Big5"), true);
        assertEquals("550 檔案不存在", big5First.decode(big5, big5.length), "the primary charset is trusted");
    }

    // ---- CommandWriter ----

    @Test
    void verbsAreOneToSixteenAsciiLettersOrDigits() {
        CommandWriter.validate("A", null);
        CommandWriter.validate("z", null);
        CommandWriter.validate("0123456789ABCDEF", null);
        CommandWriter.validate("az09AZ", "x");
        for (String bad : new String[] {"", "ABCDEFGHIJKLMNOPQ", "A B", "A-B", "@", "[", "`", "{", "/", ":", "É"}) {
            assertThrows(IllegalArgumentException.class, () -> CommandWriter.validate(bad, null), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> CommandWriter.validate(null, null));
    }

    @Test
    void refusedArgumentsNameTheCharacterButNeverAPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandWriter.validate("CWD", "a\r\nDELE b"));
        assertEquals("refused to send CWD: its argument \"a\\r\\nDELE b\" contains CR at index 1, which would end the"
                + " command early", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CommandWriter.validate("cwd", "x\0"));
        assertTrue(e.getMessage().contains("\"x\\0\" contains NUL at index 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CommandWriter.validate("RETR", "\n"));
        assertTrue(e.getMessage().contains("contains LF at index 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CommandWriter.validate("pass", "s3cr\net"));
        assertFalse(e.getMessage().contains("s3cr"), e.getMessage());
    }

    @Test
    void writesExactlyTheEncodedBytesFromTheBuffersPosition() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandWriter w = new CommandWriter(out, UTF_8);
        ByteBuffer b = w.encode("CWD", "目录");
        b.get(); // the writer starts at the buffer's position
        w.write(b);
        assertEquals("WD 目录\r\n", out.toString(UTF_8));
        out.reset();
        w.write("NOOP", null);
        assertEquals("NOOP\r\n", out.toString(UTF_8));
        ByteBuffer slice = ByteBuffer.wrap("xxNOOP\r\n".getBytes(UTF_8), 2, 6).slice();
        out.reset();
        w.write(slice);
        assertEquals("NOOP\r\n", out.toString(UTF_8), "an array offset is honoured");
    }

    // ---- Transcript ----

    @Test
    void longRepliesAreCutToTwentyLinesWithACount() {
        Transcript t = new Transcript(100);
        List<String> lines = new ArrayList<>();
        lines.add("211-Features:");
        for (int i = 0; i < 23; i++) {
            lines.add(" F" + i);
        }
        lines.add("211 End");
        t.received(Reply.of(211, lines));
        List<String> shown = t.snapshot();
        assertEquals(21, shown.size());
        assertEquals("< 211-Features:", shown.get(0));
        assertEquals("< … (5 more lines)", shown.get(20));
        Transcript exact = new Transcript(100);
        exact.received(Reply.of(211, lines.subList(0, 20)));
        assertEquals(20, exact.snapshot().size(), "exactly twenty lines: no count line");
    }

    @Test
    void theTranscriptKeepsTheLastLinesUpToItsCapacity() {
        Transcript t = new Transcript(2);
        t.sent("USER", "bob");
        t.sent("PASS", "secret");
        t.note("x");
        assertEquals(List.of("> PASS ****", "* x"), t.snapshot());
        assertEquals(List.of("* y"), snapshotOf(new Transcript(0), "y"), "capacity at least one");
    }

    private static List<String> snapshotOf(Transcript t, String note) {
        t.note(note);
        return t.snapshot();
    }

    // ---- TransportFailure ----

    @Test
    void aFailureReportedAsAnotherEventKeepsDetailReplyAndCause() {
        Reply reply = Reply.of(150, "Opening");
        IOException root = new IOException("root");
        TransportFailure f = new TransportFailure(TransportEvent.CLOSED_MID_SESSION, "closed", reply, root);
        assertSame(reply, f.reply());
        TransportFailure g = f.as(TransportEvent.LINE_TOO_LONG);
        assertEquals(TransportEvent.LINE_TOO_LONG, g.event());
        assertEquals("closed", g.detail());
        assertSame(reply, g.reply());
        assertSame(root, g.getCause());
        TransportFailure noCause = new TransportFailure(TransportEvent.CLOSED_MID_SESSION, "d", null);
        assertSame(noCause, noCause.as(TransportEvent.LINE_TOO_LONG).getCause());
        assertNull(noCause.reply());
    }

    // ---- Replies ----

    @Test
    void quotedPathNeedsTextAfterTheCode() {
        assertNull(Replies.quotedPath(Reply.of(257, List.of("257 "))));
        assertNull(Replies.quotedPath(Reply.of(257, List.of("257"))));
        assertEquals("", Replies.quotedPath(Reply.of(257, List.of("257 \"\""))));
        assertEquals("/", Replies.quotedPath(Reply.of(257, List.of("257 \"/\""))));
        assertEquals("a", Replies.quotedPath(Reply.of(257, List.of("257 x\"a\" y"))));
    }

    @Test
    void mdtmFractionAfterADotAtPositionFourteenOnly() {
        assertNull(Replies.time(Reply.of(213, ".20240102030405")), "a dot first is no fraction");
        assertEquals(Instant.parse("2024-01-02T03:04:05.1Z"), Replies.time(Reply.of(213, "20240102030405.1")));
        assertNull(Replies.time(Reply.of(213, "2024010203040.1")));
    }

    @Test
    void featLinesBetweenTheFirstAndLastOnly() {
        Map<String, String> f = Replies.features(Reply.of(211, List.of("211-Features:", " mdtm", " SIZE  ", "211 End")));
        assertEquals(Map.of("MDTM", "", "SIZE", ""), f);
        assertEquals(List.of("MDTM", "SIZE"), new ArrayList<>(f.keySet()));
        assertTrue(Replies.features(Reply.of(211, List.of("211 no features"))).isEmpty());
        assertTrue(Replies.features(Reply.of(211, List.of("211-x", "211 End"))).isEmpty());
        assertEquals(Map.of("REST", "STREAM"), Replies.features(Reply.of(211,
                List.of("211-x", " REST STREAM", "211 End"))));
    }

    // ---- TlsTrust ----

    @Test
    void aSharedContextIsUsedAsItIsAndDroppedByTrustOrKeys() throws Exception {
        SSLContext mine = SSLContext.getInstance("TLS");
        mine.init(null, null, null);
        TlsTrust shared = TlsTrust.shared(mine);
        assertNull(shared.probeForSession(), "a shared context has its own keys");
        assertSame(mine, shared.contextForSession(null));
        TlsTrust own = shared.trust(null);
        ClientCertificateProbe probe = own.probeForSession();
        assertNotNull(probe);
        SSLContext fresh = own.contextForSession(probe);
        assertNotNull(fresh);
        assertFalse(fresh == mine);
        assertFalse(own.contextForSession(own.probeForSession()) == fresh, "a context per session");
        assertNotNull(shared.keys(null).probeForSession());
    }

    // ---- TlsUpgrade: naming a failed handshake ----

    @Test
    void handshakeFailuresAreNamedByWhatWentWrong() {
        TransportFailure timeout = TlsUpgrade.failure(new java.net.SocketTimeoutException("Read timed out"), "h port 21");
        assertEquals(TransportEvent.TLS_HANDSHAKE_FAILED, timeout.event());
        assertEquals("no TLS handshake from h port 21 within the timeout", timeout.detail());

        javax.net.ssl.SSLHandshakeException untrusted = new javax.net.ssl.SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new java.security.cert.CertPathValidatorException("bad chain"));
        assertEquals(TransportEvent.TLS_CERTIFICATE_UNTRUSTED, TlsUpgrade.failure(untrusted, "h").event());
        assertEquals(TransportEvent.TLS_CERTIFICATE_UNTRUSTED, TlsUpgrade.failure(new javax.net.ssl.SSLHandshakeException(
                "sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path"
                        + " to requested target"), "h").event());

        javax.net.ssl.SSLHandshakeException mismatch = new javax.net.ssl.SSLHandshakeException("handshake");
        mismatch.initCause(new java.security.cert.CertificateException(
                "No subject alternative names matching IP address 127.0.0.2 found"));
        assertEquals(TransportEvent.TLS_HOSTNAME_MISMATCH, TlsUpgrade.failure(mismatch, "h").event());
        assertEquals(TransportEvent.TLS_HOSTNAME_MISMATCH, TlsUpgrade.failure(new javax.net.ssl.SSLHandshakeException(
                "No name matching example.com found"), "h").event());

        assertEquals(TransportEvent.TLS_HANDSHAKE_FAILED, TlsUpgrade.failure(new javax.net.ssl.SSLException(
                "Unsupported or unrecognized SSL message"), "h").event());
        assertEquals(TransportEvent.TLS_HANDSHAKE_FAILED, TlsUpgrade.failure(new IOException(
                "Remote host terminated the SSL handshake"), "h").event(), "SSL named in a plain IOException");
        TransportFailure reset = TlsUpgrade.failure(new java.net.SocketException("Connection reset"), "h port 990");
        assertEquals(TransportEvent.RESET_BEFORE_GREETING, reset.event());
        assertEquals("h port 990: Connection reset", reset.detail());
    }

    @Test
    void clientParametersVerifyTheHostNameAndChooseProtocolsOnlyWhenAsked() {
        javax.net.ssl.SSLParameters p = TlsUpgrade.parameters(new javax.net.ssl.SSLParameters(),
                new TlsOptions(true, null, null, true, true, new String[] {"TLSv1.2"}));
        assertEquals("HTTPS", p.getEndpointIdentificationAlgorithm());
        assertEquals(List.of("TLSv1.2"), List.of(p.getProtocols()));
        javax.net.ssl.SSLParameters q = TlsUpgrade.parameters(new javax.net.ssl.SSLParameters(),
                new TlsOptions(false, null, null, false, true, null));
        assertNull(q.getEndpointIdentificationAlgorithm());
        assertNull(q.getProtocols());
    }
}
