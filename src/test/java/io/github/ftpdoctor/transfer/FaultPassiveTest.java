package io.github.ftpdoctor.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpProtocolException;
import io.github.ftpdoctor.error.FtpTransferException;
import io.github.ftpdoctor.transfer.FaultKit.Check;
import io.github.ftpdoctor.transfer.FaultKit.Expect;
import io.github.ftpdoctor.transfer.FaultKit.Scenario;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault matrix, passive mode: 227 and 229 replies that cannot be parsed are protocol errors that leave the session in
 * step (no RETR is sent); a 227 naming another host is used only for its port, the client connecting to the control
 * connection's peer (127.0.0.1 here: no test connects anywhere else).
 */
class FaultPassiveTest {
    private static final FaultKit KIT = new FaultKit();

    private static final List<String> BAD_227 = List.of(
            "227 ok",
            "227",
            "227 Entering Passive Mode (1,2,3).",
            "227 Entering Passive Mode (,,,,,).",
            "227 Entering Passive Mode (999,1,1,1,1,1).",
            "227 Entering Passive Mode (127,0,0,1,0,0).",
            "227 Entering Passive Mode (127,0,0,1,-4,1).",
            "227 Entering Passive Mode (127,0,0,1,-1,-1).",
            "227 Entering Passive Mode (127,0,0,1,256,1).",
            "227 Entering Passive Mode (127,0,0,1,99999,99999).",
            "227 Entering Passive Mode (127,0,0,1,4294967296,1).");

    private static final List<String> BAD_229 = List.of(
            "229 Entering Extended Passive Mode",
            "229 Entering Extended Passive Mode (|||abc|)",
            "229 Entering Extended Passive Mode (|||70000|)",
            "229 Entering Extended Passive Mode (|||0|)",
            "229 Entering Extended Passive Mode (|||-21|)",
            "229 Entering Extended Passive Mode (|||99999999999999999999|)",
            "229 Entering Extended Passive Mode (|1|8.8.8.8|2121|)");

    /** Hosts a 227 may name; the client must connect to 127.0.0.1 anyway. */
    private static final List<String> OTHER_HOSTS = List.of("10,1,2,3", "8,8,8,8", "0,0,0,0", "255,255,255,255");

    @TestFactory
    Stream<DynamicTest> passiveReplies(@TempDir Path root) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String reply : BAD_227) {
            scenarios.add(FaultKit.custom("PASV answered '" + reply + "'", s -> {
                s.on("EPSV", (c, a) -> c.reply("500 'EPSV': command not understood"));
                s.on("PASV", (c, a) -> c.reply(reply));
            }, FaultKit.CONFIG, FaultPassiveTest::download,
                    Expect.of(FtpProtocolException.class, Outcome.ProtocolError, "PASV").inStep(), malformedNoRetr()));
        }
        for (String reply : BAD_229) {
            scenarios.add(FaultKit.custom("EPSV answered '" + reply + "'", s -> s.on("EPSV", (c, a) -> c.reply(reply)),
                    FaultKit.CONFIG, FaultPassiveTest::download,
                    Expect.of(FtpProtocolException.class, Outcome.ProtocolError, "EPSV").inStep(), malformedNoRetr()));
        }
        for (String host : OTHER_HOSTS) {
            List<InetAddress> dataPeers = new CopyOnWriteArrayList<>();
            scenarios.add(FaultKit.custom("PASV names host " + host.replace(',', '.')
                    + ": the data connection goes to the control peer", s -> {
                        s.on("EPSV", (c, a) -> c.reply("500 'EPSV': command not understood"));
                        s.on("PASV", (c, a) -> c.reply("227 Entering Passive Mode ("
                                + ScriptedFtpServer.pasvTuple(host, c.openPassive()) + ")."));
                        s.on("RETR", (c, a) -> {
                            c.reply(FaultKit.Step.RETR.normal);
                            dataPeers.add(c.acceptData().getInetAddress());
                            c.data().getOutputStream().write(FaultKit.CONTENT);
                            c.closeData();
                            c.reply(FaultKit.Step.RETR_END.normal);
                        });
                    }, FaultKit.CONFIG, FaultPassiveTest::download, null, (e, server, dir) -> {
                        assertArrayEquals(FaultKit.CONTENT, Files.readAllBytes(dir.resolve(FaultKit.FILE)));
                        assertEquals(List.of(InetAddress.getByName("127.0.0.1")), dataPeers);
                    }));
        }
        scenarios.add(FaultKit.custom("EPSV names a port nobody listens on", s -> s.on("EPSV",
                (c, a) -> c.reply("229 Entering Extended Passive Mode (|||" + closedPort() + "|)")),
                FaultKit.CONFIG, FaultPassiveTest::download,
                Expect.of(FtpTransferException.class, Outcome.PassivePortRefused, "RETR").inStep(),
                (e, server, dir) -> {
                    assertEquals(TransportEvent.DATA_CONNECT_REFUSED, e.diagnosis().event());
                    assertFalse(server.verbs().contains("RETR"), server.commands()::toString);
                }));
        return KIT.tests(root, scenarios);
    }

    private static void download(FtpClient ftp, Path dir) throws IOException {
        ftp.login("user", "secret");
        ftp.download(FaultKit.FILE, dir.resolve(FaultKit.FILE));
    }

    /** A malformed reply, and the client went no further: RETR was never sent. */
    private static Check malformedNoRetr() {
        return (e, server, dir) -> {
            assertEquals(TransportEvent.MALFORMED_REPLY, e.diagnosis().event(), () -> FaultKit.describe(e));
            assertFalse(server.verbs().contains("RETR"), server.commands()::toString);
        };
    }

    /** A loopback port that was free a moment ago: connecting to it is refused. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
