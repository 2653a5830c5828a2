package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.FtpUrl;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.testsupport.RecordingListener;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Events of failed transfers against the scripted server: each failure is reported once, where it happened. */
@Timeout(30)
class ScriptedEventsTest {
    private final RecordingListener events = new RecordingListener();
    private final FtpConfig config = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).dataConnectTimeout(Duration.ofSeconds(2))
            .dataTimeout(Duration.ofSeconds(5)).eventListenerFactory(EventListener.Factory.of(events)).build();
    private ScriptedFtpServer server;

    @BeforeEach
    void createServer() throws Exception {
        server = new ScriptedFtpServer(UTF_8);
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private List<String> transferEvents() {
        return events.only("transferStart", "dataConnectionStart", "dataConnectionOpened", "dataConnectionFailed",
                "dataConnectionClosed", "transferEnd", "transferFailed", "commandFailed");
    }

    @Test
    void aRefusedPassivePortIsADataConnectionFailure() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            dead = s.getLocalPort();
        }
        int port = dead;
        server.on("EPSV", (c, a) -> c.reply("229 Entering Extended Passive Mode (|||" + port + "|)")).start();
        try (FtpClient ftp = FtpClient.connect(server.host(), server.port(), config)) {
            ftp.login("user", "secret");
            assertThrows(FtpException.class, () -> ftp.retrieve("f", new ByteArrayOutputStream()));
        }
        assertEquals(List.of("transferStart RETR f 0 -1", "dataConnectionStart RETR",
                "dataConnectionFailed RETR PassivePortRefused", "transferFailed RETR f 0 PassivePortRefused"),
                transferEvents());
        assertTrue(events.events.contains("commandEnd EPSV 229 Success"), events.events::toString);
        assertEquals("commandStart PASS ****", events.only("commandStart").get(2));
    }

    @Test
    void aRefusedRetrClosesTheUnusedDataConnectionAndFailsTheTransfer() throws Exception {
        server.on("RETR", (c, a) -> c.reply("550 No such file or directory.")).start();
        try (FtpClient ftp = FtpClient.connect(server.host(), server.port(), config)) {
            ftp.login("user", "secret");
            assertThrows(FtpException.class, () -> ftp.retrieve("f", new ByteArrayOutputStream()));
        }
        assertEquals(List.of("transferStart RETR f 0 -1", "dataConnectionStart RETR", "dataConnectionClosed RETR",
                "transferFailed RETR f 0 FileNotFound"), transferEvents());
        assertTrue(events.events.contains("commandEnd RETR 550 FileNotFound"), events.events::toString);
    }

    @Test
    void aTransferRefusedAfterItsDataLeavesASessionThePoolDoesNotReuse() throws Exception {
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection.");
            c.sendData(new byte[100]);
            c.reply("451 Requested action aborted: local error in processing.");
        }).start();
        FtpUrl url = FtpUrl.parse("ftp://user:secret@" + server.host() + ":" + server.port() + "/");
        try (FtpClientPool pool = FtpClientPool.builder(url).config(config).build()) {
            try (FtpClientPool.Lease lease = pool.borrow()) {
                assertThrows(FtpException.class, () -> lease.client().retrieve("f", new ByteArrayOutputStream()));
                lease.client().noop(); // in step: the final reply was read
            }
            assertEquals(0, pool.idle(), "it raised an FtpException: closed, not pooled");
        }
        assertEquals("transferFailed RETR f 100 ServerLocalError", transferEvents().get(transferEvents().size() - 1));
    }

    @Test
    void aConnectionLostMidTransferFailsTheCommandAndTheTransfer() throws Exception {
        server.on("RETR", (c, a) -> {
            c.reply("150 Opening BINARY mode data connection.");
            c.sendData(new byte[1000]);
            c.closeControl();
        }).start();
        try (FtpClient ftp = FtpClient.connect(server.host(), server.port(), config)) {
            ftp.login("user", "secret");
            assertThrows(FtpException.class, () -> ftp.retrieve("f", new ByteArrayOutputStream()));
        }
        assertEquals(List.of("transferStart RETR f 0 -1", "dataConnectionStart RETR",
                "dataConnectionOpened RETR 127.0.0.1", "dataConnectionClosed RETR",
                "commandFailed RETR ConnectionClosed", "transferFailed RETR f 1000 ConnectionClosed"),
                transferEvents());
        assertEquals("sessionEnd", events.events.get(events.events.size() - 1));
    }
}
