package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpConnectionException;
import io.github.ftpdoctor.transfer.FaultKit.Check;
import io.github.ftpdoctor.transfer.FaultKit.Expect;
import io.github.ftpdoctor.transfer.FaultKit.Fault;
import io.github.ftpdoctor.transfer.FaultKit.Scenario;
import io.github.ftpdoctor.transfer.FaultKit.Step;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault matrix, control connection: at every step of the standard session (greeting, USER, PASS, PWD, CWD, EPSV,
 * PASV, the first and the final reply of RETR, LIST and STOR) the server closes in the middle of a reply line or of
 * a multi-line reply, never answers, drips its reply one byte at a time, or sends 1xx replies and no final one.
 */
class FaultControlTest {
    private static final FaultKit KIT = new FaultKit();

    /** Half of the step's reply line, then the connection closes. */
    private static final Fault HALF_LINE = (c, step) -> {
        byte[] line = step.normal.getBytes(UTF_8);
        c.replyBytes(Arrays.copyOf(line, line.length / 2));
        c.closeControl();
    };

    /** The first lines of a multi-line reply and half of its last line, then the connection closes. */
    private static final Fault HALF_MULTILINE = (c, step) -> {
        String code = step.normal.substring(0, 3);
        c.replyBytes((code + "-" + step.normal.substring(4) + "\r\n a second line\r\n" + code + " La")
                .getBytes(UTF_8));
        c.closeControl();
    };

    /** No reply at all; the connection stays open until the client gives up. */
    private static final Fault SILENT = (c, step) -> c.awaitClientClose();

    /** The step's reply one byte every 60 ms: each byte comes in time, the whole reply does not. */
    private static final Fault DRIP_SLOW = (c, step) -> c.drip((step.normal + "\r\n").getBytes(UTF_8), 60);

    /**
     * A 1xx reply every 100 ms, for 30 s (longer than the harness's safety timeout) or until the client has gone:
     * each reply is complete and in time, the final one never comes.
     */
    private static final Fault ENDLESS_1XX = (c, step) -> {
        long end = System.nanoTime() + 30_000_000_000L;
        try {
            while (System.nanoTime() < end) {
                c.reply("110 Still working on it.");
                Thread.sleep(100); // server-side pacing, not a timing assertion
            }
        } catch (java.net.SocketException gone) {
            c.closeControl();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    };

    private static final EnumSet<Step> PRELIMINARY = EnumSet.of(Step.GREETING, Step.USER, Step.PWD, Step.EPSV);

    private static final EnumSet<Step> DRIPPED = EnumSet.of(Step.GREETING, Step.USER, Step.PWD, Step.PASV, Step.RETR,
            Step.RETR_END);

    @TestFactory
    Stream<DynamicTest> controlFaults(@TempDir Path root) {
        List<Scenario> scenarios = new ArrayList<>();
        for (Step step : Step.values()) {
            scenarios.add(FaultKit.atStep("close mid-line", step, HALF_LINE, closed(step), bytesOfTheData(step)));
            scenarios.add(FaultKit.atStep("close mid-multi-line-reply", step, HALF_MULTILINE, closed(step),
                    bytesOfTheData(step)));
            scenarios.add(FaultKit.atStep("never answer", step, SILENT, timedOut(step), bytesOfTheData(step)));
            if (PRELIMINARY.contains(step)) {
                scenarios.add(FaultKit.atStep("1xx replies and never a final one", step, ENDLESS_1XX, timedOut(step),
                        null));
            }
            if (DRIPPED.contains(step)) {
                scenarios.add(FaultKit.atStep("drip slower than the reply timeout", step, DRIP_SLOW, timedOut(step),
                        bytesOfTheData(step)));
            }
        }
        scenarios.add(FaultKit.custom("drip every reply within the reply timeout: the session succeeds",
                s -> s.dripReplies(3), FaultKit.CONFIG.toBuilder().replyTimeout(Duration.ofSeconds(3)).build(),
                FaultKit::standardSteps, null, null));
        return KIT.tests(root, scenarios);
    }

    /** The server closed mid-reply: the connection is lost, whatever the step (a half greeting is not a ban). */
    private static Expect closed(Step step) {
        return Expect.of(FtpConnectionException.class, Outcome.ConnectionClosed, step.command);
    }

    private static Expect timedOut(Step step) {
        return step == Step.GREETING
                ? Expect.of(FtpConnectionException.class, Outcome.GreetingTimedOut, step.command)
                : Expect.of(FtpConnectionException.class, Outcome.ReplyTimedOut, step.command);
    }

    /** After the data of a transfer, the failure still says how many bytes moved. */
    private static Check bytesOfTheData(Step step) {
        return (e, server, dir) -> {
            if (step.isTransferEnd()) {
                assertEquals(step.dataBytes(), e.bytesTransferred().orElse(-1), () -> FaultKit.describe(e));
            }
        };
    }
}
