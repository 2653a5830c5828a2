package io.github.ftpdoctor.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpCapacityException;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.PerIpSessionLimitException;
import io.github.ftpdoctor.error.TooManyUsersException;
import io.github.ftpdoctor.transfer.FaultKit.Check;
import io.github.ftpdoctor.transfer.FaultKit.Expect;
import io.github.ftpdoctor.transfer.FaultKit.Fault;
import io.github.ftpdoctor.transfer.FaultKit.Scenario;
import io.github.ftpdoctor.transfer.FaultKit.Step;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault matrix, 421: at every step of the standard session, and in the middle of the data of RETR, LIST and STOR,
 * the server sends 421 with the words of real servers and closes. The diagnosis follows the words (service
 * unavailable, idle timeout, shutting down, too many users, too many from one address) and the phase: a server's
 * session limits are met when connecting or logging in, so the same words later in the session are read as the
 * service being unavailable. The session is closed, and a transfer's failure says how many bytes had moved.
 */
class Fault421Test {
    private static final FaultKit KIT = new FaultKit();
    private static final int PART = 70_000;

    /** A 421 text, the outcome and exception type it must give. */
    private record Text(String text, Outcome outcome, Class<? extends FtpException> type, boolean atGreeting) {
        /** What the text means in answer to the command: a session limit only while connecting or logging in. */
        Expect expect(String command) {
            boolean limit = outcome == Outcome.TooManyUsers || outcome == Outcome.PerIpSessionLimit;
            boolean loggingIn = command == null || List.of("CONNECT", "USER", "PASS").contains(command);
            return limit && !loggingIn ? Expect.of(FtpCapacityException.class, Outcome.ServiceUnavailable, command)
                    : Expect.of(type, outcome, command);
        }
    }

    private static final List<Text> TEXTS = List.of(
            // RFC 959's own words: nothing more specific to say (at the greeting: capacity.421-at-greeting)
            new Text("Service not available, closing control connection.", Outcome.ServiceUnavailable,
                    FtpCapacityException.class, true),
            // vsftpd idle_session_timeout / ProFTPD TimeoutLogin
            new Text("Timeout.", Outcome.IdleTimeout, FtpCapacityException.class, false),
            new Text("Login timeout (300 seconds): closing control connection", Outcome.IdleTimeout,
                    FtpCapacityException.class, false),
            // FileZilla Server, ProFTPD ftpshut
            new Text("Server is going offline", Outcome.ServerShuttingDown, FtpCapacityException.class, true),
            // Serv-U
            new Text("Too many users - please try again later.", Outcome.TooManyUsers, TooManyUsersException.class,
                    true),
            // vsftpd max_per_ip
            new Text("There are too many connections from your internet address.", Outcome.PerIpSessionLimit,
                    PerIpSessionLimitException.class, true));

    @TestFactory
    Stream<DynamicTest> replies421(@TempDir Path root) {
        List<Scenario> scenarios = new ArrayList<>();
        for (Text t : TEXTS) {
            Fault fault = (c, step) -> {
                c.reply("421 " + t.text());
                c.closeControl();
            };
            for (Step step : Step.values()) {
                if (step != Step.GREETING || t.atGreeting()) {
                    scenarios.add(FaultKit.atStep("421 " + t.text(), step, fault,
                            t.expect(step.command), transferBytes(step.isTransferEnd()
                                    ? step.dataBytes() : -1)));
                }
            }
            scenarios.add(duringRetr(t));
            scenarios.add(duringList(t));
            scenarios.add(duringStor(t));
        }
        return KIT.tests(root, scenarios);
    }

    /** 150, part of the file, then 421 on the control connection and both connections closed. */
    private static Scenario duringRetr(Text t) {
        return FaultKit.custom("421 " + t.text() + " during the data of RETR", s -> s.on("RETR", (c, a) -> {
            c.reply(Step.RETR.normal);
            c.acceptData().getOutputStream().write(Arrays.copyOf(FaultKit.CONTENT, PART));
            c.reply("421 " + t.text());
            c.closeControl();
        }), FaultKit.CONFIG, FaultKit::standardSteps, t.expect("RETR"), transferBytes(PART));
    }

    /** 150, three lines of the listing, then 421 and both connections closed. */
    private static Scenario duringList(Text t) {
        return FaultKit.custom("421 " + t.text() + " during the data of LIST", s -> s.on("LIST", (c, a) -> {
            c.reply(Step.LIST.normal);
            c.acceptData().getOutputStream().write(Arrays.copyOf(FaultKit.LISTING_BYTES, 150));
            c.reply("421 " + t.text());
            c.closeControl();
        }), FaultKit.CONFIG, FaultKit::standardSteps, t.expect("LIST"), transferBytes(150));
    }

    /** 150, the server reads part of the upload, then 421 and both connections closed. */
    private static Scenario duringStor(Text t) {
        return FaultKit.custom("421 " + t.text() + " during the data of STOR", s -> s.on("STOR", (c, a) -> {
            c.reply(Step.STOR.normal);
            Socket d = c.acceptData();
            d.getInputStream().readNBytes(32 * 1024);
            c.reply("421 " + t.text());
            c.closeControl();
        }), FaultKit.CONFIG, FaultKit::standardSteps, t.expect("STOR"), uploadBytes());
    }

    /** The failure of a transfer carries its byte count: exactly {@code bytes}, or none for other commands (-1). */
    private static Check transferBytes(long bytes) {
        return (e, server, dir) -> {
            if (bytes >= 0) {
                assertEquals(bytes, e.bytesTransferred().orElse(-1), () -> FaultKit.describe(e));
            }
        };
    }

    /** Some of the upload may sit in socket buffers when the 421 comes: at least what the server read was sent. */
    private static Check uploadBytes() {
        return (e, server, dir) -> assertTrue(e.bytesTransferred().orElse(-1) >= 32 * 1024, () -> FaultKit.describe(e));
    }
}
