package io.github.ftpdoctor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ftpdoctor.diagnosis.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How logs arrive when users paste them: quoted in Markdown, in bold, in another language, in lower case. */
class PastedLogsTest {
    private static final TranscriptAnalyzer ANALYZER = TranscriptAnalyzer.standard();

    private static List<String> said(String text) {
        return ANALYZER.analyze(List.of(text.split("\n", -1))).stream()
                .map(f -> f.line() + " " + f.diagnosis().outcome() + " " + f.diagnosis().command()
                        + (f.cause() ? " cause" : "")).toList();
    }

    @Test
    void aLogQuotedInMarkdownReadsLikeTheLogItself() {
        String plain = """
                Status:\tConnecting to 192.0.2.7:21...
                Response:\t220 Welcome
                Command:\tUSER ann
                Response:\t331 Password required
                Command:\tPASS ****
                Response:\t530 Login incorrect.
                Error:\tCritical error: Could not connect to server""";
        String quoted = plain.lines().map(l -> "> " + l).reduce((a, b) -> a + "\n" + b).orElseThrow();
        String bold = plain.lines().map(l -> "> " + l.replaceFirst("^(\\w+):\t", "**$1:**\t"))
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertEquals(List.of("6 BadCredentialsOrUnknownUser PASS cause"), said(plain));
        assertEquals(said(plain), said(quoted));
        assertEquals(said(plain), said(bold));
    }

    @Test
    void aPythonTracebackQuotedInMarkdownIsStillATraceback() {
        assertEquals(List.of("7 FileNotFound RETR cause"), said("""
                > Traceback (most recent call last):
                >   File "sync.py", line 12, in <module>
                >     ftp.retrbinary("RETR data.csv", out.write)
                >   File "/usr/lib/python3.11/ftplib.py", line 436, in retrbinary
                >     with self.transfercmd(cmd, rest) as conn:
                >   File "/usr/lib/python3.11/ftplib.py", line 393, in transfercmd
                > ftplib.error_perm: 550 Failed to open file."""));
    }

    @Test
    void commandsMarkedWithAnArrowAreNoMarkdownQuote() {
        // a transcript whose first line is a command sent ("> USER"): the marks are its own, not a quote
        assertEquals(List.of("4 BadCredentialsOrUnknownUser PASS cause"), said("""
                > USER ann
                < 331 Password required
                > PASS ****
                < 530 Login incorrect."""));
    }

    @Test
    void aTranslatedLftpStartsANewAttemptAtEachConnection() {
        // lftp -d in German: "Verbinde mit" is "Connecting to"; the second 421 is a greeting too (the same refusal,
        // folded into the first), not an answer to FEAT
        List<String> found = said("""
                ---- Verbinde mit 192.0.2.7 (192.0.2.7) Port 21
                <--- 421 Too many connections (2) from this IP
                ---> FEAT
                ---- Verbinde mit 192.0.2.7 (192.0.2.7) Port 21
                <--- 421 Too many connections (2) from this IP""");
        assertEquals(List.of("2 " + Outcome.PerIpSessionLimit + " CONNECT cause"), found);
    }

    @Test
    void aClientThatWritesItsLoginInLowerCaseWritesItsOtherCommandsSo() {
        assertEquals(List.of("9 FileUnavailable SIZE cause"), said("""
                220 (vsFTPd 3.0.5)
                user ann
                331 Please specify the password.
                pass ****
                230 Login successful.
                cwd /in
                250 Directory successfully changed.
                size report.csv
                550 Could not get file size."""));
    }

    private static String passiveLog(String server, String announced) {
        return """
                Status:\tConnecting to %s:21...
                Status:\tConnection established, waiting for welcome message...
                Response:\t220 Ready
                Command:\tPASV
                Response:\t227 Entering Passive Mode (%s,195,80).
                Command:\tLIST
                Error:\tThe data connection could not be established: ECONNREFUSED - Connection refused by server"""
                .formatted(server, announced.replace('.', ','));
    }

    @Test
    void aPassiveAddressTheClientCannotReachIsNamedAsSuch() {
        // behind NAT: reached at a public address, the server announces its inside one (RFC 1918)
        assertEquals(List.of("7 PassiveAddressUnroutable LIST cause"), said(passiveLog("203.0.113.5", "192.168.1.20")));
        // a loopback address from a server on another host
        assertEquals(List.of("7 PassiveAddressUnroutable LIST cause"), said(passiveLog("192.168.1.20", "127.0.0.1")));
        // on the same LAN, or announcing its own address: the address is fine, the port refused
        assertEquals(List.of("7 PassivePortRefused LIST cause"), said(passiveLog("192.168.1.20", "192.168.1.20")));
        assertEquals(List.of("7 PassivePortRefused LIST cause"), said(passiveLog("203.0.113.5", "203.0.113.5")));
    }

    @Test
    void perlNetFtpDebugOutputIsATranscript() {
        assertEquals(List.of("8 PermissionDenied STOR cause"), said("""
                Net::FTP>>> Net::FTP(3.15)
                Net::FTP=GLOB(0x5581e2a3c1b8)<<< 220 Service ready
                Net::FTP=GLOB(0x5581e2a3c1b8)>>> USER ann
                Net::FTP=GLOB(0x5581e2a3c1b8)<<< 331 Password required
                Net::FTP=GLOB(0x5581e2a3c1b8)>>> PASS ....
                Net::FTP=GLOB(0x5581e2a3c1b8)<<< 230 Logged in
                Net::FTP=GLOB(0x5581e2a3c1b8)>>> STOR a.txt
                Net::FTP=GLOB(0x5581e2a3c1b8)<<< 553 Permission denied."""));
    }

    @Test
    void debugLinesThatQuoteWhatWasReadUnderSeveralBracketedFields() {
        // [time] [level] then the arrow, the reply as a string literal with its line end escaped
        assertEquals(List.of("6 IdleTimeout LIST cause"), said("""
                [11-20 10:38:18] [debug] < '220 Ready\\r\\n'
                [11-20 10:38:18] [debug] > USER ann
                [11-20 10:38:18] [debug] < '331 Password required\\r\\n'
                [11-20 10:38:19] [debug] < '230 Logged in\\r\\n'
                [11-20 10:38:19] [debug] > LIST
                [11-20 10:48:19] [debug] < '421 Idle timeout (600 seconds): closing control connection\\r\\n'"""));
    }

    @Test
    void aReplyPastedUnderAMessageWithAQuoteMarkIsAReply() {
        List<String> found = said("""
                Upload failed, the server said:

                > 530 TLS is required for this account.""");
        assertEquals(1, found.size(), found::toString);
        assertEquals("3 " + Outcome.TlsRequired, found.get(0).substring(0, found.get(0).indexOf(' ', 2)));
    }

    @Test
    void aClientThatSaysItWasLoggingInNamesTheCommand() {
        // a per-user limit is no answer to the connection: the client's words say the login was under way
        assertEquals(List.of("1 PerUserSessionLimit PASS cause"), said(
                "2024/01/02 10:35:05 ERROR : ftp://h:21: Error while Logging in into h:21: 421 Only 2 sessions for the same user"));
    }

    @Test
    void fluentFtpKeepsTheCodeOfTheReplyItThrowsFor() {
        assertEquals(List.of("1 FileNotFound null cause"), said(
                " ---> FluentFTP.Exceptions.FtpCommandException: Code: 550 Message: No such file or directory"));
    }

    @Test
    void aFileActionCodeIsNoGreeting() {
        // RFC 959 gives 450 to file commands only: "busy" in it is a file's, not a full server's
        assertEquals(List.of("1 FileBusy null cause"), said(
                "System.Net.WebException: The remote server returned an error: (450) File unavailable (e.g., file busy)."));
    }

    @Test
    void anExceptionAfterAnApplicationsWordsOrAsAnInnerExceptionIsStillOne() {
        assertEquals(List.of("1 NotLoggedIn null cause"), said(
                "Backup failed: System.Net.WebException: The remote server returned an error: (530) Not logged in."));
        assertEquals(List.of("1 NotLoggedIn null cause"), said(
                " ---> System.Net.WebException: The remote server returned an error: (530) Not logged in."));
    }
}
