package io.github.ftpdoctor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replies that clients print encoded or as an object's fields: structured JSON log lines, a reply kept as bytes,
 * a reply quoted as a string field, {@code [code=N, message=...]} objects, and a reply restated by a Java exception
 * whose frames name the command.
 */
class EncodedLogLinesTest {
    private static final TranscriptAnalyzer ANALYZER = TranscriptAnalyzer.standard();

    private static Finding only(String text) {
        List<Finding> found = ANALYZER.analyze(List.of(text.split("\n", -1)));
        assertEquals(1, found.size(), found::toString);
        return found.get(0);
    }

    @Test
    void aJsonLogLineIsReadByItsMessage() {
        Finding f = only("{\"level\":\"error\",\"msg\":\"Failed to copy: update stor: 552 Quota exceeded\","
                + "\"object\":\"big.iso\",\"source\":\"operations/copy.go:364\",\"time\":\"2024-02-02T10:00:00+01:00\"}");
        assertEquals(Outcome.QuotaExceeded, f.diagnosis().outcome());
        assertEquals(552, (int) f.diagnosis().code());
        assertEquals(1, f.line());
    }

    @Test
    void aJsonLogLineJoinsItsMessageAndItsError() {
        Finding f = only("{\"time\":\"2024-05-01T08:00:00Z\",\"level\":\"ERROR\",\"message\":\"login failed\","
                + "\"error\":\"530 Login incorrect.\"}");
        assertEquals(Outcome.BadCredentialsOrUnknownUser, f.diagnosis().outcome());
    }

    @Test
    void jsonWithoutAMessageOrBrokenJsonIsNoEvidence() {
        assertTrue(ANALYZER.analyze(List.of("{\"level\":\"info\",\"count\":530}")).isEmpty());
        assertTrue(ANALYZER.analyze(List.of("{\"msg\": \"unterminated")).isEmpty());
    }

    @Test
    void aReplyKeptAsBytesIsDecoded() {
        Finding f = only("Error: UnexpectedResponse(Response { status: NotLoggedIn, body: [53, 51, 48, 32, 76, 111,"
                + " 103, 105, 110, 32, 105, 110, 99, 111, 114, 114, 101, 99, 116, 46, 13, 10] })");
        assertEquals(Outcome.BadCredentialsOrUnknownUser, f.diagnosis().outcome());
        assertEquals("530 Login incorrect.", f.diagnosis().reply().toString());
    }

    @Test
    void numbersThatAreNoTextStayNumbers() {
        assertTrue(ANALYZER.analyze(List.of("Error: sizes [530, 1024, 2048, 4096] exceeded")).isEmpty());
    }

    @Test
    void aReplyQuotedAsAFieldIsTheReply() {
        Finding f = only("Error: UnexpectedResponse(Response { status: FileUnavailable, body: \"550 No such file or"
                + " directory.\\r\\n\" })");
        assertEquals(Outcome.FileNotFound, f.diagnosis().outcome());
        assertEquals("550 No such file or directory.", f.diagnosis().reply().toString());
    }

    @Test
    void ftp4jAndDartReplyObjectsAreReplies() {
        Finding java = only("""
                Exception in thread "main" it.sauronsoftware.ftp4j.FTPException [code=530, message= Login incorrect.]
                \tat it.sauronsoftware.ftp4j.FTPClient.login(FTPClient.java:1125)
                \tat Main.main(Main.java:12)""");
        assertEquals(Outcome.BadCredentialsOrUnknownUser, java.diagnosis().outcome());
        assertEquals("PASS", java.diagnosis().command());
        Finding dart = only("E/flutter (12345): Unhandled Exception: FTPConnectException: Error while uploading file"
                + " [FTPReply = [code=552, message=552 Disk full.]]");
        assertEquals(552, (int) dart.diagnosis().code());
        assertEquals(Outcome.InsufficientStorage, dart.diagnosis().outcome());
    }

    @Test
    void framesUnderARestatedReplyNameItsCommand() {
        Finding f = only("""
                Caused by: java.io.IOException: Failed to write to '/in/a.txt.writing'. Server replied with: 550 No such file or directory.
                \tat org.springframework.integration.ftp.session.FtpSession.write(FtpSession.java:117)
                \t... 14 common frames omitted""");
        assertEquals("STOR", f.diagnosis().command());
        assertEquals(1, f.line());
    }

    @Test
    void aJsonErrorObjectWithTheReplyCodeIsThatReply() {
        Finding f = only("{\"message\":\"There are too many connections from your internet address.\","
                + "\"name\":\"Error\",\"code\":421}");
        assertEquals(421, (int) f.diagnosis().code());
        assertEquals(Outcome.PerIpSessionLimit, f.diagnosis().outcome());
    }

    @Test
    void anEmbeddedClientsCodeAndResponseFieldsAreAReply() {
        Finding f = only("[13:38:34.215 VERBOSE @ ftp.cpp:159] Rx code: 500, resp: USER : command not understood.");
        assertEquals(500, (int) f.diagnosis().code());
        assertEquals(Outcome.SyntaxError, f.diagnosis().outcome());
    }

    @Test
    void aReplyQuotedAfterAClientsSentenceOrAsAMultiLineStartIsRead() {
        assertEquals(Outcome.BadCredentialsOrUnknownUser, only("Login failed. 530 Login incorrect. Please contact"
                + " your web hosting service provider").diagnosis().outcome());
        Finding goftp = only("unexpected response: 553-C:\\path\\file: Access denied.");
        assertEquals(553, (int) goftp.diagnosis().code());
    }

    @Test
    void aJsonLineCutShortIsReadByItsMessageAndCode() {
        Finding f = only("{\"message\":\"There are too many connections from your internet address.\",\"stack\":"
                + "\"Error: x\\n    at makeError (connection.js:1067:13)\",\"code\":421},\"msg\":\"There are too");
        assertEquals(Outcome.PerIpSessionLimit, f.diagnosis().outcome());
        assertTrue(ANALYZER.analyze(List.of("{\"level\":\"info\",\"count\":3")).isEmpty());
    }

    @Test
    void erlangsQuotedVerboseLinesAndItsErrorTupleAreRead() {
        Finding f = only("""
                "Sending: PASV"
                "Receiving: 227 Entering Passive Mode (127,0,0,1,17,149)"
                {:error, :timeout}""");
        assertEquals("PASV", f.diagnosis().command());
        assertEquals(3, f.line());
        assertEquals(Outcome.PassivePortsBlocked, f.diagnosis().outcome());
    }
}
