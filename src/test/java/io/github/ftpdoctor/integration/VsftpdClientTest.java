package io.github.ftpdoctor.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.Features;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.AnonymousDeniedException;
import io.github.ftpdoctor.error.BadCredentialsOrUnknownUserException;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.FtpFileException;
import io.github.ftpdoctor.error.PerIpSessionLimitException;
import io.github.ftpdoctor.error.TooManyUsersException;
import io.github.ftpdoctor.testsupport.Vsftpd;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** FtpClient against a real vsftpd on 127.0.0.1 (skipped unless vsftpd is installed and we run as root). */
@Timeout(60)
class VsftpdClientTest {
    /** vsftpd delays a failed login by about 1 s (delay_failed_login), well within the reply timeout. */
    private static final FtpConfig CONFIG = FtpConfig.builder()
            .connectTimeout(Duration.ofSeconds(2)).replyTimeout(Duration.ofSeconds(10)).build();
    private static final long SESSION_EXIT_MS = 5_000;

    @BeforeEach
    void requireVsftpd() {
        Vsftpd.requireAvailable();
    }

    private static FtpClient connect(Vsftpd ftpd) throws FtpException {
        return FtpClient.connect(ftpd.host(), ftpd.port(), CONFIG);
    }

    @Test
    void logsInAndWorksInItsChroot() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start()) {
            Files.write(ftpd.rootDir().resolve("hello.txt"), new byte[777]);
            try (FtpClient ftp = connect(ftpd)) {
                assertEquals(220, ftp.greeting().code());
                assertTrue(ftp.greeting().text().contains("vsFTPd"), ftp.greeting()::text);
                Diagnosis d = ftp.login(ftpd.user(), ftpd.password());
                assertEquals(Outcome.Success, d.outcome());
                assertEquals(230, d.code());
                assertEquals("PASS", d.command());
                assertEquals("Login successful.", d.reply().text());
                assertEquals("/", ftp.pwd());

                // vsftpd lists UTF8 only with utf8_filesystem=YES (off by default), so no OPTS UTF8 ON is sent
                Features features = ftp.features();
                assertFalse(features.has("UTF8"), features::toString);
                assertTrue(features.has("SIZE") && features.has("MDTM") && features.has("EPSV"), features::toString);
                assertEquals("STREAM", features.parameters("REST").orElseThrow());
                assertTrue(ftp.transcript().stream().noneMatch(l -> l.startsWith("> OPTS")), ftp.transcript()::toString);
                assertEquals("UNIX Type: L8", ftp.system());

                assertEquals(777L, ftp.size("hello.txt"));
                assertEquals("/new dir", ftp.mkd("new dir"));
                ftp.cwd("new dir");
                assertEquals("/new dir", ftp.pwd());
                ftp.cdup();
                ftp.rmd("new dir");
                ftp.noop();
            }
        }
    }

    // the test checks a Chinese directory name on disk: a UTF-8 file-name encoding
    @Test
    @Tag("utf8-jvm")
    void utf8FilesystemListsUtf8AndIsNegotiated() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(conf -> conf.put("utf8_filesystem", "YES")); FtpClient ftp = connect(ftpd)) {
            ftp.login(ftpd.user(), ftpd.password());
            assertTrue(ftp.features().has("UTF8"), ftp.features()::toString);
            assertTrue(ftp.transcript().contains("> OPTS UTF8 ON"), ftp.transcript()::toString);
            assertEquals("/中文目录", ftp.mkd("中文目录"));
            ftp.cwd("中文目录");
            assertEquals("/中文目录", ftp.pwd());
            assertTrue(Files.isDirectory(ftpd.rootDir().resolve("中文目录")));
        }
    }

    @Test
    void missingFileAndDirectoryAreFileErrors() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(); FtpClient ftp = connect(ftpd)) {
            ftp.login(ftpd.user(), ftpd.password());

            FtpFileException cwd = assertThrows(FtpFileException.class, () -> ftp.cwd("no-such-dir"));
            assertEquals("Failed to change directory.", cwd.diagnosis().reply().text());
            assertEquals(550, cwd.diagnosis().code());
            // vsftpd says the same for a missing directory and one without search permission: RFC 959's "file
            // unavailable", with a missing one as the first alternative
            assertEquals(Outcome.FileUnavailable, cwd.diagnosis().outcome());
            assertEquals(Outcome.FileNotFound, cwd.diagnosis().alternatives().get(0));
            assertEquals("vsftpd.cwd-failed", cwd.diagnosis().ruleId());

            FtpFileException size = assertThrows(FtpFileException.class, () -> ftp.size("missing.bin"));
            assertEquals("Could not get file size.", size.diagnosis().reply().text());
            // the same for SIZE: stat() failed or the path is no regular file, and the words do not say which
            assertEquals(Outcome.FileUnavailable, size.diagnosis().outcome());
            assertEquals(Outcome.FileNotFound, size.diagnosis().alternatives().get(0));
            assertEquals("vsftpd.size-failed", size.diagnosis().ruleId());
            ftp.noop();
        }
    }

    @Test
    void missingHomeDirectoryIsNotAWrongPassword() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(conf -> conf.put("local_root", "/nonexistent-ftpdoctor-home"));
             FtpClient ftp = connect(ftpd)) {
            FtpException e = assertThrows(FtpException.class, () -> ftp.login(ftpd.user(), ftpd.password()));
            assertEquals(Outcome.HomeDirectoryUnavailable, e.diagnosis().outcome(), e::toString);
            assertTrue(e.diagnosis().reply().text().contains("cannot change directory"), e::toString);
        }
    }

    @Test
    void wrongPasswordIsBadCredentials() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(); FtpClient ftp = connect(ftpd)) {
            BadCredentialsOrUnknownUserException e = assertThrows(BadCredentialsOrUnknownUserException.class,
                    () -> ftp.login(ftpd.user(), "not-" + ftpd.password()));
            assertEquals(Outcome.BadCredentialsOrUnknownUser, e.diagnosis().outcome());
            assertEquals("PASS", e.diagnosis().command());
            assertEquals(530, e.diagnosis().code());
            assertEquals("Login incorrect.", e.diagnosis().reply().text());
            assertEquals("vsftpd.login-incorrect", e.diagnosis().ruleId());
        }
    }

    @Test
    void unknownUserIsBadCredentials() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(); FtpClient ftp = connect(ftpd)) {
            BadCredentialsOrUnknownUserException e = assertThrows(BadCredentialsOrUnknownUserException.class,
                    () -> ftp.login("no-such-user-ftpd", "whatever"));
            assertEquals("PASS", e.diagnosis().command());
            assertEquals("Login incorrect.", e.diagnosis().reply().text());
        }
    }

    @Test
    void anonymousIsDeniedAfterPassword() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(conf -> conf.put("anonymous_enable", "NO")); FtpClient ftp = connect(ftpd)) {
            AnonymousDeniedException e = assertThrows(AnonymousDeniedException.class, ftp::loginAnonymous);
            assertEquals(Outcome.AnonymousDenied, e.diagnosis().outcome());
            assertEquals("PASS", e.diagnosis().command());
            assertEquals(530, e.diagnosis().code());
            assertEquals("Login incorrect.", e.diagnosis().reply().text());
            assertEquals("vsftpd.login-incorrect.anonymous", e.diagnosis().ruleId());
            assertTrue(e.transcript().contains("< 331 Please specify the password."), e.transcript()::toString);
            assertTrue(e.transcript().contains("> PASS ****"), e.transcript()::toString);
        }
    }

    @Test
    void secondConnectionFromSameIpIsPerIpSessionLimit() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(conf -> conf.put("max_per_ip", "1"))) {
            try (FtpClient first = connect(ftpd)) {
                first.login(ftpd.user(), ftpd.password());
                PerIpSessionLimitException e = assertThrows(PerIpSessionLimitException.class, () -> connect(ftpd));
                assertEquals(Outcome.PerIpSessionLimit, e.diagnosis().outcome());
                assertEquals("CONNECT", e.diagnosis().command());
                assertEquals(421, e.diagnosis().code());
                assertEquals("There are too many connections from your internet address.",
                        e.diagnosis().reply().text());
                assertEquals("vsftpd.too-many-per-ip", e.diagnosis().ruleId());
                first.noop(); // the first session is unaffected
            }
            assertTrue(ftpd.awaitNoSessions(SESSION_EXIT_MS), "sessions ended");
            try (FtpClient again = connect(ftpd)) {
                again.login(ftpd.user(), ftpd.password());
                assertEquals("/", again.pwd());
            }
        }
    }

    @Test
    void connectionBeyondMaxClientsIsTooManyUsers() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(conf -> conf.put("max_clients", "1"))) {
            try (FtpClient first = connect(ftpd)) {
                first.login(ftpd.user(), ftpd.password());
                TooManyUsersException e = assertThrows(TooManyUsersException.class, () -> connect(ftpd));
                assertEquals(Outcome.TooManyUsers, e.diagnosis().outcome());
                assertEquals("CONNECT", e.diagnosis().command());
                assertEquals(421, e.diagnosis().code());
                assertEquals("There are too many connected users, please try later.", e.diagnosis().reply().text());
                assertEquals("vsftpd.too-many-users", e.diagnosis().ruleId());
                first.noop();
            }
            assertTrue(ftpd.awaitNoSessions(SESSION_EXIT_MS), "sessions ended");
            try (FtpClient again = connect(ftpd)) {
                assertEquals(220, again.greeting().code());
            }
        }
    }

    @Test
    void quitClosesAndIsIdempotent() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start()) {
            FtpClient ftp = connect(ftpd);
            try {
                ftp.login(ftpd.user(), ftpd.password());
                ftp.quit();
                assertFalse(ftp.isConnected());
                ftp.quit();
                FtpException e = assertThrows(FtpException.class, ftp::noop);
                assertEquals(Outcome.ConnectionClosed, e.diagnosis().outcome());
            } finally {
                ftp.close();
            }
            assertTrue(ftpd.awaitNoSessions(SESSION_EXIT_MS), "the session process exited after QUIT");
        }
    }
}
