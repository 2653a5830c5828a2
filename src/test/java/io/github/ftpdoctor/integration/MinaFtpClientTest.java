package io.github.ftpdoctor.integration;

import static io.github.ftpdoctor.integration.MinaServer.HOST;
import static io.github.ftpdoctor.integration.MinaServer.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.Features;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.error.AnonymousDeniedException;
import io.github.ftpdoctor.error.BadCredentialsOrUnknownUserException;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.FtpFileException;
import io.github.ftpdoctor.error.TooManyUsersException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** FtpClient against a real, in-process Apache MINA FtpServer 1.2.1 on 127.0.0.1. */
@Timeout(60)
class MinaFtpClientTest {
    @TempDir
    Path home;

    private final String password = "pw-" + UUID.randomUUID();
    private MinaServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = MinaServer.start(home, password);
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private FtpClient connect(MinaServer s) throws FtpException {
        return FtpClient.connect(HOST, s.port(), MinaServer.config());
    }

    private FtpClient loggedIn() throws FtpException {
        FtpClient ftp = connect(server);
        ftp.login(USER, password);
        return ftp;
    }

    @Test
    void loginSucceedsWith230() throws Exception {
        try (FtpClient ftp = connect(server)) {
            assertEquals(220, ftp.greeting().code());
            assertEquals("Service ready for new user.", ftp.greeting().text());
            Diagnosis d = ftp.login(USER, password);
            assertEquals(Outcome.Success, d.outcome());
            assertEquals(230, d.code());
            assertEquals("PASS", d.command());
            assertEquals("User logged in, proceed.", d.reply().text());
            assertFalse(d.isFailure());
            assertEquals("/", ftp.pwd());
        }
    }

    @Test
    void makesEntersLeavesAndRemovesDirectoryWithSpace() throws Exception {
        try (FtpClient ftp = loggedIn()) {
            assertEquals("/sub dir", ftp.mkd("sub dir"));
            assertTrue(Files.isDirectory(home.resolve("sub dir")));
            ftp.cwd("sub dir");
            assertEquals("/sub dir", ftp.pwd());
            ftp.cdup();
            assertEquals("/", ftp.pwd());
            ftp.rmd("sub dir");
            assertFalse(Files.exists(home.resolve("sub dir")));
        }
    }

    @Test
    void renamesAndDeletesFile() throws Exception {
        Files.writeString(home.resolve("old.txt"), "hello");
        try (FtpClient ftp = loggedIn()) {
            ftp.rename("old.txt", "new.txt");
            assertFalse(Files.exists(home.resolve("old.txt")));
            assertEquals("hello", Files.readString(home.resolve("new.txt")));
            ftp.dele("new.txt");
            assertFalse(Files.exists(home.resolve("new.txt")));
        }
    }

    @Test
    void sizeAndModificationTimeOfFileOnDisk() throws Exception {
        Path file = home.resolve("data.bin");
        Files.write(file, new byte[12_345]);
        Instant mtime = Instant.parse("2021-03-04T05:06:07.890Z");
        Files.setLastModifiedTime(file, FileTime.from(mtime));
        try (FtpClient ftp = loggedIn()) {
            assertEquals(12_345L, ftp.size("data.bin"));
            // MINA answers MDTM with milliseconds (yyyyMMddHHmmss.SSS), so nothing is lost to truncation
            assertEquals(mtime, ftp.modificationTime("data.bin"));
            assertEquals(mtime.getEpochSecond(), ftp.modificationTime("/data.bin").getEpochSecond());
        }
    }

    @Test
    void featuresSystemStatusHelpNoopAndSite() throws Exception {
        try (FtpClient ftp = loggedIn()) {
            Features features = ftp.features();
            assertTrue(features.has("SIZE"), features::toString);
            assertTrue(features.has("MDTM"), features::toString);
            assertTrue(features.has("utf8"), features::toString);
            assertEquals("Size;Modify;Type;Perm", features.parameters("MLST").orElseThrow());
            assertEquals("UNIX Type: Apache FtpServer", ftp.system());

            Reply stat = ftp.status();
            assertEquals(211, stat.code());
            assertTrue(stat.text().contains("Apache FtpServer"), stat::text);
            assertTrue(stat.text().contains("Logged in as " + USER), stat::text);

            Reply help = ftp.help(null);
            assertEquals(214, help.code());
            assertTrue(help.text().contains("NOOP"), help::text);
            assertEquals(214, ftp.help("MKD").code());

            ftp.noop();

            Reply site = ftp.site("HELP");
            assertEquals(200, site.code());
            assertTrue(site.text().startsWith("SITE Commands"), site::text);
        }
    }

    @Test
    void unsupportedSiteCommandThrowsCommandNotImplemented() throws Exception {
        try (FtpClient ftp = loggedIn()) {
            FtpException e = assertThrows(FtpException.class, () -> ftp.site("CHMOD 644 x"));
            assertEquals(Outcome.CommandNotImplemented, e.diagnosis().outcome());
            assertEquals(502, e.diagnosis().code());
            assertEquals("SITE", e.diagnosis().command());
            ftp.noop();
        }
    }

    @Test
    void unknownCommandIsDiagnosedWithoutThrowing() throws Exception {
        try (FtpClient ftp = loggedIn()) {
            Diagnosis d = ftp.execute("XYZZY", null);
            assertEquals(Outcome.CommandNotImplemented, d.outcome());
            assertEquals(502, d.code());
            assertEquals("XYZZY", d.command());
            // MINA strips a leading X from every verb (for XMKD, XPWD...): XYZZY was sent, YZZY is echoed
            assertEquals("Command YZZY not implemented.", d.reply().text());
            assertTrue(ftp.transcript().contains("> XYZZY"), ftp.transcript()::toString);
            assertTrue(d.isFailure());
            ftp.noop();
        }
    }

    @Test
    void wrongPasswordIsBadCredentials() throws Exception {
        try (FtpClient ftp = connect(server)) {
            BadCredentialsOrUnknownUserException e = assertThrows(BadCredentialsOrUnknownUserException.class,
                    () -> ftp.login(USER, "wrong-" + password));
            assertEquals(Outcome.BadCredentialsOrUnknownUser, e.diagnosis().outcome());
            assertEquals("PASS", e.diagnosis().command());
            assertEquals(530, e.diagnosis().code());
            assertEquals("Authentication failed.", e.diagnosis().reply().text());
            assertEquals("mina.530-pass", e.diagnosis().ruleId());
        }
    }

    @Test
    void anonymousRefusedAtUserWhenAnonymousLoginDisabled() throws Exception {
        try (FtpClient ftp = connect(server)) {
            AnonymousDeniedException e = assertThrows(AnonymousDeniedException.class, ftp::loginAnonymous);
            assertEquals(Outcome.AnonymousDenied, e.diagnosis().outcome());
            assertEquals("USER", e.diagnosis().command());
            assertEquals(530, e.diagnosis().code());
            assertEquals("Anonymous connection is not allowed.", e.diagnosis().reply().text());
            assertEquals("mina.530-user-anonymous", e.diagnosis().ruleId());
        }
    }

    @Test
    void anonymousRefusedAtPassWhenNoAnonymousUserExists() throws Exception {
        // anonymous logins enabled in the connection config, but the user manager has no "anonymous" user
        try (MinaServer open = MinaServer.start(home, password, c -> c.setAnonymousLoginEnabled(true));
             FtpClient ftp = connect(open)) {
            AnonymousDeniedException e = assertThrows(AnonymousDeniedException.class, ftp::loginAnonymous);
            assertEquals("PASS", e.diagnosis().command());
            assertEquals(530, e.diagnosis().code());
            assertEquals("Authentication failed.", e.diagnosis().reply().text());
            assertEquals("mina.530-pass.anonymous", e.diagnosis().ruleId());
            assertTrue(e.transcript().contains("< 331 Guest login okay, send your complete e-mail address as password."),
                    e.transcript()::toString);
        }
    }

    @Test
    void sizeOfMissingFileIsFileNotFound() throws Exception {
        try (FtpClient ftp = loggedIn()) {
            FtpFileException e = assertThrows(FtpFileException.class, () -> ftp.size("missing.bin"));
            assertEquals(Outcome.FileNotFound, e.diagnosis().outcome());
            assertEquals("SIZE", e.diagnosis().command());
            assertEquals(550, e.diagnosis().code());
            assertEquals("/missing.bin: No such file or directory.", e.diagnosis().reply().text());
            ftp.noop();
        }
    }

    @Test
    void modificationTimeOfMissingFileIsPossiblyNotFound() throws Exception {
        try (FtpClient ftp = loggedIn()) {
            FtpFileException e = assertThrows(FtpFileException.class, () -> ftp.modificationTime("missing.bin"));
            // MINA's "550 File %s unavailable." for MDTM: most likely missing, but not certain
            assertEquals(Outcome.FileNotFound, e.diagnosis().outcome());
            assertEquals("mina.550-mdtm", e.diagnosis().ruleId());
            assertEquals(io.github.ftpdoctor.diagnosis.Confidence.POSSIBLE, e.diagnosis().confidence());
            assertEquals("File /missing.bin unavailable.", e.diagnosis().reply().text());
        }
    }

    @Test
    void cwdIntoMissingDirectoryIsFileNotFound() throws Exception {
        try (FtpClient ftp = loggedIn()) {
            FtpFileException e = assertThrows(FtpFileException.class, () -> ftp.cwd("no-such-dir"));
            assertEquals(Outcome.FileNotFound, e.diagnosis().outcome());
            assertEquals("CWD", e.diagnosis().command());
            assertEquals(550, e.diagnosis().code());
            assertEquals("No such directory.", e.diagnosis().reply().text());
            assertEquals("/", ftp.pwd());
        }
    }

    @Test
    void argumentWithCrLfIsRefusedBeforeAnythingIsSent() throws Exception {
        Files.writeString(home.resolve("b"), "keep me");
        Files.createDirectory(home.resolve("a"));
        try (FtpClient ftp = loggedIn()) {
            int before = ftp.transcript().size();
            assertThrows(IllegalArgumentException.class, () -> ftp.cwd("a\r\nDELE b"));
            assertThrows(IllegalArgumentException.class, () -> ftp.execute("DELE", "b\nDELE b"));
            assertThrows(IllegalArgumentException.class, () -> ftp.dele("b\0"));
            assertEquals(before, ftp.transcript().size(), "nothing recorded as sent: " + ftp.transcript());
            assertTrue(ftp.isConnected());
            ftp.noop();
            assertEquals("/", ftp.pwd(), "the CWD was not sent");
            assertTrue(Files.exists(home.resolve("b")), "the smuggled DELE was not sent");
            assertTrue(ftp.transcript().stream().noneMatch(l -> l.contains("DELE")), ftp.transcript()::toString);
        }
    }

    @Test
    void secondLoginBeyondMaxLoginsIsTooManyUsers() throws Exception {
        try (MinaServer limited = MinaServer.start(home, password, c -> c.setMaxLogins(1));
             FtpClient first = connect(limited)) {
            first.login(USER, password);
            try (FtpClient second = connect(limited)) {
                assertEquals(220, second.greeting().code());
                TooManyUsersException e = assertThrows(TooManyUsersException.class,
                        () -> second.login(USER, password));
                assertEquals(Outcome.TooManyUsers, e.diagnosis().outcome());
                assertEquals("USER", e.diagnosis().command());
                assertEquals(421, e.diagnosis().code());
                assertEquals("Maximum login limit has been reached.", e.diagnosis().reply().text());
                // the greeting identified MINA, which uses these words for all three of its limits
                assertEquals("mina", e.diagnosis().server());
                assertEquals("mina.421-login", e.diagnosis().ruleId());
                assertEquals(java.util.List.of(Outcome.PerIpSessionLimit, Outcome.PerUserSessionLimit),
                        e.diagnosis().alternatives());
                assertFalse(second.isConnected(), "closed after 421");
            }
            first.noop();
            assertEquals("/", first.pwd());
        }
    }
}
