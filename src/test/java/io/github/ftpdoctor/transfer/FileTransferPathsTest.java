package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.FtpTransferException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paths between the network and a file: downloads read the data socket's channel on one thread and write the
 * {@code .part} file on another (here with 4 KiB buffers, so that a 300 KB file takes many of them), uploads hand
 * the file to the kernel ({@code sendfile}); and the sizes that prove a download complete: SIZE before the first
 * one, the 150 reply's size after it, SIZE after the transfer when a 150 stops saying it.
 */
@Timeout(30)
class FileTransferPathsTest {
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).dataConnectTimeout(Duration.ofSeconds(2))
            .dataTimeout(Duration.ofSeconds(5)).bufferSize(4096).build();
    private static final byte[] BIG = FaultKit.seeded(300_000, 7);

    @TempDir
    Path local;
    private ScriptedFtpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @BeforeEach
    void createServer() throws Exception {
        server = new ScriptedFtpServer(UTF_8);
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        server.close();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(List.of(), server.errors());
    }

    private FtpClient login(FtpConfig config) throws Exception {
        server.start();
        FtpClient ftp = FtpClient.connect(server.host(), server.port(), config);
        ftp.login("user", "secret");
        return ftp;
    }

    /** RETR answered like vsftpd (the size in the 150 reply), sending {@code sent} of {@code content}, then 226. */
    private void serves(byte[] content, int sent, boolean announce) {
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a
                    + (announce ? " (" + content.length + " bytes)." : "."));
            c.sendData(Arrays.copyOf(content, sent));
            c.reply("226 Transfer complete.");
        });
    }

    private void sizeIs(long size) {
        server.on("SIZE", (c, a) -> c.reply("213 " + size));
    }

    @Test
    void aDownloadSpanningManyBuffersArrivesIdentical() throws Exception {
        sizeIs(BIG.length);
        serves(BIG, BIG.length, true);
        Path target = local.resolve("big.bin");
        try (FtpClient ftp = login(CONFIG)) {
            assertEquals(BIG.length, ftp.download("big.bin", target));
            assertEquals(BIG.length, ftp.download("big.bin", target)); // the session's buffers, again
        }
        assertEquals(FaultKit.sha256(BIG), FaultKit.sha256(Files.readAllBytes(target)));
        assertFalse(Files.exists(local.resolve("big.bin.part")));
    }

    /** The network fails half-way: every byte that arrived is in the kept {@code .part}, and resuming completes it. */
    @Test
    void aCutDownloadKeepsEveryByteThatArrivedAndResumes() throws Exception {
        AtomicLong rest = new AtomicLong();
        server.on("REST", (c, a) -> {
            rest.set(Long.parseLong(a));
            c.reply("350 Restart position accepted (" + a + ").");
        });
        server.on("RETR", (c, a) -> {
            int from = (int) rest.getAndSet(0);
            c.reply("150 Opening BINARY mode data connection for " + a + " (" + BIG.length + " bytes).");
            c.sendData(Arrays.copyOfRange(BIG, from, from == 0 ? 150_001 : BIG.length));
            c.reply("226 Transfer complete.");
        });
        sizeIs(BIG.length);
        Path target = local.resolve("big.bin");
        Path part = local.resolve("big.bin.part");
        try (FtpClient ftp = login(CONFIG.toBuilder().keepPartialDownloads(true).build())) {
            FtpTransferException e = assertThrows(FtpTransferException.class, () -> ftp.download("big.bin", target));
            assertEquals(Outcome.TransferIncomplete, e.diagnosis().outcome(), e::toString);
            assertEquals(150_001, e.bytesTransferred().orElseThrow());
            assertFalse(Files.exists(target), "a short download is never a file");
            assertArrayEquals(Arrays.copyOf(BIG, 150_001), Files.readAllBytes(part));

            assertEquals(BIG.length, ftp.downloadResume("big.bin", target));
            assertTrue(ftp.transcript().contains("> REST 150001"), ftp.transcript()::toString);
        }
        assertEquals(FaultKit.sha256(BIG), FaultKit.sha256(Files.readAllBytes(target)));
    }

    /**
     * The file cannot be written ({@code .part} is a link to {@code /dev/full}: "No space left on device"): the local
     * error is thrown, the transfer is aborted, and the session stays in step for the next command. Both for a file
     * written by the writer thread and for one small enough to be written by the caller's.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aFullDiskFailsTheDownloadAndKeepsTheSessionInStep() throws Exception {
        byte[] small = Arrays.copyOf(BIG, 1000);
        server.on("RETR", (c, a) -> {
            byte[] content = a.equals("small.bin") ? small : BIG;
            c.reply("150 Opening BINARY mode data connection for " + a + " (" + content.length + " bytes).");
            try {
                c.sendData(content);
                c.reply("226 Transfer complete.");
            } catch (IOException e) {
                c.reply("426 Connection closed; transfer aborted.");
            }
        });
        try (FtpClient ftp = login(CONFIG)) {
            for (String name : List.of("big.bin", "small.bin")) {
                Path target = local.resolve(name);
                Path part = Files.createSymbolicLink(local.resolve(name + ".part"), Path.of("/dev/full"));
                IOException e = assertThrows(IOException.class, () -> ftp.download(name, target));
                assertFalse(e instanceof FtpException, () -> "the local error, not a diagnosis: " + e);
                assertTrue(String.valueOf(e.getMessage()).contains("space"), e::toString);
                assertFalse(Files.exists(target));
                assertFalse(Files.exists(part, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the link is removed");
                assertEquals("/", ftp.pwd()); // the replies to RETR and ABOR were both read
            }
            Path fine = local.resolve("fine.bin");
            assertEquals(small.length, ftp.download("small.bin", fine));
            assertArrayEquals(small, Files.readAllBytes(fine));
        }
    }

    /** ABOR from another thread while the download waits for data: it ends at once, not after the data timeout. */
    @Test
    void abortEndsADownloadWaitingForData() throws Exception {
        CountDownLatch flowing = new CountDownLatch(1); // the client counted 256 KiB: its transfer is running
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + " (" + BIG.length + " bytes).");
            var d = c.acceptData();
            d.getOutputStream().write(BIG); // the data connection stays open and silent after this
            String next = c.readCommand(); // the client's ABOR; no more data meanwhile
            c.closeData();
            if ("ABOR".equals(next)) {
                c.reply("426 Connection closed; transfer aborted.");
                c.reply("226 Abort successful");
            }
        });
        sizeIs(BIG.length);
        // a data timeout longer than the test's: only the abort can end this download in time
        try (FtpClient ftp = login(CONFIG.toBuilder().dataTimeout(Duration.ofSeconds(120))
                .transferListener((path, bytes, total) -> flowing.countDown()).build())) {
            Future<Boolean> aborter = executor.submit(() -> {
                boolean running = flowing.await(10, TimeUnit.SECONDS);
                ftp.abort();
                return running;
            });
            FtpTransferException e = assertThrows(FtpTransferException.class,
                    () -> ftp.download("big.bin", local.resolve("big.bin")));
            assertTrue(aborter.get(10, TimeUnit.SECONDS));
            assertEquals(Outcome.TransferAborted, e.diagnosis().outcome(), e::toString);
            assertNotEquals(TransportEvent.DATA_READ_TIMEOUT, e.diagnosis().event());
            assertFalse(Files.exists(local.resolve("big.bin")));
            ftp.noop();
            assertEquals(200, ftp.lastReply().code());
        }
    }

    @Test
    void uploadsSendTheWholeFileAndResumeFromTheRemoteSize() throws Exception {
        AtomicReference<byte[]> received = new AtomicReference<>();
        AtomicLong rest = new AtomicLong();
        server.on("REST", (c, a) -> {
            rest.set(Long.parseLong(a));
            c.reply("350 Restart position accepted (" + a + ").");
        });
        server.on("STOR", (c, a) -> {
            c.reply("150 Ok to send data.");
            received.set(c.receiveData());
            c.reply("226 Transfer complete.");
        });
        sizeIs(120_000);
        Path file = Files.write(local.resolve("up.bin"), BIG);
        try (FtpClient ftp = login(CONFIG)) {
            assertEquals(BIG.length, ftp.upload(file, "up.bin"));
            assertArrayEquals(BIG, received.get());
            assertEquals(BIG.length, ftp.uploadResume(file, "up.bin"));
            assertEquals(120_000, rest.get());
            assertArrayEquals(Arrays.copyOfRange(BIG, 120_000, BIG.length), received.get());
        }
    }

    /** After the first download, SIZE is skipped for files whose 150 states the size; a short one still fails. */
    @Test
    void aShortDownloadAgainstThe150SizeIsNeverASuccess() throws Exception {
        sizeIs(BIG.length);
        serves(BIG, BIG.length, true);
        try (FtpClient ftp = login(CONFIG)) {
            ftp.download("a.bin", local.resolve("a.bin"));
            serves(BIG, 200_000, true);
            FtpTransferException e = assertThrows(FtpTransferException.class,
                    () -> ftp.download("b.bin", local.resolve("b.bin")));
            assertEquals(Outcome.TransferIncomplete, e.diagnosis().outcome(), e::toString);
            assertEquals(TransportEvent.TRANSFER_INCOMPLETE, e.diagnosis().event());
            assertFalse(Files.exists(local.resolve("b.bin")));
            assertFalse(Files.exists(local.resolve("b.bin.part")));
        }
        assertEquals(List.of("FEAT", "TYPE", "SIZE", "EPSV", "RETR", "EPSV", "RETR", "QUIT"), verbsAfterLogin());
    }

    /**
     * A server that announced sizes stops doing so for one file: the client, which skipped SIZE before that RETR,
     * asks it after the 226, and the short download fails. It asks SIZE before the next RETR again.
     */
    @Test
    void a150WithoutTheSizeIsCheckedWithSizeAfterTheTransfer() throws Exception {
        sizeIs(BIG.length);
        serves(BIG, BIG.length, true);
        try (FtpClient ftp = login(CONFIG)) {
            ftp.download("a.bin", local.resolve("a.bin"));
            serves(BIG, 299_999, false);
            FtpTransferException e = assertThrows(FtpTransferException.class,
                    () -> ftp.download("b.bin", local.resolve("b.bin")));
            assertEquals(Outcome.TransferIncomplete, e.diagnosis().outcome(), e::toString);
            assertTrue(e.diagnosis().detail().contains("299999 of the 300000 bytes SIZE reports after"),
                    e.diagnosis()::detail);
            assertFalse(Files.exists(local.resolve("b.bin")));
            assertFalse(Files.exists(local.resolve("b.bin.part")));
            serves(BIG, BIG.length, false);
            assertEquals(BIG.length, ftp.download("c.bin", local.resolve("c.bin")));
        }
        assertArrayEquals(BIG, Files.readAllBytes(local.resolve("c.bin")));
        assertEquals(List.of("FEAT", "TYPE", "SIZE", "EPSV", "RETR", "EPSV", "RETR", "SIZE", "SIZE", "EPSV", "RETR",
                "QUIT"), verbsAfterLogin());
    }

    /** A complete download whose 150 stops stating the size passes the check after the transfer. */
    @Test
    void aComplete150WithoutTheSizePassesTheCheckAfterTheTransfer() throws Exception {
        sizeIs(BIG.length);
        serves(BIG, BIG.length, true);
        try (FtpClient ftp = login(CONFIG)) {
            ftp.download("a.bin", local.resolve("a.bin"));
            serves(BIG, BIG.length, false);
            assertEquals(BIG.length, ftp.download("b.bin", local.resolve("b.bin")));
            assertEquals(213, ftp.lastReply().code()); // the SIZE after the 226
        }
        assertArrayEquals(BIG, Files.readAllBytes(local.resolve("b.bin")));
        assertEquals(List.of("FEAT", "TYPE", "SIZE", "EPSV", "RETR", "EPSV", "RETR", "SIZE", "QUIT"),
                verbsAfterLogin());
    }

    private List<String> verbsAfterLogin() {
        List<String> verbs = server.verbs();
        return verbs.subList(verbs.indexOf("PASS") + 1, verbs.size());
    }
}
