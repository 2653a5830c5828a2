package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * How the download and upload streams end against a scripted server on 127.0.0.1: single bytes above 127, a stream
 * closed before its end (ABOR, never a success), streams used after close, a 421 as the final reply.
 */
@Timeout(30)
class ScriptedTransferEndingsTest {
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).dataConnectTimeout(Duration.ofSeconds(2))
            .dataTimeout(Duration.ofSeconds(5)).build();

    private ScriptedFtpServer server;

    @BeforeEach
    void createServer() throws Exception {
        server = new ScriptedFtpServer(UTF_8);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
        assertEquals(List.of(), server.errors());
    }

    private FtpClient login() throws Exception {
        server.start();
        FtpClient ftp = FtpClient.connect(server.host(), server.port(), CONFIG);
        ftp.login("user", "secret");
        return ftp;
    }

    private void serves(byte[] content, String fin) {
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + ".");
            c.sendData(content);
            c.reply(fin);
        });
    }

    @Test
    void singleByteReadsAreUnsignedAndTheEndIsMinusOne() throws Exception {
        serves(new byte[] {(byte) 0xFF, (byte) 0x80, 0x00, 0x7F}, "226 Transfer complete.");
        try (FtpClient ftp = login()) {
            InputStream in = ftp.openRead("f");
            assertEquals(255, in.read());
            assertEquals(128, in.read());
            assertEquals(0, in.read());
            assertEquals(127, in.read());
            assertEquals(-1, in.read());
            assertEquals(-1, in.read(new byte[4], 0, 4), "still the end");
            in.close();
            in.close(); // a second close reads no second final reply
            IOException e = assertThrows(IOException.class, () -> in.read(new byte[4], 0, 4));
            assertEquals("stream closed", e.getMessage());
            ftp.noop();
            assertEquals(200, ftp.lastReply().code());
        }
        assertEquals(List.of(), server.verbs().stream().filter("ABOR"::equals).toList(), "read to the end: no ABOR");
    }

    @Test
    void aDownloadClosedBeforeItsEndIsAbortedAndNeverASuccess() throws Exception {
        byte[] content = FaultKit.seeded(50_000, 11);
        serves(content, "226 Transfer complete."); // the server sent it all; ABOR then gets 225
        try (FtpClient ftp = login()) {
            InputStream in = ftp.openRead("f");
            byte[] ten = new byte[10];
            int got = 0;
            while (got < 10) {
                got += in.read(ten, got, 10 - got);
            }
            assertArrayEquals(java.util.Arrays.copyOf(content, 10), ten);
            FtpException e = assertThrows(FtpException.class, in::close);
            assertEquals(TransportEvent.TRANSFER_INCOMPLETE, e.diagnosis().event());
            assertTrue(e.diagnosis().detail().contains("aborted by the client after 10 bytes"),
                    e.diagnosis().detail());
            assertEquals(10L, e.bytesTransferred().orElseThrow());
            ftp.noop(); // 226 and the ABOR's 225 were both read
            assertEquals(200, ftp.lastReply().code());
        }
        assertTrue(server.verbs().contains("ABOR"));
    }

    @Test
    void anUploadStreamWritesSingleBytesAndRefusesWritesAfterClose() throws Exception {
        AtomicReference<byte[]> received = new AtomicReference<>();
        server.on("STOR", (c, a) -> {
            c.reply("150 Ok to send data.");
            received.set(c.receiveData());
            c.reply("226 Transfer complete.");
        });
        try (FtpClient ftp = login()) {
            OutputStream out = ftp.openWrite("u");
            out.write(0xAB);
            out.write(new byte[] {1, 2, 3}, 1, 2);
            out.flush();
            out.close();
            out.close(); // no second final reply is read
            IOException e = assertThrows(IOException.class, () -> out.write(new byte[] {1}, 0, 1));
            assertEquals("stream closed", e.getMessage());
            ftp.noop();
            assertEquals(200, ftp.lastReply().code());
        }
        assertArrayEquals(new byte[] {(byte) 0xAB, 2, 3}, received.get());
    }

    @Test
    void a421AsTheFinalReplyFailsTheDownload() throws Exception {
        serves("data".getBytes(UTF_8), "421 Service not available, closing control connection.");
        try (FtpClient ftp = login()) {
            FtpException e = assertThrows(FtpException.class, () -> ftp.retrieve("f", OutputStream.nullOutputStream()));
            assertEquals(421, e.diagnosis().code());
            assertEquals(4L, e.bytesTransferred().orElseThrow());
        }
    }

    @Test
    void aPositiveIntermediateFinalReplyIsNotSuccess() throws Exception {
        serves("data".getBytes(UTF_8), "350 Requested file action pending further information.");
        try (FtpClient ftp = login()) {
            FtpException e = assertThrows(FtpException.class, () -> ftp.retrieve("f", OutputStream.nullOutputStream()));
            assertEquals(350, e.diagnosis().code());
            assertEquals(4L, e.bytesTransferred().orElseThrow());
        }
    }
}
