package io.github.ftpdoctor.retry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.ParallelTransfers;
import io.github.ftpdoctor.RetryPolicy;
import io.github.ftpdoctor.TransferResult;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.testsupport.Vsftpd;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limit-aware pool against a real vsftpd with {@code max_per_ip=2}: the third connection gets
 * {@code 421 There are too many connections from your internet address.} (PerIpSessionLimit, whose catalog entry
 * says fewer sessions help). {@code local_max_rate} throttles transfers so that a run lasts long enough for the
 * pool to ask for a session too many.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ParallelTransfersVsftpdTest {
    private static final int FILES = 20;
    private static final int FILE_SIZE = 16 * 1024;
    private static final FtpConfig CONFIG = FtpConfig.builder()
            .connectTimeout(Duration.ofSeconds(2)).replyTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path local;

    private final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void requireVsftpd() {
        Vsftpd.requireAvailable();
    }

    private static Vsftpd start() throws IOException {
        return Vsftpd.start(conf -> {
            conf.put("max_per_ip", "2");
            conf.put("local_max_rate", "131072"); // 16 KB at 128 KB/s: 1/8 s a file
        });
    }

    private ParallelTransfers pool(Vsftpd ftpd) {
        RetryPolicy policy = RetryPolicy.builder().sleeper(sleeps::add).build();
        return ParallelTransfers.builder(ftpd.host(), ftpd.port()).config(CONFIG).login(ftpd.user(), ftpd.password())
                .maxSessions(5).retryPolicy(policy).build();
    }

    private static void assertNoWorkerThreads() {
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("ftpdoctor-transfers-") && t.isAlive()), "worker threads left");
    }

    @Test
    void twentyDownloadsOverFiveSessionsStayUnderMaxPerIpOfTwo() throws Exception {
        try (Vsftpd ftpd = start()) {
            Random random = new Random(7);
            Map<String, Path> files = new LinkedHashMap<>();
            for (int i = 0; i < FILES; i++) {
                byte[] data = new byte[FILE_SIZE + i];
                random.nextBytes(data);
                Files.write(ftpd.rootDir().resolve("d" + i + ".bin"), data);
                files.put("/d" + i + ".bin", local.resolve("d" + i + ".bin"));
            }
            ParallelTransfers pool = pool(ftpd);

            List<TransferResult> results = pool.downloadAll(files);

            assertEquals(FILES, results.size());
            for (TransferResult r : results) {
                assertNull(r.failure(), () -> r.remote() + ": " + r.failure() + "\n" + ftpd.log());
                assertArrayEquals(Files.readAllBytes(ftpd.rootDir().resolve(r.remote().substring(1))),
                        Files.readAllBytes(r.local()), r.remote());
            }
            assertEquals(OptionalInt.of(2), pool.discoveredSessionLimit());
            assertEquals(List.of(), sleeps, "two sessions worked all along: nothing to wait for");
            assertNoWorkerThreads();
            assertTrue(ftpd.awaitNoSessions(5_000), "every session ended");
        }
    }

    @Test
    void twentyUploadsOverFiveSessionsStayUnderMaxPerIpOfTwo() throws Exception {
        try (Vsftpd ftpd = start()) {
            Map<Path, String> files = new LinkedHashMap<>();
            for (int i = 0; i < FILES; i++) {
                Path f = local.resolve("u" + i + ".txt");
                Files.writeString(f, ("line " + i + "\n").repeat(2000));
                files.put(f, "/u" + i + ".txt");
            }
            ParallelTransfers pool = pool(ftpd);

            List<TransferResult> results = pool.uploadAll(files);

            for (TransferResult r : results) {
                assertTrue(r.succeeded(), () -> r.remote() + ": " + r.failure());
                assertArrayEquals(Files.readAllBytes(r.local()),
                        Files.readAllBytes(ftpd.rootDir().resolve(r.remote().substring(1))), r.remote());
            }
            assertEquals(OptionalInt.of(2), pool.discoveredSessionLimit());
            assertNoWorkerThreads();
        }
    }

    @Test
    void aWrongPasswordFailsEveryFileWithoutRetrying() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(conf -> conf.put("max_per_ip", "2"))) {
            Files.writeString(ftpd.rootDir().resolve("a.txt"), "a");
            Files.writeString(ftpd.rootDir().resolve("b.txt"), "b");
            ParallelTransfers pool = ParallelTransfers.builder(ftpd.host(), ftpd.port()).config(CONFIG)
                    .login(ftpd.user(), "not-the-password").maxSessions(5)
                    .retryPolicy(RetryPolicy.builder().sleeper(sleeps::add).build()).build();

            List<TransferResult> results = pool.downloadAll(Map.of("/a.txt", local.resolve("a.txt"),
                    "/b.txt", local.resolve("b.txt")));

            for (TransferResult r : results) {
                Diagnosis d = r.diagnosis().orElseThrow();
                assertEquals(Outcome.BadCredentialsOrUnknownUser, d.outcome(), d::toString);
            }
            assertEquals(List.of(), sleeps);
            assertEquals(OptionalInt.empty(), pool.discoveredSessionLimit());
        }
    }
}
