package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.LikelyBannedException;
import io.github.ftpdoctor.error.TooManyUsersException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Session.open and send against scripted loopback servers. The class timeout only guards against hangs. */
@Timeout(60)
class SessionTimeoutTest {
    /** Upper bound for any blocking call of the scripted server, so that its thread always ends. */
    private static final int SERVER_TIMEOUT_MS = 10_000;

    @FunctionalInterface
    interface Script {
        void run(Socket client) throws IOException;
    }

    /** A one-connection loopback server running a script in its own thread. */
    private static final class ScriptedServer implements AutoCloseable {
        private final ServerSocket server;
        private final Thread thread;
        private final AtomicReference<Throwable> error = new AtomicReference<>();
        private final AtomicReference<Socket> accepted = new AtomicReference<>();

        ScriptedServer(Script script) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            server.setSoTimeout(SERVER_TIMEOUT_MS);
            thread = new Thread(() -> {
                try (Socket s = server.accept()) {
                    accepted.set(s);
                    s.setSoTimeout(SERVER_TIMEOUT_MS);
                    script.run(s);
                } catch (Throwable t) {
                    error.set(t);
                }
            }, "scripted-ftp-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        /** Waits (bounded) for the script to finish and rethrows what it failed with. */
        void finish() throws Exception {
            thread.join(SERVER_TIMEOUT_MS + 5_000L);
            assertFalse(thread.isAlive(), "server script did not finish");
            Throwable t = error.get();
            if (t instanceof Exception e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            try {
                server.close();
            } finally {
                Socket s = accepted.get();
                if (s != null) {
                    s.close();
                }
                thread.join(SERVER_TIMEOUT_MS + 5_000L);
            }
        }
    }

    private static ConnectOptions options(int port) {
        return new ConnectOptions("127.0.0.1", port, Duration.ofSeconds(2), Duration.ofMillis(300),
                StandardCharsets.UTF_8, true, Classifier.standard(), SocketFactory.getDefault(), 50);
    }

    private static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Blocks until the client closes its end; fails the script if it sends anything or the wait times out. */
    private static void expectClientClose(Socket s) throws IOException {
        int b = s.getInputStream().read();
        if (b != -1) {
            throw new AssertionError("client sent unexpected byte " + b);
        }
    }

    private static FtpException openFails(int port) {
        return assertThrows(FtpException.class, () -> {
            try (Session unexpected = Session.open(options(port))) {
                // reached only if open succeeded, which fails the assertion
            }
        });
    }

    @Test
    void serverThatNeverWrites() throws Exception {
        try (ScriptedServer server = new ScriptedServer(SessionTimeoutTest::expectClientClose)) {
            FtpException e = openFails(server.port());
            assertEquals(Outcome.GreetingTimedOut, e.diagnosis().outcome());
            assertEquals(TransportEvent.GREETING_TIMEOUT, e.diagnosis().event());
            assertInstanceOf(SocketTimeoutException.class, e.getCause());
            server.finish(); // the client closed its socket after the failure (else the script times out)
        }
    }

    @Test
    void preliminaryReplyThenGreeting() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            write(s, "120 Service ready in 1 minutes.\r\n");
            write(s, "220 Ready\r\n");
            expectClientClose(s);
        })) {
            try (Session session = Session.open(options(server.port()))) {
                assertEquals(220, session.greeting().code());
                assertEquals(List.of("220 Ready"), session.greeting().lines());
                assertTrue(session.isOpen());
                assertEquals(List.of("< 120 Service ready in 1 minutes.", "< 220 Ready"), session.transcript());
            }
            server.finish();
        }
    }

    @Test
    void onlyPreliminaryReplies() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            write(s, "120 Service ready in 1 minutes.\r\n".repeat(25));
            expectClientClose(s);
        })) {
            FtpException e = openFails(server.port());
            assertEquals(Outcome.GreetingTimedOut, e.diagnosis().outcome());
            server.finish();
        }
    }

    @Test
    void tooManyUsersAtConnect() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            write(s, "421 Too many users\r\n");
            expectClientClose(s);
        })) {
            FtpException e = openFails(server.port());
            assertEquals(Outcome.TooManyUsers, e.diagnosis().outcome());
            assertEquals(421, e.diagnosis().code());
            assertInstanceOf(TooManyUsersException.class, e);
            assertTrue(e.transcript().contains("< 421 Too many users"), e.transcript().toString());
            server.finish();
        }
    }

    @Test
    void sshServer() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            write(s, "SSH-2.0-OpenSSH_9.2\r\n");
            expectClientClose(s);
        })) {
            FtpException e = openFails(server.port());
            assertEquals(Outcome.NotFtpService, e.diagnosis().outcome());
            assertEquals(TransportEvent.NOT_FTP_GREETING, e.diagnosis().event());
            assertEquals("transport.not-ftp.ssh", e.diagnosis().ruleId());
            assertEquals("SSH-2.0-OpenSSH_9.2", e.diagnosis().detail());
            server.finish();
        }
    }

    @Test
    void httpServer() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            write(s, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            expectClientClose(s);
        })) {
            FtpException e = openFails(server.port());
            assertEquals(Outcome.NotFtpService, e.diagnosis().outcome());
            assertEquals("transport.not-ftp.http", e.diagnosis().ruleId());
            server.finish();
        }
    }

    @Test
    void serverThatAcceptsAndCloses() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> s.close())) {
            FtpException e = openFails(server.port());
            assertEquals(Outcome.LikelyBanned, e.diagnosis().outcome());
            assertEquals(TransportEvent.CLOSED_BEFORE_GREETING, e.diagnosis().event());
            assertInstanceOf(LikelyBannedException.class, e);
            server.finish();
        }
    }

    @Test
    void greetingCutShortIsAClosedConnectionNotABan() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> write(s, "220-Welcome\r\n220 to the serv"))) {
            FtpException e = openFails(server.port());
            assertEquals(Outcome.ConnectionClosed, e.diagnosis().outcome());
            assertEquals(TransportEvent.CLOSED_MID_SESSION, e.diagnosis().event());
            assertTrue(e.diagnosis().detail().contains("220 to the serv"), e.diagnosis().detail());
            assertTrue(e.transcript().contains("* connection closed by the server inside a reply, after: 220-Welcome\n"
                    + "220 to the serv"), e.transcript().toString());
            server.finish();
        }
    }

    @Test
    void whatATruncatedReplyHadIsShownUpTo120Characters() throws Exception {
        String line = "220 " + "x".repeat(116); // 120 characters: shown whole
        String longer = line + "yz";
        for (String sent : new String[] {line, longer}) {
            try (ScriptedServer server = new ScriptedServer(s -> write(s, sent))) { // no line end: cut short
                FtpException e = openFails(server.port());
                assertEquals(TransportEvent.CLOSED_MID_SESSION, e.diagnosis().event());
                String expected = sent.length() > 120 ? sent.substring(0, 120) + "…" : sent;
                assertTrue(e.diagnosis().detail().endsWith("inside a reply, after: " + expected),
                        e.diagnosis().detail());
                server.finish();
            }
        }
    }

    @Test
    void aLineLongerThanTheReaderAcceptsIsNotedInTheTranscript() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            write(s, "220 " + "x".repeat(9000) + "\r\n");
            expectClientClose(s);
        })) {
            FtpException e = openFails(server.port());
            assertEquals(TransportEvent.LINE_TOO_LONG, e.diagnosis().event());
            assertTrue(e.transcript().stream().anyMatch(l -> l.startsWith("* ") && l.contains("longer than")),
                    e.transcript().toString());
            server.finish();
        }
    }

    @Test
    void serverThatClosesAfterACommand() throws Exception {
        AtomicReference<String> received = new AtomicReference<>();
        try (ScriptedServer server = new ScriptedServer(s -> {
            write(s, "220 Ready\r\n");
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            received.set(in.readLine());
            s.close();
        })) {
            try (Session session = Session.open(options(server.port()))) {
                assertEquals(220, session.greeting().code());
                FtpException e = assertThrows(FtpException.class, () -> session.send("NOOP", null));
                assertEquals(Outcome.ConnectionClosed, e.diagnosis().outcome());
                assertEquals(TransportEvent.CLOSED_MID_SESSION, e.diagnosis().event());
                assertEquals("NOOP", e.diagnosis().command());
                assertFalse(session.isOpen(), "the session is closed after the failure");
                assertTrue(e.transcript().contains("> NOOP"), e.transcript().toString());
                assertTrue(e.transcript().contains("* connection closed by the server"), e.transcript().toString());

                FtpException again = assertThrows(FtpException.class, () -> session.send("NOOP", null));
                assertEquals(Outcome.ConnectionClosed, again.diagnosis().outcome());
            }
            server.finish();
            assertEquals("NOOP", received.get());
        }
    }

    @Test
    void replyTimeoutAfterTheGreeting() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            write(s, "220 Ready\r\n");
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            if (!"NOOP".equals(in.readLine())) {
                throw new AssertionError("expected NOOP");
            }
            expectClientClose(s); // never answers
        })) {
            try (Session session = Session.open(options(server.port()))) {
                FtpException e = assertThrows(FtpException.class, () -> session.send("NOOP", null));
                assertEquals(Outcome.ReplyTimedOut, e.diagnosis().outcome());
                assertFalse(session.isOpen());
                // the configured timeout, named: not a measured time
                assertTrue(e.diagnosis().detail().endsWith(" within 300 ms"), e.diagnosis().detail());
                assertTrue(e.transcript().contains("* no reply within 300 ms"), e.transcript().toString());
            }
            server.finish();
        }
    }

    @Test
    void preliminaryRepliesDoNotExtendTheReplyTimeout() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean allSent = new java.util.concurrent.atomic.AtomicBoolean();
        try (ScriptedServer server = new ScriptedServer(s -> {
            write(s, "220 Ready\r\n");
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            try {
                for (int i = 0; i < 30; i++) { // a 1xx every 150 ms, each in time, for 4.5 s; never a final reply
                    write(s, "110 Still working.\r\n");
                    Thread.sleep(150);
                }
                allSent.set(true); // the client's 300 ms reply timeout should have ended this long before
            } catch (IOException | InterruptedException gone) {
                // the client gave up and closed
            }
        })) {
            try (Session session = Session.open(options(server.port()))) {
                FtpException e = assertThrows(FtpException.class, () -> session.send("STAT", null));
                assertEquals(Outcome.ReplyTimedOut, e.diagnosis().outcome());
                assertFalse(session.isOpen());
            }
            server.finish();
            assertFalse(allSent.get(), "the 1xx replies kept the client waiting");
        }
    }

    @Test
    void passwordIsMaskedInTheTranscriptOfAFailure() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            write(s, "220 Ready\r\n");
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            if (!"PASS s3cret".equals(in.readLine())) {
                throw new AssertionError("the real password is sent on the wire");
            }
            write(s, "530 Login incorrect.\r\n");
            expectClientClose(s);
        })) {
            try (Session session = Session.open(options(server.port()))) {
                FtpException e = assertThrows(FtpException.class, () -> session.expect("PASS", "s3cret", c -> c == 230));
                assertEquals(530, e.diagnosis().code());
                assertTrue(e.transcript().contains("> PASS ****"), e.transcript().toString());
                assertFalse(e.transcript().toString().contains("s3cret"));
                assertFalse(e.getMessage().contains("s3cret"));
                assertNull(e.diagnosis().detail());
            }
            server.finish();
        }
    }

    /** Writes the text one byte at a time, pausing between bytes, until done or the client goes away. */
    private static void drip(Socket s, String text, long pauseMillis) throws IOException {
        OutputStream out = s.getOutputStream();
        try {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
                out.flush();
                Thread.sleep(pauseMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up and closed: that is what the test expects
        }
    }

    @Test
    void greetingDrippedSlowerThanTheReplyTimeoutTimesOut() throws Exception {
        // each byte comes well within the 300 ms timeout, the whole greeting does not
        try (ScriptedServer server = new ScriptedServer(s -> drip(s, "220 a greeting that takes far too long\r\n", 40))) {
            FtpException e = openFails(server.port());
            assertEquals(Outcome.GreetingTimedOut, e.diagnosis().outcome());
            server.finish();
        }
    }

    @Test
    void replyDrippedSlowerThanTheReplyTimeoutTimesOut() throws Exception {
        try (ScriptedServer server = new ScriptedServer(s -> {
            write(s, "220 Ready\r\n");
            new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            drip(s, "200 a reply that takes far too long to arrive\r\n", 40);
        })) {
            try (Session session = Session.open(options(server.port()))) {
                FtpException e = assertThrows(FtpException.class, () -> session.send("NOOP", null));
                assertEquals(Outcome.ReplyTimedOut, e.diagnosis().outcome());
                assertEquals("NOOP", e.diagnosis().command());
                assertFalse(session.isOpen(), "a session whose reply timed out is out of step and closed");
            }
            server.finish();
        }
    }
}
