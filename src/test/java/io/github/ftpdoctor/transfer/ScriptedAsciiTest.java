package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.TransferType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** TYPE A on the wire, byte-exact, against the scripted server on 127.0.0.1. */
@Timeout(30)
class ScriptedAsciiTest {
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
    }

    private FtpClient login() throws Exception {
        server.start();
        FtpClient ftp = FtpClient.connect(server.host(), server.port(), CONFIG);
        ftp.login("user", "secret");
        return ftp;
    }

    @Test
    void asciiDownloadJoinsCrLfSplitAcrossWritesAndKeepsALoneCr() throws Exception {
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening ASCII mode data connection for " + a + ".");
            try (Socket d = c.acceptData()) {
                OutputStream out = d.getOutputStream();
                out.write("one\r".getBytes(US_ASCII)); // CR and LF in separate segments
                out.flush();
                out.write("\ntwo\rthree\r\n\r\nend".getBytes(US_ASCII));
            }
            c.reply("226 Transfer complete.");
        });
        try (FtpClient ftp = login()) {
            ftp.setTransferType(TransferType.ASCII);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            assertEquals(21, ftp.retrieve("t.txt", sink)); // bytes on the wire
            assertEquals("one\ntwo\rthree\n\nend", sink.toString(US_ASCII));
        }
        // no SIZE in TYPE A: the server's count would include the CRs
        assertEquals(List.of("FEAT", "TYPE", "EPSV", "RETR", "QUIT"),
                server.verbs().subList(server.verbs().indexOf("PASS") + 1, server.verbs().size()));
        assertTrue(server.commands().contains("TYPE A"), server.commands()::toString);
    }

    @Test
    void asciiUploadSendsCrLfExactlyOnce() throws Exception {
        List<byte[]> received = new CopyOnWriteArrayList<>();
        server.on("STOR", (c, a) -> {
            c.reply("150 Ok to send data.");
            received.add(c.receiveData());
            c.reply("226 Transfer complete.");
        });
        try (FtpClient ftp = login()) {
            ftp.setTransferType(TransferType.ASCII);
            ftp.store("t.txt", new ByteArrayInputStream("a\nb\r\nc\rd\n".getBytes(US_ASCII)));
            ftp.setTransferType(TransferType.BINARY);
            ftp.store("b.bin", new ByteArrayInputStream("a\nb\r\n".getBytes(US_ASCII)));
        }
        assertEquals(2, received.size());
        assertArrayEquals("a\r\nb\r\nc\rd\r\n".getBytes(US_ASCII), received.get(0));
        assertArrayEquals("a\nb\r\n".getBytes(US_ASCII), received.get(1)); // TYPE I: untouched
        List<String> types = server.commands().stream().filter(l -> l.startsWith("TYPE")).toList();
        assertEquals(List.of("TYPE A", "TYPE I"), types);
    }

    @Test
    void asciiDownloadStreamReadsInChunks() throws Exception {
        byte[] text = "0123456789012345678901234567890123456789012345678901234567890\r\n".repeat(1024)
                .getBytes(US_ASCII);
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening ASCII mode data connection for " + a + ".");
            c.sendData(text);
            c.reply("226 Transfer complete.");
        });
        try (FtpClient ftp = login()) {
            ftp.setTransferType(TransferType.ASCII);
            int calls = 0;
            long total = 0;
            try (InputStream in = ftp.openRead("t.txt")) {
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    calls++;
                    total += n;
                }
            }
            assertEquals(text.length - 1024, total); // each CR LF became LF
            // 64 KiB arrive in a few segments on loopback; one read per byte means a system call per byte
            assertTrue(calls < 1000, calls + " reads for " + total + " bytes");
            assertFalse(calls == 0);
        }
    }
}
