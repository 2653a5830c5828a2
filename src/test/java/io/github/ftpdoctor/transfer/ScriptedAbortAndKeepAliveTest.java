package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpTransferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ABOR from another thread, keep-alive NOOPs during a slow transfer, and the session staying in step. */
@Timeout(30)
class ScriptedAbortAndKeepAliveTest {
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).dataConnectTimeout(Duration.ofSeconds(2))
            .dataTimeout(Duration.ofSeconds(5)).build();

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
    }

    private FtpClient login(FtpConfig config) throws Exception {
        server.start();
        FtpClient ftp = FtpClient.connect(server.host(), server.port(), config);
        ftp.login("user", "secret");
        return ftp;
    }

    @Test
    void abortFromAnotherThreadDuringALongRetrieve() throws Exception {
        List<String> seenAfterData = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + ".");
            Socket d = c.acceptData();
            byte[] chunk = new byte[16 * 1024];
            try {
                for (long sent = 0; sent < (1L << 30) && !c.commandPending(); sent += chunk.length) {
                    d.getOutputStream().write(chunk);
                }
            } catch (IOException e) {
                // the client closed the data connection
            }
            c.closeData();
            String next = c.readCommand();
            seenAfterData.add(next);
            if ("ABOR".equals(next)) {
                c.reply("426 Connection closed; transfer aborted.");
                c.reply("226 Abort successful");
            } else {
                c.dispatch(next);
            }
        });
        try (FtpClient ftp = login(CONFIG)) {
            CountDownLatch flowing = new CountDownLatch(1);
            OutputStream sink = new OutputStream() {
                private long n;

                @Override
                public void write(int b) {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    n += len;
                    if (n >= 256 * 1024) {
                        flowing.countDown();
                    }
                }
            };
            Future<Boolean> aborter = executor.submit(() -> {
                boolean started = flowing.await(10, TimeUnit.SECONDS);
                ftp.abort();
                return started;
            });
            FtpTransferException e = assertThrows(FtpTransferException.class, () -> ftp.retrieve("big.bin", sink));
            assertTrue(aborter.get(10, TimeUnit.SECONDS));
            assertEquals(Outcome.TransferAborted, e.diagnosis().outcome(), e::toString);
            assertEquals(426, e.diagnosis().code());
            assertTrue(e.bytesTransferred().orElseThrow() >= 256 * 1024, e.bytesTransferred()::toString);

            ftp.noop(); // both replies (426 and 226) were consumed: NOOP gets its own 200
            assertEquals(200, ftp.lastReply().code());
            assertEquals("/", ftp.pwd());
        }
        assertEquals(List.of("ABOR"), seenAfterData);
    }

    @Test
    void keepAliveNoopRepliesAreConsumedAndThe226IsStillRecognised() throws Exception {
        AtomicLong sent = new AtomicLong();
        AtomicInteger noopsDuringTransfer = new AtomicInteger();
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + ".");
            Socket d = c.acceptData();
            int deferred = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            // a slow transfer, until three NOOPs came in (bounded): the first is answered at once, like ProFTPD,
            // the others only after the 226, like vsftpd
            while (noopsDuringTransfer.get() < 3 && System.nanoTime() < deadline) {
                d.getOutputStream().write(new byte[100]);
                sent.addAndGet(100);
                pace();
                while (c.commandPending()) {
                    String cmd = c.readCommand();
                    if (!"NOOP".equals(cmd)) {
                        throw new IOException("unexpected command during the transfer: " + cmd);
                    }
                    if (noopsDuringTransfer.getAndIncrement() == 0) {
                        c.reply("200 NOOP ok.");
                    } else {
                        deferred++;
                    }
                }
            }
            c.closeData();
            c.reply("226 Transfer complete.");
            for (int i = 0; i < deferred; i++) {
                c.reply("200 NOOP ok.");
            }
        });
        FtpConfig config = CONFIG.toBuilder().keepAliveInterval(Duration.ofMillis(50)).build();
        try (FtpClient ftp = login(config)) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            long received = ftp.retrieve("slow.bin", sink);
            assertEquals(3, noopsDuringTransfer.get(), server.commands()::toString);
            assertEquals(sent.get(), received);
            assertEquals(sent.get(), sink.size());
            assertEquals("/", ftp.pwd()); // every 200 was consumed: PWD gets its 257
            ftp.noop();
        }
        assertTrue(server.errors().isEmpty(), () -> "server errors: " + server.errors());
    }

    @Test
    void keepAliveDuringASlowUpload() throws Exception {
        AtomicLong received = new AtomicLong();
        AtomicInteger noops = new AtomicInteger();
        server.on("STOR", (c, a) -> {
            c.reply("150 Ok to send data.");
            Socket d = c.acceptData();
            byte[] buf = new byte[64 * 1024];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int n;
            while ((n = d.getInputStream().read(buf)) >= 0) {
                received.addAndGet(n);
                while (c.commandPending()) {
                    String cmd = c.readCommand();
                    if (!"NOOP".equals(cmd)) {
                        throw new IOException("unexpected command during the transfer: " + cmd);
                    }
                    noops.incrementAndGet();
                }
                if (noops.get() < 2 && System.nanoTime() < deadline) {
                    pace(); // read slowly until two keep-alives came in (bounded)
                }
            }
            c.closeData();
            c.reply("226 Transfer complete.");
            for (int i = 0; i < noops.get(); i++) {
                c.reply("200 NOOP ok."); // vsftpd answers them only after the transfer
            }
        });
        FtpConfig config = CONFIG.toBuilder().keepAliveInterval(Duration.ofMillis(50)).build();
        long size = 32L << 20;
        try (FtpClient ftp = login(config)) {
            java.io.InputStream zeros = FaultKit.zeros(size);
            assertEquals(size, ftp.store("big.bin", zeros));
            assertEquals("/", ftp.pwd()); // the 200s were consumed
        }
        assertEquals(size, received.get());
        assertTrue(noops.get() >= 2, server.commands()::toString);
    }

    @Test
    void silentDataConnectionHitsTheDataTimeout() throws Exception {
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + ".");
            Socket d = c.acceptData();
            d.getOutputStream().write(new byte[100]);
            d.getInputStream().read(); // stalls until the client gives up and closes (bounded by the socket timeout)
            c.closeData();
            c.reply("426 Failure writing network stream.");
        });
        FtpConfig config = CONFIG.toBuilder().dataTimeout(Duration.ofMillis(300)).build();
        try (FtpClient ftp = login(config)) {
            Path target = local.resolve("stalled.bin");
            FtpTransferException e = assertThrows(FtpTransferException.class, () -> ftp.download("stalled.bin", target));
            assertEquals(100L, e.bytesTransferred().orElseThrow());
            assertTrue(e.getCause() instanceof java.net.SocketTimeoutException, e::toString);
            // the data timeout is what is diagnosed: the server's 426 only follows from the client closing
            assertEquals(Outcome.TransferIncomplete, e.diagnosis().outcome(), e::toString);
            assertEquals(io.github.ftpdoctor.diagnosis.TransportEvent.DATA_READ_TIMEOUT, e.diagnosis().event());
            assertFalse(Files.exists(target));
            ftp.noop(); // the client sent ABOR and read its reply too: the session is in step
            assertEquals("/", ftp.pwd());
        }
        assertTrue(server.verbs().contains("ABOR"), server.commands()::toString);
    }

    private static void pace() {
        try {
            Thread.sleep(20); // server-side pacing of a slow transfer, not a timing assertion
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void localFileThatCannotBeCreatedLeavesTheSessionInStep() throws Exception {
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + ".");
            c.sendData(new byte[10]);
            c.reply("226 Transfer complete.");
        });
        try (FtpClient ftp = login(CONFIG)) {
            Path target = local.resolve("no-such-dir").resolve("x.bin");
            assertThrows(NoSuchFileException.class, () -> ftp.download("x.bin", target));
            assertFalse(Files.exists(target));
            assertEquals("/", ftp.pwd());
            ftp.noop();
            assertEquals(200, ftp.lastReply().code());
        }
    }
}
