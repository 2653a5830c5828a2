package io.github.ftpdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.cli.demo.ScriptedServer;
import io.github.ftpdoctor.cli.demo.SilentHost;
import io.github.ftpdoctor.diagnosis.Catalog;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.AnonymousDeniedException;
import io.github.ftpdoctor.error.BadCredentialsOrUnknownUserException;
import io.github.ftpdoctor.error.ConnectionRefusedException;
import io.github.ftpdoctor.error.ConnectionTimedOutException;
import io.github.ftpdoctor.error.FtpAccessException;
import io.github.ftpdoctor.error.FtpCapacityException;
import io.github.ftpdoctor.error.FtpConnectionException;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.IpNotAllowedException;
import io.github.ftpdoctor.error.LikelyBannedException;
import io.github.ftpdoctor.error.PerIpSessionLimitException;
import io.github.ftpdoctor.error.TooManyUsersException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockftpserver.core.command.CommandNames;
import org.mockftpserver.core.command.ConnectCommandHandler;
import org.mockftpserver.core.command.StaticReplyCommandHandler;
import org.mockftpserver.stub.StubFtpServer;

/**
 * The eight situations of the seed guide, each with the seed's exact reply texts: replayed by MockFtpServer's
 * StubFtpServer, or by loopback sockets for the connection-level ones.
 */
class SeedSituationsTest {
    private static final String HOST = "127.0.0.1";
    private static final String SERV_U = "Serv-U FTP Server v4.0 for WinSock ready...";
    private static final FtpConfig CONFIG = FtpConfig.builder()
            .connectTimeout(Duration.ofMillis(1500)).replyTimeout(Duration.ofSeconds(5)).build();

    private StubFtpServer server;

    @org.junit.jupiter.api.BeforeEach
    void forgetHostHistory() {
        io.github.ftpdoctor.internal.protocol.HostHistory.clear(); // ports are reused across tests
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private int stub(Map<String, StaticReplyCommandHandler> handlers) {
        server = new StubFtpServer();
        server.setServerControlPort(0);
        ConnectCommandHandler connect = new ConnectCommandHandler();
        connect.setReplyText(SERV_U);
        server.setCommandHandler(CommandNames.CONNECT, connect);
        handlers.forEach(server::setCommandHandler);
        server.start();
        for (int i = 0; i < 500 && server.getServerControlPort() == 0; i++) {
            Thread.onSpinWait();
        }
        return server.getServerControlPort();
    }

    private static StaticReplyCommandHandler reply(int code, String text) {
        return new StaticReplyCommandHandler(code, text);
    }

    private static FtpException login(int port, String user, String password) {
        return assertThrows(FtpException.class, () -> {
            try (FtpClient ftp = FtpClient.connect(HOST, port, CONFIG)) {
                ftp.login(user, password);
            }
        });
    }

    /** The outcome, and both explanations exactly as the catalog defines them for that outcome. */
    private static void assertDiagnosis(FtpException e, Outcome outcome, Integer code, String command) {
        Diagnosis d = e.diagnosis();
        assertEquals(outcome, d.outcome(), d::toString);
        assertEquals(code, d.code());
        assertEquals(command, d.command());
        var def = Catalog.builtIn().definition(outcome);
        assertTrue(d.explanation(Locale.ENGLISH).startsWith(def.explanation().en()));
        assertTrue(d.explanation(Locale.SIMPLIFIED_CHINESE).startsWith(def.explanation().zh()));
        assertTrue(d.explanation(Locale.SIMPLIFIED_CHINESE).codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff));
        assertEquals(def.advice().en(), d.advice(Locale.ENGLISH));
        assertEquals(def.advice().zh(), d.advice(Locale.SIMPLIFIED_CHINESE));
        assertTrue(e.getMessage().startsWith(def.explanation().en()), e::getMessage);
    }

    @Test
    void situation1_anonymousLoginNotAllowed() {
        int port = stub(Map.of(CommandNames.USER, reply(530, "Sorry, no ANONYMOUS access allowed.")));
        FtpException e = login(port, "anonymous", "guest@");
        assertInstanceOf(AnonymousDeniedException.class, e);
        assertInstanceOf(FtpAccessException.class, e);
        assertDiagnosis(e, Outcome.AnonymousDenied, 530, "USER");
        assertTrue(e.getMessage().contains("530 Sorry, no ANONYMOUS access allowed."));
    }

    @Test
    void situation2_wrongPasswordOrUnknownUser() {
        int port = stub(Map.of(CommandNames.USER, reply(331, "User name okay, need password."),
                CommandNames.PASS, reply(530, "Not logged in.")));
        FtpException e = login(port, "test", "xxxxxx");
        assertInstanceOf(BadCredentialsOrUnknownUserException.class, e);
        assertDiagnosis(e, Outcome.BadCredentialsOrUnknownUser, 530, "PASS");
        assertTrue(e.diagnosis().explanation(Locale.ENGLISH).contains("same answer"));
        assertTrue(e.transcript().contains("> PASS ****"), () -> e.transcript().toString());
        assertTrue(e.transcript().stream().noneMatch(l -> l.contains("xxxxxx")));
    }

    @Test
    void situation3_connectionTimedOut() throws Exception {
        try (SilentHost silent = SilentHost.start()) {
            FtpException e = assertThrows(FtpException.class, () -> FtpClient.connect(HOST, silent.port(), CONFIG));
            assertInstanceOf(ConnectionTimedOutException.class, e);
            assertInstanceOf(FtpConnectionException.class, e);
            assertDiagnosis(e, Outcome.ConnectionTimedOut, null, "CONNECT");
            assertTrue(e.diagnosis().retry().retryable());
        }
    }

    @Test
    void situation4_connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            port = s.getLocalPort();
        }
        FtpException e = assertThrows(FtpException.class, () -> FtpClient.connect(HOST, port, CONFIG));
        assertInstanceOf(ConnectionRefusedException.class, e);
        assertDiagnosis(e, Outcome.ConnectionRefused, null, "CONNECT");
    }

    @Test
    void situation5_disconnectedBeforeGreetingIsLikelyABan() throws Exception {
        try (ScriptedServer closing = ScriptedServer.start(null, Map.of())) {
            FtpException e = assertThrows(FtpException.class, () -> FtpClient.connect(HOST, closing.port(), CONFIG));
            assertInstanceOf(LikelyBannedException.class, e);
            assertDiagnosis(e, Outcome.LikelyBanned, null, "CONNECT");
            assertTrue(e.diagnosis().retry().stopRetrying(), "retrying a ban makes it longer");
        }
    }

    @Test
    void situation6_ipNotAllowed() {
        int port = stub(Map.of(CommandNames.USER, reply(331, "User name okay, need password"),
                CommandNames.PASS, reply(530, "Not logged in, unauthorized IP address.")));
        FtpException e = login(port, "XXX", "xxxxxx");
        assertInstanceOf(IpNotAllowedException.class, e);
        assertDiagnosis(e, Outcome.IpNotAllowed, 530, "PASS");
    }

    @Test
    void situation7_tooManyUsers() {
        int port = stub(Map.of(CommandNames.USER, reply(421, "Too many users - please try again later.")));
        FtpException e = login(port, "user", "xxxxxx");
        assertInstanceOf(TooManyUsersException.class, e);
        assertInstanceOf(FtpCapacityException.class, e);
        assertDiagnosis(e, Outcome.TooManyUsers, 421, "USER");
        assertTrue(e.diagnosis().retry().retryable());
    }

    @Test
    void situation8_oneSessionPerIp() {
        int port = stub(Map.of(CommandNames.USER,
                reply(530, "Not logged in, only one session from same IP allowed at a time.")));
        FtpException e = login(port, "test", "xxxxxx");
        assertInstanceOf(PerIpSessionLimitException.class, e);
        assertDiagnosis(e, Outcome.PerIpSessionLimit, 530, "USER");
        assertTrue(e.diagnosis().retry().reduceParallelSessions());
    }

    @Test
    void situation8_twoOrThreeSessionsVariant() {
        int port = stub(Map.of(CommandNames.USER,
                reply(530, "Not logged in, only 2 sessions from same IP allowed concurrently.")));
        assertInstanceOf(PerIpSessionLimitException.class, login(port, "test", "xxxxxx"));
    }
}
