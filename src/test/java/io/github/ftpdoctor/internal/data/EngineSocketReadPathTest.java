package io.github.ftpdoctor.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EngineSocket's read path with every mix of read sizes: small reads go through its plaintext buffer, reads with room
 * for a whole record are unwrapped straight into the caller's array. Each must deliver every byte in order, end with
 * -1, and tell a close_notify from a TCP close without one (a truncation an attacker or a crash could cause).
 */
class EngineSocketReadPathTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final int TIMEOUT = 10_000;
    private static final byte[] DATA = new byte[3_000_000];

    @TempDir
    static Path dir;
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    @BeforeAll
    static void setUp() throws Exception {
        KeyStore keys = TestTls.keytool(dir.resolve("server.p12"));
        serverContext = TestTls.serverContext(keys);
        clientContext = TestTls.clientTrusting(keys, new AtomicInteger());
        new Random(3).nextBytes(DATA);
    }

    static Stream<Arguments> cases() {
        int[][] patterns = {{65_536}, {1_000}, {1, 100, 70_000, 17_000, 16_000, 200_000, 16_709}, {1 << 20}};
        Stream.Builder<Arguments> all = Stream.builder();
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            for (boolean closeNotify : new boolean[] {true, false}) {
                for (int[] pattern : patterns) {
                    all.add(Arguments.of(protocol, closeNotify, pattern));
                }
            }
        }
        return all.build();
    }

    @ParameterizedTest(name = "{0} closeNotify={1} reads={2}")
    @MethodSource("cases")
    void deliversEveryByteAndTellsHowTheStreamEnded(String protocol, boolean closeNotify, int[] readSizes)
            throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> serve(listener, closeNotify));
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress(LOOPBACK, listener.getLocalPort()), TIMEOUT);
            plain.setSoTimeout(TIMEOUT);
            SSLParameters params = clientContext.getDefaultSSLParameters();
            params.setProtocols(new String[] {protocol});
            try (EngineSocket tls = EngineSocket.handshake(plain, clientContext, LOOPBACK, listener.getLocalPort(),
                    params, TIMEOUT)) {
                InputStream in = tls.getInputStream();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                int calls = 0;
                for (int n; ; calls++) {
                    byte[] buf = new byte[readSizes[calls % readSizes.length]];
                    n = in.read(buf, 0, buf.length);
                    if (n < 0) {
                        break;
                    }
                    assertTrue(n > 0 && n <= buf.length, "read returned " + n);
                    got.write(buf, 0, n);
                }
                assertEquals(-1, in.read(new byte[100_000]), "stays at the end");
                assertArrayEquals(DATA, got.toByteArray());
                assertEquals(!closeNotify, tls.closedWithoutCloseNotify());
            }
            server.get(TIMEOUT, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends DATA over TLS in uneven writes, then closes with close_notify, or closes only the TCP socket. */
    private static void serve(ServerSocket listener, boolean closeNotify) {
        try (Socket raw = listener.accept()) {
            raw.setSoTimeout(TIMEOUT);
            SSLSocket tls = (SSLSocket) serverContext.getSocketFactory().createSocket(raw, null, false);
            tls.setUseClientMode(false);
            tls.startHandshake();
            OutputStream out = tls.getOutputStream();
            for (int off = 0, step = 1; off < DATA.length; off += step, step = step * 3 % 100_003 + 1) {
                out.write(DATA, off, Math.min(step, DATA.length - off));
            }
            out.flush();
            if (closeNotify) {
                tls.close(); // close_notify, then (autoClose false) the raw socket closes below
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
