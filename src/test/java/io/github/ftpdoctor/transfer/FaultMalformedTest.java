package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpConnectionException;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.FtpProtocolException;
import io.github.ftpdoctor.internal.protocol.HostHistory;
import io.github.ftpdoctor.transfer.FaultKit.Check;
import io.github.ftpdoctor.transfer.FaultKit.Expect;
import io.github.ftpdoctor.transfer.FaultKit.Fault;
import io.github.ftpdoctor.transfer.FaultKit.Scenario;
import io.github.ftpdoctor.transfer.FaultKit.Step;
import java.io.IOException;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault matrix, malformed replies at the greeting, to USER, PWD, RETR and STOR, and as the final reply of RETR:
 * codes out of range, NUL and invalid UTF-8 where the code should be, lines over 8 KiB (one of them never ending),
 * a reply of 100,000 lines. Each is a protocol error (at the greeting, a line that is no reply at all means the port
 * is not an FTP service); the client reads at most 8 KiB per line and 1,000 lines per reply, so memory stays
 * bounded. NUL and invalid UTF-8 inside the text are judged by what the text is used for.
 */
class FaultMalformedTest {
    private static final FaultKit KIT = new FaultKit();
    private static final Step[] STEPS = {Step.GREETING, Step.USER, Step.PWD, Step.RETR, Step.RETR_END, Step.STOR};

    /** A reply line (ISO-8859-1: one char per byte) that is not an RFC 959 reply. No 0xFF: that is Telnet's IAC. */
    private static final List<String> NOT_A_REPLY = List.of(
            "000 zero", "999 nine", "099 below one", "2000 four digits", "20 two digits", "abc no digits", "",
            " 200 leading space", "\0\0\0 NUL code", "2\0\0 NUL in the code", "\u00c3(\u0080 invalid UTF-8 code");

    @TestFactory
    Stream<DynamicTest> malformedReplies(@TempDir Path root) {
        List<Scenario> scenarios = new ArrayList<>();
        for (String line : NOT_A_REPLY) {
            for (Step step : STEPS) {
                Expect expect = step == Step.GREETING
                        ? Expect.of(FtpConnectionException.class, Outcome.NotFtpService, step.command)
                        : protocolError(step);
                scenarios.add(FaultKit.atStep("'" + printable(line) + "'", step, send(line + "\r\n"), expect,
                        check(step, step == Step.GREETING ? TransportEvent.NOT_FTP_GREETING
                                : TransportEvent.MALFORMED_REPLY)));
            }
        }
        for (Step step : STEPS) {
            // a well-formed code of no defined class: RFC 2228's 6yz has no 600, and nothing answers with it
            Expect unexpected = protocolError(step);
            scenarios.add(FaultKit.atStep("'600 out of range'", step, send("600 out of range\r\n"),
                    step == Step.GREETING ? unexpected : unexpected.inStep(),
                    check(step, TransportEvent.UNEXPECTED_REPLY)));
            scenarios.add(FaultKit.atStep("a line of 9,000 bytes", step, send(step.normal.substring(0, 4)
                    + "x".repeat(9000) + "\r\n"), protocolError(step), check(step, TransportEvent.LINE_TOO_LONG)));
            scenarios.add(FaultKit.atStep("a line that never ends", step, ENDLESS_LINE, protocolError(step),
                    check(step, TransportEvent.LINE_TOO_LONG)));
            scenarios.add(FaultKit.atStep("a reply of 100,000 lines", step, HUNDRED_THOUSAND_LINES, protocolError(step),
                    check(step, TransportEvent.REPLY_TOO_LONG)));
        }
        scenarios.addAll(payloads());
        return KIT.tests(root, scenarios);
    }

    /** NUL and invalid UTF-8 inside the text of well-formed replies. */
    private static List<Scenario> payloads() {
        List<Scenario> scenarios = new ArrayList<>();
        // a path the client could never send back (it refuses NUL and CR in arguments) or that lost its bytes
        for (String path : List.of("/a\0b", "/a\rb", "/caf\u00c3(\u0080")) {
            scenarios.add(FaultKit.custom("257 with the path '" + printable(path) + "'",
                    s -> s.on("PWD", handler("257 \"" + path + "\" is the current directory\r\n")), FaultKit.CONFIG,
                    FaultMalformedTest::loginAndPwd,
                    Expect.of(FtpProtocolException.class, Outcome.ProtocolError, "PWD").inStep(),
                    FaultKit.event(TransportEvent.MALFORMED_REPLY)));
        }
        // in a text that is only read, NUL (a Telnet no-op) and undecodable bytes change nothing
        scenarios.add(FaultKit.custom("NUL and invalid UTF-8 in the greeting and the 230 text: the login succeeds",
                s -> {
                    s.greeting(handler("220 Welcome\0 \u00c3(\u0080\r\n"));
                    s.on("PASS", handler("230 Logged\0 in \u00c3\u0028.\r\n"));
                }, FaultKit.CONFIG, FaultMalformedTest::loginAndPwd, null, null));
        Diagnosis refused = Classifier.standard().classify(Reply.of(530, List.of("530 Login incorrect.")),
                new ExchangeContext("PASS", false));
        scenarios.add(FaultKit.custom("invalid UTF-8 and NUL in a 530 to PASS: diagnosed as without them",
                s -> s.on("PASS", handler("530 Login incorrect.\0\u00c3(\u0080\r\n")), FaultKit.CONFIG,
                FaultMalformedTest::loginAndPwd,
                Expect.of(FtpException.of(refused).getClass(), refused.outcome(), "PASS").inStep(),
                (e, server, dir) -> HostHistory.loginSucceeded(server.host(), server.port()))); // forget the failure
        return scenarios;
    }

    private static void loginAndPwd(FtpClient ftp, Path dir) throws IOException {
        ftp.login("user", "secret");
        assertEquals("/", ftp.pwd());
    }

    private static Expect protocolError(Step step) {
        return Expect.of(FtpProtocolException.class, Outcome.ProtocolError, step.command);
    }

    /** The event, and after the data of a transfer, the byte count. */
    private static Check check(Step step, TransportEvent event) {
        return (e, server, dir) -> {
            assertEquals(event, e.diagnosis().event(), () -> FaultKit.describe(e));
            if (step.isTransferEnd()) {
                assertEquals(step.dataBytes(), e.bytesTransferred().orElse(-1), () -> FaultKit.describe(e));
            }
        };
    }

    /** Sends these bytes (ISO-8859-1) and goes on serving. */
    private static Fault send(String bytes) {
        return (c, step) -> c.replyBytes(bytes.getBytes(ISO_8859_1));
    }

    private static ScriptedFtpServer.Handler handler(String bytes) {
        return (c, a) -> c.replyBytes(bytes.getBytes(ISO_8859_1));
    }

    /** The reply's code, then 8 KiB chunks without a line end, up to 16 MiB or until the client has gone. */
    private static final Fault ENDLESS_LINE = (c, step) -> {
        byte[] chunk = "x".repeat(8192).getBytes(ISO_8859_1);
        try {
            c.replyBytes(step.normal.substring(0, 4).getBytes(ISO_8859_1));
            for (int i = 0; i < 2048; i++) {
                c.replyBytes(chunk);
            }
        } catch (SocketException gone) {
            c.closeControl();
        }
    };

    /** A multi-line reply of 100,000 lines (the client stops after 1,000). */
    private static final Fault HUNDRED_THOUSAND_LINES = (c, step) -> {
        String code = step.normal.substring(0, 3);
        try {
            c.replyBytes((code + "-Here it comes\r\n").getBytes(ISO_8859_1));
            StringBuilder batch = new StringBuilder();
            for (int i = 1; i < 100_000; i++) {
                batch.append(" line ").append(i).append("\r\n");
                if (i % 1000 == 0) {
                    c.replyBytes(batch.toString().getBytes(ISO_8859_1));
                    batch.setLength(0);
                }
            }
            c.replyBytes((batch + code + " End\r\n").getBytes(ISO_8859_1));
        } catch (SocketException gone) {
            c.closeControl();
        }
    };

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch < 0x20 || ch > 0x7e ? String.format("\\x%02X", (int) ch) : String.valueOf(ch));
        }
        return b.toString();
    }
}
