package io.github.ftpdoctor.retry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.FtpUrl;
import io.github.ftpdoctor.ParallelTransfers;
import io.github.ftpdoctor.RetryPolicy;
import io.github.ftpdoctor.TransferResult;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.BadCredentialsOrUnknownUserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The limit-aware pool against Apache MINA FtpServer whose user may have two sessions per address. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParallelTransfersMinaTest {
    private static final int FILES = 20;
    private static final int FILE_SIZE = 8 * 1024;
    /** 8 KB at 64 KB/s: each file takes about 1/8 s, so the pool has time to ask for sessions it cannot have. */
    private static final int RATE = 64 * 1024;

    @TempDir
    Path home;
    @TempDir
    Path local;

    private final List<Duration> sleeps = new ArrayList<>();
    private LimitedMinaServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private RetryPolicy recordingPolicy() {
        return RetryPolicy.builder().sleeper(sleeps::add).build();
    }

    private ParallelTransfers pool(String password, int maxSessions) {
        return ParallelTransfers.builder(LimitedMinaServer.HOST, server.port()).config(LimitedMinaServer.config())
                .login(LimitedMinaServer.USER, password).maxSessions(maxSessions).retryPolicy(recordingPolicy())
                .build();
    }

    private Map<String, Path> remoteFiles(int count) throws IOException {
        Random random = new Random(42);
        Map<String, Path> remoteToLocal = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[FILE_SIZE + i];
            random.nextBytes(data);
            Files.write(home.resolve("f" + i + ".bin"), data);
            remoteToLocal.put("/f" + i + ".bin", local.resolve("sub").resolve("f" + i + ".bin"));
        }
        return remoteToLocal;
    }

    private static void assertNoWorkerThreads() {
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("ftpdoctor-transfers-") && t.isAlive()), "worker threads left");
    }

    @Test
    void twentyFilesOverSixSessionsDiscoverAndStayUnderThePerIpLimitOfTwo() throws Exception {
        server = LimitedMinaServer.start(home, 2, RATE, c -> { });
        Map<String, Path> files = remoteFiles(FILES);
        ParallelTransfers pool = pool(LimitedMinaServer.PASSWORD, 6);
        assertEquals(OptionalInt.empty(), pool.discoveredSessionLimit());

        List<TransferResult> results = pool.downloadAll(files);

        assertEquals(FILES, results.size());
        for (TransferResult r : results) {
            assertNull(r.failure(), () -> r.remote() + ": " + r.failure());
            byte[] expected = Files.readAllBytes(home.resolve(r.remote().substring(1)));
            assertArrayEquals(expected, Files.readAllBytes(r.local()), r.remote());
            assertEquals(expected.length, r.bytes());
        }
        assertEquals(List.copyOf(files.keySet()), results.stream().map(TransferResult::remote).toList(), "map order");
        assertEquals(OptionalInt.of(2), pool.discoveredSessionLimit());
        assertEquals(2, pool.sessionLimit());
        assertTrue(server.refusedLogins.get() >= 1, "the pool did ask for a third session");
        assertTrue(server.refusedLogins.get() <= 6, "refused logins: " + server.refusedLogins.get());
        assertEquals(2, server.maxLoggedIn.get(), "never more than two logged in at once");
        assertEquals(List.of(), sleeps, "no wait: two sessions worked all along");
        assertNoWorkerThreads();
    }

    @Test
    void aLaterRunUsesTheDiscoveredLimitWithoutAskingAgain() throws Exception {
        server = LimitedMinaServer.start(home, 2, RATE, c -> { });
        ParallelTransfers pool = pool(LimitedMinaServer.PASSWORD, 6);
        pool.downloadAll(remoteFiles(FILES));
        assertEquals(OptionalInt.of(2), pool.discoveredSessionLimit());
        int refusedBefore = server.refusedLogins.get();
        awaitLoggedOut();

        Map<Path, String> uploads = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            Path f = local.resolve("up" + i + ".txt");
            Files.writeString(f, "upload " + i + "\n".repeat(i * 500));
            uploads.put(f, "/up" + i + ".txt");
        }
        List<TransferResult> results = pool.uploadAll(uploads);

        for (TransferResult r : results) {
            assertTrue(r.succeeded(), () -> r.remote() + ": " + r.failure());
            assertArrayEquals(Files.readAllBytes(r.local()), Files.readAllBytes(home.resolve(r.remote().substring(1))));
        }
        assertEquals(refusedBefore, server.refusedLogins.get(), "no session beyond the known limit was asked for");
        assertEquals(2, server.maxLoggedIn.get());
        assertNoWorkerThreads();
    }

    @Test
    void withASharedPoolTheSessionsGoBackToItAndALaterRunReusesThem() throws Exception {
        server = LimitedMinaServer.start(home, 2, RATE, c -> { });
        FtpUrl url = FtpUrl.parse("ftp://" + LimitedMinaServer.USER + "@" + LimitedMinaServer.HOST + ":"
                + server.port() + "/");
        try (FtpClientPool shared = FtpClientPool.builder(url).password(LimitedMinaServer.PASSWORD)
                .config(LimitedMinaServer.config()).maxPerKey(6).build()) {
            ParallelTransfers transfers = ParallelTransfers.builder(LimitedMinaServer.HOST, server.port())
                    .login(LimitedMinaServer.USER, null).pool(shared).maxSessions(6).retryPolicy(recordingPolicy())
                    .build();
            Map<String, Path> files = remoteFiles(FILES);
            assertTrue(transfers.downloadAll(files).stream().allMatch(TransferResult::succeeded));
            assertEquals(OptionalInt.of(2), shared.learnedSessionLimit(url), "the shared pool learned the limit");
            assertEquals(2, shared.idle(), "both sessions went back to the pool");
            int connections = server.connections.get();

            assertTrue(transfers.downloadAll(files).stream().allMatch(TransferResult::succeeded));
            assertEquals(connections, server.connections.get(), "the second run reused the pooled sessions");
            assertEquals(2, server.maxLoggedIn.get());
        }
        assertNoWorkerThreads();
    }

    @Test
    void aWrongPasswordFailsEveryFileAtOnceAfterOneLogin() throws Exception {
        server = LimitedMinaServer.start(home, 2, 0, c -> { });
        List<TransferResult> results = pool("wrong", 6).downloadAll(remoteFiles(FILES));

        assertEquals(FILES, results.size());
        TransferResult first = results.get(0);
        assertTrue(first.failure() instanceof BadCredentialsOrUnknownUserException, String.valueOf(first.failure()));
        for (TransferResult r : results) {
            assertSame(first.failure(), r.failure(), "every file fails with that one diagnosis");
            assertEquals(Outcome.BadCredentialsOrUnknownUser, r.diagnosis().orElseThrow().outcome());
            assertFalse(Files.exists(r.local()));
        }
        assertEquals(1, server.userCommands.get(), "one login attempt, never retried");
        assertEquals(List.of(), sleeps);
        assertNoWorkerThreads();
    }

    @Test
    void aMissingFileFailsAloneAndIsNotRetried() throws Exception {
        server = LimitedMinaServer.start(home, 2, 0, c -> { });
        Map<String, Path> files = remoteFiles(5);
        files.put("/missing.bin", local.resolve("missing.bin"));

        List<TransferResult> results = pool(LimitedMinaServer.PASSWORD, 3).downloadAll(files);

        assertEquals(5, results.stream().filter(TransferResult::succeeded).count());
        TransferResult missing = results.get(5);
        assertEquals(Outcome.FileNotFound, missing.diagnosis().orElseThrow().outcome());
        assertEquals(0, missing.failure().getSuppressed().length, "not retried");
        assertFalse(Files.exists(missing.local()));
        assertEquals(List.of(), sleeps);
    }

    @Test
    void aFullServerIsWaitedForAsThePolicySaysBeforeTheFirstSession() throws Exception {
        server = LimitedMinaServer.start(home, 0, 0, c -> c.setMaxLogins(1));
        Map<String, Path> files = remoteFiles(FILES);
        FtpClient other = FtpClient.connect(LimitedMinaServer.HOST, server.port(), LimitedMinaServer.config());
        other.login(LimitedMinaServer.USER, LimitedMinaServer.PASSWORD); // takes the only login
        List<Duration> waits = new ArrayList<>();
        RetryPolicy policy = RetryPolicy.builder().sleeper(d -> {
            waits.add(d);
            other.close(); // the other user leaves while we "wait"
            awaitLoggedOut();
        }).build();
        ParallelTransfers pool = ParallelTransfers.builder(LimitedMinaServer.HOST, server.port())
                .config(LimitedMinaServer.config()).login(LimitedMinaServer.USER, LimitedMinaServer.PASSWORD)
                .maxSessions(4).retryPolicy(policy).build();

        List<TransferResult> results = pool.downloadAll(files);

        assertTrue(results.stream().allMatch(TransferResult::succeeded), results::toString);
        assertEquals(List.of(Duration.ofSeconds(60)), waits, "TooManyUsers: the catalog's minute, once");
        assertEquals(OptionalInt.of(1), pool.discoveredSessionLimit(), "maxLogins=1 is a limit too");
        assertEquals(1, server.maxLoggedIn.get());
        assertNoWorkerThreads();
    }

    /** Waits (bounded) until the server has counted every session out. */
    private void awaitLoggedOut() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.loggedIn() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
