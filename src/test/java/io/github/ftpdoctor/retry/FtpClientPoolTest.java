package io.github.ftpdoctor.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.FtpUrl;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.BadCredentialsOrUnknownUserException;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.LikelyBannedException;
import io.github.ftpdoctor.error.PerIpSessionLimitException;
import io.github.ftpdoctor.error.PoolExhaustedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link FtpClientPool} against a scripted server that serves sessions at once and refuses beyond a limit. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FtpClientPoolTest {
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).build();
    private LimitingFtpServer server;
    private FtpClientPool pool;

    @AfterEach
    void stop() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
        }
        awaitTrue(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("ftpdoctor-pool-evictor") && t.isAlive()), "evictor stopped");
    }

    private FtpUrl url(String password) {
        return FtpUrl.parse("ftp://bob:" + password + "@127.0.0.1:" + server.port() + "/");
    }

    private FtpClientPool.Builder builder() {
        return FtpClientPool.builder(url(LimitingFtpServer.PASSWORD)).config(CONFIG);
    }

    /** Polls (bounded) for a condition another thread brings about. */
    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void aReleasedSessionIsReusedAfterANoop() throws Exception {
        server = new LimitingFtpServer(10, "421 Too many connections (10) from this IP");
        pool = builder().build();
        FtpClient first;
        try (FtpClientPool.Lease lease = pool.borrow()) {
            first = lease.client();
            assertEquals(1, pool.active());
        }
        assertEquals(1, pool.idle());
        assertEquals(0, pool.active());
        try (FtpClientPool.Lease lease = pool.borrow()) {
            assertSame(first, lease.client());
        }
        assertEquals(1, server.connections.get());
        assertEquals(1, server.noops.get(), "tested with NOOP on borrow");
    }

    @Test
    void aSessionTheServerDroppedIsEvictedOnBorrow() throws Exception { // spring-integration#2605
        server = new LimitingFtpServer(10, "421 Too many connections (10) from this IP");
        pool = builder().build();
        FtpClient first;
        try (FtpClientPool.Lease lease = pool.borrow()) {
            first = lease.client();
        }
        server.dropAll("421 Timeout.");
        awaitTrue(() -> server.loggedIn() == 0, "the server ended the session");
        try (FtpClientPool.Lease lease = pool.borrow()) {
            assertNotSame(first, lease.client());
            lease.client().noop();
        }
        assertEquals(2, server.connections.get());
        assertFalse(first.isConnected());
    }

    @Test
    void aSessionThatFailedIsNeverReturned() throws Exception {
        server = new LimitingFtpServer(10, "421 Too many connections (10) from this IP");
        pool = builder().build();
        try (FtpClientPool.Lease lease = pool.borrow()) {
            assertThrows(FtpException.class, () -> lease.client().cwd("/nowhere")); // 502 here
        }
        assertEquals(0, pool.idle(), "closed instead of returned");
        try (FtpClientPool.Lease lease = pool.borrow()) {
            lease.invalidate();
        }
        assertEquals(0, pool.idle());
        assertEquals(2, server.connections.get());
    }

    @Test
    void borrowsBeyondTheBoundWaitThenTimeOut() throws Exception {
        server = new LimitingFtpServer(10, "421 Too many connections (10) from this IP");
        pool = builder().maxPerKey(2).build();
        FtpClientPool.Lease a = pool.borrow();
        FtpClientPool.Lease b = pool.borrow();
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class,
                () -> pool.borrow(url(LimitingFtpServer.PASSWORD), Duration.ZERO));
        assertTrue(e.limitDiagnosis().isEmpty());
        assertFalse(e.getMessage().contains(LimitingFtpServer.PASSWORD), e.getMessage());
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<FtpClientPool.Lease> waiting = other.submit(() -> pool.borrow(url(LimitingFtpServer.PASSWORD),
                    Duration.ofSeconds(20)));
            FtpClient given = a.client();
            a.close();
            try (FtpClientPool.Lease c = waiting.get(20, TimeUnit.SECONDS)) {
                assertSame(given, c.client(), "the released session went to the waiting borrow");
            }
        } finally {
            other.shutdownNow();
        }
        b.close();
        assertEquals(2, server.connections.get());
    }

    @Test
    void aRefusalTeachesThePerIpLimitAndTheBorrowWaitsForOurOwnSession() throws Exception {
        server = new LimitingFtpServer(2, "421 There are too many connections from your internet address.");
        pool = builder().maxPerKey(4).build();
        FtpClientPool.Lease a = pool.borrow();
        FtpClientPool.Lease b = pool.borrow();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<FtpClientPool.Lease> third = other.submit(() -> pool.borrow());
            awaitTrue(() -> server.refused.get() == 1, "the server refused a third session");
            awaitTrue(() -> pool.learnedSessionLimit(url("x")).equals(OptionalInt.of(2)), "limit learned");
            assertEquals(Outcome.PerIpSessionLimit, pool.learnedFrom(url("x")).outcome());
            FtpClient given = b.client();
            b.close();
            try (FtpClientPool.Lease c = third.get(20, TimeUnit.SECONDS)) {
                assertSame(given, c.client());
            }
        } finally {
            other.shutdownNow();
        }
        a.close();
        assertEquals(1, server.refused.get(), "asked once, then stayed under the limit");
        assertEquals(2, server.maxLoggedIn.get());
        PoolExhaustedException e = assertThrows(PoolExhaustedException.class, () -> {
            try (var x = pool.borrow(); var y = pool.borrow()) {
                pool.borrow(url(LimitingFtpServer.PASSWORD), Duration.ZERO);
            }
        });
        assertEquals(Outcome.PerIpSessionLimit, e.limitDiagnosis().orElseThrow().outcome());
        assertEquals(1, server.refused.get(), "the learned limit is kept without asking the server");
    }

    @Test
    void aStatedLimitIsLearnedEvenWhenSomeoneElseHoldsSessions() throws Exception {
        server = new LimitingFtpServer(2, "421 Too many connections (2) from this IP");
        pool = builder().maxPerKey(4).build();
        try (FtpClient outsider = FtpClient.connect("127.0.0.1", server.port(), CONFIG);
             FtpClientPool.Lease mine = pool.borrow()) {
            outsider.login("bob", LimitingFtpServer.PASSWORD);
            PerIpSessionLimitException e = assertThrows(PerIpSessionLimitException.class,
                    () -> pool.borrow(url(LimitingFtpServer.PASSWORD), Duration.ofSeconds(5)));
            assertEquals(OptionalInt.of(2), e.diagnosis().limit());
            assertEquals(OptionalInt.of(2), pool.learnedSessionLimit(url("x")), "the number the server states");
        }
    }

    @Test
    void theLearnedLimitIsRaisedAgainAfterTheInterval() throws Exception {
        server = new LimitingFtpServer(1, "421 There are too many connections from your internet address.");
        pool = builder().maxPerKey(3).limitRaiseInterval(Duration.ofMillis(300)).build();
        try (FtpClientPool.Lease a = pool.borrow()) {
            assertInstanceOf(FtpException.class, assertThrows(FtpException.class,
                    () -> pool.borrow(url(LimitingFtpServer.PASSWORD), Duration.ZERO)));
            assertEquals(1, pool.sessionLimit());
            awaitTrue(() -> pool.sessionLimit() == 2, "raised by one");
            server.setLimit(2);
            try (FtpClientPool.Lease b = pool.borrow(url(LimitingFtpServer.PASSWORD), Duration.ZERO)) {
                assertEquals(2, server.maxLoggedIn.get());
            }
            awaitTrue(() -> pool.sessionLimit() == 3 && pool.learnedSessionLimit(url("x")).isEmpty(),
                    "back to the pool's own bound, forgotten");
        }
    }

    @Test
    void credentialFailuresAndBansFailTheBorrowAtOnce() throws Exception {
        server = new LimitingFtpServer(10, "421 Too many connections (10) from this IP");
        pool = builder().build();
        BadCredentialsOrUnknownUserException bad = assertThrows(BadCredentialsOrUnknownUserException.class,
                () -> pool.borrow(url("wrong-pw"), Duration.ofSeconds(10)));
        assertFalse(bad.getMessage().contains("wrong-pw"));
        assertEquals(1, server.connections.get(), "never retried");
        server.close();

        server = new LimitingFtpServer(0, "421 You are banned from this server.");
        pool.close();
        pool = builder().build();
        assertThrows(LikelyBannedException.class, () -> pool.borrow(url("x"), Duration.ofSeconds(10)));
        assertEquals(1, server.connections.get(), "never retried");
        assertEquals(0, pool.active());
        assertTrue(pool.learnedSessionLimit(url("x")).isEmpty());
    }

    @Test
    void idleSessionsAreClosedByTheEvictorWhichStopsOnClose() throws Exception {
        server = new LimitingFtpServer(10, "421 Too many connections (10) from this IP");
        pool = builder().idleTimeout(Duration.ofMillis(100)).evictionInterval(Duration.ofMillis(50)).build();
        pool.borrow().close();
        awaitTrue(() -> pool.idle() == 0 && server.loggedIn() == 0, "the idle session was closed (QUIT)");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("ftpdoctor-pool-evictor") && t.isDaemon()));
        pool.close();
        assertThrows(IllegalStateException.class, () -> pool.borrow());
    }

    @Test
    void manyThreadsNeverExceedTheBound() throws Exception {
        server = new LimitingFtpServer(10, "421 Too many connections (10) from this IP");
        pool = builder().maxPerKey(3).build();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        try (FtpClientPool.Lease lease = pool.borrow()) {
                            lease.client().noop();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(server.maxLoggedIn.get() <= 3, "logged in at once: " + server.maxLoggedIn.get());
        assertTrue(server.connections.get() <= 3, "sessions reused: " + server.connections.get());
        assertEquals(0, pool.active());
        assertEquals(server.connections.get(), pool.idle());
        assertFalse(pool.toString().contains(LimitingFtpServer.PASSWORD), pool.toString());
    }
}
