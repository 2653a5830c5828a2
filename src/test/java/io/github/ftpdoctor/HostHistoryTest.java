package io.github.ftpdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.cli.demo.ScriptedServer;
import io.github.ftpdoctor.diagnosis.Confidence;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.BadCredentialsOrUnknownUserException;
import io.github.ftpdoctor.error.ConnectionRefusedException;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.LikelyBannedException;
import io.github.ftpdoctor.internal.protocol.HostHistory;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failed logins followed by refused or dropped connections to the same host point to an automatic ban. */
class HostHistoryTest {
    private static final String HOST = "127.0.0.1";
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void forget() {
        HostHistory.clear();
    }

    private static void failLogin(int port) {
        assertThrows(BadCredentialsOrUnknownUserException.class, () -> {
            try (FtpClient ftp = FtpClient.connect(HOST, port, CONFIG)) {
                ftp.login("bob", "wrong");
            }
        });
    }

    @Test
    void refusedAfterFailedLoginsIsLikelyABan() throws Exception {
        int port;
        try (ScriptedServer server = ScriptedServer.start("220 ready",
                Map.of("USER", "331 Password required for bob", "PASS", "530 Login incorrect."))) {
            port = server.port();
            failLogin(port);
            failLogin(port);
        }
        // the port is closed now: a ban by REJECT looks exactly like this
        FtpException e = assertThrows(FtpException.class, () -> FtpClient.connect(HOST, port, CONFIG));
        assertInstanceOf(LikelyBannedException.class, e);
        assertEquals("history.refused-after-failed-logins", e.diagnosis().ruleId());
        assertEquals(Confidence.LIKELY, e.diagnosis().confidence());
        assertEquals(java.util.List.of(Outcome.ConnectionRefused), e.diagnosis().alternatives());
        assertTrue(e.diagnosis().retry().stopRetrying());
    }

    @Test
    void droppedBeforeGreetingAfterFailedLoginsIsCertainlyABan() throws Exception {
        try (ScriptedServer server = ScriptedServer.start("220 ready",
                Map.of("USER", "331 Password required for bob", "PASS", "530 Login incorrect."))) {
            failLogin(server.port());
            HostHistory.loginFailed(HOST, 1); // another port of the host does not count
        }
        try (ScriptedServer banning = ScriptedServer.start(null, Map.of())) {
            FtpException fresh = assertThrows(FtpException.class, () -> FtpClient.connect(HOST, banning.port(), CONFIG));
            assertEquals("transport.closed-before-greeting", fresh.diagnosis().ruleId(), "no history for this port");
            HostHistory.loginFailed(HOST, banning.port());
            FtpException e = assertThrows(FtpException.class, () -> FtpClient.connect(HOST, banning.port(), CONFIG));
            assertEquals("history.closed-after-failed-logins", e.diagnosis().ruleId());
            assertEquals(Confidence.CERTAIN, e.diagnosis().confidence());
        }
    }

    @Test
    void aSuccessfulLoginClearsTheHistory() throws Exception {
        int port;
        try (ScriptedServer server = ScriptedServer.start("220 ready",
                Map.of("USER", "331 Password required", "PASS", "230 Welcome"))) {
            port = server.port();
            HostHistory.loginFailed(HOST, port);
            try (FtpClient ftp = FtpClient.connect(HOST, port, CONFIG)) {
                ftp.login("bob", "right");
            }
            assertEquals(0, HostHistory.recentFailedLogins(HOST, port));
        }
        assertInstanceOf(ConnectionRefusedException.class,
                assertThrows(FtpException.class, () -> FtpClient.connect(HOST, port, CONFIG)));
    }

    @Test
    void clearForgetsEveryHost() {
        HostHistory.loginFailed(HOST, 2121);
        HostHistory.loginFailed("OTHER.example", 21);
        assertEquals(1, HostHistory.recentFailedLogins("other.EXAMPLE", 21), "host names in any case");
        HostHistory.clear();
        assertEquals(0, HostHistory.recentFailedLogins(HOST, 2121));
        assertEquals(0, HostHistory.recentFailedLogins("other.example", 21));
    }

    @Test
    void theHistoryHoldsAtMostTenThousandHosts() {
        for (int i = 0; i < 10_000; i++) {
            HostHistory.loginFailed("h" + i + ".example", 21);
        }
        assertEquals(1, HostHistory.recentFailedLogins("h0.example", 21), "ten thousand are kept");
        assertEquals(1, HostHistory.recentFailedLogins("h9999.example", 21));
        // full: the next failed login first drops what is older than the window, and, none being, everything
        HostHistory.loginFailed("one-more.example", 21);
        assertEquals(0, HostHistory.recentFailedLogins("h0.example", 21));
        assertEquals(0, HostHistory.recentFailedLogins("h9999.example", 21));
        assertEquals(1, HostHistory.recentFailedLogins("one-more.example", 21));
    }
}
