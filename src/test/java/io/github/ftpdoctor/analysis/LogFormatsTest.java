package io.github.ftpdoctor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the captured logs do not show: tracebacks pasted without debug output, older Python, logs pasted together,
 * probes that did not matter, scripts pasted with their output, this project's Chinese report, and the fallback.
 */
class LogFormatsTest {
    private static final TranscriptAnalyzer ANALYZER = TranscriptAnalyzer.standard();

    private static List<Finding> analyze(String text) {
        return ANALYZER.analyze(List.of(text.split("\n", -1)));
    }

    private static Finding only(String text) {
        List<Finding> found = analyze(text);
        assertEquals(1, found.size(), found::toString);
        return found.get(0);
    }

    /** What each finding says, line by line: equal for a log and its translation. */
    private static List<String> said(String text) {
        return analyze(text).stream().map(f -> f.line() + " " + f.diagnosis().outcome() + " " + f.cause() + " "
                + f.folded() + " " + f.format()).toList();
    }

    /** FileZilla's log from a Chinese or German client reads like the English one (prefixes, messages, attempts). */
    @Test
    void aTranslatedFileZillaLogReadsLikeTheEnglishOne() {
        String english = """
                Status:\tResolving address of ftp.example.com
                Status:\tConnecting to 192.0.2.10:21...
                Error:\tConnection timed out after 20 seconds of inactivity
                Error:\tCould not connect to server
                Status:\tWaiting to retry...
                Status:\tConnecting to 192.0.2.10:21...
                Error:\tConnection refused
                Error:\tCould not connect to server
                Status:\tConnecting to 192.0.2.10:21...
                Status:\tConnection established, waiting for welcome message...
                Response:\t220 Serv-U FTP Server v15.1 ready...
                Command:\tUSER test
                Response:\t331 User name okay, need password.
                Command:\tPASS ******
                Response:\t530 Not logged in, unauthorized IP address.
                Error:\tCritical error: Could not connect to server
                """;
        String chinese = """
                状态:\t正在解析 ftp.example.com 的地址
                状态:\t正在连接 192.0.2.10:21...
                错误:\t20 秒后无活动，连接超时
                错误:\t无法连接到服务器
                状态:\t等待重试...
                状态:\t正在连接 192.0.2.10:21...
                错误:\t连接被拒绝
                错误:\t无法连接到服务器
                状态:\t正在连接 192.0.2.10:21...
                状态:\t连接建立，等待欢迎消息...
                响应:\t220 Serv-U FTP Server v15.1 ready...
                命令:\tUSER test
                响应:\t331 User name okay, need password.
                命令:\tPASS ******
                响应:\t530 Not logged in, unauthorized IP address.
                错误:\t严重错误: 无法连接到服务器
                """;
        String german = """
                Status:\tAuflösen der IP-Adresse für ftp.example.com
                Status:\tVerbinde mit 192.0.2.10:21...
                Fehler:\tZeitüberschreitung der Verbindung nach 20 Sekunden Inaktivität
                Fehler:\tHerstellen der Verbindung zum Server fehlgeschlagen
                Status:\tNächsten Versuch abwarten...
                Status:\tVerbinde mit 192.0.2.10:21...
                Fehler:\tVerbindung verweigert
                Fehler:\tHerstellen der Verbindung zum Server fehlgeschlagen
                Status:\tVerbinde mit 192.0.2.10:21...
                Status:\tVerbindung hergestellt, warte auf Willkommensnachricht...
                Antwort:\t220 Serv-U FTP Server v15.1 ready...
                Befehl:\tUSER test
                Antwort:\t331 User name okay, need password.
                Befehl:\tPASS ******
                Antwort:\t530 Not logged in, unauthorized IP address.
                Fehler:\tKritischer Fehler: Herstellen der Verbindung zum Server fehlgeschlagen
                """;
        List<String> expected = said(english);
        assertEquals(3, expected.size(), expected::toString);
        assertEquals(expected, said(chinese));
        assertEquals(expected, said(german));
    }

    @Test
    void aTracebackPastedAloneNamesTheCommandByTheFtplibMethod() {
        Finding f = only("""
                Traceback (most recent call last):
                  File "/home/me/sync.py", line 5, in <module>
                    ftp.cwd("/nodir")
                  File "/usr/lib/python3.11/ftplib.py", line 625, in cwd
                    return self.voidcmd(cmd)
                  File "/usr/lib/python3.11/ftplib.py", line 286, in voidcmd
                    return self.voidresp()
                  File "/usr/lib/python3.11/ftplib.py", line 254, in getresp
                    raise error_perm(resp)
                ftplib.error_perm: 550 Failed to change directory.
                """);
        assertEquals(10, f.line());
        assertEquals("CWD", f.diagnosis().command());
        assertEquals(550, f.diagnosis().code());
        assertEquals(LogFormat.PYTHON, f.format());
        assertTrue(f.cause());
    }

    @Test
    void olderPythonsSocketTimeoutWhileConnecting() {
        Finding f = only("""
                Traceback (most recent call last):
                  File "backup.py", line 12, in <module>
                    ftp = ftplib.FTP(HOST, timeout=10)
                  File "/usr/lib/python3.8/ftplib.py", line 117, in __init__
                    self.connect(host)
                  File "/usr/lib/python3.8/ftplib.py", line 152, in connect
                    self.sock = socket.create_connection((self.host, self.port), self.timeout,
                  File "/usr/lib/python3.8/socket.py", line 808, in create_connection
                    raise err
                  File "/usr/lib/python3.8/socket.py", line 796, in create_connection
                    sock.connect(sa)
                socket.timeout: timed out
                """);
        assertEquals(12, f.line());
        assertEquals(TransportEvent.CONNECT_TIMEOUT, f.diagnosis().event());
        assertEquals(Outcome.ConnectionTimedOut, f.diagnosis().outcome());
    }

    @Test
    void aScriptPastedWithItsOutputGivesOnlyTheOutput() {
        List<Finding> found = analyze("""
                import ftplib
                f = ftplib.FTP()
                f.connect(host, port, timeout=10)  # connection timed out last night
                f.login("bob", password)
                print("Connection refused?")
                *resp* '220 ready'
                *cmd* 'USER bob'
                *resp* '331 Password required'
                *cmd* 'PASS ********'
                *resp* '530 Login incorrect.'
                ftplib.error_perm: 530 Login incorrect.
                """);
        assertEquals(1, found.size(), found::toString);
        assertEquals(10, found.get(0).line());
        assertEquals(List.of(11), found.get(0).folded());
    }

    @Test
    void aMultiLineReplyInPythonsReprIsOneReply() {
        Finding f = only("""
                *resp* '220 ready'
                *cmd* 'USER anonymous'
                *resp* '530-Sorry, no anonymous access.\\n530 Contact the admin.'
                """);
        assertEquals(2, f.diagnosis().reply().lines().size());
        assertEquals(3, f.line());
    }

    @Test
    void javaCausesRestateTheException() {
        Finding f = only("""
                220 (vsFTPd 3.0.3)
                USER *******
                331 Please specify the password.
                PASS *******
                230 Login successful.
                PASV
                227 Entering Passive Mode (192,168,7,9,195,80).
                java.net.ConnectException: Connection timed out (Connection timed out)
                \tat java.base/sun.nio.ch.Net.connect0(Native Method)
                \tat org.apache.commons.net.ftp.FTPClient._openDataConnection_(FTPClient.java:799)
                Caused by: java.net.SocketTimeoutException: Connect timed out
                \t... 5 more
                """);
        assertEquals(8, f.line());
        assertEquals(TransportEvent.DATA_CONNECT_TIMEOUT, f.diagnosis().event());
        assertEquals(List.of(11), f.folded());
    }

    @Test
    void logsPastedTogetherHaveACauseEach() {
        List<Finding> found = analyze("""
                ---- Connecting to 127.0.0.1 (127.0.0.1) port 21
                **** Socket error (Connection refused) - reconnecting
                ---- Closing control socket
                ls: Fatal error: max-retries exceeded (Connection refused)
                Status:\tConnecting to 127.0.0.1:2121...
                Status:\tConnection established, waiting for welcome message...
                Response:\t220 ProFTPD Server
                Command:\tUSER alice
                Response:\t331 Password required for alice
                Command:\tPASS ******
                Response:\t530 Login incorrect.
                Error:\tCritical error: Could not connect to server
                """);
        assertEquals(2, found.size(), found::toString);
        assertEquals(Outcome.ConnectionRefused, found.get(0).diagnosis().outcome());
        assertEquals(LogFormat.LFTP, found.get(0).format());
        assertEquals(List.of(4), found.get(0).folded());
        assertEquals(Outcome.BadCredentialsOrUnknownUser, found.get(1).diagnosis().outcome());
        assertEquals(LogFormat.FILEZILLA, found.get(1).format());
        assertEquals(List.of(12), found.get(1).folded());
        assertTrue(found.get(0).cause() && found.get(1).cause());
    }

    @Test
    void probesThatDidNotMatterAreNoFailures() {
        assertEquals(List.of(), analyze("""
                220 ready
                USER bob
                331 Password
                PASS x
                230 ok
                FEAT
                500 FEAT not understood
                OPTS UTF8 ON
                501 Invalid argument
                SIZE report.csv
                550 report.csv: not a plain file
                PASV
                227 Entering Passive Mode (127,0,0,1,4,1)
                RETR report.csv
                150 Opening data connection
                226 Transfer complete
                QUIT
                221 Bye
                """), "refused probes the client went on without, and a SIZE before a download that worked");
    }

    @Test
    void aFailureTheSessionWentOnFromIsNoCause() {
        List<Finding> found = analyze("""
                220 ready
                USER bob
                331 Password
                PASS x
                230 ok
                CWD /nodir
                550 /nodir: No such file or directory
                CWD /data
                250 ok
                QUIT
                221 Bye
                """);
        assertEquals(1, found.size(), found::toString);
        assertFalse(found.get(0).cause());
    }

    @Test
    void curlsProgressMeterRedrawsWithCarriageReturnsInsideALine() throws IOException {
        String log = "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
                + "                                 Dload  Upload   Total   Spent    Left  Speed\n"
                + "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0*   Trying 127.0.0.1:21...\n"
                + "* Connected to 127.0.0.1 (127.0.0.1) port 21 (#0)\n"
                + "< 220 ready\n> USER bob\n< 331 Password\n> PASS x\n"
                + "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r"
                + "  0     0    0     0    0     0      0      0 --:--:--  0:00:01 --:--:--     0< 530 Login incorrect.\n"
                + "* Access denied: 530\n";
        List<Finding> found = ANALYZER.analyze(new StringReader(log));
        assertEquals(1, found.size(), found::toString);
        assertEquals(9, found.get(0).line(), "lines counted as an editor counts them");
        assertEquals(List.of(10), found.get(0).folded());
        assertEquals(LogFormat.CURL, found.get(0).format());
    }

    @Test
    void thisProjectsChineseReport() {
        Finding f = only("""
                目标：       ftp://bob:****@127.0.0.1:2121/
                欢迎信息：   220 (vsFTPd 3.0.3)
                结论：       BadCredentialsOrUnknownUser (access, certain)
                服务器应答： 530 Login incorrect.
                所答命令：   PASS
                说明：       登录失败：可能是密码错误，也可能是用户不存在，连接超时也不是。
                会话记录:
                  < 220 (vsFTPd 3.0.3)
                  > USER bob
                  < 331 Please specify the password.
                  > PASS ****
                  < 530 Login incorrect.
                """);
        assertEquals(4, f.line());
        assertEquals("PASS", f.diagnosis().command());
        assertEquals(List.of(12), f.folded());
        assertEquals(LogFormat.FTPDOCTOR, f.format());
    }

    @Test
    void theLibrarysOwnTranscriptLines() {
        Finding f = only("""
                > USER bob
                < 331 Please specify the password.
                > PASS ****
                < 230 Login successful.
                > RETR big.iso
                < 150 Opening BINARY mode data connection for big.iso (734003200 bytes).
                * connection failed: Connection reset
                """);
        assertEquals(7, f.line());
        assertEquals(Outcome.ConnectionClosed, f.diagnosis().outcome());
    }

    @Test
    void theFallbackFindsRepliesInsideOtherText() {
        Finding f = only("""
                I/flutter (13572): [26.03.2020 12:42:48.518] Connecting...
                I/flutter (13572): [26.03.2020 12:42:48.553] < 220 Microsoft FTP Service
                I/flutter (13572): [26.03.2020 12:42:48.554] > USER pbns
                I/flutter (13572): [26.03.2020 12:42:48.661] < 331 Password required
                I/flutter (13572): [26.03.2020 12:42:48.662] > PASS hunter2
                I/flutter (13572): [26.03.2020 12:42:48.767] < 530 User cannot log in.
                """);
        assertEquals(6, f.line());
        assertEquals("PASS", f.diagnosis().command());
        assertEquals(LogFormat.EMBEDDED, f.format());
        assertFalse(f.toString().contains("hunter2"));
    }

    @Test
    void thePublicFormatsAreTheReadersFormats() {
        for (io.github.ftpdoctor.internal.logs.Format f : io.github.ftpdoctor.internal.logs.Format.values()) {
            assertEquals(f.id(), LogFormat.valueOf(f.name()).id());
        }
        assertEquals(io.github.ftpdoctor.internal.logs.Format.values().length, LogFormat.values().length);
    }

    @Test
    void aClientRetryingTheSameRefusalIsOneFinding() {
        Finding f = only("""
                Status:\tConnecting to 127.0.0.1:21...
                Error:\tConnection attempt failed with "ECONNREFUSED - Connection refused by server".
                Error:\tCould not connect to server
                Status:\tWaiting to retry...
                Status:\tConnecting to 127.0.0.1:21...
                Error:\tConnection attempt failed with "ECONNREFUSED - Connection refused by server".
                Error:\tCould not connect to server
                """);
        assertEquals(2, f.line());
        assertEquals(List.of(3, 6, 7), f.folded());
        assertTrue(f.cause());
    }

    @Test
    void otherEcosystemsQuoteRepliesInTheirOwnWays() {
        Finding dotnet = only("""
                Unhandled exception. System.Net.WebException: The remote server returned an error: (550) File unavailable (e.g., file not found, no access).
                   at System.Net.FtpWebRequest.CheckError()
                   at System.Net.FtpWebRequest.GetResponse()""");
        assertEquals(550, dotnet.diagnosis().code(), ".NET's FtpWebRequest puts the code in parentheses");
        assertEquals(1, dotnet.line());
        assertEquals(LogFormat.DOTNET, dotnet.format());

        Finding framework = only("""
                Unhandled Exception: System.Net.WebException: The remote server returned an error: (530) Not logged in.
                   at System.Net.FtpWebRequest.CheckError()
                   at Uploader.Program.Main(String[] args) in C:\\src\\Uploader\\Program.cs:line 27""");
        assertEquals(530, framework.diagnosis().code(), ".NET Framework's own words for an unhandled exception");
        assertEquals(LogFormat.DOTNET, framework.format());

        Finding powerShell = only("""
                PS C:\\scripts> .\\upload.ps1
                Exception calling "GetResponse" with "0" argument(s): "The remote server returned an error: (550) File unavailable (e.g., file not found, no access)."
                At C:\\scripts\\upload.ps1:14 char:1
                + $response = $request.GetResponse()
                + ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
                    + CategoryInfo          : NotSpecified: (:) [], MethodInvocationException
                    + FullyQualifiedErrorId : WebException""");
        assertEquals(550, powerShell.diagnosis().code(), "PowerShell quotes the .NET exception's message");
        assertEquals(2, powerShell.line());
        assertEquals(LogFormat.DOTNET, powerShell.format());
        assertTrue(powerShell.folded().isEmpty(), "the lines of PowerShell's error record are no evidence");
        assertTrue(analyze("+ curl -sS -T report.pdf ftp://127.0.0.1/530/report.pdf\n+ echo 550 done").isEmpty(),
                "a shell's trace of the commands it runs (set -x) is no evidence");

        Finding php = only("PHP Warning:  ftp_login(): Login incorrect. in /var/www/sync.php on line 12");
        assertEquals(Outcome.BadCredentialsOrUnknownUser, php.diagnosis().outcome(),
                "PHP quotes the reply's text alone; vsftpd's and ProFTPD's phrasing gives its code");
        assertEquals("PASS", php.diagnosis().command(), "ftp_login() sends USER and PASS");
        assertEquals(530, php.diagnosis().code());
        Finding fluent = only("FluentFTP.FtpCommandException: Disk full - please upload later");
        assertEquals(Outcome.InsufficientStorage, fluent.diagnosis().outcome());
        assertTrue(analyze("Warning: ftp_nlist(): php_connect_nonb() failed: Operation now in progress (115)")
                .isEmpty(), "PHP's own words (a function call, an errno) are no server's reply");
        assertTrue(analyze("Warning: ftp_chdir(): Nothing that a server would ever say here, really").isEmpty(),
                "a text no server's phrasing in the catalog matches concludes nothing");

        Finding go = only("2026/12/07 03:00:01 ftp: 550 Failed to open file.");
        assertEquals(550, go.diagnosis().code(), "Go's log prefix is a time stamp");

        Finding rclone = only("2026/12/07 03:00:01 Failed to create file system for \"ftp:\": NewFs: failed to make FTP "
                + "connection to \"127.0.0.1:21\": 530 Login incorrect.");
        assertEquals(530, rclone.diagnosis().code(), "an error message that ends by quoting the reply");
        assertTrue(analyze("Summary: 530 files copied, 0 failed").isEmpty(), "a count is no reply");

        Finding lone = only("FTPError: 530 Login incorrect.");
        assertEquals(Outcome.BadCredentialsOrUnknownUser, lone.diagnosis().outcome(),
                "a 530 quoted alone answers a command the log does not show, not the connection");
        Finding greeting = only("Connected to ftp.example.net.\n530 Login incorrect.");
        assertEquals("CONNECT", greeting.diagnosis().command(), "with the connection shown it is the greeting");
    }

    /** A limit "for user bob" pasted alone answered the login, not the connection: no greeting knows the user. */
    @Test
    void aPerUserLimitPastedAloneIsNoGreeting() {
        Finding f = only("Error: 421 Sorry, maximum number of connections for user bob reached");
        assertEquals(Outcome.PerUserSessionLimit, f.diagnosis().outcome());
        Finding full = only("Error: 421 Too many users, server is full");
        assertEquals(Outcome.TooManyUsers, full.diagnosis().outcome());
        assertEquals("CONNECT", full.diagnosis().command());
    }

    /** Windows' text for a reset connection and a handshake that failed, as .NET and Java clients print them. */
    @Test
    void windowsResetAndAFailedHandshakeAreTransportEvents() {
        Finding reset = only("""
                Command:  PASV
                Response: 227 Entering Passive Mode (127,0,0,1,195,80).
                Command:  STOR big.iso
                Response: 150 Opening data channel for file upload to server of "/big.iso"
                Error:    Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.""");
        assertEquals(TransportEvent.DATA_CONNECTION_RESET, reset.diagnosis().event());
        Finding tls = only("java8.nio.file.FileSystemException: /: Handshake failed");
        assertEquals(TransportEvent.TLS_HANDSHAKE_FAILED, tls.diagnosis().event());
    }

    /** Users "from" an address the server names are counted per address. */
    @Test
    void usersCountedFromANamedAddressAreAPerAddressLimit() {
        Finding f = only("ftplib.error_temp: 421 Sorry, there are already 20 users from 46.18.27.62 logged on.");
        assertEquals(Outcome.PerIpSessionLimit, f.diagnosis().outcome());
    }

    /** curl's CURLE_PARTIAL_FILE: the data ended before the size the server announced. */
    @Test
    void curlsTransferClosedWithBytesRemainingIsAnIncompleteTransfer() {
        Finding f = only("""
                > RETR big.bin
                < 150 Opening BINARY mode data connection for big.bin (4194304 bytes).
                * transfer closed with 2883584 bytes remaining to read
                * Closing connection 0
                curl: (18) transfer closed with 2883584 bytes remaining to read""");
        assertEquals(TransportEvent.TRANSFER_INCOMPLETE, f.diagnosis().event());
        assertEquals(3, f.line());
        assertEquals(List.of(5), f.folded());
    }
}
