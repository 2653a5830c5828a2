package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.DataConnectionMode;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.testsupport.Requirements;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Data connections over IPv6 loopback (::1): EPSV and EPRT only, never PASV or PORT. */
@Timeout(30)
class ScriptedIpv6Test {
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).dataConnectTimeout(Duration.ofSeconds(2))
            .dataTimeout(Duration.ofSeconds(5)).build();
    private static final byte[] DATA = "over IPv6".getBytes(UTF_8);

    private ScriptedFtpServer server;
    private final List<String> dataPeers = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createServer() throws Exception {
        InetAddress v6 = InetAddress.getByName("::1");
        String problem = null;
        try (ServerSocket probe = new ServerSocket(0, 1, v6)) {
            problem = probe.isBound() ? null : "not bound";
        } catch (IOException e) {
            problem = e.toString();
        }
        Requirements.require(problem == null, "IPv6 on loopback: cannot listen on ::1 (" + problem + ")");
        server = new ScriptedFtpServer(v6, UTF_8);
        server.on("PASV", (c, a) -> c.reply("500 PASV cannot be used over IPv6"));
        server.on("PORT", (c, a) -> c.reply("500 PORT cannot be used over IPv6"));
        server.on("EPRT", (c, a) -> {
            String[] f = a.split("\\|"); // |2|::1|port|
            if (!f[1].equals("2") || !InetAddress.getByName(f[2]).isLoopbackAddress()) {
                c.reply("522 Network protocol not supported, use (2)");
                return;
            }
            c.connectData(new InetSocketAddress(InetAddress.getByName(f[2]), Integer.parseInt(f[3])));
            c.reply("200 EPRT command successful.");
        });
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection for " + a + ".");
            if (c.data() == null || c.data().isClosed()) {
                c.acceptData();
            }
            dataPeers.add(c.data().getInetAddress().getHostAddress());
            c.data().getOutputStream().write(DATA);
            c.closeData();
            c.reply("226 Transfer complete.");
        });
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private FtpClient login(FtpConfig config) throws Exception {
        server.start();
        FtpClient ftp = FtpClient.connect("::1", server.port(), config);
        ftp.login("user", "secret");
        return ftp;
    }

    @Test
    void passiveUsesEpsvToTheControlPeer() throws Exception {
        try (FtpClient ftp = login(CONFIG)) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            assertEquals(DATA.length, ftp.retrieve("a", sink));
            assertArrayEquals(DATA, sink.toByteArray());
        }
        assertEquals(List.of("0:0:0:0:0:0:0:1"), dataPeers);
        assertFalse(server.verbs().contains("PASV"), server.commands()::toString);
    }

    @Test
    void activeUsesEprtWithTheIpv6Address() throws Exception {
        try (FtpClient ftp = login(CONFIG.toBuilder().dataConnectionMode(DataConnectionMode.ACTIVE).build())) {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            assertEquals(DATA.length, ftp.retrieve("a", sink));
            assertArrayEquals(DATA, sink.toByteArray());
        }
        assertFalse(server.verbs().contains("PORT"), server.commands()::toString);
        String eprt = server.commands().stream().filter(l -> l.startsWith("EPRT ")).findFirst().orElseThrow();
        assertTrue(eprt.startsWith("EPRT |2|"), eprt);
    }

    @Test
    void epsvRefusedOverIpv6IsDiagnosedWithoutTryingPasv() throws Exception {
        server.on("EPSV", (c, a) -> c.reply("500 'EPSV': command not understood"));
        try (FtpClient ftp = login(CONFIG)) {
            FtpException e = assertThrows(FtpException.class, () -> ftp.retrieve("a", new ByteArrayOutputStream()));
            assertEquals("EPSV", e.diagnosis().command(), e::toString);
            assertEquals(Outcome.SyntaxError, e.diagnosis().outcome(), e::toString);
            ftp.noop();
        }
        assertFalse(server.verbs().contains("PASV"), server.commands()::toString);
        assertFalse(server.verbs().contains("RETR"), server.commands()::toString);
    }
}
