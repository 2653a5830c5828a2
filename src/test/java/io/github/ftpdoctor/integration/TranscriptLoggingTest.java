package io.github.ftpdoctor.integration;

import io.github.ftpdoctor.testsupport.Requirements;
import static io.github.ftpdoctor.integration.MinaServer.HOST;
import static io.github.ftpdoctor.integration.MinaServer.USER;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.error.BadCredentialsOrUnknownUserException;
import io.github.ftpdoctor.error.FtpException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Passwords never reach the DEBUG transcript log (surefire routes slf4j-simple to target/test-transcript.log with
 * {@code io.github.ftpdoctor.transcript} at DEBUG), exception messages, diagnoses or transcripts.
 */
@Timeout(60)
class TranscriptLoggingTest {
    private static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";

    @TempDir
    Path home;

    private final String password = "S3cr3t-Pw-" + UUID.randomUUID();
    private final String wrongPassword = "S3cr3t-Wrong-" + UUID.randomUUID();

    private static Path logFile() {
        String file = System.getProperty(LOG_FILE_PROPERTY);
        Requirements.require(file != null && !file.equals("System.err") && !file.equals("System.out"),
                "the transcript log routed to a file (" + LOG_FILE_PROPERTY + ", set by Maven surefire's"
                + " configuration in pom.xml)");
        assertTrue(LoggerFactory.getLogger("io.github.ftpdoctor.transcript").isDebugEnabled(),
                "surefire sets io.github.ftpdoctor.transcript to DEBUG");
        return Paths.get(file);
    }

    @Test
    void passwordsAreMaskedInLogExceptionsAndTranscripts() throws Exception {
        Path log = logFile();
        List<String> shown = new ArrayList<>(); // everything the API lets a caller print
        int port;
        try (MinaServer server = MinaServer.start(home, password)) {
            port = server.port();
            try (FtpClient ok = FtpClient.connect(HOST, port, MinaServer.config())) {
                Diagnosis d = ok.login(USER, password);
                assertEquals(230, d.code());
                shown.add(d.summary());
                shown.add(d.toString());
                shown.add(String.valueOf(d.detail()));
                shown.addAll(ok.transcript());
                assertTrue(ok.transcript().contains("> PASS ****"), ok.transcript()::toString);
                ok.noop();
            }
            try (FtpClient bad = FtpClient.connect(HOST, port, MinaServer.config())) {
                BadCredentialsOrUnknownUserException e = assertThrows(BadCredentialsOrUnknownUserException.class,
                        () -> bad.login(USER, wrongPassword));
                assertEquals("Authentication failed.", e.diagnosis().reply().text());
                collect(e, shown);
                assertTrue(e.transcript().contains("> PASS ****"), e.transcript()::toString);
                shown.addAll(bad.transcript());
            }
        }

        for (String line : shown) {
            assertFalse(line.contains(password) || line.contains(wrongPassword), "password shown in: " + line);
        }
        String logged = Files.readString(log, UTF_8);
        assertFalse(logged.contains(password), "the good password is in " + log);
        assertFalse(logged.contains(wrongPassword), "the wrong password is in " + log);
        String peer = "[" + HOST + ":" + port + "] ";
        assertTrue(logged.contains(peer + "> PASS ****"), "PASS logged masked in " + log + ":\n" + logged);
        assertTrue(logged.contains(peer + "< 230 User logged in, proceed."), logged);
        assertTrue(logged.contains(peer + "< 530 Authentication failed."), logged);
        assertTrue(logged.contains(peer + "> USER " + USER), logged);
    }

    @Test
    void refusedPasswordArgumentsDoNotEchoThePassword() throws Exception {
        Path log = logFile();
        try (MinaServer server = MinaServer.start(home, password);
             FtpClient ftp = FtpClient.connect(HOST, server.port(), MinaServer.config())) {
            String smuggling = password + "\r\nDELE x";
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ftp.login(USER, smuggling));
            assertFalse(e.getMessage().contains(password), e.getMessage());
            assertFalse(stackTrace(e).contains(password));
            // the session is still usable: USER was answered with 331, so PASS is what the server expects next
            assertEquals(230, ftp.login(USER, password).code());
            for (String line : ftp.transcript()) {
                assertFalse(line.contains(password), line);
            }
        }
        assertFalse(Files.readString(log, UTF_8).contains(password));
    }

    @Test
    void unencodablePasswordIsRefusedWithoutEchoingIt() throws Exception {
        Path log = logFile();
        String secret = "密码-" + password;
        FtpConfig ascii = MinaServer.config().toBuilder().controlEncoding(StandardCharsets.US_ASCII)
                .autoDetectEncoding(false).anonymousPassword(secret).build();
        assertFalse(ascii.toString().contains(password), ascii.toString());
        try (MinaServer server = MinaServer.start(home, password);
             FtpClient ftp = FtpClient.connect(HOST, server.port(), ascii)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ftp.login(USER, secret));
            assertFalse(stackTrace(e).contains(password), e.getMessage());
            for (String line : ftp.transcript()) {
                assertFalse(line.contains(password), line);
            }
        }
        assertFalse(Files.readString(log, UTF_8).contains(password));
    }

    @Test
    void commandRefusedForEncodingIsNotRecordedAsSent() throws Exception {
        FtpConfig ascii = MinaServer.config().toBuilder().controlEncoding(StandardCharsets.US_ASCII)
                .autoDetectEncoding(false).build();
        try (MinaServer server = MinaServer.start(home, password);
             FtpClient ftp = FtpClient.connect(HOST, server.port(), ascii)) {
            ftp.login(USER, password);
            List<String> before = ftp.transcript();
            assertThrows(IllegalArgumentException.class, () -> ftp.cwd("测试目录"));
            assertEquals(before, ftp.transcript(), "nothing was sent, so nothing may be recorded as sent");
            ftp.noop();
        }
    }

    private static void collect(FtpException e, List<String> shown) {
        Diagnosis d = e.diagnosis();
        shown.add(e.getMessage());
        shown.add(e.getLocalizedMessage());
        shown.add(e.toString());
        shown.add(stackTrace(e));
        shown.add(d.summary());
        shown.add(d.toString());
        shown.add(String.valueOf(d.detail()));
        shown.add(String.valueOf(d.reply()));
        shown.add(d.explanation(Locale.ENGLISH));
        shown.add(d.explanation(Locale.CHINESE));
        shown.add(d.advice(Locale.ENGLISH));
        shown.add(d.advice(Locale.CHINESE));
        shown.addAll(e.transcript());
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
