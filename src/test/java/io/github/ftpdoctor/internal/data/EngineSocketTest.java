package io.github.ftpdoctor.internal.data;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EngineSocket against JSSE servers on 127.0.0.1, with certificates made by keytool at test time.
 *
 * <p>Resumption is checked independently of EngineSocket's own signal: a full handshake sends the server's
 * certificate, which the client's (counting) trust manager checks, and a resumption sends none; and the server-side
 * session of a resumed connection keeps the creation time of the session it resumes.
 */
class EngineSocketTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final int TIMEOUT = 10_000;

    @TempDir
    static Path dir;
    private static KeyStore serverKeys;
    private static SSLContext clientContext;
    private static SSLContext strangerContext;

    private final List<TlsServer> servers = new ArrayList<>();
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeAll
    static void certificates() throws Exception {
        serverKeys = TestTls.keytool(dir.resolve("server.p12"));
        KeyStore other = TestTls.keytool(dir.resolve("other.p12"));
        clientContext = TestTls.clientTrusting(serverKeys, new AtomicInteger());
        strangerContext = TestTls.clientTrusting(other, new AtomicInteger());
    }

    @AfterEach
    void stopServers() throws Exception {
        for (Socket s : sockets) {
            s.close();
        }
        for (TlsServer s : servers) {
            s.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void transfers10MiBBothWays(String protocol) throws Exception {
        TlsServer server = server(TestTls.serverContext(serverKeys), s -> {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
            }
        });
        byte[] data = new byte[10 << 20];
        new Random(42).nextBytes(data);
        try (EngineSocket tls = EngineSocket.handshake(connect(server.port()), clientContext, LOOPBACK, server.port(),
                params(protocol), TIMEOUT)) {
            assertEquals(protocol, tls.getSession().getProtocol());
            assertFalse(tls.isSessionResumed(), "nothing cached for this host and port: a full handshake");
            long start = System.nanoTime();
            Worker writer = new Worker(() -> {
                OutputStream out = tls.getOutputStream();
                for (int off = 0; off < data.length; off += 65536) {
                    out.write(data, off, Math.min(65536, data.length - off));
                }
                tls.shutdownOutput();
            });
            byte[] back = readAll(tls.getInputStream());
            writer.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            assertArrayEquals(data, back);
            assertFalse(tls.closedWithoutCloseNotify());
            System.out.printf("EngineSocket %s: 10 MiB echoed in %.0f ms, %.0f MiB/s each way%n", protocol,
                    seconds * 1000, 10 / seconds);
        }
        server.assertNoErrors();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void resumesTheControlSessionOnTheDataConnection(String protocol) throws Exception {
        AtomicInteger fullHandshakes = new AtomicInteger();
        SSLContext client = TestTls.clientTrusting(serverKeys, fullHandshakes); // shared by control and data, as in FTPS
        SSLContext serverContext = TestTls.serverContext(serverKeys); // one context: one session cache and one ticket key
        TlsServer control = server(serverContext, EngineSocketTest::echo);
        TlsServer data = server(serverContext, EngineSocketTest::echo);
        SSLSession controlSession = control(client, control.port(), protocol);
        assertEquals(1, fullHandshakes.get());

        try (EngineSocket tls = EngineSocket.handshake(connect(data.port()), client, LOOPBACK, control.port(),
                params(protocol), TIMEOUT)) {
            roundTrip(tls.getInputStream(), tls.getOutputStream());
            assertEquals(1, fullHandshakes.get(), "no certificate came: the session was resumed");
            assertEquals(control.sessions.get(0).getCreationTime(), data.sessions.get(0).getCreationTime());
            assertTrue(tls.isSessionResumed());
            // JSSE fact: TLS 1.2 resumes the control session itself; TLS 1.3 a ticket copy with a new local id
            assertEquals(protocol.equals("TLSv1.2"), EngineSocket.sameSession(controlSession, tls.getSession()));
            assertEquals(controlSession.getCreationTime(), tls.getSession().getCreationTime());
        }

        // JSSE fact: an SSLSocket layered over the data socket looks its session up by the data port: no resumption
        Socket plain = connect(data.port());
        try (SSLSocket layered = (SSLSocket) client.getSocketFactory().createSocket(plain, LOOPBACK, data.port(),
                true)) {
            layered.setSSLParameters(params(protocol));
            roundTrip(layered.getInputStream(), layered.getOutputStream());
            assertEquals(2, fullHandshakes.get(), "the layered socket made a full handshake");
            assertFalse(EngineSocket.sameSession(controlSession, layered.getSession()));
        }

        // a server that cannot resume (its own session cache and ticket key): a full handshake, reported as such
        TlsServer stranger = server(TestTls.serverContext(serverKeys), EngineSocketTest::echo);
        try (EngineSocket tls = EngineSocket.handshake(connect(stranger.port()), client, LOOPBACK, control.port(),
                params(protocol), TIMEOUT)) {
            roundTrip(tls.getInputStream(), tls.getOutputStream());
            assertEquals(3, fullHandshakes.get());
            assertFalse(tls.isSessionResumed());
        }
        for (TlsServer s : List.of(control, data, stranger)) {
            s.assertNoErrors();
        }
    }

    /**
     * JDK 17 uses a TLS 1.3 ticket once; an upload never reads, so close() must read the ticket the server sent on
     * the data connection, or the next data connection makes a full handshake (vsftpd: 522).
     */
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void uploadsOneAfterAnotherAllResume(String protocol) throws Exception {
        AtomicInteger fullHandshakes = new AtomicInteger();
        SSLContext client = TestTls.clientTrusting(serverKeys, fullHandshakes);
        SSLContext serverContext = TestTls.serverContext(serverKeys);
        TlsServer control = server(serverContext, EngineSocketTest::echo);
        List<Integer> received = new CopyOnWriteArrayList<>();
        TlsServer data = server(serverContext, s -> received.add(readAll(s.getInputStream()).length));
        control(client, control.port(), protocol);
        for (int i = 1; i <= 3; i++) {
            try (EngineSocket tls = EngineSocket.handshake(connect(data.port()), client, LOOPBACK, control.port(),
                    params(protocol), TIMEOUT)) {
                assertTrue(tls.isSessionResumed(), "upload " + i);
                tls.getOutputStream().write(new byte[1000 * i]);
            } // close(): data, close_notify, and the ticket for the next one
            assertEquals(1, fullHandshakes.get(), "upload " + i);
        }
        data.close();
        // each connection has its own handler thread: the second can finish reading before the first
        assertEquals(List.of(1000, 2000, 3000), received.stream().sorted().toList());
        data.assertNoErrors();
    }

    /** A control connection: handshake and one round trip (TLS 1.3 tickets come after the handshake). */
    private SSLSession control(SSLContext client, int port, String protocol) throws IOException {
        SSLSocket controlSocket = (SSLSocket) client.getSocketFactory().createSocket();
        sockets.add(controlSocket);
        controlSocket.connect(new InetSocketAddress(LOOPBACK, port), TIMEOUT);
        controlSocket.setSoTimeout(TIMEOUT);
        controlSocket.setSSLParameters(params(protocol));
        roundTrip(controlSocket.getInputStream(), controlSocket.getOutputStream());
        return controlSocket.getSession();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void shutdownOutputSendsCloseNotifyAndKeepsTheSocketOpen(String protocol) throws Exception {
        boolean halfClose = protocol.equals("TLSv1.3"); // JSSE answers a TLS 1.2 close_notify by closing both ways
        TlsServer server = server(TestTls.serverContext(serverKeys), s -> {
            byte[] got = readAll(s.getInputStream()); // ends only with the client's close_notify
            if (halfClose) {
                s.getOutputStream().write(("got " + got.length + " bytes").getBytes(US_ASCII));
            }
        });
        EngineSocket tls = EngineSocket.handshake(connect(server.port()), clientContext, LOOPBACK, server.port(),
                params(protocol), TIMEOUT);
        try {
            OutputStream out = tls.getOutputStream();
            out.write('x');
            out.write("-upload".getBytes(US_ASCII));
            tls.shutdownOutput();
            assertFalse(tls.socket().isClosed());
            assertThrows(IOException.class, () -> out.write(1));
            String reply = new String(readAll(tls.getInputStream()), US_ASCII);
            assertEquals(halfClose ? "got 8 bytes" : "", reply);
            assertFalse(tls.closedWithoutCloseNotify());
            tls.close();
            tls.close(); // idempotent
            assertTrue(tls.socket().isClosed());
            assertThrows(IOException.class, () -> tls.getInputStream().read());
        } finally {
            tls.close();
        }
        server.assertNoErrors();
    }

    @Test
    void readsHonourTheSocketTimeoutAndCarryOn() throws Exception {
        AtomicReference<OutputStream> serverOut = new AtomicReference<>();
        TlsServer server = server(TestTls.serverContext(serverKeys), s -> {
            serverOut.set(s.getOutputStream());
            readAll(s.getInputStream());
        });
        try (EngineSocket tls = EngineSocket.handshake(connect(server.port()), clientContext, LOOPBACK, server.port(),
                null, TIMEOUT)) {
            tls.socket().setSoTimeout(200);
            assertThrows(SocketTimeoutException.class, () -> tls.getInputStream().read());
            waitFor(() -> serverOut.get() != null);
            serverOut.get().write('!');
            tls.socket().setSoTimeout(TIMEOUT);
            assertEquals('!', tls.getInputStream().read());
        }
    }

    @Test
    void closeDoesNotWaitForAStuckWriter() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        TlsServer server = server(TestTls.serverContext(serverKeys), s -> {
            done.await(TIMEOUT, TimeUnit.MILLISECONDS); // reads nothing while the client writes
        });
        EngineSocket tls = EngineSocket.handshake(connect(server.port()), clientContext, LOOPBACK, server.port(), null,
                TIMEOUT);
        AtomicReference<Throwable> writeFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                byte[] chunk = new byte[1 << 16];
                for (int i = 0; i < 4096; i++) { // 256 MiB: far more than the socket buffers hold
                    tls.getOutputStream().write(chunk);
                }
            } catch (Throwable e) {
                writeFailure.set(e);
            }
        });
        writer.start();
        Thread.sleep(300); // lets the writer fill the socket buffers and block (the test holds either way)
        // a safety net against a hang, not a speed check: close() must return while the writer is stuck
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            tls.close();
            join(writer);
        });
        assertFalse(writer.isAlive());
        assertTrue(writeFailure.get() instanceof IOException, String.valueOf(writeFailure.get()));
        done.countDown();
    }

    @Test
    void aServerThatNeverSpeaksTlsTimesOut() throws Exception {
        ServerSocket silent = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
        Socket plain = connect(silent.getLocalPort());
        try (silent; Socket accepted = silent.accept()) {
            accepted.setSoTimeout(TIMEOUT);
            SocketTimeoutException e = assertThrows(SocketTimeoutException.class,
                    () -> EngineSocket.handshake(plain, clientContext, LOOPBACK, 21, null, 500));
            // the configured timeout, not a measured one: the message names it and the server that stayed silent
            assertTrue(e.getMessage().contains("not finished within 500 ms"), e.getMessage());
            assertTrue(e.getMessage().contains(LOOPBACK), e.getMessage());
            assertTrue(plain.isClosed());
            assertEquals(22, accepted.getInputStream().read(), "a TLS handshake record (the ClientHello) came");
        }
    }

    @Test
    void garbageIsAnSslException() throws Exception {
        ServerSocket plainServer = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
        Socket plain = connect(plainServer.getLocalPort());
        try (plainServer; Socket accepted = plainServer.accept()) {
            accepted.getOutputStream().write("220 this is plain FTP, not TLS at all\r\n".repeat(4).getBytes(US_ASCII));
            SSLException e = assertThrows(SSLException.class,
                    () -> EngineSocket.handshake(plain, clientContext, LOOPBACK, 21, null, TIMEOUT));
            assertFalse(String.valueOf(e.getMessage()).contains("closed the data connection"), e.toString());
            assertTrue(plain.isClosed());
        }
    }

    @Test
    void anUntrustedCertificateFailsTheHandshake() throws Exception {
        TlsServer server = server(TestTls.serverContext(serverKeys), EngineSocketTest::echo);
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> EngineSocket.handshake(
                connect(server.port()), strangerContext, LOOPBACK, server.port(), null, TIMEOUT));
        assertTrue(causes(e).stream().anyMatch(c -> c.getClass().getName().contains("CertPath")), causes(e).toString());
    }

    @Test
    void aHostNameMismatchFailsWhenVerificationIsAskedFor() throws Exception {
        TlsServer server = server(TestTls.serverContext(serverKeys), EngineSocketTest::echo);
        SSLParameters verify = params("TLSv1.3");
        verify.setEndpointIdentificationAlgorithm("HTTPS");
        // the engine is told a name the certificate does not have; the socket still goes to 127.0.0.1
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> EngineSocket.handshake(
                connect(server.port()), clientContext, "not-the-cert-name", server.port(), verify, TIMEOUT));
        assertTrue(causes(e).stream().map(String::valueOf)
                .anyMatch(m -> m.contains("No subject alternative") || m.contains("No name matching")), e.toString());
        // the names the certificate has pass (no name is resolved: the engine only compares)
        for (String name : List.of("localhost", LOOPBACK)) {
            try (EngineSocket tls = EngineSocket.handshake(connect(server.port()), clientContext, name, server.port(),
                    verify, TIMEOUT)) {
                roundTrip(tls.getInputStream(), tls.getOutputStream());
            }
        }
    }

    // ---- helpers

    private interface Handler {
        void handle(SSLSocket s) throws Exception;
    }

    private interface Body {
        void run() throws Exception;
    }

    /** An SSLServerSocket on 127.0.0.1, one thread per connection; close() joins them all (bounded). */
    private final class TlsServer {
        final SSLServerSocket listener;
        final List<SSLSession> sessions = new CopyOnWriteArrayList<>();
        final List<Throwable> errors = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();

        TlsServer(SSLContext context, Handler handler) throws IOException {
            listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 8,
                    InetAddress.getByName(LOOPBACK));
            threads.add(start(() -> {
                while (!listener.isClosed()) {
                    SSLSocket s;
                    try {
                        s = (SSLSocket) listener.accept();
                    } catch (IOException closed) {
                        return;
                    }
                    threads.add(start(() -> {
                        try (s) {
                            s.setSoTimeout(TIMEOUT);
                            s.startHandshake();
                            sessions.add(s.getSession());
                            handler.handle(s);
                        } catch (Exception e) {
                            errors.add(e);
                        }
                    }));
                }
            }));
        }

        int port() {
            return listener.getLocalPort();
        }

        void assertNoErrors() {
            assertTrue(errors.isEmpty(), errors.toString());
        }

        void close() throws IOException, InterruptedException {
            listener.close();
            for (Thread t : threads) {
                join(t);
            }
        }
    }

    private TlsServer server(SSLContext context, Handler handler) throws IOException {
        TlsServer s = new TlsServer(context, handler);
        servers.add(s);
        return s;
    }

    private static void echo(SSLSocket s) throws IOException {
        InputStream in = s.getInputStream();
        for (int b; (b = in.read()) >= 0; ) {
            s.getOutputStream().write(b);
        }
    }

    private static void roundTrip(InputStream in, OutputStream out) throws IOException {
        out.write(7);
        out.flush();
        assertEquals(7, in.read());
    }

    private Socket connect(int port) throws IOException {
        Socket s = new Socket();
        sockets.add(s);
        s.connect(new InetSocketAddress(LOOPBACK, port), TIMEOUT);
        s.setSoTimeout(TIMEOUT);
        return s;
    }

    private static SSLParameters params(String protocol) {
        SSLParameters p = clientContext.getDefaultSSLParameters();
        p.setProtocols(new String[] {protocol});
        return p;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        for (int n; (n = in.read(buf)) >= 0; ) {
            all.write(buf, 0, n);
        }
        return all.toByteArray();
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable c = e; c != null && !chain.contains(c); c = c.getCause()) {
            chain.add(c);
        }
        return chain;
    }

    private static Thread start(Runnable r) {
        Thread t = new Thread(r, "engine-socket-test");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A thread whose failure join() reports. */
    private static final class Worker {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread thread;

        Worker(Body body) {
            thread = start(() -> {
                try {
                    body.run();
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
        }

        void join() throws InterruptedException {
            EngineSocketTest.join(thread);
            if (failure.get() != null) {
                throw new AssertionError("worker failed", failure.get());
            }
        }
    }

    private static void join(Thread t) throws InterruptedException {
        t.join(TIMEOUT);
        assertFalse(t.isAlive(), t + " still running");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "condition not met in time");
            Thread.sleep(10);
        }
    }
}
