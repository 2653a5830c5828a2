package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.FtpFileException;
import io.github.ftpdoctor.error.FtpTransferException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads that fail, against a scripted server on 127.0.0.1 sending real servers' texts: the failure is diagnosed
 * by its reply and the local source file is left exactly as it was.
 */
@Timeout(30)
class ScriptedUploadFailuresTest {
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).dataConnectTimeout(Duration.ofSeconds(2))
            .dataTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path local;
    private ScriptedFtpServer server;
    private Path source;
    private byte[] content;
    private FileTime modified;

    @BeforeEach
    void setUp() throws Exception {
        server = new ScriptedFtpServer(UTF_8);
        content = new byte[4 * 1024 * 1024 + 3];
        new Random(7).nextBytes(content);
        source = local.resolve("source.bin");
        Files.write(source, content);
        modified = FileTime.fromMillis(1_600_000_000_000L);
        Files.setLastModifiedTime(source, modified);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private FtpClient login() throws Exception {
        server.start();
        FtpClient ftp = FtpClient.connect(server.host(), server.port(), CONFIG);
        ftp.login("user", "secret");
        return ftp;
    }

    private void assertSourceUntouched() throws IOException {
        assertArrayEquals(content, Files.readAllBytes(source));
        assertEquals(modified, Files.getLastModifiedTime(source));
        try (Stream<Path> files = Files.list(local)) {
            assertEquals(List.of(source), files.collect(Collectors.toList()), "no other local file appeared");
        }
    }

    /** 150, then the server reads 64 KiB, drops the data connection and sends {@code reply} (ProFTPD style). */
    private void failsMidTransfer(String reply) {
        server.on("STOR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a);
            Socket d = c.acceptData();
            d.getInputStream().readNBytes(64 * 1024);
            c.closeData();
            c.reply(reply);
        });
    }

    /** 150, then the server reads everything and sends {@code reply}. */
    private void failsAfterTheData(String reply) {
        server.on("STOR", (c, a) -> {
            c.reply("150 Ok to send data.");
            c.receiveData();
            c.reply(reply);
        });
    }

    private FtpException failedUpload(Class<? extends FtpException> type) throws Exception {
        try (FtpClient ftp = login()) {
            FtpException e = assertThrows(type, () -> ftp.upload(source, "target.bin"));
            ftp.noop(); // the session is still in step
            assertEquals("/", ftp.pwd());
            return e;
        } finally {
            assertSourceUntouched();
        }
    }

    @Test
    void noSpaceLeft452MidTransferIsInsufficientStorage() throws Exception {
        failsMidTransfer("452 Transfer aborted. No space left on device");
        FtpException e = failedUpload(FtpFileException.class);
        assertEquals(Outcome.InsufficientStorage, e.diagnosis().outcome());
        assertEquals("files.disk-full", e.diagnosis().ruleId());
        assertTrue(e.bytesTransferred().isPresent());
    }

    @Test
    void diskQuota552AfterTheDataIsQuotaExceeded() throws Exception {
        failsAfterTheData("552 Transfer aborted. Disk quota exceeded");
        FtpException e = failedUpload(FtpFileException.class);
        assertEquals(Outcome.QuotaExceeded, e.diagnosis().outcome());
        assertEquals("files.quota", e.diagnosis().ruleId());
        assertEquals(content.length, e.bytesTransferred().orElseThrow());
    }

    @Test
    void vsftpdCouldNotCreateFile553IsPossiblyPermissionDenied() throws Exception {
        // vsftpd answers STOR with this at once when open(2) fails: in practice a permission problem
        server.on("STOR", (c, a) -> c.reply("553 Could not create file."));
        FtpException e = failedUpload(FtpFileException.class);
        assertEquals(Outcome.FileUnavailable, e.diagnosis().outcome()); // open() failed: rights or a missing directory
        assertEquals(List.of(Outcome.PermissionDenied, Outcome.FileNotFound), e.diagnosis().alternatives());
        assertEquals("vsftpd.create-failed", e.diagnosis().ruleId());
        assertEquals(553, e.diagnosis().code());
    }

    @Test
    void fileNameNotAllowed553WithRfcTextIsFileNameNotAllowed() throws Exception {
        server.on("STOR", (c, a) -> c.reply("553 File name not allowed."));
        FtpException e = failedUpload(FtpFileException.class);
        assertEquals(Outcome.FileNameNotAllowed, e.diagnosis().outcome());
        assertEquals("libunftp.bad-file-name", e.diagnosis().ruleId());
    }

    @Test
    void connectionClosed426MidTransferIsTransferAborted() throws Exception {
        failsMidTransfer("426 Failure reading network stream.");
        FtpException e = failedUpload(FtpTransferException.class);
        assertEquals(Outcome.TransferAborted, e.diagnosis().outcome());
        assertTrue(e.bytesTransferred().isPresent());
    }

    @Test
    void localReadFailureAbortsTheUploadAndReportsTheLocalError() throws Exception {
        server.on("STOR", (c, a) -> {
            c.reply("150 Ok to send data.");
            c.receiveData(); // ends when the client closes the data connection
            c.reply("226 Transfer complete."); // like vsftpd: it cannot tell an abort from the end of the file
        });
        IOException disk = new IOException("simulated local read error");
        InputStream failing = new InputStream() {
            private int left = 100_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw disk;
                }
                return 'x';
            }
        };
        try (FtpClient ftp = login()) {
            IOException e = assertThrows(IOException.class, () -> ftp.store("target.bin", failing));
            assertEquals(disk, e, "the local error is the one reported");
            assertEquals(1, e.getSuppressed().length, () -> List.of(e.getSuppressed()).toString());
            assertTrue(e.getSuppressed()[0] instanceof FtpException, e.getSuppressed()[0]::toString);
            assertEquals("/", ftp.pwd()); // the ABOR's reply was consumed: the session is in step
        }
        assertTrue(server.verbs().contains("ABOR"), server.commands()::toString);
    }
}
