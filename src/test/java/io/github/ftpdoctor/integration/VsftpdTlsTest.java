package io.github.ftpdoctor.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.TlsMode;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.testsupport.CliRun;
import io.github.ftpdoctor.testsupport.SelfSignedCert;
import io.github.ftpdoctor.testsupport.Vsftpd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * FTPS against a real vsftpd with ssl_enable, forced TLS for logins and data, and require_ssl_reuse=YES: data
 * connections must resume the control connection's TLS session (TLS 1.3 here, as vsftpd 3.0.3 negotiates).
 */
@Timeout(120)
class VsftpdTlsTest {
    @TempDir
    static Path keys;
    private static Path cert;
    private static Path key;
    @TempDir
    Path local;

    @BeforeAll
    static void certificate() throws Exception {
        Vsftpd.requireAvailable();
        SelfSignedCert made = SelfSignedCert.create(keys);
        cert = made.cert();
        key = made.key();
    }

    private Vsftpd start() throws Exception {
        return Vsftpd.start(Vsftpd.strictFtps(new SelfSignedCert(cert, key)));
    }

    @Test
    void explicitFtpsWithRequiredSessionReuse() throws Exception {
        byte[] data = new byte[2_000_000];
        new Random(7).nextBytes(data);
        try (Vsftpd ftpd = start()) {
            Files.write(ftpd.rootDir().resolve("data.bin"), data);
            FtpConfig config = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
                    .replyTimeout(Duration.ofSeconds(10)).tls(TlsMode.EXPLICIT).trustCertificates(cert).build();
            try (FtpClient ftp = FtpClient.connect(ftpd.host(), ftpd.port(), config)) {
                ftp.login(ftpd.user(), ftpd.password());
                for (int i = 0; i < 3; i++) { // every data connection must resume the session, not just the first
                    Path target = local.resolve("copy" + i + ".bin");
                    assertEquals(data.length, ftp.download("data.bin", target));
                    assertArrayEquals(data, Files.readAllBytes(target));
                    assertEquals(data.length, ftp.upload(target, "up" + i + ".bin"));
                }
                assertTrue(ftp.list(null).stream().anyMatch(e -> e.name().equals("up2.bin")));
            }
            assertArrayEquals(data, Files.readAllBytes(ftpd.rootDir().resolve("up2.bin")));
        }
    }

    @Test
    void plainLoginIsRefusedAsTlsRequired() throws Exception {
        try (Vsftpd ftpd = start()) {
            FtpConfig plain = FtpConfig.builder().replyTimeout(Duration.ofSeconds(10)).build();
            FtpException e = assertThrows(FtpException.class, () -> {
                try (FtpClient ftp = FtpClient.connect(ftpd.host(), ftpd.port(), plain)) {
                    ftp.login(ftpd.user(), ftpd.password());
                }
            });
            assertEquals(Outcome.TlsRequired, e.diagnosis().outcome(), e::toString);
            assertEquals("vsftpd", e.diagnosis().server());
        }
    }

    @Test
    void cliGetAndLsOverFtpes() throws Exception {
        try (Vsftpd ftpd = start()) {
            Files.writeString(ftpd.rootDir().resolve("hello.txt"), "hello over tls");
            String base = "ftpes://" + ftpd.user() + ":" + ftpd.password() + "@127.0.0.1:" + ftpd.port() + "/";
            Path target = local.resolve("hello.txt");
            JsonNode get = CliRun.inProcess("get", "--json", "--cacert", cert.toString(), base + "hello.txt",
                    target.toString());
            assertEquals("Success", get.get("outcome").asString(), get.toString());
            assertEquals("hello over tls", Files.readString(target));
            JsonNode ls = CliRun.inProcess("ls", "--json", "--insecure", base);
            assertEquals("Success", ls.get("outcome").asString(), ls.toString());
            assertTrue(ls.get("entries").toString().contains("hello.txt"));
            JsonNode untrusted = CliRun.inProcess("ls", "--json", base);
            assertEquals("CertificateUntrusted", untrusted.get("outcome").asString(), untrusted.toString());
            assertFalse(untrusted.toString().contains(ftpd.password()));
        }
    }

    @Test
    void clearDataChannelIsRefusedAsProtectionRequired() throws Exception {
        try (Vsftpd ftpd = start()) {
            Files.writeString(ftpd.rootDir().resolve("a.txt"), "a");
            FtpConfig clear = FtpConfig.builder().replyTimeout(Duration.ofSeconds(10)).tls(TlsMode.EXPLICIT)
                    .trustCertificates(cert).protectData(false).build();
            try (FtpClient ftp = FtpClient.connect(ftpd.host(), ftpd.port(), clear)) {
                ftp.login(ftpd.user(), ftpd.password());
                FtpException e = assertThrows(FtpException.class, () -> ftp.download("a.txt", local.resolve("a.txt")));
                assertEquals(Outcome.DataChannelProtectionRequired, e.diagnosis().outcome(), e::toString);
                ftp.noop();
            }
        }
    }

    /**
     * TLS 1.2 in a separate JVM (JSSE reads these properties once): with tickets disabled the data connections resume
     * the control session and the download succeeds; with JSSE's default the server's long-lived ticket is dropped,
     * nothing is resumed, and vsftpd's refusal is diagnosed as TlsSessionReuseRequired.
     */
    @Test
    void tls12ResumesOnlyWithTicketsDisabled() throws Exception {
        try (Vsftpd ftpd = start()) {
            Files.writeString(ftpd.rootDir().resolve("hello.txt"), "hello over tls 1.2");
            String url = "ftpes://" + ftpd.user() + ":" + ftpd.password() + "@127.0.0.1:" + ftpd.port() + "/hello.txt";
            JsonNode resumed = CliRun.forked(CliRun.tls12(true), "get", "--json", "--cacert", cert.toString(), url,
                    local.resolve("a.txt").toString());
            assertEquals("Success", resumed.get("outcome").asString(), resumed.toString());
            assertEquals("hello over tls 1.2", Files.readString(local.resolve("a.txt")));
            JsonNode refused = CliRun.forked(CliRun.tls12(false), "get", "--json", "--cacert", cert.toString(), url,
                    local.resolve("b.txt").toString());
            assertEquals("TlsSessionReuseRequired", refused.get("outcome").asString(), refused.toString());
            assertFalse(Files.exists(local.resolve("b.txt")));
        }
    }

    @Test
    void implicitTlsAgainstAPlainServerIsAHandshakeFailure() throws Exception {
        try (Vsftpd ftpd = start()) {
            FtpException e = assertThrows(FtpException.class, () -> FtpClient.connect(ftpd.host(), ftpd.port(),
                    FtpConfig.builder().replyTimeout(Duration.ofSeconds(5)).tls(TlsMode.IMPLICIT)
                            .trustCertificates(cert).build()));
            assertEquals(Outcome.TlsHandshakeFailed, e.diagnosis().outcome(), e::toString);
        }
    }
}
