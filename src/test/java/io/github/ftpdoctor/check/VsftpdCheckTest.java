package io.github.ftpdoctor.check;

import static io.github.ftpdoctor.check.CheckAssertions.assertNoPassword;
import static io.github.ftpdoctor.check.CheckAssertions.assertSkippedFor;
import static io.github.ftpdoctor.check.CheckAssertions.assertStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.testsupport.SelfSignedCert;
import io.github.ftpdoctor.testsupport.Vsftpd;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server check against a real vsftpd 3.0.3 on loopback, each time misconfigured for real. */
@Timeout(180)
class VsftpdCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String NEUTRAL_BANNER = "Welcome to the test server.";
    @TempDir
    static Path keys;
    private static SelfSignedCert cert;

    @BeforeAll
    static void available() throws Exception {
        Vsftpd.assumeAvailable();
        Certs.assumeOpenssl();
        cert = Certs.longLived(keys);
    }

    private static String url(String scheme, Vsftpd ftpd) {
        return scheme + "://" + ftpd.user() + ":" + ftpd.password() + "@127.0.0.1:" + ftpd.port() + "/";
    }

    private static Consumer<Map<String, String>> neutral(Consumer<Map<String, String>> more) {
        return c -> {
            c.put("ftpd_banner", NEUTRAL_BANNER);
            more.accept(c);
        };
    }

    private static Consumer<Map<String, String>> tls(SelfSignedCert c, boolean requireReuse) {
        return conf -> {
            Vsftpd.strictFtps(c).accept(conf);
            conf.put("require_ssl_reuse", requireReuse ? "YES" : "NO");
        };
    }

    private static boolean empty(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void aCleanServerPassesEveryStepAndLeavesNothingBehind() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(neutral(c -> { }))) {
            CheckReport r = ServerCheck.forUrl(url("ftp", ftpd)).timeout(TIMEOUT).write(true).active(true).build()
                    .run();
            assertEquals(Verdict.OK, r.verdict(), r::toString);
            for (Step s : Step.values()) {
                assertStep(r, s, StepStatus.OK, null);
            }
            assertEquals("unknown", r.server().id(), "a neutral banner hides the family: nothing else tells it");
            assertTrue(empty(ftpd.rootDir()), "the test file was left behind");
            assertNoPassword(r, ftpd.password());
            // the same server over ftpes:// has no TLS: the password is then never sent
            CheckReport noTls = ServerCheck.forUrl(url("ftpes", ftpd)).timeout(TIMEOUT).build().run();
            assertStep(noTls, Step.TLS, StepStatus.FAIL, Outcome.TlsUnavailable);
            assertSkippedFor(noTls, Step.LOGIN, Step.TLS);
            assertTrue(noTls.transcript().stream().noneMatch(l -> l.startsWith("> PASS")),
                    noTls.transcript()::toString);
        }
    }

    @Test
    void implicitTlsPassesEveryStep() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(neutral(c -> {
            tls(cert, true).accept(c);
            c.put("implicit_ssl", "YES");
        }))) {
            CheckReport r = ServerCheck.forUrl("ftps://" + ftpd.user() + ":" + ftpd.password() + "@127.0.0.1:"
                    + ftpd.port() + "/").timeout(TIMEOUT).write(true).trustCertificates(cert.cert()).build().run();
            for (Step s : Step.values()) {
                if (s != Step.ACTIVE) {
                    assertStep(r, s, StepStatus.OK, null);
                }
            }
            assertTrue(CheckAssertions.step(r, Step.TLS).detail().startsWith("TLSv1.3"), r::toString);
            assertTrue(r.transcript().stream().noneMatch(l -> l.startsWith("> AUTH")), "implicit: no AUTH");
        }
    }

    /**
     * pasv_address names 127.0.0.2 while vsftpd listens on 127.0.0.1: the check reports it and connects only to
     * 127.0.0.1. Listeners on 127.0.0.2 over the whole passive range prove that nothing was even tried there.
     */
    @Test
    void aNatdPassiveAddressIsReportedAndNeverConnectedTo() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(c -> c.put("pasv_address", "127.0.0.2"))) {
            List<ServerSocket> tripwires = new ArrayList<>();
            try {
                for (int p = ftpd.pasvMinPort(); p <= ftpd.pasvMaxPort(); p++) {
                    tripwires.add(new ServerSocket(p, 50, InetAddress.getByName("127.0.0.2")));
                }
                CheckReport r = ServerCheck.forUrl(url("ftp", ftpd)).timeout(TIMEOUT).write(true).build().run();
                CheckStep passive = assertStep(r, Step.PASSIVE, StepStatus.WARN, Outcome.PassiveAddressUnroutable);
                assertTrue(passive.detail().contains("127.0.0.2"), passive.detail());
                assertTrue(passive.explanation().en().contains("pasv_address"), "vsftpd's own setting is named");
                assertTrue(passive.explanation().zh().contains("pasv_address"));
                assertStep(r, Step.DATA, StepStatus.OK, null);
                assertStep(r, Step.LISTING, StepStatus.OK, null);
                assertStep(r, Step.DOWNLOAD, StepStatus.OK, null);
                // the default banner shows the version
                CheckStep greeting = assertStep(r, Step.GREETING, StepStatus.WARN, Outcome.BannerRevealsVersion);
                assertTrue(greeting.explanation().en().contains("ftpd_banner"), greeting.explanation().en());
                assertEquals(Verdict.WARNINGS, r.verdict());
                List<String> dataNotes = r.transcript().stream().filter(l -> l.contains("data connection to"))
                        .toList();
                assertFalse(dataNotes.isEmpty());
                assertTrue(dataNotes.stream().allMatch(l -> l.contains("to 127.0.0.1 port")), dataNotes::toString);
                for (ServerSocket t : tripwires) {
                    t.setSoTimeout(1);
                    try (Socket intruder = t.accept()) {
                        throw new AssertionError("the check connected to 127.0.0.2:" + t.getLocalPort() + " from "
                                + intruder.getRemoteSocketAddress());
                    } catch (SocketTimeoutException expected) {
                        // nothing connected to the announced address
                    }
                }
            } finally {
                for (ServerSocket t : tripwires) {
                    t.close();
                }
            }
        }
    }

    @Test
    void aReadOnlyAccountFailsTheUploadAndSkipsWhatNeedsIt() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(c -> c.put("write_enable", "NO"))) {
            CheckReport r = ServerCheck.forUrl(url("ftp", ftpd)).timeout(TIMEOUT).write(true).build().run();
            CheckStep upload = assertStep(r, Step.UPLOAD, StepStatus.FAIL, Outcome.ReadOnlyAccount);
            assertTrue(upload.detail().contains("550 Permission denied."), upload.detail());
            assertTrue(upload.explanation().en().contains("write_enable"), upload.explanation().en());
            assertSkippedFor(r, Step.DOWNLOAD, Step.UPLOAD);
            assertSkippedFor(r, Step.RESUME, Step.UPLOAD);
            assertSkippedFor(r, Step.RENAME, Step.UPLOAD);
            assertStep(r, Step.DELETE, StepStatus.SKIPPED, null);
            assertStep(r, Step.LISTING, StepStatus.OK, null);
            assertStep(r, Step.QUIT, StepStatus.OK, null);
            assertEquals(Verdict.FAILED, r.verdict());
            assertTrue(empty(ftpd.rootDir()));
        }
    }

    @Test
    void tlsDataConnectionsWithoutRequiredReuseAreAWarning() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(tls(cert, false))) {
            CheckReport r = ServerCheck.forUrl(url("ftpes", ftpd)).timeout(TIMEOUT).write(true)
                    .trustCertificates(cert.cert()).build().run();
            assertStep(r, Step.TLS, StepStatus.OK, null);
            CheckStep data = assertStep(r, Step.DATA, StepStatus.WARN, Outcome.TlsSessionReuseNotEnforced);
            assertTrue(data.detail().contains("fresh TLS session") && data.detail().contains("accepted"),
                    data.detail());
            assertTrue(data.explanation().en().contains("require_ssl_reuse=YES"), data.explanation().en());
            assertStep(r, Step.UPLOAD, StepStatus.OK, null);
            assertStep(r, Step.DELETE, StepStatus.OK, null);
            assertStep(r, Step.GREETING, StepStatus.WARN, Outcome.BannerRevealsVersion);
            assertEquals(Verdict.WARNINGS, r.verdict(), r::toString);
            assertNoPassword(r, ftpd.password());
        }
    }

    /** vsftpd refuses the fresh session with 522 and ends the session; the check opens another and goes on. */
    @Test
    void tlsDataConnectionsWithRequiredReuseAreOk() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(neutral(tls(cert, true)))) {
            CheckReport r = ServerCheck.forUrl(url("ftpes", ftpd)).timeout(TIMEOUT).write(true).active(true)
                    .trustCertificates(cert.cert()).build().run();
            CheckStep data = assertStep(r, Step.DATA, StepStatus.OK, null);
            assertTrue(data.detail().contains("resuming the control connection's session"), data.detail());
            assertTrue(data.detail().contains("was refused") && data.detail().contains("522"), data.detail());
            assertEquals(Verdict.OK, r.verdict(), r::toString);
            assertTrue(empty(ftpd.rootDir()));
        }
    }

    @Test
    void anUntrustedCertificateFailsTheTlsStepAndThePasswordIsNeverSent() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(neutral(tls(cert, true)))) {
            CheckReport r = ServerCheck.forUrl(url("ftpes", ftpd)).timeout(TIMEOUT).build().run();
            CheckStep tls = assertStep(r, Step.TLS, StepStatus.FAIL, Outcome.CertificateUntrusted);
            assertTrue(tls.detail().contains("self-signed"), tls.detail());
            assertSkippedFor(r, Step.LOGIN, Step.TLS);
            assertSkippedFor(r, Step.FEATURES, Step.LOGIN);
            assertEquals(Verdict.FAILED, r.verdict());
            assertTrue(r.transcript().stream().noneMatch(l -> l.startsWith("> USER") || l.startsWith("> PASS")),
                    r.transcript()::toString);
        }
    }

    @Test
    void insecureGoesOnButStillReportsWhatAStrictClientWouldRefuse() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(neutral(tls(cert, true)))) {
            CheckReport r = ServerCheck.forUrl(url("ftpes", ftpd)).timeout(TIMEOUT).insecure().build().run();
            CheckStep tls = assertStep(r, Step.TLS, StepStatus.WARN, Outcome.CertificateUntrusted);
            assertTrue(tls.detail().contains("insecure"), tls.detail());
            assertStep(r, Step.LOGIN, StepStatus.OK, null);
            assertStep(r, Step.LISTING, StepStatus.OK, null);
            assertEquals(Verdict.WARNINGS, r.verdict());
        }
    }

    @Test
    void aCertificateExpiringSoonIsAWarningWithTheDaysLeft() throws Exception {
        SelfSignedCert soon = Certs.create(keys, "soon", 10, "DNS:localhost,IP:127.0.0.1");
        try (Vsftpd ftpd = Vsftpd.start(neutral(tls(soon, true)))) {
            CheckReport r = ServerCheck.forUrl(url("ftpes", ftpd)).timeout(TIMEOUT).trustCertificates(soon.cert())
                    .build().run();
            CheckStep tls = assertStep(r, Step.TLS, StepStatus.WARN, Outcome.CertificateExpiringSoon);
            assertTrue(tls.detail().contains(" days left"), tls.detail());
            assertStep(r, Step.LOGIN, StepStatus.OK, null);
        }
    }

    @Test
    void aCertificateForAnotherNameIsAHostnameMismatch() throws Exception {
        SelfSignedCert other = Certs.create(keys, "other", 3650, "DNS:ftp.other-name.invalid");
        try (Vsftpd ftpd = Vsftpd.start(neutral(tls(other, true)))) {
            CheckReport r = ServerCheck.forUrl(url("ftpes", ftpd)).timeout(TIMEOUT).trustCertificates(other.cert())
                    .build().run();
            CheckStep tls = assertStep(r, Step.TLS, StepStatus.FAIL, Outcome.HostnameMismatch);
            assertTrue(tls.detail().contains("does not cover 127.0.0.1"), tls.detail());
            assertSkippedFor(r, Step.LOGIN, Step.TLS);
        }
    }

    @Test
    void plainFtpToAServerOfferingTlsIsAWarningToUseFtpes() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(c -> {
            tls(cert, true).accept(c);
            c.put("force_local_logins_ssl", "NO");
            c.put("force_local_data_ssl", "NO");
        })) {
            CheckReport r = ServerCheck.forUrl(url("ftp", ftpd)).timeout(TIMEOUT).build().run();
            CheckStep tls = assertStep(r, Step.TLS, StepStatus.WARN, Outcome.TlsNotUsed);
            assertTrue(tls.explanation().en().contains("force_local_logins_ssl"), tls.explanation().en());
            assertStep(r, Step.LOGIN, StepStatus.OK, null);
            assertNull(CheckAssertions.step(r, Step.LOGIN).outcome());
        }
    }
}
