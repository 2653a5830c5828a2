package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.TransferType;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.testsupport.RecordingListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a finished transfer reports against a scripted server on 127.0.0.1: byte counts of every kind of transfer,
 * the name STOU chose, listing lines, TYPE sent only when it changes, REST for an offset, progress every 256 KiB, and
 * short downloads that never pass as success.
 */
@Timeout(30)
class ScriptedTransferResultsTest {
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).dataConnectTimeout(Duration.ofSeconds(2))
            .dataTimeout(Duration.ofSeconds(5)).build();
    private static final byte[] DATA = FaultKit.seeded(70_000, 3);

    @TempDir
    Path local;
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

    private FtpClient login(FtpConfig config) throws Exception {
        server.start();
        FtpClient ftp = FtpClient.connect(server.host(), server.port(), config);
        ftp.login("user", "secret");
        return ftp;
    }

    private List<String> verbsAfterLogin() {
        List<String> verbs = server.verbs();
        return verbs.subList(verbs.indexOf("PASS") + 1, verbs.size()).stream().filter(v -> !v.equals("FEAT")).toList();
    }

    private void receives(String verb, AtomicReference<byte[]> into, String first) {
        server.on(verb, (c, a) -> {
            c.reply(first);
            into.set(c.receiveData());
            c.reply("226 Transfer complete.");
        });
    }

    @Test
    void storeAppendAndStouCountTheBytesAndStouNamesTheFile() throws Exception {
        AtomicReference<byte[]> stored = new AtomicReference<>();
        AtomicReference<byte[]> appended = new AtomicReference<>();
        AtomicReference<byte[]> unique = new AtomicReference<>();
        receives("STOR", stored, "150 Ok to send data.");
        receives("APPE", appended, "150 Ok to send data.");
        receives("STOU", unique, "150 FILE: up.bin.7   ");
        try (FtpClient ftp = login(CONFIG)) {
            assertEquals(DATA.length, ftp.store("a.bin", new ByteArrayInputStream(DATA)));
            assertArrayEquals(DATA, stored.get());
            assertEquals(5, ftp.append("a.bin", new ByteArrayInputStream("tail!".getBytes(UTF_8))));
            assertEquals("tail!", new String(appended.get(), UTF_8));
            assertEquals(0, ftp.store("empty", new ByteArrayInputStream(new byte[0])));
            assertEquals(0, stored.get().length);
            assertEquals("up.bin.7", ftp.storeUnique(new ByteArrayInputStream(DATA)), "trailing blanks trimmed");
            assertArrayEquals(DATA, unique.get());
        }
        assertEquals(List.of("TYPE", "EPSV", "STOR", "EPSV", "APPE", "EPSV", "STOR", "EPSV", "STOU", "QUIT"),
                verbsAfterLogin(), "TYPE I once for all of them");
    }

    @Test
    void stouWithoutAFileNameReturnsNull() throws Exception {
        AtomicReference<byte[]> unique = new AtomicReference<>();
        receives("STOU", unique, "150 Opening BINARY mode data connection.");
        try (FtpClient ftp = login(CONFIG)) {
            assertNull(ftp.storeUnique(new ByteArrayInputStream(DATA)));
            assertArrayEquals(DATA, unique.get());
        }
    }

    @Test
    void retrieveCountsTheBytesAndTypeIsSentOnlyWhenItChanges() throws Exception {
        server.on("SIZE", (c, a) -> c.reply("213 " + DATA.length));
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening data connection.");
            c.sendData(DATA);
            c.reply("226 Transfer complete.");
        });
        try (FtpClient ftp = login(CONFIG)) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            assertEquals(DATA.length, ftp.retrieve("f", sink));
            assertArrayEquals(DATA, sink.toByteArray());
            sink.reset();
            assertEquals(DATA.length, ftp.retrieve("f", sink));
            ftp.setTransferType(TransferType.ASCII);
            sink.reset();
            ftp.retrieve("f", sink); // TYPE A, and no SIZE: an ASCII size is not the byte count
        }
        assertEquals(List.of("TYPE", "SIZE", "EPSV", "RETR", "SIZE", "EPSV", "RETR", "TYPE", "EPSV", "RETR", "QUIT"),
                verbsAfterLogin());
        List<String> types = server.commands().stream().filter(l -> l.startsWith("TYPE")).toList();
        assertEquals(List.of("TYPE I", "TYPE A"), types);
    }

    @Test
    void aShortStreamDownloadAgainstSizeIsTransferIncompleteWithItsByteCount() throws Exception {
        server.on("SIZE", (c, a) -> c.reply("213 " + DATA.length));
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening data connection.");
            c.sendData(Arrays.copyOf(DATA, 1000));
            c.reply("226 Transfer complete.");
        });
        try (FtpClient ftp = login(CONFIG)) {
            FtpException e = assertThrows(FtpException.class, () -> ftp.retrieve("f", new ByteArrayOutputStream()));
            assertEquals(TransportEvent.TRANSFER_INCOMPLETE, e.diagnosis().event());
            assertTrue(e.diagnosis().detail().contains("received 1000 of " + DATA.length), e.diagnosis().detail());
            ftp.noop(); // the session is still in step
        }
        assertEquals("NOOP", verbsAfterLogin().get(verbsAfterLogin().size() - 2));
    }

    @Test
    void anOffsetSendsRestAndCountsFromIt() throws Exception {
        AtomicReference<String> rest = new AtomicReference<>();
        server.on("REST", (c, a) -> {
            rest.set(a);
            c.reply("350 Restart position accepted (" + a + ").");
        });
        server.on("SIZE", (c, a) -> c.reply("213 " + DATA.length));
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening data connection.");
            c.sendData(Arrays.copyOfRange(DATA, 60_000, DATA.length));
            c.reply("226 Transfer complete.");
        });
        try (FtpClient ftp = login(CONFIG)) {
            byte[] got;
            try (InputStream in = ftp.openRead("f", 60_000)) {
                got = in.readAllBytes();
            } // the bytes before the offset count: 60000 + 10000 is the whole file, so no incomplete transfer
            assertArrayEquals(Arrays.copyOfRange(DATA, 60_000, DATA.length), got);
        }
        assertEquals("60000", rest.get());
    }

    @Test
    void resumingAnUploadToALargerRemoteFileIsRefusedLocally() throws Exception {
        server.on("SIZE", (c, a) -> c.reply("213 " + (DATA.length + 1)));
        Path file = Files.write(local.resolve("up.bin"), DATA);
        try (FtpClient ftp = login(CONFIG)) {
            IOException e = assertThrows(IOException.class, () -> ftp.uploadResume(file, "up.bin"));
            assertTrue(e.getMessage().contains("larger than the local one"), e.getMessage());
        }
        assertFalse(verbsAfterLogin().contains("STOR"));
    }

    @Test
    void listingLinesSplitOnLfAndCrLfAndKeepAnUnterminatedLastLine() throws Exception {
        server.on("LIST", (c, a) -> {
            c.reply("150 Here comes the directory listing.");
            c.sendData("one\r\ntwo\n\r\nthree\rx\nlast".getBytes(UTF_8));
            c.reply("226 Directory send OK.");
        });
        server.on("NLST", (c, a) -> {
            c.reply("150 Here comes the directory listing.");
            c.sendData("a\r\n".getBytes(UTF_8));
            c.reply("226 Directory send OK.");
        });
        try (FtpClient ftp = login(CONFIG)) {
            assertEquals(List.of("one", "two", "", "three\rx", "last"), ftp.listRaw("/"));
        }
    }

    @Test
    void progressIsReportedEvery256KiBWithTheTotal() throws Exception {
        byte[] big = FaultKit.seeded(600_000, 5);
        server.on("SIZE", (c, a) -> c.reply("213 " + big.length));
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening data connection.");
            c.sendData(big);
            c.reply("226 Transfer complete.");
        });
        RecordingListener events = new RecordingListener();
        FtpConfig config = CONFIG.toBuilder().eventListenerFactory((h, p) -> events).bufferSize(8192).build();
        try (FtpClient ftp = login(config)) {
            assertEquals(big.length, ftp.retrieve("g.bin", new ByteArrayOutputStream()));
        }
        List<String> progress = events.events.stream().filter(e -> e.startsWith("transferProgress")).toList();
        assertEquals(2, progress.size(), String.valueOf(progress));
        for (int i = 0; i < 2; i++) {
            String[] f = progress.get(i).split(" ");
            long at = Long.parseLong(f[3]);
            assertTrue(at >= (i + 1) * 262_144L && at < (i + 1) * 262_144L + 8192 * (i + 1), progress.get(i));
            assertEquals(String.valueOf(big.length), f[4]);
        }
        assertTrue(events.events.stream().anyMatch(e -> e.startsWith("transferEnd RETR g.bin " + big.length)),
                String.valueOf(events.events));
    }
}
