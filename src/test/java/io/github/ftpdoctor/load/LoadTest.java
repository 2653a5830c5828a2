package io.github.ftpdoctor.load;

import io.github.ftpdoctor.testsupport.Requirements;
import static io.github.ftpdoctor.load.LoadFixture.BIG_FILE;
import static io.github.ftpdoctor.load.LoadFixture.BIG_SIZE;
import static io.github.ftpdoctor.load.LoadFixture.HOST;
import static io.github.ftpdoctor.load.LoadFixture.PASSWORD;
import static io.github.ftpdoctor.load.LoadFixture.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.FtpEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, item 4: load against an in-process MINA FtpServer on loopback. 200 concurrent full sessions all
 * succeed; 10,000 sequential sessions keep the heap stable; threads and file descriptors return to their
 * starting counts once the sessions are over and the server is stopped.
 */
class LoadTest {
    private static final int CONCURRENT = 200;
    private static final int SEQUENTIAL = 10_000;
    private static final int HEAP_FIRST_MARK = 1_000;
    /**
     * Allowed growth of the used heap (after full GCs) between session 1,000 and session 10,000. A client that
     * kept anything per session, even 2 KiB (far less than one session's transcript, reply objects and socket),
     * would grow by more than 9,000 x 2 KiB = 17.6 MiB; GC noise after System.gc() is well below 1 MiB.
     */
    private static final long HEAP_GROWTH_LIMIT = 16L * 1024 * 1024;
    /** Extra descriptors tolerated (class loading, JIT, log files opened lazily). */
    private static final int FD_TOLERANCE = 5;
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private static final FtpConfig CONFIG = LoadFixture.clientConfig();
    /** Sessions logged in at the same time, and the most seen: shows the 200 really overlapped. */
    private static final AtomicInteger LOGGED_IN = new AtomicInteger();
    private static final AtomicInteger PEAK_LOGGED_IN = new AtomicInteger();

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void twoHundredConcurrentSessions(@TempDir Path home) throws Exception {
        long expectedCrc = LoadFixture.writeBigFile(home);
        Baseline before = Baseline.take();
        long started = System.nanoTime();
        Map<String, String> fdsServerUp = null;
        try (LoadFixture.Server server = LoadFixture.Server.start(home)) {
            fullSession(server.port(), expectedCrc, () -> { }); // warm-up: classes loaded, MINA's processors started
            if (LoadFixture.hasProcFd()) {
                fdsServerUp = LoadFixture.openFds();
            }

            Queue<String> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger succeeded = new AtomicInteger();
            CountDownLatch ready = new CountDownLatch(CONCURRENT);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch allLoggedIn = new CountDownLatch(CONCURRENT);
            // At most 32 sessions connect and log in at a time: 200 SYNs at once overflow MINA's accept queue
            // (backlog 50), and on a loaded machine the kernel's SYN-ACK retries then take longer than a minute.
            // Every session still stays logged in until all 200 are.
            Semaphore admission = new Semaphore(32);
            AtomicInteger names = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT,
                    r -> new Thread(r, "load-worker-" + names.incrementAndGet()));
            long sessionsStarted;
            try {
                for (int i = 0; i < CONCURRENT; i++) {
                    int id = i;
                    pool.execute(() -> {
                        ready.countDown();
                        AtomicBoolean arrived = new AtomicBoolean();
                        try {
                            if (!go.await(60, TimeUnit.SECONDS)) {
                                failures.add("session " + id + ": start signal never came");
                                return;
                            }
                            admission.acquire();
                            fullSession(server.port(), expectedCrc, () -> {
                                admission.release();
                                // hold every session logged in until all 200 are: truly 200 at once
                                arrived.set(true);
                                allLoggedIn.countDown();
                                try {
                                    allLoggedIn.await(60, TimeUnit.SECONDS);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            });
                            succeeded.incrementAndGet();
                        } catch (Throwable t) {
                            failures.add("session " + id + ": " + LoadFixture.describe(t));
                        } finally {
                            if (!arrived.get()) {
                                admission.release();
                                allLoggedIn.countDown(); // failed before logging in: do not hold the others
                            }
                        }
                    });
                }
                assertTrue(ready.await(60, TimeUnit.SECONDS), "the 200 workers did not all start");
                PEAK_LOGGED_IN.set(0);
                sessionsStarted = System.nanoTime();
                go.countDown();
            } finally {
                pool.shutdown();
            }
            assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS),
                    "sessions still running after 120 s; done: " + succeeded.get());
            long sessionsMillis = (System.nanoTime() - sessionsStarted) / 1_000_000;
            System.out.printf("LOAD: %d concurrent sessions (login, wait for all, list, 1 MiB RETR, quit) in %d ms,"
                    + " at most %d logged in at once%n", CONCURRENT, sessionsMillis, PEAK_LOGGED_IN.get());
            if (!failures.isEmpty()) {
                fail(failures.size() + " of " + CONCURRENT + " sessions failed:\n"
                        + failures.stream().sorted().limit(40).collect(Collectors.joining("\n")));
            }
            assertEquals(CONCURRENT, succeeded.get());
            assertEquals(CONCURRENT, PEAK_LOGGED_IN.get(), "sessions logged in at the same time");
            checkServerConnectionsClosed(server);

            if (fdsServerUp != null) {
                checkFds("after the concurrent sessions, server running", fdsServerUp);
            }
        }
        before.checkAfterServerStopped("200 concurrent sessions");
        System.out.printf("LOAD: twoHundredConcurrentSessions total %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void tenThousandSequentialSessionsKeepHeapStable(@TempDir Path home) throws Exception {
        Baseline before = Baseline.take();
        long started = System.nanoTime();
        Map<String, String> fdsServerUp = null;
        try (LoadFixture.Server server = LoadFixture.Server.start(home)) {
            shortSession(server.port(), -1); // warm-up
            if (LoadFixture.hasProcFd()) {
                fdsServerUp = LoadFixture.openFds();
            }
            long heapAtMark = 0;
            long markMillis = 0;
            for (int i = 0; i < SEQUENTIAL; i++) {
                shortSession(server.port(), i);
                if (i + 1 == HEAP_FIRST_MARK) {
                    markMillis = (System.nanoTime() - started) / 1_000_000;
                    heapAtMark = LoadFixture.usedHeapAfterGc();
                }
            }
            long loopMillis = (System.nanoTime() - started) / 1_000_000;
            checkServerConnectionsClosed(server); // before the next explicit GC, whose cleaners close lost sockets
            long heapAtEnd = LoadFixture.usedHeapAfterGc();
            long growth = heapAtEnd - heapAtMark;
            System.out.printf("LOAD: %d sequential sessions in %d ms (%.0f sessions/s; first %d in %d ms);"
                            + " used heap after GC: %s at %d, %s at %d, growth %s%n",
                    SEQUENTIAL, loopMillis, SEQUENTIAL * 1000.0 / loopMillis, HEAP_FIRST_MARK, markMillis,
                    LoadFixture.mib(heapAtMark), HEAP_FIRST_MARK, LoadFixture.mib(heapAtEnd), SEQUENTIAL,
                    LoadFixture.mib(growth));
            assertTrue(growth < HEAP_GROWTH_LIMIT, "used heap grew by " + LoadFixture.mib(growth) + " between session "
                    + HEAP_FIRST_MARK + " and " + SEQUENTIAL + " (limit " + LoadFixture.mib(HEAP_GROWTH_LIMIT) + ")");

            if (fdsServerUp != null) {
                checkFds("after the sequential sessions, server running", fdsServerUp);
            }
        }
        before.checkAfterServerStopped("10,000 sequential sessions");
        System.out.printf("LOAD: tenThousandSequentialSessionsKeepHeapStable total %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Connect, log in, run {@code afterLogin}, list, download the 1 MiB file into a discarding CRC sink, quit. */
    private static void fullSession(int port, long expectedCrc, Runnable afterLogin) throws IOException {
        try (FtpClient ftp = FtpClient.connect(HOST, port, CONFIG)) {
            ftp.login(USER, PASSWORD);
            PEAK_LOGGED_IN.accumulateAndGet(LOGGED_IN.incrementAndGet(), Math::max);
            try {
                afterLogin.run();
                listAndRetrieve(ftp, expectedCrc);
            } finally {
                LOGGED_IN.decrementAndGet();
            }
            ftp.quit();
        }
    }

    private static void listAndRetrieve(FtpClient ftp, long expectedCrc) throws IOException {
        {
            List<FtpEntry> entries = ftp.list(null);
            FtpEntry big = entries.stream().filter(e -> e.name().equals(BIG_FILE)).findFirst()
                    .orElseThrow(() -> new AssertionError("listing lacks " + BIG_FILE + ": " + entries));
            if (big.size().isEmpty() || big.size().getAsLong() != BIG_SIZE) {
                throw new AssertionError("listing gives " + BIG_FILE + " the size " + big.size());
            }
            LoadFixture.CrcSink sink = new LoadFixture.CrcSink();
            long received = ftp.retrieve(BIG_FILE, sink);
            if (received != BIG_SIZE || sink.count() != BIG_SIZE) {
                throw new AssertionError("received " + received + " bytes (sink counted " + sink.count()
                        + "), expected " + BIG_SIZE);
            }
            if (sink.crc() != expectedCrc) {
                throw new AssertionError(String.format("CRC-32 %08x, expected %08x", sink.crc(), expectedCrc));
            }
        }
    }

    /** Connect, log in, NOOP, quit. */
    private static void shortSession(int port, int index) throws IOException {
        try (FtpClient ftp = FtpClient.connect(HOST, port, CONFIG)) {
            ftp.login(USER, PASSWORD);
            ftp.noop();
            ftp.quit();
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("sequential session " + index + " failed: " + LoadFixture.describe(e), e);
        }
    }

    /**
     * Every control connection has ended on the server's side too. Checked before any explicit GC: the JDK's
     * cleaner closes the socket of an unreachable, unclosed client after a GC, which would hide such a leak.
     */
    private static void checkServerConnectionsClosed(LoadFixture.Server server) throws InterruptedException {
        boolean closed = LoadFixture.poll(SETTLE, () -> server.openConnections() == 0);
        System.out.printf("LOAD: connections MINA still counts open after the sessions: %d%n",
                server.openConnections());
        assertTrue(closed, server.openConnections() + " control connections still open on the server " + SETTLE
                + " after every session ended: a client did not close its socket");
    }

    private static void checkFds(String when, Map<String, String> baseline) throws InterruptedException {
        int limit = baseline.size() + FD_TOLERANCE;
        boolean settled = LoadFixture.poll(SETTLE, () -> LoadFixture.fdCount() <= limit);
        System.out.printf("LOAD: open fds %s: %d (baseline %d)%n", when, LoadFixture.fdCount(), baseline.size());
        assertTrue(settled, "open file descriptors " + when + ": " + LoadFixture.fdCount() + ", baseline "
                + baseline.size() + " (+" + FD_TOLERANCE + " tolerated); new: " + LoadFixture.newFds(baseline));
    }

    /** Threads and descriptors before the server starts. */
    private static final class Baseline {
        private final List<String> threads;
        private final int totalThreads;
        private final Map<String, String> fds;

        private Baseline(List<String> threads, int totalThreads, Map<String, String> fds) {
            this.threads = threads;
            this.totalThreads = totalThreads;
            this.fds = fds;
        }

        static Baseline take() {
            return new Baseline(LoadFixture.countedThreads(), LoadFixture.totalThreads(),
                    LoadFixture.hasProcFd() ? LoadFixture.openFds() : null);
        }

        void checkAfterServerStopped(String what) throws InterruptedException {
            boolean threadsBack = LoadFixture.poll(SETTLE,
                    () -> LoadFixture.countedThreads().size() <= threads.size());
            List<String> now = LoadFixture.countedThreads();
            System.out.printf("LOAD: %s: non-daemon+ftpdoctor threads %d before, %d after server stop"
                            + " (all threads %d before, %d after)%n",
                    what, threads.size(), now.size(), totalThreads, LoadFixture.totalThreads());
            assertTrue(threadsBack, "threads left after " + what + " and stopping the server: "
                    + now.stream().filter(t -> !threads.contains(t)).collect(Collectors.toList())
                    + " (before: " + threads + ")");

            Requirements.require(fds != null, "/proc/self/fd (Linux procfs) to count open file descriptors");
            int limit = fds.size() + FD_TOLERANCE;
            boolean fdsBack = LoadFixture.poll(SETTLE, () -> LoadFixture.fdCount() <= limit);
            System.out.printf("LOAD: %s: open fds %d before, %d after server stop%n",
                    what, fds.size(), LoadFixture.fdCount());
            assertTrue(fdsBack, "open file descriptors after " + what + " and stopping the server: "
                    + LoadFixture.fdCount() + ", before " + fds.size() + " (+" + FD_TOLERANCE + " tolerated); new: "
                    + LoadFixture.newFds(fds));
        }
    }
}
