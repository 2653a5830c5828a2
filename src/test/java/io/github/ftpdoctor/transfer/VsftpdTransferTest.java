package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.DataConnectionMode;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.TransferType;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.FtpFileException;
import io.github.ftpdoctor.error.FtpTransferException;
import io.github.ftpdoctor.testsupport.Vsftpd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Transfers and LIST parsing against a real vsftpd on loopback (skipped unless installed and running as root). */
@Timeout(120)
class VsftpdTransferTest {
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(10)).dataConnectTimeout(Duration.ofSeconds(5))
            .dataTimeout(Duration.ofSeconds(10)).build();
    private static final Instant TIME = Instant.parse("2021-03-04T00:00:00Z");

    @TempDir
    Path local;

    @BeforeEach
    void requireVsftpd() {
        Vsftpd.requireAvailable();
    }

    static FtpClient login(String host, int port, FtpConfig config) throws Exception {
        FtpClient ftp = FtpClient.connect(host, port, config);
        ftp.login(Vsftpd.USER, Vsftpd.PASSWORD);
        return ftp;
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Download, upload, append and unique upload in one mode; the data commands used are checked. */
    static void roundTrip(FtpClient ftp, Path serverRoot, Path localDir, String tag) throws Exception {
        byte[] data = random(1_500_000, tag.hashCode());
        Files.write(serverRoot.resolve("data-" + tag + ".bin"), data);
        Path target = localDir.resolve("copy-" + tag + ".bin");
        assertEquals(data.length, ftp.download("data-" + tag + ".bin", target));
        assertArrayEquals(data, Files.readAllBytes(target));
        assertEquals(226, ftp.lastReply().code());

        assertEquals(data.length, ftp.upload(target, "up-" + tag + ".bin"));
        assertArrayEquals(data, Files.readAllBytes(serverRoot.resolve("up-" + tag + ".bin")));
        ftp.append("up-" + tag + ".bin", new ByteArrayInputStream(new byte[] {1, 2, 3}));
        assertEquals(data.length + 3, Files.size(serverRoot.resolve("up-" + tag + ".bin")));
        String unique = ftp.storeUnique(new ByteArrayInputStream(data));
        assertArrayEquals(data, Files.readAllBytes(serverRoot.resolve(unique)), unique);
    }

    @Test
    void retrStorAppeStouInPassiveAndActiveMode() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start()) {
            try (FtpClient ftp = login(ftpd.host(), ftpd.port(), CONFIG)) {
                roundTrip(ftp, ftpd.rootDir(), local, "passive");
                assertTrue(ftp.transcript().stream().anyMatch(l -> l.startsWith("< 229 ")), ftp.transcript()::toString);
            }
            FtpConfig active = CONFIG.toBuilder().dataConnectionMode(DataConnectionMode.ACTIVE).build();
            try (FtpClient ftp = login(ftpd.host(), ftpd.port(), active)) {
                roundTrip(ftp, ftpd.rootDir(), local, "active");
                assertTrue(ftp.transcript().stream().anyMatch(l -> l.startsWith("> EPRT |1|127.0.0.1|")),
                        ftp.transcript()::toString);
            }
        }
    }

    @Test
    void ipv6OnLoopback() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(); VsftpdIpv6 v6 = VsftpdIpv6.start(ftpd)) {
            try (FtpClient ftp = login("::1", v6.port(), CONFIG)) {
                roundTrip(ftp, ftpd.rootDir(), local, "v6-passive");
                assertTrue(ftp.transcript().contains("> EPSV"), ftp.transcript()::toString);
                assertFalse(ftp.transcript().contains("> PASV"), ftp.transcript()::toString);
            }
            FtpConfig active = CONFIG.toBuilder().dataConnectionMode(DataConnectionMode.ACTIVE).build();
            try (FtpClient ftp = login("::1", v6.port(), active)) {
                roundTrip(ftp, ftpd.rootDir(), local, "v6-active");
                assertTrue(ftp.transcript().stream().anyMatch(l -> l.startsWith("> EPRT |2|0:0:0:0:0:0:0:1|")
                        || l.startsWith("> EPRT |2|::1|")), ftp.transcript()::toString);
            }
        }
    }

    @Test
    void listParsesVsftpdOutput() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start()) {
            Path root = ftpd.rootDir();
            Map<String, String> files = Map.of("regular.txt", "regular", "name with spaces.txt", "spaces",
                    " leading space.txt", "lead", "empty.txt", "");
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.setLastModifiedTime(Files.writeString(root.resolve(f.getKey()), f.getValue()), FileTime.from(TIME));
            }
            Files.setLastModifiedTime(Files.createDirectory(root.resolve("a dir")), FileTime.from(TIME));
            Files.createSymbolicLink(root.resolve("link"), Path.of("regular.txt"));
            try (FtpClient ftp = login(ftpd.host(), ftpd.port(), CONFIG)) {
                assertFalse(ftp.features().has("MLST"), "vsftpd has no MLSD: LIST is parsed");
                List<FtpEntry> entries = ftp.list(null);
                assertTrue(ftp.transcript().contains("> LIST"), ftp.transcript()::toString);
                Map<String, FtpEntry> named = entries.stream()
                        .collect(Collectors.toMap(FtpEntry::name, Function.identity()));
                assertEquals(6, entries.size(), () -> ftp.transcript() + " " + entries);
                for (Map.Entry<String, String> f : files.entrySet()) {
                    FtpEntry e = named.get(f.getKey());
                    assertEquals(FtpEntry.Type.FILE, e.type(), e::raw);
                    assertEquals(f.getValue().length(), e.size().orElseThrow(), e::raw);
                    assertEquals(TIME, e.modified().orElseThrow(), e::raw);
                }
                assertEquals(FtpEntry.Type.DIR, named.get("a dir").type(), named.get("a dir")::raw);
                FtpEntry link = named.get("link");
                assertEquals(FtpEntry.Type.LINK, link.type(), link::raw);
                assertEquals("regular.txt", link.target(), link::raw);

                Path empty = local.resolve("empty.txt");
                assertEquals(0, ftp.download("empty.txt", empty));
                assertEquals(0, Files.size(empty));
                assertEquals(4, ftp.download(" leading space.txt", local.resolve("lead.txt")));
                assertEquals(7, ftp.download("link", local.resolve("via-link.txt")));
            }
        }
    }

    @Test
    void filesOver4GiBInSizeAndList() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start()) {
            try (RandomAccessFile f = new RandomAccessFile(ftpd.rootDir().resolve("big").toFile(), "rw")) {
                f.setLength(5L << 30); // sparse: nothing is written, nothing is downloaded
            }
            try (FtpClient ftp = login(ftpd.host(), ftpd.port(), CONFIG)) {
                assertEquals(5_368_709_120L, ftp.size("big"));
                FtpEntry big = ftp.list(null).stream().filter(e -> e.name().equals("big")).findFirst().orElseThrow();
                assertEquals(5_368_709_120L, big.size().orElseThrow(), big::raw);
            }
        }
    }

    // the test writes a Chinese file name into vsftpd's root: a UTF-8 file-name encoding
    @Test
    @Tag("utf8-jvm")
    void chineseNameUnderUtf8() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(conf -> conf.put("utf8_filesystem", "YES"))) {
            byte[] content = "中文内容\n".getBytes(UTF_8);
            Files.write(ftpd.rootDir().resolve("测试文件.txt"), content);
            try (FtpClient ftp = login(ftpd.host(), ftpd.port(), CONFIG)) {
                List<FtpEntry> entries = ftp.list(null);
                assertEquals(List.of("测试文件.txt"), entries.stream().map(FtpEntry::name).collect(Collectors.toList()));
                assertEquals(content.length, entries.get(0).size().orElseThrow());
                Path target = local.resolve("测试文件.txt");
                assertEquals(content.length, ftp.download("测试文件.txt", target));
                assertArrayEquals(content, Files.readAllBytes(target));
                ftp.upload(target, "上传文件.txt");
                assertArrayEquals(content, Files.readAllBytes(ftpd.rootDir().resolve("上传文件.txt")));
            }
        }
    }

    @Test
    void resumeADownload() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start()) {
            byte[] data = random(1_000_000, 5);
            Files.write(ftpd.rootDir().resolve("resume.bin"), data);
            Path target = local.resolve("resume.bin");
            Files.write(local.resolve("resume.bin.part"), Arrays.copyOf(data, 300_000));
            try (FtpClient ftp = login(ftpd.host(), ftpd.port(), CONFIG)) {
                assertEquals(data.length, ftp.downloadResume("resume.bin", target));
                assertTrue(ftp.transcript().contains("> REST 300000"), ftp.transcript()::toString);
            }
            assertArrayEquals(data, Files.readAllBytes(target));
            assertFalse(Files.exists(local.resolve("resume.bin.part")));
        }
    }

    @Test
    void abortALargeDownloadThenTheSessionWorks() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Vsftpd ftpd = Vsftpd.start()) {
            try (RandomAccessFile f = new RandomAccessFile(ftpd.rootDir().resolve("huge").toFile(), "rw")) {
                f.setLength(200L << 20);
            }
            try (FtpClient ftp = login(ftpd.host(), ftpd.port(), CONFIG)) {
                CountDownLatch flowing = new CountDownLatch(1);
                OutputStream sink = new OutputStream() {
                    private long n;

                    @Override
                    public void write(int b) {
                        write(new byte[1], 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        n += len;
                        if (n >= (1 << 20)) {
                            flowing.countDown();
                        }
                    }
                };
                Future<Boolean> aborter = executor.submit(() -> {
                    boolean started = flowing.await(30, TimeUnit.SECONDS);
                    ftp.abort();
                    return started;
                });
                FtpException e = assertThrows(FtpException.class, () -> ftp.retrieve("huge", sink));
                assertTrue(aborter.get(30, TimeUnit.SECONDS));
                // vsftpd notices the closed data connection: "426 Failure writing network stream.", then
                // "225 No transfer to ABOR."
                assertTrue(e instanceof FtpTransferException, e::toString);
                assertEquals(Outcome.TransferAborted, e.diagnosis().outcome(), e::toString);
                assertTrue(e.bytesTransferred().orElseThrow() >= (1 << 20), e::toString);
                assertTrue(e.bytesTransferred().orElseThrow() < (200L << 20), e::toString);
                ftp.noop();
                assertEquals(200, ftp.lastReply().code(), ftp.transcript()::toString);
                assertEquals("/", ftp.pwd());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void asciiConvertsLineEndsOnTheWire() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(conf -> {
            conf.put("ascii_download_enable", "YES");
            conf.put("ascii_upload_enable", "YES");
        })) {
            Files.write(ftpd.rootDir().resolve("unix.txt"), "a\nb\nc\n".getBytes(US_ASCII));
            try (FtpClient ftp = login(ftpd.host(), ftpd.port(), CONFIG)) {
                ByteArrayOutputStream binary = new ByteArrayOutputStream();
                assertEquals(6, ftp.retrieve("unix.txt", binary)); // TYPE I: as stored
                ftp.setTransferType(TransferType.ASCII);
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                // 9 bytes on the wire (vsftpd sent CR LF), 6 locally (the client turned CR LF into LF)
                assertEquals(9, ftp.retrieve("unix.txt", text));
                assertEquals("a\nb\nc\n", text.toString(US_ASCII));
                assertEquals(6, ftp.download("unix.txt", local.resolve("unix.txt")));
                ftp.store("up.txt", new ByteArrayInputStream("x\ny\n".getBytes(US_ASCII)));
                assertTrue(ftp.transcript().contains("> TYPE A"), ftp.transcript()::toString);
            }
            assertEquals("x\ny\n", Files.readString(ftpd.rootDir().resolve("up.txt"), US_ASCII));
        }
    }

    @Test
    void uploadsThatAreRefusedLeaveTheLocalFileUntouched() throws Exception {
        byte[] data = random(100_000, 9);
        Path source = Files.write(local.resolve("source.bin"), data);
        FileTime mtime = FileTime.from(TIME);
        Files.setLastModifiedTime(source, mtime);
        try (Vsftpd ftpd = Vsftpd.start(conf -> conf.put("write_enable", "NO"));
             FtpClient ftp = login(ftpd.host(), ftpd.port(), CONFIG)) {
            FtpFileException e = assertThrows(FtpFileException.class, () -> ftp.upload(source, "x.bin"));
            assertEquals(Outcome.PermissionDenied, e.diagnosis().outcome(), e::toString);
            assertEquals("550 Permission denied.", "550 " + e.diagnosis().reply().text());
            assertFalse(Files.exists(ftpd.rootDir().resolve("x.bin")));
        }
        try (Vsftpd ftpd = Vsftpd.start(); FtpClient ftp = login(ftpd.host(), ftpd.port(), CONFIG)) {
            Files.createDirectory(ftpd.rootDir().resolve("root-only")); // owned by root, 755: open(2) fails
            FtpFileException e = assertThrows(FtpFileException.class, () -> ftp.upload(source, "root-only/x.bin"));
            assertEquals(553, e.diagnosis().code());
            assertEquals("Could not create file.", e.diagnosis().reply().text());
            // vsftpd's words for any failed open(2) (here a permission problem): the words cannot tell which
            assertEquals(Outcome.FileUnavailable, e.diagnosis().outcome(), e::toString);
            assertEquals(Outcome.PermissionDenied, e.diagnosis().alternatives().get(0), e::toString);
            ftp.noop();
        }
        assertArrayEquals(data, Files.readAllBytes(source));
        assertEquals(mtime, Files.getLastModifiedTime(source));
        try (var files = Files.list(local)) {
            assertEquals(List.of(source), files.collect(Collectors.toList()), "no other local file appeared");
        }
    }
}
