package io.github.ftpdoctor.check;

import static io.github.ftpdoctor.check.CheckAssertions.assertNoPassword;
import static io.github.ftpdoctor.check.CheckAssertions.assertSkippedFor;
import static io.github.ftpdoctor.check.CheckAssertions.assertStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.testsupport.SelfSignedCert;
import io.github.ftpdoctor.testsupport.Vsftpd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server check against a real ProFTPD 1.3.8 (unpacked beside vsftpd, see {@link Proftpd}). */
@Timeout(180)
class ProftpdCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    @TempDir
    static Path keys;
    private static SelfSignedCert cert;

    @BeforeAll
    static void available() throws Exception {
        Proftpd.assumeAvailable();
        Certs.assumeOpenssl();
        cert = Certs.longLived(keys);
    }

    private static List<String> tls(String... more) {
        List<String> l = new ArrayList<>(List.of("LoadModule mod_tls.c", "<IfModule mod_tls.c>", "TLSEngine on",
                "TLSRSACertificateFile " + cert.cert(), "TLSRSACertificateKeyFile " + cert.key(), "TLSRequired on",
                "TLSProtocol TLSv1.2 TLSv1.3"));
        l.addAll(List.of(more));
        l.add("</IfModule>");
        return l;
    }

    private static String url(String scheme, Proftpd d) {
        return scheme + "://" + Vsftpd.USER + ":" + Vsftpd.PASSWORD + "@127.0.0.1:" + d.port() + "/";
    }

    private static boolean empty(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void aCleanPlainServerPassesEveryStep() throws Exception {
        try (Proftpd d = Proftpd.start(List.of())) {
            CheckReport r = ServerCheck.forUrl(url("ftp", d)).timeout(TIMEOUT).write(true).active(true).build().run();
            for (Step s : Step.values()) {
                assertStep(r, s, StepStatus.OK, null);
            }
            assertEquals("proftpd", r.server().id());
            assertTrue(CheckAssertions.step(r, Step.LISTING).detail().startsWith("MLSD"), "ProFTPD offers MLSD");
            assertTrue(empty(d.rootDir()), d.log());
            assertNoPassword(r, Vsftpd.PASSWORD);
        }
    }

    /** ProFTPD requires data connections to reuse the control session by default (since 1.3.3rc1). */
    @Test
    void aCleanTlsServerEnforcesSessionReuse() throws Exception {
        try (Proftpd d = Proftpd.start(tls())) {
            CheckReport r = ServerCheck.forUrl(url("ftpes", d)).timeout(TIMEOUT).write(true).active(true)
                    .trustCertificates(cert.cert()).build().run();
            CheckStep data = assertStep(r, Step.DATA, StepStatus.OK, null);
            assertTrue(data.detail().contains("resuming the control connection's session"), data.detail());
            assertTrue(data.detail().contains("was refused"), data.detail());
            assertEquals(Verdict.OK, r.verdict(), () -> r + "\n" + String.join("\n", r.transcript()));
            assertTrue(empty(d.rootDir()), d.log());
        }
    }

    @Test
    void noSessionReuseRequiredIsAWarningNamingTheOption() throws Exception {
        try (Proftpd d = Proftpd.start(tls("TLSOptions NoSessionReuseRequired"))) {
            CheckReport r = ServerCheck.forUrl(url("ftpes", d)).timeout(TIMEOUT).trustCertificates(cert.cert())
                    .build().run();
            CheckStep data = assertStep(r, Step.DATA, StepStatus.WARN, Outcome.TlsSessionReuseNotEnforced);
            assertTrue(data.explanation().en().contains("NoSessionReuseRequired"), data.explanation().en());
            assertTrue(data.explanation().zh().contains("NoSessionReuseRequired"));
        }
    }

    @Test
    void aLimitWriteDenyAllIsAReadOnlyAccount() throws Exception {
        try (Proftpd d = Proftpd.start(List.of("<Limit WRITE>", "  DenyAll", "</Limit>"))) {
            CheckReport r = ServerCheck.forUrl(url("ftp", d)).timeout(TIMEOUT).write(true).build().run();
            CheckStep upload = assertStep(r, Step.UPLOAD, StepStatus.FAIL, Outcome.ReadOnlyAccount);
            assertTrue(upload.explanation().en().contains("<Limit WRITE>"), upload.explanation().en());
            assertSkippedFor(r, Step.DOWNLOAD, Step.UPLOAD);
            assertEquals(Verdict.FAILED, r.verdict());
        }
    }

    @Test
    void aMasqueradeAddressElsewhereIsReportedWithProftpdsOwnDirective() throws Exception {
        try (Proftpd d = Proftpd.start(List.of("MasqueradeAddress 127.0.0.2"))) {
            CheckReport r = ServerCheck.forUrl(url("ftp", d)).timeout(TIMEOUT).build().run();
            CheckStep passive = assertStep(r, Step.PASSIVE, StepStatus.WARN, Outcome.PassiveAddressUnroutable);
            assertTrue(passive.explanation().en().contains("MasqueradeAddress"), passive.explanation().en());
            assertStep(r, Step.DATA, StepStatus.OK, null);
        }
    }
}
