package io.github.ftpdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.Text;
import io.github.ftpdoctor.testsupport.SelfSignedCert;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check's parts: the socket guard, certificate facts, step records and the verdict. */
class CheckUnitsTest {
    private static final Text T = new Text("x", "某");

    @Test
    void theSocketGuardRefusesEveryAddressButTheAllowedOneBeforeAnyPacket() throws Exception {
        InetAddress other = InetAddress.getByName("127.0.0.2");
        try (ServerSocket elsewhere = new ServerSocket(0, 5, other)) {
            ObservedSockets sockets = new ObservedSockets();
            sockets.allow(Set.of(InetAddress.getByName("127.0.0.1")), "data");
            try (Socket s = sockets.createSocket()) {
                SocketException e = assertThrows(SocketException.class,
                        () -> s.connect(new InetSocketAddress(other, elsewhere.getLocalPort()), 1000));
                assertTrue(e.getMessage().contains("127.0.0.2"), e.getMessage());
            }
            elsewhere.setSoTimeout(50);
            assertThrows(SocketTimeoutException.class, elsewhere::accept, "nothing may have reached 127.0.0.2");
            List<ObservedSockets.Attempt> attempts = sockets.attempts();
            assertEquals(1, attempts.size());
            assertTrue(attempts.get(0).error().contains("refused by the check"));
        }
    }

    @Test
    void theSocketGuardLetsTheAllowedAddressThroughAndTheWatchdogClosesIt() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            ObservedSockets sockets = new ObservedSockets();
            sockets.allow(Set.of(InetAddress.getByName("127.0.0.1")), "control");
            Socket s = sockets.createSocket();
            s.connect(new InetSocketAddress("127.0.0.1", peer.getLocalPort()), 1000);
            try (Socket accepted = peer.accept()) {
                sockets.closeAll();
                assertTrue(s.isClosed());
                accepted.setSoTimeout(2000);
                try (InputStream in = accepted.getInputStream()) {
                    assertEquals(-1, in.read(), "the peer sees the close");
                }
            }
            assertEquals(null, sockets.attempts().get(0).error());
        }
    }

    @Test
    void hostNamesMatchLikeRfc6125() {
        assertTrue(CertificateFacts.dnsMatches("ftp.example.com", "FTP.Example.com."));
        assertTrue(CertificateFacts.dnsMatches("*.example.com", "ftp.example.com"));
        assertFalse(CertificateFacts.dnsMatches("*.example.com", "a.ftp.example.com"), "one label only");
        assertFalse(CertificateFacts.dnsMatches("*.example.com", "example.com"));
        assertFalse(CertificateFacts.dnsMatches("*.com", "example.com"), "no wildcard over a whole public suffix");
        assertFalse(CertificateFacts.dnsMatches("ftp.example.com", "ftp.example.org"));
    }

    @Test
    void certificateFactsOfARealCertificate(@TempDir Path dir) throws Exception {
        Certs.assumeOpenssl();
        SelfSignedCert c = Certs.create(dir, "ten", 10, "DNS:localhost,IP:127.0.0.1");
        X509Certificate x;
        try (InputStream in = Files.newInputStream(c.cert())) {
            x = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        X509Certificate[] chain = {x};
        CertificateFacts byIp = new CertificateFacts(chain, "127.0.0.1", Instant.now());
        assertTrue(byIp.selfSigned());
        assertTrue(byIp.matchesHost());
        assertTrue(byIp.daysLeft() == 9 || byIp.daysLeft() == 10, "days left: " + byIp.daysLeft());
        assertEquals(List.of("localhost", "127.0.0.1"), byIp.names());
        assertTrue(new CertificateFacts(chain, "localhost", Instant.now()).matchesHost());
        assertFalse(new CertificateFacts(chain, "127.0.0.2", Instant.now()).matchesHost());
        assertFalse(new CertificateFacts(chain, "ftp.example.com", Instant.now()).matchesHost());
        CertificateFacts later = new CertificateFacts(chain, "localhost", Instant.now().plusSeconds(20L * 86_400));
        assertTrue(later.expired());
        assertTrue(later.describe().contains("expired"), later.describe());
        assertTrue(byIp.systemTrustProblem("UNKNOWN") != null,
                "the JDK does not trust a fresh self-signed certificate");
        assertTrue(byIp.describe().contains("(self-signed)") && byIp.describe().contains("covers 127.0.0.1"),
                byIp.describe());
    }

    @Test
    void aStepHasAnOutcomeExactlyWhenItWarnsOrFails() {
        assertThrows(IllegalArgumentException.class,
                () -> new CheckStep(Step.DATA, StepStatus.OK, Outcome.PassivePortsBlocked, "d", T, T, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new CheckStep(Step.DATA, StepStatus.FAIL, null, "d", T, T, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new CheckStep(Step.DATA, StepStatus.OK, null, "d", T, T, -1));
        new CheckStep(Step.DATA, StepStatus.SKIPPED, null, "d", T, T, 0);
    }

    @Test
    void theVerdictIsTheWorstStatus() {
        CheckStep ok = new CheckStep(Step.PWD, StepStatus.OK, null, "d", T, T, 1);
        CheckStep skipped = new CheckStep(Step.ACTIVE, StepStatus.SKIPPED, null, "d", T, T, 0);
        CheckStep warn = new CheckStep(Step.GREETING, StepStatus.WARN, Outcome.BannerRevealsVersion, "d", T, T, 1);
        CheckStep fail = new CheckStep(Step.DATA, StepStatus.FAIL, Outcome.PassivePortsBlocked, "d", T, T, 1);
        assertEquals(Verdict.OK, CheckReport.verdictOf(List.of(ok, skipped)));
        assertEquals(Verdict.WARNINGS, CheckReport.verdictOf(List.of(ok, warn, skipped)));
        assertEquals(Verdict.FAILED, CheckReport.verdictOf(List.of(warn, fail, ok)));
    }

    @Test
    void optionsNeverShowThePassword() {
        ServerCheck c = ServerCheck.forUrl("ftpes://bob:hunter22@127.0.0.1:2121/").build();
        assertFalse(c.toString().contains("hunter22"), c.toString());
        assertTrue(c.toString().contains("ftpes://bob:****@127.0.0.1:2121/"), c.toString());
        assertThrows(IllegalArgumentException.class, () -> ServerCheck.forUrl("http://127.0.0.1/"));
        assertThrows(IllegalArgumentException.class, () -> ServerCheck.builder("127.0.0.1", 0));
        assertThrows(IllegalArgumentException.class,
                () -> ServerCheck.builder("127.0.0.1", 21).timeout(java.time.Duration.ZERO));
    }
}
