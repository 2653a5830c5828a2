package io.github.ftpdoctor.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listings against Apache MINA FtpServer 1.2.1 in-process on 127.0.0.1: MINA offers MLST, so list() uses MLSD
 * (exact sizes, UTC times); names with spaces, a leading space and Chinese (MINA always speaks UTF-8).
 */
@Timeout(60)
// MINA serves files whose Chinese names it reads through sun.jnu.encoding: run by the utf8-jvm surefire execution (pom.xml)
@Tag("utf8-jvm")
class MinaListingTest {
    private static final String USER = "lister";
    private static final String PASSWORD = "mina-listing-pw";
    private static final Instant TIME = Instant.parse("2021-03-04T05:06:07Z");
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(10)).dataConnectTimeout(Duration.ofSeconds(5)).build();
    /** name -> content; every file gets {@link #TIME}. */
    private static final Map<String, String> FILES = Map.of(
            "plain.txt", "hello",
            "name with spaces.txt", "spaces here",
            " leading space.txt", "abc",
            "测试文件.txt", "中文内容",
            "zero.bin", "");

    @TempDir
    Path home;
    private DefaultFtpServer server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Path p = Files.writeString(home.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            Files.setLastModifiedTime(p, FileTime.from(TIME));
        }
        Files.createDirectory(home.resolve("sub dir"));
        Files.setLastModifiedTime(home.resolve("sub dir"), FileTime.from(TIME));
        Files.createDirectory(home.resolve("empty"));

        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        listener.setIdleTimeout(60);
        factory.addListener("default", listener.createListener());
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory(); // in memory
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager userManager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(home.toAbsolutePath().toString());
        user.setAuthorities(List.of(new WritePermission()));
        userManager.save(user);
        factory.setUserManager(userManager);
        ConnectionConfigFactory connection = new ConnectionConfigFactory();
        connection.setAnonymousLoginEnabled(false);
        factory.setConnectionConfig(connection.createConnectionConfig());
        server = (DefaultFtpServer) factory.createServer();
        server.start();
        port = server.getListener("default").getPort();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private FtpClient login() throws Exception {
        FtpClient ftp = FtpClient.connect("127.0.0.1", port, CONFIG);
        ftp.login(USER, PASSWORD);
        return ftp;
    }

    private static Map<String, FtpEntry> byName(List<FtpEntry> entries) {
        return entries.stream().collect(Collectors.toMap(FtpEntry::name, Function.identity()));
    }

    @Test
    void listUsesMlsdWithExactNamesSizesAndTimes() throws Exception {
        try (FtpClient ftp = login()) {
            assertTrue(ftp.features().has("MLST"), ftp.features()::toString);
            List<FtpEntry> entries = ftp.list(null);
            assertTrue(ftp.transcript().contains("> MLSD"), ftp.transcript()::toString);
            Map<String, FtpEntry> named = byName(entries);
            Set<String> expected = new TreeSet<>(FILES.keySet());
            expected.add("sub dir");
            expected.add("empty");
            assertEquals(expected, new TreeSet<>(named.keySet()), entries::toString);
            for (Map.Entry<String, String> f : FILES.entrySet()) {
                FtpEntry e = named.get(f.getKey());
                assertEquals(FtpEntry.Type.FILE, e.type(), e::raw);
                assertEquals(f.getValue().getBytes(StandardCharsets.UTF_8).length, e.size().orElseThrow(), e::raw);
                assertEquals(TIME, e.modified().orElseThrow(), e::raw);
                assertTrue(e.facts().containsKey("modify"), e::raw);
            }
            FtpEntry dir = named.get("sub dir");
            assertEquals(FtpEntry.Type.DIR, dir.type(), dir::raw);
            assertEquals(TIME, dir.modified().orElseThrow(), dir::raw);

            // the names work as arguments too
            assertEquals(3L, ftp.size(" leading space.txt"));
            assertEquals(12L, ftp.size("测试文件.txt"));
        }
    }

    @Test
    void nameListGivesTheNames() throws Exception {
        try (FtpClient ftp = login()) {
            List<FtpEntry> names = ftp.nameList(null);
            assertTrue(ftp.transcript().contains("> NLST"), ftp.transcript()::toString);
            Set<String> got = names.stream().map(FtpEntry::name).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = new TreeSet<>(FILES.keySet());
            expected.add("sub dir");
            expected.add("empty");
            assertEquals(expected, got, names::toString);
        }
    }

    @Test
    void entryUsesMlst() throws Exception {
        try (FtpClient ftp = login()) {
            FtpEntry e = ftp.entry("测试文件.txt").orElseThrow();
            assertTrue(ftp.transcript().stream().anyMatch(l -> l.startsWith("> MLST ")), ftp.transcript()::toString);
            assertEquals(FtpEntry.Type.FILE, e.type(), e::raw);
            assertEquals(12L, e.size().orElseThrow(), e::raw);
            assertEquals(TIME, e.modified().orElseThrow(), e::raw);
            assertTrue(e.name().endsWith("测试文件.txt"), e::raw);

            FtpEntry dir = ftp.entry("sub dir").orElseThrow();
            assertEquals(FtpEntry.Type.DIR, dir.type(), dir::raw);
        }
    }

    @Test
    void emptyDirectoryGivesAnEmptyList() throws Exception {
        try (FtpClient ftp = login()) {
            assertEquals(List.of(), ftp.list("empty"));
            assertEquals(List.of(), ftp.nameList("empty"));
            assertEquals(226, ftp.lastReply().code());
        }
    }

    @Test
    void missingDirectory() throws Exception {
        try (FtpClient ftp = login()) {
            // MINA answers MLSD and NLST of a missing directory with 150, no data, 226: nothing to tell it apart
            assertEquals(List.of(), ftp.list("no-such-dir"));
            assertEquals(List.of(), ftp.nameList("no-such-dir"));
            // LIST is refused with "450 Non-existing file" (FtpStatus.properties 450.LIST)
            FtpFileException e = assertThrows(FtpFileException.class, () -> ftp.listRaw("no-such-dir"));
            assertEquals(450, e.diagnosis().code());
            assertEquals("Non-existing file", e.diagnosis().reply().text());
            ftp.noop();
            assertEquals("/", ftp.pwd());
        }
    }

    @Test
    void missingDirectoryInListIsFileNotFound() throws Exception {
        try (FtpClient ftp = login()) {
            FtpFileException e = assertThrows(FtpFileException.class, () -> ftp.listRaw("no-such-dir"));
            assertEquals(Outcome.FileNotFound, e.diagnosis().outcome(), e::toString);
        }
    }
}
