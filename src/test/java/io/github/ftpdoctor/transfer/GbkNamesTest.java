package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.error.FtpFileException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chinese names on a legacy GBK control connection, against the scripted server decoding commands as GBK, and
 * GBK replies read by a client left on its UTF-8 default (automatic detection).
 */
@Timeout(30)
class GbkNamesTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final String NAME = "测试.txt";
    private static final byte[] CONTENT = "GBK 服务器上的文件\n".getBytes(UTF_8);
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).dataConnectTimeout(Duration.ofSeconds(2))
            .dataTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path local;
    private ScriptedFtpServer server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private FtpClient login(FtpConfig config) throws Exception {
        server.start();
        FtpClient ftp = FtpClient.connect(server.host(), server.port(), config);
        ftp.login("user", "secret");
        return ftp;
    }

    /** A byte-exact command as the server received it. */
    private void assertReceived(byte[] expected) {
        assertTrue(server.rawCommands().stream().anyMatch(r -> java.util.Arrays.equals(expected, r)),
                server.commands()::toString);
    }

    @Test
    void gbkClientSendsGbkNamesAndParsesAGbkListing() throws Exception {
        server = new ScriptedFtpServer(GBK);
        List<String> retrieved = new CopyOnWriteArrayList<>();
        server.on("PWD", (c, a) -> c.reply("257 \"/中文目录\" is the current directory"));
        server.on("SIZE", (c, a) -> c.reply(NAME.equals(a) ? "213 " + CONTENT.length : "550 " + a + ": 文件不存在"));
        server.on("RETR", (c, a) -> {
            retrieved.add(a);
            if (!NAME.equals(a)) {
                c.reply("550 " + a + ": No such file or directory");
                return;
            }
            c.reply("150 Opening BINARY mode data connection for " + a + " (" + CONTENT.length + " bytes)");
            c.sendData(CONTENT);
            c.reply("226 Transfer complete.");
        });
        server.on("LIST", (c, a) -> {
            c.reply("150 Opening ASCII mode data connection for file list");
            c.sendData(("-rw-r--r--   1 ftp      ftp            " + CONTENT.length + " Mar 04  2021 " + NAME + "\r\n"
                    + "drwxr-xr-x   2 ftp      ftp          4096 Mar 04  2021 中文 目录\r\n").getBytes(GBK));
            c.reply("226 Transfer complete.");
        });
        FtpConfig config = CONFIG.toBuilder().controlEncoding(GBK).build();
        try (FtpClient ftp = login(config)) {
            assertEquals("/中文目录", ftp.pwd());

            List<FtpEntry> entries = ftp.list(null);
            assertEquals(2, entries.size(), entries::toString);
            assertEquals(NAME, entries.get(0).name());
            assertEquals(FtpEntry.Type.FILE, entries.get(0).type());
            assertEquals(CONTENT.length, entries.get(0).size().orElseThrow());
            assertEquals(Instant.parse("2021-03-04T00:00:00Z"), entries.get(0).modified().orElseThrow());
            assertEquals("中文 目录", entries.get(1).name());
            assertEquals(FtpEntry.Type.DIR, entries.get(1).type());

            Path target = local.resolve("downloaded.txt"); // an ASCII local name: any locale can create it
            assertEquals(CONTENT.length, ftp.download(NAME, target));
            assertArrayEquals(CONTENT, Files.readAllBytes(target));
        }
        assertEquals(List.of(NAME), retrieved);
        assertReceived(("RETR " + NAME).getBytes(GBK));
        assertReceived(("SIZE " + NAME).getBytes(GBK));
        // a GBK client never offers UTF-8
        assertFalse(server.verbs().contains("OPTS"), server.commands()::toString);
    }

    @Test
    void gbkRepliesAreDecodedByAUtf8ClientWithDetection() throws Exception {
        server = new ScriptedFtpServer(UTF_8);
        server.on("SIZE", (c, a) -> c.replyBytes("550 文件不存在\r\n".getBytes(GBK)));
        server.on("PWD", (c, a) -> c.replyBytes("257 \"/下载\" 是当前目录\r\n".getBytes(GBK)));
        try (FtpClient ftp = login(CONFIG)) {
            FtpFileException e = assertThrows(FtpFileException.class, () -> ftp.size("x"));
            assertEquals(550, e.diagnosis().code());
            assertEquals("文件不存在", e.diagnosis().reply().text());
            assertTrue(e.transcript().contains("< 550 文件不存在"), e.transcript()::toString);
            assertEquals("/下载", ftp.pwd());
        }
    }

    @Test
    void withoutDetectionGbkRepliesAreNotMistakenForText() throws Exception {
        server = new ScriptedFtpServer(UTF_8);
        server.on("SIZE", (c, a) -> c.replyBytes("550 文件不存在\r\n".getBytes(GBK)));
        FtpConfig strict = CONFIG.toBuilder().autoDetectEncoding(false).build();
        try (FtpClient ftp = login(strict)) {
            FtpFileException e = assertThrows(FtpFileException.class, () -> ftp.size("x"));
            assertEquals(550, e.diagnosis().code());
            String text = e.diagnosis().reply().text();
            assertFalse(text.contains("文件"), text);
            assertTrue(text.contains("\uFFFD"), text); // replaced, never silently mis-decoded
            ftp.noop();
        }
    }
}
