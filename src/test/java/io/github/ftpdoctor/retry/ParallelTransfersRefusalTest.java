package io.github.ftpdoctor.retry;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.ParallelTransfers;
import io.github.ftpdoctor.RetryPolicy;
import io.github.ftpdoctor.TransferResult;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.IpNotAllowedException;
import io.github.ftpdoctor.error.LikelyBannedException;
import io.github.ftpdoctor.error.TooManyUsersException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool against a loopback server that refuses every connection with one greeting: what it does when no session
 * at all can be opened.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ParallelTransfersRefusalTest {
    private static final FtpConfig CONFIG = FtpConfig.builder()
            .connectTimeout(Duration.ofSeconds(2)).replyTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path local;

    private final AtomicInteger connections = new AtomicInteger();
    private final List<Duration> sleeps = new ArrayList<>();
    private ServerSocket server;
    private Thread acceptor;

    /** Answers every connection with {@code greeting} and closes it. */
    private int refuseWith(String greeting) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    connections.incrementAndGet();
                    s.getOutputStream().write((greeting + "\r\n").getBytes(US_ASCII));
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    // closed: the test is over
                }
            }
        }, "refusing-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
            acceptor.join(5_000);
        }
    }

    private List<TransferResult> downloadTen(int port) {
        Map<String, Path> files = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            files.put("/f" + i, local.resolve("f" + i));
        }
        ParallelTransfers pool = ParallelTransfers.builder("127.0.0.1", port).config(CONFIG).login("bob", "secret")
                .maxSessions(4).retryPolicy(RetryPolicy.builder().sleeper(sleeps::add).build()).build();
        List<TransferResult> results = pool.downloadAll(files);
        assertEquals(OptionalInt.empty(), pool.discoveredSessionLimit());
        return results;
    }

    @Test
    void likelyBannedStopsEverythingAfterOneConnection() throws Exception {
        List<TransferResult> results = downloadTen(refuseWith("421 You are banned from this server."));

        FtpException banned = (FtpException) results.get(0).failure();
        assertInstanceOf(LikelyBannedException.class, banned);
        results.forEach(r -> assertSame(banned, r.failure(), "every file fails with the one diagnosis"));
        assertEquals(1, connections.get(), "retrying is what turns a short ban into a long one");
        assertEquals(List.of(), sleeps);
    }

    @Test
    void anAddressNotAllowedIsNotRetried() throws Exception {
        List<TransferResult> results = downloadTen(refuseWith("421 Your IP address is not allowed"));

        assertInstanceOf(IpNotAllowedException.class, results.get(9).failure());
        assertEquals(1, connections.get());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aFullServerIsRetriedAsThePolicySaysThenEveryFileFails() throws Exception {
        List<TransferResult> results = downloadTen(refuseWith("421 Too many users - please try again later."));

        FtpException full = (FtpException) results.get(0).failure();
        assertInstanceOf(TooManyUsersException.class, full);
        results.forEach(r -> assertSame(full, r.failure()));
        assertEquals(4, connections.get(), "maxAttempts 4, one session at a time");
        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1)), sleeps);
        assertEquals(3, full.getSuppressed().length, "the earlier refusals");
    }
}
