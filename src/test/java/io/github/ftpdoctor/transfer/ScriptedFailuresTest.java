package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.cli.demo.SilentHost;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.FtpFileException;
import io.github.ftpdoctor.error.FtpTransferException;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data connections and downloads against a scripted server on 127.0.0.1 that reproduces real servers' failures:
 * EPSV refused, a NATed 227, silent passive ports, 425, 426, short transfers, a control connection that drops.
 */
@Timeout(30)
class ScriptedFailuresTest {
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).dataConnectTimeout(Duration.ofSeconds(2))
            .dataTimeout(Duration.ofSeconds(5)).build();
    private static final byte[] HELLO = "hello, data".getBytes(UTF_8);

    @TempDir
    Path local;
    private ScriptedFtpServer server;

    @BeforeEach
    void createServer() throws Exception {
        server = new ScriptedFtpServer(UTF_8);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private FtpClient login(FtpConfig config) throws Exception {
        server.start();
        FtpClient ftp = FtpClient.connect(server.host(), server.port(), config);
        ftp.login("user", "secret");
        return ftp;
    }

    private List<String> verbsAfterLogin() {
        List<String> verbs = server.verbs();
        return verbs.subList(verbs.indexOf("PASS") + 1, verbs.size());
    }

    private void assertNoLocalFile(Path target) {
        assertFalse(Files.exists(target), "no file at " + target);
        assertFalse(Files.exists(target.resolveSibling(target.getFileName() + ".part")), "no .part file");
    }

    private void sendsHello() {
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + " (" + HELLO.length + " bytes).");
            c.sendData(HELLO);
            c.reply("226 Transfer complete.");
        });
    }

    @Test
    void epsvRefusedWith500FallsBackToPasvAndRemembersIt() throws Exception {
        server.on("EPSV", (c, a) -> c.reply("500 'EPSV': command not understood"));
        sendsHello();
        try (FtpClient ftp = login(CONFIG)) {
            for (int i = 0; i < 2; i++) {
                ByteArrayOutputStream sink = new ByteArrayOutputStream();
                assertEquals(HELLO.length, ftp.retrieve("a.bin", sink));
                assertArrayEquals(HELLO, sink.toByteArray());
                assertEquals(226, ftp.lastReply().code());
            }
        }
        // the second transfer goes straight to PASV, and trusts the size the first 150 reply announced
        assertEquals(List.of("FEAT", "TYPE", "SIZE", "EPSV", "PASV", "RETR", "PASV", "RETR", "QUIT"),
                verbsAfterLogin(), server.commands()::toString);
    }

    @Test
    void pasvAnnouncingAPrivateAddressIsIgnoredByDefault() throws Exception {
        List<InetAddress> dataPeers = new CopyOnWriteArrayList<>();
        server.on("EPSV", (c, a) -> c.reply("500 'EPSV': command not understood"));
        // a NATed server announces its private address: the client must connect to the control peer instead
        server.on("PASV", (c, a) -> c.reply("227 Entering Passive Mode ("
                + ScriptedFtpServer.pasvTuple("10,1,2,3", c.openPassive()) + ")."));
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection.");
            c.acceptData();
            dataPeers.add(c.data().getInetAddress());
            c.data().getOutputStream().write(HELLO);
            c.closeData();
            c.reply("226 Transfer complete.");
        });
        try (FtpClient ftp = login(CONFIG)) {
            Path target = local.resolve("nat.bin");
            assertEquals(HELLO.length, ftp.download("nat.bin", target));
            assertArrayEquals(HELLO, Files.readAllBytes(target));
        }
        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), dataPeers);
    }

    @Test
    void trustPassiveAddressConnectsToThe227Address() throws Exception {
        // loopback only: the announced address is the control peer, so this shows the option works, not where it goes
        server.on("EPSV", (c, a) -> c.reply("502 EPSV not implemented"));
        sendsHello();
        try (FtpClient ftp = login(CONFIG.toBuilder().trustPassiveAddress(true).build())) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            assertEquals(HELLO.length, ftp.retrieve("a.bin", sink));
            assertArrayEquals(HELLO, sink.toByteArray());
        }
        assertTrue(server.verbs().contains("PASV"), server.commands()::toString);
    }

    @Test
    void silentPassivePortAfterANatted227IsPassivePortsBlockedWithTheNatHint() throws Exception {
        try (SilentHost silent = SilentHost.start()) {
            server.on("EPSV", (c, a) -> c.reply("500 'EPSV': command not understood"));
            server.on("PASV", (c, a) -> c.reply("227 Entering Passive Mode ("
                    + ScriptedFtpServer.pasvTuple("10,1,2,3", silent.port()) + ")."));
            FtpConfig config = CONFIG.toBuilder().dataConnectTimeout(Duration.ofMillis(500)).build();
            try (FtpClient ftp = login(config)) {
                Path target = local.resolve("x.bin");
                FtpTransferException e = assertThrows(FtpTransferException.class, () -> ftp.download("x.bin", target));
                assertEquals(Outcome.PassivePortsBlocked, e.diagnosis().outcome());
                assertTrue(e.diagnosis().alternatives().contains(Outcome.PassiveAddressUnroutable));
                assertEquals(TransportEvent.DATA_CONNECT_TIMEOUT, e.diagnosis().event());
                String detail = e.diagnosis().detail();
                assertTrue(detail.contains("127.0.0.1 port " + silent.port()), detail);
                assertTrue(detail.contains("10.1.2.3") && detail.contains("NAT"), detail); // the address the 227 announced
                assertNoLocalFile(target);
                ftp.noop(); // no RETR was sent: the session is in step
            }
        }
        assertFalse(server.verbs().contains("RETR"), server.commands()::toString);
    }

    @Test
    void epsvPortThatNeverAcceptsIsPassivePortsBlockedByTheConnectTimeout() throws Exception {
        try (SilentHost silent = SilentHost.start()) {
            server.on("EPSV", (c, a) -> c.reply("229 Entering Extended Passive Mode (|||" + silent.port() + "|)"));
            FtpConfig config = CONFIG.toBuilder().dataConnectTimeout(Duration.ofMillis(500)).build();
            try (FtpClient ftp = login(config)) {
                FtpTransferException e = assertThrows(FtpTransferException.class,
                        () -> ftp.retrieve("x.bin", new ByteArrayOutputStream()));
                assertEquals(Outcome.PassivePortsBlocked, e.diagnosis().outcome());
                assertEquals("transport.data-connect-timeout", e.diagnosis().ruleId());
                assertEquals(TransportEvent.DATA_CONNECT_TIMEOUT, e.diagnosis().event());
                // the connect itself timed out (not the 5 s reply timeout, which would be another event)
                assertTrue(causes(e).stream().anyMatch(c -> c instanceof java.net.SocketTimeoutException),
                        () -> causes(e).toString());
                assertFalse(server.verbs().contains("RETR"), server.commands()::toString);
                ftp.noop();
            }
        }
    }

    @Test
    void reply425ToRetrIsDataConnectionFailed() throws Exception {
        server.on("RETR", (c, a) -> c.reply("425 Failed to establish connection."));
        try (FtpClient ftp = login(CONFIG)) {
            Path target = local.resolve("x.bin");
            FtpTransferException e = assertThrows(FtpTransferException.class, () -> ftp.download("x.bin", target));
            assertEquals(Outcome.DataConnectionFailed, e.diagnosis().outcome());
            assertEquals(425, e.diagnosis().code());
            assertNoLocalFile(target);
            ftp.noop();
        }
    }

    @Test
    void reply426AfterPartialDataIsTransferAbortedWithTheByteCount() throws Exception {
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + ".");
            c.sendData(new byte[700]);
            c.reply("426 Transfer aborted. Data connection closed.");
        });
        try (FtpClient ftp = login(CONFIG)) {
            Path target = local.resolve("x.bin");
            FtpTransferException e = assertThrows(FtpTransferException.class, () -> ftp.download("x.bin", target));
            assertEquals(Outcome.TransferAborted, e.diagnosis().outcome());
            assertEquals(426, e.diagnosis().code());
            assertEquals(700L, e.bytesTransferred().orElseThrow());
            assertNoLocalFile(target);
            ftp.noop();
        }
    }

    @Test
    void fewerBytesThanSizeAnnouncedIsTransferIncompleteAndNoFileIsLeft() throws Exception {
        server.on("SIZE", (c, a) -> c.reply("213 1000"));
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + " (1000 bytes).");
            c.sendData(new byte[500]);
            c.reply("226 Transfer complete.");
        });
        try (FtpClient ftp = login(CONFIG)) {
            Path target = local.resolve("short.bin");
            FtpTransferException e = assertThrows(FtpTransferException.class, () -> ftp.download("short.bin", target));
            assertEquals(Outcome.TransferIncomplete, e.diagnosis().outcome());
            assertEquals(500L, e.bytesTransferred().orElseThrow());
            assertTrue(e.diagnosis().detail().contains("500 of 1000"), e.diagnosis().detail());
            assertNoLocalFile(target);

            // an existing file of that name is not replaced by the short download
            Files.write(target, HELLO);
            assertThrows(FtpTransferException.class, () -> ftp.download("short.bin", target));
            assertArrayEquals(HELLO, Files.readAllBytes(target));
            ftp.noop();
        }
    }

    @Test
    void controlConnectionClosedWithoutAFinalReplyIsDiagnosedAndNoFileIsLeft() throws Exception {
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + ".");
            c.sendData(new byte[300]);
            c.closeControl(); // no 226, no 426: the server process died
        });
        try (FtpClient ftp = login(CONFIG)) {
            Path target = local.resolve("x.bin");
            FtpException e = assertThrows(FtpException.class, () -> ftp.download("x.bin", target));
            Outcome outcome = e.diagnosis().outcome();
            assertTrue(outcome == Outcome.ConnectionClosed || outcome == Outcome.TransferIncomplete, e::toString);
            assertNoLocalFile(target);
            assertFalse(ftp.isConnected());
        }
    }

    @Test
    void reply550IsFileNotFoundOrPermissionDeniedByItsText() throws Exception {
        server.on("RETR", (c, a) -> c.reply(a.equals("missing")
                ? "550 /missing: No such file or directory" : "550 /secret: Permission denied"));
        try (FtpClient ftp = login(CONFIG)) {
            FtpFileException missing = assertThrows(FtpFileException.class,
                    () -> ftp.download("missing", local.resolve("missing")));
            assertEquals(Outcome.FileNotFound, missing.diagnosis().outcome());
            FtpFileException secret = assertThrows(FtpFileException.class,
                    () -> ftp.download("secret", local.resolve("secret")));
            assertEquals(Outcome.PermissionDenied, secret.diagnosis().outcome());
            assertNoLocalFile(local.resolve("missing"));
            assertNoLocalFile(local.resolve("secret"));
            ftp.noop();
        }
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable c = t; c != null && all.size() < 20; c = c.getCause()) {
            all.add(c);
        }
        return all;
    }
}
