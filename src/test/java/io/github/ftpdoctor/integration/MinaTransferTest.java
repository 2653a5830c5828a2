package io.github.ftpdoctor.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.DataConnectionMode;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.TransferType;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.FtpFileException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Transfers against Apache MINA FtpServer in-process: passive and active, streams, files, resume, ASCII. */
@Timeout(60)
class MinaTransferTest {
    private static final String PASSWORD = "mina-transfer-pw";
    @TempDir
    Path home;
    @TempDir
    Path local;
    private MinaServer server;

    @BeforeEach
    void start() throws Exception {
        server = MinaServer.start(home, PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FtpClient login(FtpConfig config) throws Exception {
        FtpClient ftp = FtpClient.connect(MinaServer.HOST, server.port(), config);
        ftp.login(MinaServer.USER, PASSWORD);
        return ftp;
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void downloadAndUploadInPassiveAndActiveMode() throws Exception {
        byte[] data = random(3 * 1024 * 1024 + 17, 1);
        Files.write(home.resolve("data.bin"), data);
        for (DataConnectionMode mode : DataConnectionMode.values()) {
            FtpConfig config = MinaServer.config().toBuilder().dataConnectionMode(mode).build();
            try (FtpClient ftp = login(config)) {
                Path target = local.resolve("copy-" + mode + ".bin");
                assertEquals(data.length, ftp.download("data.bin", target));
                assertArrayEquals(data, Files.readAllBytes(target));
                assertFalse(Files.exists(local.resolve("copy-" + mode + ".bin.part")));
                assertEquals(226, ftp.lastReply().code());

                assertEquals(data.length, ftp.upload(target, "up-" + mode + ".bin"));
                assertArrayEquals(data, Files.readAllBytes(home.resolve("up-" + mode + ".bin")));
            }
        }
    }

    @Test
    void streamsFinishTheCommandOnClose() throws Exception {
        Files.writeString(home.resolve("a.txt"), "hello");
        try (FtpClient ftp = login(MinaServer.config())) {
            try (InputStream in = ftp.openRead("a.txt")) {
                assertEquals("hello", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
            try (OutputStream out = ftp.openWrite("b.txt")) {
                out.write("world".getBytes(StandardCharsets.US_ASCII));
            }
            assertEquals("world", Files.readString(home.resolve("b.txt")));
            ftp.noop(); // the session is in step
            assertEquals(5, ftp.append("b.txt", new ByteArrayInputStream("!!!!!".getBytes(StandardCharsets.US_ASCII))));
            assertEquals("world!!!!!", Files.readString(home.resolve("b.txt")));
        }
    }

    @Test
    void missingFileIsDiagnosedAndNoLocalFileIsLeft() throws Exception {
        try (FtpClient ftp = login(MinaServer.config())) {
            Path target = local.resolve("missing.bin");
            FtpFileException e = assertThrows(FtpFileException.class, () -> ftp.download("missing.bin", target));
            assertEquals(Outcome.FileNotFound, e.diagnosis().outcome());
            assertFalse(Files.exists(target));
            assertFalse(Files.exists(local.resolve("missing.bin.part")));
            ftp.noop();
        }
    }

    @Test
    void resumeDownloadFromAPartialFile() throws Exception {
        byte[] data = random(1_000_000, 2);
        Files.write(home.resolve("big.bin"), data);
        Path target = local.resolve("big.bin");
        Files.write(local.resolve("big.bin.part"), java.util.Arrays.copyOf(data, 400_000));
        try (FtpClient ftp = login(MinaServer.config())) {
            assertEquals(data.length, ftp.downloadResume("big.bin", target));
        }
        assertArrayEquals(data, Files.readAllBytes(target));
        assertTrue(server.port() > 0);
    }

    @Test
    void resumeUploadSendsOnlyTheRest() throws Exception {
        byte[] data = random(500_000, 3);
        Path source = local.resolve("src.bin");
        Files.write(source, data);
        Files.write(home.resolve("dst.bin"), java.util.Arrays.copyOf(data, 123_456));
        try (FtpClient ftp = login(MinaServer.config())) {
            assertEquals(data.length, ftp.uploadResume(source, "dst.bin"));
        }
        assertArrayEquals(data, Files.readAllBytes(home.resolve("dst.bin")));
    }

    @Test
    void asciiConvertsLineEndsBothWays() throws Exception {
        Files.write(home.resolve("text.txt"), "one\r\ntwo\r\n".getBytes(StandardCharsets.US_ASCII));
        try (FtpClient ftp = login(MinaServer.config())) {
            ftp.setTransferType(TransferType.ASCII);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ftp.retrieve("text.txt", out);
            assertEquals("one\ntwo\n", out.toString(StandardCharsets.US_ASCII));
            ftp.store("up.txt", new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            ftp.retrieve("up.txt", back);
            assertEquals("a\nb\n", back.toString(StandardCharsets.US_ASCII));
        }
        // the server stores text in its own line convention (MINA on Unix: LF)
        assertEquals("a\nb\n", Files.readString(home.resolve("up.txt")));
    }

    @Test
    void readingPartOfAFileThenClosingAbortsCleanly() throws Exception {
        Files.write(home.resolve("big.bin"), random(20 * 1024 * 1024, 4));
        try (FtpClient ftp = login(MinaServer.config())) {
            InputStream in = ftp.openRead("big.bin");
            assertEquals(1000, in.readNBytes(1000).length);
            FtpException e = assertThrows(FtpException.class, in::close);
            assertTrue(e.bytesTransferred().isPresent());
            ftp.noop(); // ABOR's replies were consumed: the session still works
            assertEquals("/", ftp.pwd());
        }
    }

    @Test
    void emptyFile() throws Exception {
        Files.write(home.resolve("empty"), new byte[0]);
        try (FtpClient ftp = login(MinaServer.config())) {
            Path target = local.resolve("empty");
            assertEquals(0, ftp.download("empty", target));
            assertEquals(0, Files.size(target));
        }
    }
}
