package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.DataConnectionMode;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpTransferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Active mode (EPRT, then PORT) against the scripted server on 127.0.0.1. */
@Timeout(30)
class ScriptedActiveModeTest {
    private static final FtpConfig ACTIVE = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).dataConnectTimeout(Duration.ofSeconds(2))
            .dataTimeout(Duration.ofSeconds(5)).dataConnectionMode(DataConnectionMode.ACTIVE).build();
    private static final byte[] DATA = "active data".getBytes(UTF_8);

    private ScriptedFtpServer server;
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createServer() throws Exception {
        server = new ScriptedFtpServer(UTF_8);
        server.on("EPRT", (c, a) -> {
            String[] f = a.split("\\|"); // |1|127.0.0.1|port|
            int port = Integer.parseInt(f[3]);
            clientPorts.add(port);
            c.connectData(new InetSocketAddress(InetAddress.getByName(f[2]), port));
            c.reply("200 EPRT command successful. Consider using EPSV.");
        });
        server.on("PORT", (c, a) -> {
            String[] n = a.split(",");
            int port = Integer.parseInt(n[4]) * 256 + Integer.parseInt(n[5]);
            clientPorts.add(port);
            c.connectData(new InetSocketAddress(InetAddress.getByName(n[0] + "." + n[1] + "." + n[2] + "." + n[3]),
                    port));
            c.reply("200 PORT command successful. Consider using PASV.");
        });
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + ".");
            c.data().getOutputStream().write(DATA);
            c.closeData();
            c.reply("226 Transfer complete.");
        });
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

    private static void retrieveOk(FtpClient ftp) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertEquals(DATA.length, ftp.retrieve("a.bin", sink));
        assertArrayEquals(DATA, sink.toByteArray());
    }

    @Test
    void eprtRefusedFallsBackToPortAndRemembersIt() throws Exception {
        server.on("EPRT", (c, a) -> c.reply("500 'EPRT': command not understood"));
        try (FtpClient ftp = login(ACTIVE)) {
            retrieveOk(ftp);
            retrieveOk(ftp);
        }
        List<String> verbs = server.verbs();
        assertEquals(List.of("EPRT", "PORT", "RETR", "SIZE", "PORT", "RETR", "QUIT"),
                verbs.subList(verbs.indexOf("SIZE") + 1, verbs.size()), server.commands()::toString);
        assertTrue(server.commands().stream().anyMatch(l -> l.startsWith("PORT 127,0,0,1,")), server.commands()::toString);
    }

    @Test
    void serverThatNeverConnectsBackIsDataConnectionFailed() throws Exception {
        server.on("EPRT", (c, a) -> c.reply("200 EPRT command successful. Consider using EPSV."));
        server.on("RETR", (c, a) -> {
            // Apache MINA FtpServer and FileZilla Server answer 150 first, then connect, then 425 if that failed
            c.reply("150 File status okay; about to open data connection.");
            c.reply("425 Can't open data connection.");
        });
        FtpConfig config = ACTIVE.toBuilder().dataConnectTimeout(Duration.ofMillis(500)).build();
        try (FtpClient ftp = login(config)) {
            FtpTransferException e = assertThrows(FtpTransferException.class,
                    () -> ftp.retrieve("a.bin", new ByteArrayOutputStream()));
            assertEquals(Outcome.DataConnectionFailed, e.diagnosis().outcome(), e::toString);
            assertEquals(TransportEvent.DATA_ACCEPT_TIMEOUT, e.diagnosis().event(), e::toString);
            assertTrue(e.diagnosis().explanation(java.util.Locale.ENGLISH).contains("Passive mode"), e::toString);
        }
    }

    @Test
    void sessionStaysInStepAfterTheServerFailedToConnectBack() throws Exception {
        server.on("EPRT", (c, a) -> c.reply("200 EPRT command successful. Consider using EPSV."));
        server.on("RETR", (c, a) -> {
            c.reply("150 File status okay; about to open data connection.");
            c.reply("425 Can't open data connection.");
        });
        FtpConfig config = ACTIVE.toBuilder().dataConnectTimeout(Duration.ofMillis(500)).build();
        try (FtpClient ftp = login(config)) {
            assertThrows(FtpTransferException.class, () -> ftp.retrieve("a.bin", new ByteArrayOutputStream()));
            ftp.noop();
            assertEquals("/", ftp.pwd());
        }
    }

    @Test
    void activePortRangeIsRespected() throws Exception {
        int low = freeRange(5);
        try (FtpClient ftp = login(ACTIVE.toBuilder().activePortRange(low, low + 4).build())) {
            for (int i = 0; i < 5; i++) {
                retrieveOk(ftp);
            }
        }
        assertEquals(5, clientPorts.size());
        assertTrue(clientPorts.stream().allMatch(p -> p >= low && p <= low + 4), clientPorts::toString);
    }

    @Test
    void activePortRangeFindsTheOneFreePort() throws Exception {
        int low = freeRange(3);
        InetAddress lo = ScriptedFtpServer.loopback4();
        try (ServerSocket busy1 = new ServerSocket(low, 1, lo); ServerSocket busy2 = new ServerSocket(low + 1, 1, lo);
             FtpClient ftp = login(ACTIVE.toBuilder().activePortRange(low, low + 2).build())) {
            for (int i = 0; i < 30; i++) {
                retrieveOk(ftp);
            }
        }
        assertTrue(clientPorts.stream().allMatch(p -> p == low + 2), clientPorts::toString);
    }

    /** {@code n} consecutive free loopback ports. */
    private static int freeRange(int n) throws IOException {
        InetAddress lo = ScriptedFtpServer.loopback4();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 40_000 + (int) (Math.random() * 20_000);
            List<ServerSocket> probes = new ArrayList<>();
            try {
                for (int p = base; p < base + n; p++) {
                    probes.add(new ServerSocket(p, 1, lo));
                }
                return base;
            } catch (IOException busy) {
                // try another base
            } finally {
                for (ServerSocket s : probes) {
                    s.close();
                }
            }
        }
        throw new IOException("no " + n + " consecutive free ports");
    }
}
