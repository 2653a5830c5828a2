package io.github.ftpdoctor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lines that clients write around a failure in ways the earlier formats did not cover: Windows' own socket errors in
 * the language of a localized Windows, .NET's inner exception on the same line as the outer one, Commons Net's
 * "Server Reply:" under a reply it could not parse, a reply quoted in parentheses at the end of a message, replies
 * written right after {@code <}, and numbers in a program's output that are no reply.
 */
class ForeignClientLinesTest {
    private static final TranscriptAnalyzer ANALYZER = TranscriptAnalyzer.standard();

    private static List<Finding> analyze(String text) {
        return ANALYZER.analyze(List.of(text.split("\n", -1)));
    }

    private static Finding only(String text) {
        List<Finding> found = analyze(text);
        assertEquals(1, found.size(), found::toString);
        return found.get(0);
    }

    /** Each language's text is Windows' own message (reply-catalog/logs/windows-socket-errors.tsv). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            System.Net.Sockets.SocketException (10061): 由于目标计算机积极拒绝，无法连接。 127.0.0.1:21     | ConnectionRefused
            [WinError 10061] No se puede establecer una conexión ya que el equipo de destino denegó expresamente dicha conexión | ConnectionRefused
            SocketException: Aucune connexion n’a pu être établie car l’ordinateur cible l’a expressément refusée. | ConnectionRefused
            [WinError 11001] 不知道这样的主机。                                                             | HostNotFound
            """)
    void windowsSocketErrorsInTheirOwnLanguage(String line, Outcome expected) {
        assertEquals(expected, only(line).diagnosis().outcome());
    }

    @Test
    void anInnerExceptionOnTheSameLineIsTheCause() {
        Finding f = only("FluentFTP.Exceptions.FtpException: Error while uploading the file to the server. See "
                + "InnerException for more info. ---> System.TimeoutException: Timed out trying to read data from the "
                + "socket stream!");
        // the read timed out on a connection that was made: no reply came, the host was reached
        assertTrue(f.diagnosis().outcome() != Outcome.ConnectionTimedOut, f::toString);
        assertTrue(f.diagnosis().detail().contains("TimeoutException") || f.toString().contains("TimeoutException"),
                f::toString);
    }

    /** GnuTLS's own error strings (gnutls_strerror), as FileZilla prints them. */
    @Test
    void gnuTlsErrorsSayWhatHappenedToTheConnection() {
        List<Finding> closed = analyze("""
                Command:\tPASS ********
                Error:\tGnuTLS error -110 in gnutls_record_recv: The TLS connection was non-properly terminated.
                """);
        assertEquals(Outcome.ConnectionClosed, closed.get(closed.size() - 1).diagnosis().outcome());
        List<Finding> handshake = analyze("Error:\tGnuTLS error -15: An unexpected TLS packet was received.");
        assertEquals(Outcome.TlsHandshakeFailed, handshake.get(handshake.size() - 1).diagnosis().outcome());
    }

    /** FluentFTP's frames name the command under way, in English as .NET prints them. */
    @Test
    void fluentFtpFramesPlaceATimeOut() {
        Finding passive = only("""
                System.TimeoutException: Timed out trying to connect!
                   at FluentFTP.FtpSocketStream.ConnectAsync(String host, Int32 port, FtpIpVersion ipVersions, CancellationToken token)
                   at FluentFTP.AsyncFtpClient.OpenPassiveDataStreamAsync(FtpDataConnectionType type, String command, Int64 restart, CancellationToken token)
                   at FluentFTP.AsyncFtpClient.UploadFile(String localPath, String remotePath)
                """);
        assertEquals(Outcome.PassivePortsBlocked, passive.diagnosis().outcome());
        Finding reply = only("""
                System.TimeoutException: Timed out trying to read data from the socket stream!
                   at FluentFTP.FtpSocketStream.ReadLine(Encoding encoding)
                   at FluentFTP.FtpClient.OpenPassiveDataStream(FtpDataConnectionType type, String command, Int64 restart)
                """);
        assertEquals(Outcome.ReplyTimedOut, reply.diagnosis().outcome());
        Finding alone = only("System.TimeoutException: Timed out trying to read data from the socket stream!");
        assertTrue(alone.cause(), alone::toString);
    }

    /** A log that stops at a passive reply to 0.0.0.0 stops where the client could not follow it. */
    @Test
    void aLogThatEndsAtAPassiveReplyToNowhere() {
        Finding f = only("""
                220 ready
                USER bob
                331 Password required
                PASS x
                230 Logged in
                227 Entering Passive Mode (0,0,0,0,195,80).
                """);
        assertEquals(Outcome.PassiveAddressUnroutable, f.diagnosis().outcome());
        assertEquals(6, f.line());
        assertTrue(analyze("""
                220 ready
                PASV
                227 Entering Passive Mode (0,0,0,0,195,80).
                LIST
                150 Here comes the directory listing.
                226 Directory send OK.
                """).isEmpty(), "the client found its way (it used the control connection's address)");
    }

    @Test
    void commonsNetsServerReplyLineShowsAnSshServer() {
        Finding f = only("""
                org.apache.commons.net.MalformedServerReplyException: Could not parse response code.
                Server Reply: SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3
                """);
        assertEquals(Outcome.NotFtpService, f.diagnosis().outcome());
        assertEquals(2, f.line());
    }

    @Test
    void aReplyInParenthesesAtTheEndOfAMessageIsRestated() {
        Finding f = only("[-] Failed to download the file. Response: (550 Could not get file size.)");
        assertEquals(550, (int) f.diagnosis().code());
        assertEquals("Could not get file size.", f.diagnosis().reply().text());
    }

    @Test
    void aReplyRightAfterTheArrowIsAReply() {
        List<Finding> found = analyze("""
                <220 Microsoft FTP Service
                >STOR a.txt
                <550 Access is denied.
                """);
        Finding last = found.get(found.size() - 1);
        assertEquals(550, (int) last.diagnosis().code());
        assertEquals(Outcome.PermissionDenied, last.diagnosis().outcome());
    }

    @Test
    void numbersInAProgramsOutputAreNoReplies() {
        Finding f = only("""
                Subsampling genomes... done.
                  473 genomes read.
                  313 genomes retained.
                ftplib.error_temp: 425 Unable to build data connection: Connection refused
                """);
        assertEquals(425, (int) f.diagnosis().code());
        assertEquals(4, f.line());
    }

    /**
     * PHP's ext/ftp warnings quote a reply's text, but their own words for the connection (php_ftp.c,
     * ftp_fopen_wrapper.c: "Unable to activate SSL mode", "SSL/TLS handshake failed", getaddrinfo and errno texts)
     * are the client's, read as events; "func(): message" is a message, not a call in code.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PHP Warning:  ftp_login(): SSL/TLS handshake failed in /srv/app/sync.php on line 41                    | TlsHandshakeFailed
            Warning: ftp_connect(): php_network_getaddresses: getaddrinfo for files.example.net failed: Name or service not known in /srv/a.php on line 7 | HostNotFound
            PHP Warning:  ftp_connect(): Connection refused in /srv/app/sync.php on line 12                       | ConnectionRefused
            fopen(ftps://files.example.net/in/a.csv): Failed to open stream: Unable to activate SSL mode           | TlsHandshakeFailed
            PHP Warning:  ftp_login(): Login authentication failed in /srv/app/sync.php on line 14                | BadCredentialsOrUnknownUser
            """)
    void phpWarningsAreTheClientsWordsOrTheServersText(String line, Outcome expected) {
        assertEquals(expected, only(line).diagnosis().outcome());
    }

    /** A statement that calls a function is still code: no evidence, even with a reply code in it. */
    @Test
    void aCallWithoutAMessageAfterItIsStillCode() {
        assertTrue(analyze("ftp_login($conn, $user, $pass); // 530 if the password is wrong").isEmpty());
        assertTrue(analyze("check(reply(530, text))").isEmpty());
    }

    /** The positive reply a client quotes beside its own failure is where the session stood, not the failure. */
    @Test
    void aPositiveReplyQuotedBesideAFailureIsNotTheFailure() {
        Finding f = only("opendir(ftps://files.example.net/): Failed to open directory: Unable to activate SSL mode"
                + " FTP server reports 150 Here comes the directory listing.");
        assertEquals(Outcome.TlsHandshakeFailed, f.diagnosis().outcome());
    }

    /** Docker Compose prefixes each line with the service: the line after it is read as it would be alone. */
    @Test
    void dockerComposePrefixesAreNotPartOfTheLine() {
        List<Finding> found = analyze("""
                uploader-1  | *cmd* 'PASS **********'
                uploader-1  | *resp* '530 Login incorrect.'
                uploader-1  | ftplib.error_perm: 530 Login incorrect.
                """);
        assertEquals(Outcome.BadCredentialsOrUnknownUser, found.get(0).diagnosis().outcome(), found::toString);
        assertEquals(2, found.get(0).line());
        assertEquals(LogFormat.PYTHON, found.get(0).format());
    }

    /** A reply quoted in square brackets at a message's end, its closing bracket cut off by the reply's line end. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            com.example.sync.FtpSyncException: Upload refused. Server message: [552 Disk quota exceeded]  | QuotaExceeded
            Upload refused. Server message: [530 Login incorrect.                                        | BadCredentialsOrUnknownUser
            """)
    void aReplyInSquareBrackets(String line, Outcome expected) {
        assertEquals(expected, only(line).diagnosis().outcome());
    }

    @Test
    void numbersInSquareBracketsAreNoReply() {
        assertTrue(analyze("Loaded [200 files] in 3 s").isEmpty());
        assertTrue(analyze("total = values[250 - offset]").isEmpty());
    }

    /** Wput: its debug lines (----> command, [code] 'text') and its progress line that quotes the text alone. */
    @Test
    void wputsDebugAndProgressLines() {
        Finding debug = analyze("""
                Logging in as carol ... ---->USER carol
                [331] 'Password required for carol'
                ---->PASS xxxxx
                [530] 'Login incorrect.'
                """).get(0);
        assertEquals(Outcome.BadCredentialsOrUnknownUser, debug.diagnosis().outcome());
        assertEquals(4, debug.line());
        Finding progress = only("==> STOR nightly.tar.gz ... Send Failed (Disk quota exceeded) Skipping this file");
        assertEquals(Outcome.QuotaExceeded, progress.diagnosis().outcome());
        assertEquals("STOR", progress.diagnosis().command());
        // words in parentheses that no server's phrasing in the catalog has are not made a reply
        assertTrue(analyze("==> STOR a.bin ... Send Failed (the weather was bad) Skipping this file").isEmpty());
    }

    /** yafc prints the server's words without their codes after it says it connected. */
    @Test
    void repliesWithoutCodesAfterTheConnection() {
        List<Finding> found = analyze("""
                Connecting to ftp.example.net at port 21...
                Connected to ftp.example.net ([192.0.2.7]:21).
                Welcome to the archive
                Login incorrect.
                """);
        assertEquals(1, found.size(), found::toString);
        assertEquals(Outcome.BadCredentialsOrUnknownUser, found.get(0).diagnosis().outcome());
        assertEquals(4, found.get(0).line());
        // a failure a rule's certain pattern reads (ProFTPD mod_ban's BanMessage), but no catch-all pattern
        assertEquals(Outcome.LikelyBanned, only("Connected to ftp.example.net.\nHost 198.51.100.7 has been banned")
                .diagnosis().outcome());
        // never a client's status line, nor a line that starts with a login command (its argument may be secret)
        assertTrue(analyze("Connected to ftp.example.net.\nStatus: PASS s3cret 421 Timeout.").stream()
                .noneMatch(f -> f.toString().contains("s3cret")));
        // not words no server writes
        assertTrue(analyze("""
                Connected to ftp.example.net ([192.0.2.7]:21).
                The backup job starts at noon.
                """).isEmpty());
    }

    /** What answered is no FTP server: an SSH banner, an SMTP greeting; what follows is its consequence. */
    @Test
    void otherServicesOnTheFtpPort() {
        Finding ssh = only("""
                Connected to files.example.net ([192.0.2.9]:2222).
                SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6
                """);
        assertEquals(Outcome.NotFtpService, ssh.diagnosis().outcome());
        Finding smtp = only("""
                Connected to mail.example.net.
                220 mx1.example.net ESMTP Exim 4.96 Tue, 01 Dec 2026 10:00:00 +0000
                USER deploy
                500 5.5.1 Command unrecognized: "USER deploy"
                """);
        assertEquals(Outcome.NotFtpService, smtp.diagnosis().outcome());
        assertEquals(List.of(4), smtp.folded());
    }

    /** aria2 names its own error codes (the manual's EXIT STATUS), the innermost line saying why. */
    @Test
    void aria2ErrorCodes() {
        List<Finding> found = analyze("""
                Exception: [AbstractCommand.cc:351] errorCode=3 URI=ftp://192.0.2.4/pub/a.iso
                  -> [FtpNegotiationCommand.cc:885] errorCode=3 Resource not found
                """);
        assertEquals(Outcome.FileNotFound, found.get(found.size() - 1).diagnosis().outcome(), found::toString);
        assertEquals(2, found.get(found.size() - 1).line());
        assertEquals(Outcome.HostNotFound, only("Exception: [AbstractCommand.cc:351] errorCode=19 Name resolution "
                + "for files.example.invalid failed").diagnosis().outcome());
    }

    /** A Node error printed whole: the reply's code is in its properties, below the stack. */
    @Test
    void aNodeErrorsCodeBelowItsStack() {
        Finding f = only("""
                sync failed: Error: Requested action not taken. File name not allowed.
                    at makeError (/srv/app/node_modules/ftp/lib/connection.js:1067:13)
                    at Parser.<anonymous> (/srv/app/node_modules/ftp/lib/connection.js:113:25) {
                  code: 553
                }
                """);
        assertEquals(Outcome.FileNameNotAllowed, f.diagnosis().outcome());
        assertEquals(1, f.line());
    }

    /** A program's message that names the code last: "... code=421". */
    @Test
    void aMessageThatNamesItsCodeLast() {
        assertEquals(Outcome.IdleTimeout,
                only("[worker] ftp error: Timeout (No activity). code=421").diagnosis().outcome());
    }

    /** The debug package's namespaces name the side; an object printed whole is read line by line. */
    @Test
    void debugNamespacesNameTheSide() {
        Finding f = only("""
                2026-12-01T10:00:00.000Z jsftp:command stor report.csv
                2026-12-01T10:00:00.001Z jsftp:response {
                  code: 553,
                  text: '553 Could not create file.',
                }
                2026-12-01T10:00:00.002Z jsftp:response 553 Could not create file.
                """);
        assertEquals(Outcome.FileUnavailable, f.diagnosis().outcome());
        assertEquals(6, f.line());
    }

    /** Terminal colours and NUL bytes are no part of what a line says. */
    @Test
    void controlCharactersAreRemoved() {
        assertEquals(Outcome.NotLoggedIn, only("\u001B[1;31m530 Please login with USER and PASS.\u001B[0m")
                .diagnosis().outcome());
        assertEquals(Outcome.PerIpSessionLimit, analyze("\u0000USER bob\n\u0000421 Too many connections (5) from "
                + "this IP").get(0).diagnosis().outcome());
    }

    /** A refusal on writing means the connection was made; a 426 after it says it was the data connection. */
    @Test
    void aResetWhileWritingThenTheServersWord() {
        List<Finding> found = analyze("""
                upload failed: 2 errors occurred:
                	* write tcp 192.0.2.10:50812->192.0.2.20:40001: write: connection reset by peer
                	* 426 Failure writing network stream.
                """);
        Finding cause = found.stream().filter(Finding::cause).findFirst().orElseThrow();
        assertEquals(Outcome.TransferAborted, cause.diagnosis().outcome(), found::toString);
        assertTrue(found.stream().noneMatch(x -> x.diagnosis().outcome() == Outcome.LikelyBanned), found::toString);
    }

    /** "Connection refused" on the line that says it was connecting: the connection was never made. */
    @Test
    void refusedOnTheConnectingLine() {
        assertEquals(Outcome.ConnectionRefused, only("Connecting to 192.0.2.5:21... connectedReceive-Error: read() "
                + "failed. (errno: Connection refused (111))").diagnosis().outcome());
    }

    /** A probe (FEAT) refused with words about the server itself is no mere refused probe. */
    @Test
    void aProbeRefusedForTheServersState() {
        Finding f = analyze("""
                FEAT
                421 Server is going down for maintenance, try again in 10 minutes
                """).get(0);
        assertTrue(f.cause(), f::toString);
    }

    /** The exception that ended the program restates a failure the session had carried on after. */
    @Test
    void theLastExceptionRestatesTheFailureThatEndedIt() {
        List<Finding> found = analyze("""
                *cmd* 'MLSD'
                *resp* '550 Permission denied.'
                *cmd* 'CWD /'
                *resp* '250 Directory successfully changed.'
                Traceback (most recent call last):
                  File "sync.py", line 9, in <module>
                ftputil.error.PermanentError: 550 Permission denied.
                """);
        Finding cause = found.stream().filter(Finding::cause).findFirst().orElseThrow(() -> new AssertionError(found));
        assertEquals(2, cause.line());
        assertEquals(Outcome.PermissionDenied, cause.diagnosis().outcome());
    }

    /** Wput's messages that quote a server's text, in the languages it ships (reply-catalog/logs/wput-messages.tsv). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Verzenden Mislukt (Disk quota exceeded) Dit bestand wordt overgeslagen                | QuotaExceeded
            Wysyłanie nie powiodło się (Permission denied.) Pomijam ten plik                     | PermissionDenied
            Ошибка подключения (Too many connections (8) from this IP)                           | PerIpSessionLimit
            """)
    void wputQuotesTheServerInItsOwnLanguage(String line, Outcome expected) {
        assertEquals(expected, only(line).diagnosis().outcome());
    }

    /** lftp asks the SIZE of a file whose STOR just failed: that refusal follows from the failure. */
    @Test
    void aSizeAfterAFailedUploadIsItsConsequence() {
        List<Finding> found = analyze("""
                ---> STOR db.dump
                <--- 150 Ok to send data.
                <--- 552 Disk quota exceeded
                ---> SIZE db.dump
                <--- 550 Could not get file size.
                """);
        assertEquals(1, found.size(), found::toString);
        assertEquals(Outcome.QuotaExceeded, found.get(0).diagnosis().outcome());
        assertEquals(List.of(5), found.get(0).folded());
    }
}
