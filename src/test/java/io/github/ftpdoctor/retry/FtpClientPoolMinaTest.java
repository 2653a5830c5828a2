package io.github.ftpdoctor.retry;

import static io.github.ftpdoctor.retry.FtpClientPoolTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.FtpUrl;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.TooManyUsersException;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link FtpClientPool} against Apache MINA FtpServer in-process, whose user may have two sessions per address. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FtpClientPoolMinaTest {
    @TempDir
    Path home;
    private LimitedMinaServer server;
    private FtpClientPool pool;

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private FtpUrl url() {
        return FtpUrl.parse("ftp://" + LimitedMinaServer.USER + "@" + LimitedMinaServer.HOST + ":" + server.port() + "/");
    }

    @Test
    void fourThreadsShareTwoSessionsOnceTheServerSaidSo() throws Exception {
        server = LimitedMinaServer.start(home, 2, 0, c -> { });
        byte[] data = new byte[200_000];
        new Random(3).nextBytes(data);
        Files.write(home.resolve("f.bin"), data);
        pool = FtpClientPool.builder(url()).password(LimitedMinaServer.PASSWORD).config(LimitedMinaServer.config())
                .maxPerKey(4).build();
        // MINA checks its per-address limit before counting a login, so logins at the same moment all pass: the
        // pool meets the limit opening sessions one after the other here, as a busy service would over time
        try (FtpClientPool.Lease a = pool.borrow(); FtpClientPool.Lease b = pool.borrow()) {
            TooManyUsersException e = assertThrows(TooManyUsersException.class,
                    () -> pool.borrow(url(), Duration.ZERO));
            assertFalse(e.getMessage().contains(LimitedMinaServer.PASSWORD));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        try (FtpClientPool.Lease lease = pool.borrow()) {
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            lease.client().retrieve("f.bin", out);
                            assertArrayEquals(data, out.toByteArray());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(2, server.maxLoggedIn.get(), "never more than the server's two");
        assertEquals(1, server.refusedLogins.get(), "asked beyond the limit once, then stayed under it");
        assertEquals(OptionalInt.of(2), pool.learnedSessionLimit(url()));
        assertEquals(Outcome.TooManyUsers, pool.learnedFrom(url()).outcome(), "MINA's words for every limit");
        assertEquals(2, pool.idle());
        assertEquals(0, pool.active());
    }

    @Test
    void aStreamedDownloadGivesTheSessionBackForTheNextBorrow() throws Exception {
        server = LimitedMinaServer.start(home, 0, 0, c -> { });
        Files.writeString(home.resolve("hello.txt"), "hello\n");
        pool = FtpClientPool.builder(url()).password(LimitedMinaServer.PASSWORD).config(LimitedMinaServer.config())
                .build();
        for (int i = 0; i < 3; i++) {
            try (FtpClientPool.Lease lease = pool.borrow(); java.io.InputStream in = lease.client().openRead("hello.txt")) {
                assertEquals("hello\n", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
            }
            assertEquals(1, pool.idle());
        }
        assertEquals(1, server.connections.get(), "one session for the three downloads");
        try (FtpClientPool.Lease lease = pool.borrow()) {
            assertThrows(io.github.ftpdoctor.error.FtpFileException.class,
                    () -> lease.client().retrieve("missing.txt", new ByteArrayOutputStream()));
            assertTrue(lease.client().isConnected(), "still connected, but it raised a failure");
        }
        assertEquals(0, pool.idle(), "a session that raised an FtpException is not given out again");
    }

    @Test
    void sessionsTheServerClosedAreReplacedOnBorrow() throws Exception {
        server = LimitedMinaServer.start(home, 0, 0, c -> { });
        pool = FtpClientPool.builder(url()).password(LimitedMinaServer.PASSWORD).config(LimitedMinaServer.config())
                .build();
        FtpClient first;
        try (FtpClientPool.Lease lease = pool.borrow()) {
            first = lease.client();
        }
        server.dropAllSessions();
        awaitTrue(() -> server.loggedIn() == 0, "MINA closed the session");
        try (FtpClientPool.Lease lease = pool.borrow()) {
            assertNotSame(first, lease.client());
            lease.client().pwd();
        }
        assertEquals(2, server.connections.get());
    }
}
