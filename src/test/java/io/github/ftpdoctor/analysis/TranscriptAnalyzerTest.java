package io.github.ftpdoctor.analysis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.internal.logs.LogAnalysis;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Client logs in every supported format, read by {@link TranscriptAnalyzer}: failures only, at the right lines. */
class TranscriptAnalyzerTest {
    private static final TranscriptAnalyzer ANALYZER = new TranscriptAnalyzer(Classifier.standard());

    // ---- the seed's eight situations, exactly as in the seed file (two blank lines between lines)

    private static final String SEED_1 = """
            1.Connected. Waiting for response.


            220 Serv-U FTP Server v4.0 for WinSock ready...


            USER anonymous


            530 Sorry, no ANONYMOUS access allowed.


            QUIT
            """;
    private static final String SEED_2 = """
            2.Connected. Waiting for response.


            220 Serv-U FTP Server v4.0 for WinSock ready...


            USER test


            331 User name okay, need password.


            PASS xxxxxx


            530 Not logged in.


            QUIT
            """;
    private static final String SEED_3 = """
            3.Connecting to xxx.xxx.xxx.xxx, Port 21 (#1)


            ERROR: Connection timed out
            """;
    private static final String SEED_4 = """
            4.Connecting to xxx.xxx.xxx.xxx Port 21 (#1)


            ERROR: Connection refused
            """;
    private static final String SEED_5 = """
            5.Connecting to xxx.xxx.xxx.xxx, Port 21 (#1)


            Connected. Waiting for response.


            Disconnected from server.


            Connection attempt failed. Waiting for retry...
            """;
    private static final String SEED_6 = """
            6.Connecting to xxx.xxx.xxx.xxx, Port 21 (#1)


            Connected. Waiting for response.


            USER XXX


            331 User name okay, need password


            PASS xxxxxx


            530 Not logged in, unauthorized IP address.


            QUIT
            """;
    private static final String SEED_7 = """
            7.Connected. Waiting for response.


            220 Serv-U FTP Server v4.0 for WinSock ready...


            USER user


            421 Too many users - please try again later.
            """;
    private static final String SEED_8 = """
            8.Connected. Waiting for response.


            220 Serv-U FTP Server v4.0 for WinSock ready...


            USER test


            530 Not logged in, only one(也有可能是two or three) session from same IP allowed at a time.


            QUIT
            """;

    /** The seed document's first part: the eight transcripts with the commentary between them. */
    private static final String SEED_PART_ONE = """
            1.Connected. Waiting for response.


            220 Serv-U FTP Server v4.0 for WinSock ready...


            USER anonymous


            530 Sorry, no ANONYMOUS access allowed.


            QUIT


            这个就是不许匿名登录啦

            2.Connected. Waiting for response.


            220 Serv-U FTP Server v4.0 for WinSock ready...


            USER test


            331 User name okay, need password.


            PASS xxxxxx


            530 Not logged in.


            QUIT


            一般是密码输入错误时出现的信息,但对于Serv-U来说,如果没有这个帐号(test)存在,也会产生同样的出错信息。

            3.Connecting to xxx.xxx.xxx.xxx, Port 21 (#1)


            ERROR: Connection timed out


            这个表明对方未开机,也可能是对方不在你能访问的范围内

            4.Connecting to xxx.xxx.xxx.xxx Port 21 (#1)


            ERROR: Connection refused


            这个一般表明对方已开机,但未开启FTP服务(没有开Serv-U),也可能为对方不提供在这个端口上的服务

            5.Connecting to xxx.xxx.xxx.xxx, Port 21 (#1)


            Connected. Waiting for response.


            Disconnected from server.


            Connection attempt failed. Waiting for retry...


            出现这个信息实在是很倒霉,你极有可能被对方Ban了。如果只是Ban几分钟or几小时or一天还好,不然只有和站长说说好话,让他给你解封吧。

            6.Connecting to xxx.xxx.xxx.xxx, Port 21 (#1)


            Connected. Waiting for response.


            USER XXX


            331 User name okay, need password


            PASS xxxxxx


            530 Not logged in, unauthorized IP address.


            QUIT


            这个有点麻烦,你的IP不在站长允许访问的IP范围内,只有和站长联系,让他把你的IP网段加入Allow Access列表里吧 。

            7.Connected. Waiting for response.


            220 Serv-U FTP Server v4.0 for WinSock ready...


            USER user


            421 Too many users - please try again later.


            哈哈,这个很常见吧,用户太多,去过交大的都知道该怎么做

            8.Connected. Waiting for response.


            220 Serv-U FTP Server v4.0 for WinSock ready...


            USER test


            530 Not logged in, only one(也有可能是two or three) session from same IP allowed at a time.


            QUIT


            每个IP只能开一个(也有可能是two or three) 下载,就不要用多线程啦,小心Ban了你。
            """;

    private static List<Finding> analyze(String text) {
        return ANALYZER.analyze(text.lines().toList());
    }

    private static Finding only(String text) {
        List<Finding> findings = analyze(text);
        assertEquals(1, findings.size(), () -> "expected one finding, got " + findings);
        return findings.get(0);
    }

    private static void assertFinding(Finding f, Outcome outcome, int line, String command) {
        assertEquals(outcome, f.diagnosis().outcome(), f::toString);
        assertEquals(line, f.line(), f::toString);
        assertEquals(command, f.diagnosis().command(), f::toString);
        assertTrue(f.diagnosis().isFailure());
    }

    @Test
    void wgetsOwnFailureLinesNameTheReplyTheyStandFor() {
        // the longest of Wget's sentences wins: "No such file or directory" is LIST's, not "No such file" + a name
        assertFinding(only("==> LIST ... \nNo such file or directory ‘.’.\n"), Outcome.FileNotFound, 2, "LIST");
        assertFinding(only("==> RETR a.txt ... \nDie Datei »a.txt« existiert nicht.\n"), Outcome.FileNotFound, 2,
                "RETR");
        assertFinding(only("==> CWD (1) /x ... \n`x' というディレクトリはありません。\n"), Outcome.FileNotFound, 2, "CWD");
        assertEquals(List.of(), analyze("No such file in this sentence, which Wget never prints.\n"));
    }

    @Test
    void seedSituationsOneByOne() {
        assertFinding(only(SEED_1), Outcome.AnonymousDenied, 7 + 3, "USER");
        assertFinding(only(SEED_2), Outcome.BadCredentialsOrUnknownUser, 16, "PASS");
        assertFinding(only(SEED_3), Outcome.ConnectionTimedOut, 4, "CONNECT");
        assertFinding(only(SEED_4), Outcome.ConnectionRefused, 4, "CONNECT");
        assertFinding(only(SEED_5), Outcome.LikelyBanned, 7, "CONNECT");
        assertFinding(only(SEED_6), Outcome.IpNotAllowed, 16, "PASS");
        assertFinding(only(SEED_7), Outcome.TooManyUsers, 10, "USER");
        assertFinding(only(SEED_8), Outcome.PerIpSessionLimit, 10, "USER");
    }

    @Test
    void seedEventsAreTheTransportEventsOfTheSituations() {
        assertEquals(TransportEvent.CONNECT_TIMEOUT, only(SEED_3).diagnosis().event());
        assertEquals(TransportEvent.CONNECT_REFUSED, only(SEED_4).diagnosis().event());
        assertEquals(TransportEvent.CLOSED_BEFORE_GREETING, only(SEED_5).diagnosis().event());
        assertEquals("530 Sorry, no ANONYMOUS access allowed.", only(SEED_1).diagnosis().reply().toString());
    }

    @Test
    void wholeSeedDocumentGivesTheEightInOrderAndIgnoresTheCommentary() {
        for (String seed : List.of(SEED_1, SEED_2, SEED_3, SEED_4, SEED_5, SEED_6, SEED_7, SEED_8)) {
            assertTrue(SEED_PART_ONE.contains(seed.strip()), "the transcript is the seed's own: " + seed);
        }
        List<Finding> findings = analyze(SEED_PART_ONE);
        assertEquals(List.of(Outcome.AnonymousDenied, Outcome.BadCredentialsOrUnknownUser, Outcome.ConnectionTimedOut,
                        Outcome.ConnectionRefused, Outcome.LikelyBanned, Outcome.IpNotAllowed, Outcome.TooManyUsers,
                        Outcome.PerIpSessionLimit),
                findings.stream().map(f -> f.diagnosis().outcome()).toList(), findings::toString);
        assertEquals(List.of(10, 33, 44, 52, 63, 86, 103, 117), findings.stream().map(Finding::line).toList());
        List<String> lines = SEED_PART_ONE.lines().toList();
        assertEquals("530 Sorry, no ANONYMOUS access allowed.", lines.get(10 - 1));
        assertEquals("Disconnected from server.", lines.get(63 - 1));
    }

    @Test
    void readerAndListGiveTheSameFindings() throws IOException {
        List<Finding> fromList = analyze(SEED_PART_ONE);
        List<Finding> fromReader = ANALYZER.analyze(new StringReader(SEED_PART_ONE.replace("\n", "\r\n")));
        assertEquals(fromList.stream().map(Finding::toString).toList(), fromReader.stream().map(Finding::toString).toList());
        List<Finding> fromCr = ANALYZER.analyze(new StringReader(SEED_PART_ONE.replace("\n", "\r")));
        assertEquals(fromList.stream().map(Finding::line).toList(), fromCr.stream().map(Finding::line).toList());
    }

    // ---- FileZilla

    private static final String FILEZILLA_ANONYMOUS = """
            Status:\tResolving address of ftp.example.org
            Status:\tConnecting to 127.0.0.1:21...
            Status:\tConnection established, waiting for welcome message...
            Response:\t220 (vsFTPd 3.0.3)
            Command:\tUSER anonymous
            Response:\t331 Please specify the password.
            Command:\tPASS ****************
            Response:\t530 Login incorrect.
            Error:\tCritical error: Could not connect to server
            """;

    @Test
    void fileZillaAnonymousLoginRefused() {
        Finding f = only(FILEZILLA_ANONYMOUS);
        assertFinding(f, Outcome.AnonymousDenied, 8, "PASS");
        assertEquals("530 Login incorrect.", f.diagnosis().reply().toString());
    }

    @Test
    void fileZillaLogFileWithTimestamps() {
        StringBuilder log = new StringBuilder();
        FILEZILLA_ANONYMOUS.lines().forEach(l -> log.append("2026-01-02 03:04:05 1234 1 ").append(l).append('\n'));
        assertFinding(only(log.toString()), Outcome.AnonymousDenied, 8, "PASS");
        assertFinding(only(log.toString().replace('\t', ' ')), Outcome.AnonymousDenied, 8, "PASS");
    }

    /**
     * No answer to LIST after PASV: vsftpd and ProFTPD answer a transfer command only once the data connection is
     * made, so FileZilla's inactivity timeout here means the passive port could not be reached.
     */
    @Test
    void fileZillaInactivityTimeoutAfterPasvIsAPassivePortFailure() {
        Finding f = only("""
                Status:\tConnecting to 127.0.0.1:21...
                Status:\tConnection established, waiting for welcome message...
                Response:\t220 (vsFTPd 3.0.3)
                Command:\tUSER bob
                Response:\t331 Please specify the password.
                Command:\tPASS ****
                Response:\t230 Login successful.
                Status:\tLogged in
                Status:\tRetrieving directory listing...
                Command:\tPWD
                Response:\t257 "/home/bob" is the current directory
                Command:\tTYPE I
                Response:\t200 Switching to Binary mode.
                Command:\tPASV
                Response:\t227 Entering Passive Mode (127,0,0,1,156,64).
                Command:\tLIST
                Error:\tConnection timed out after 20 seconds of inactivity
                Error:\tFailed to retrieve directory listing
                Status:\tDisconnected from server
                """);
        assertFinding(f, Outcome.PassivePortsBlocked, 17, "LIST");
        assertEquals(TransportEvent.DATA_CONNECT_TIMEOUT, f.diagnosis().event());
        assertEquals("Connection timed out after 20 seconds of inactivity", f.diagnosis().detail());
        assertEquals(List.of(18), f.folded());
        assertTrue(f.cause());
    }

    @Test
    void fileZillaSilentServerIsAGreetingTimeout() {
        Finding f = only("""
                Status:\tConnecting to 127.0.0.1:21...
                Status:\tConnection established, waiting for welcome message...
                Error:\tConnection timed out after 20 seconds of inactivity
                Error:\tCould not connect to server
                """);
        assertFinding(f, Outcome.GreetingTimedOut, 3, "CONNECT");
    }

    @Test
    void fileZillaRetriesAreSeparateAttempts() {
        List<Finding> findings = analyze("""
                Status:\tConnecting to 127.0.0.1:21...
                Error:\tConnection attempt failed with "ECONNREFUSED - Connection refused by server".
                Error:\tCould not connect to server
                Status:\tWaiting to retry...
                Status:\tConnecting to 127.0.0.1:21...
                Error:\tConnection attempt failed with "ETIMEDOUT - Connection attempt timed out".
                Error:\tCould not connect to server
                Status:\tResolving address of ftp.invalid
                Error:\tConnection attempt failed with "EAI_NONAME - Neither nodename nor servname provided, or not known".
                """);
        assertEquals(3, findings.size(), findings::toString);
        assertFinding(findings.get(0), Outcome.ConnectionRefused, 2, "CONNECT");
        assertFinding(findings.get(1), Outcome.ConnectionTimedOut, 6, "CONNECT");
        assertFinding(findings.get(2), Outcome.HostNotFound, 9, "CONNECT");
    }

    @Test
    void fileZillaCloseMidSessionButNotAfterQuit() {
        Finding f = only("""
                Status:\tConnection established, waiting for welcome message...
                Response:\t220 ProFTPD Server ready.
                Command:\tUSER bob
                Response:\t331 Password required for bob
                Command:\tPASS ****
                Response:\t230 User bob logged in
                Command:\tCWD /data
                Error:\tConnection closed by server
                Status:\tConnecting to 127.0.0.1:21...
                Status:\tConnection established, waiting for welcome message...
                Response:\t220 ProFTPD Server ready.
                Command:\tQUIT
                Response:\t221 Goodbye.
                Status:\tDisconnected from server
                """);
        assertFinding(f, Outcome.ConnectionClosed, 8, "CWD");
        assertEquals(TransportEvent.CLOSED_MID_SESSION, f.diagnosis().event());
    }

    @Test
    void fileZillaDataConnectionFailure() {
        Finding f = only("""
                Response:\t220 (vsFTPd 3.0.3)
                Command:\tPASV
                Response:\t227 Entering Passive Mode (10,0,0,5,156,64).
                Command:\tLIST
                Error:\tThe data connection could not be established: ECONNREFUSED - Connection refused by server
                """);
        assertFinding(f, Outcome.PassivePortRefused, 5, "LIST");
        assertEquals(TransportEvent.DATA_CONNECT_REFUSED, f.diagnosis().event());
    }

    // ---- multi-line replies

    @Test
    void multiLine421GreetingIsOneFindingAndTheCloseIsNoSecond() {
        Finding plain = only("""
                Connected. Waiting for response.
                421-There are too many connections from your internet address.
                421-Please try again in a few minutes.
                421 Closing control connection.
                Disconnected from server.
                """);
        assertFinding(plain, Outcome.PerIpSessionLimit, 2, "CONNECT");
        assertEquals(3, plain.diagnosis().reply().lines().size());

        Finding fileZilla = only("""
                Status:\tConnection established, waiting for welcome message...
                Response:\t421-There are too many connections from your internet address.
                Response:\tPlease try again in a few minutes.
                Response:\t421 Closing control connection.
                Error:\tConnection closed by server
                Error:\tCould not connect to server
                """);
        assertFinding(fileZilla, Outcome.PerIpSessionLimit, 2, "CONNECT");
        assertEquals(3, fileZilla.diagnosis().reply().lines().size());
    }

    @Test
    void multiLinePositiveRepliesAreContextOnly() {
        Finding f = only("""
                220-Welcome to the archive
                 All transfers are logged.
                220 Ready
                USER bob
                331 Password please
                PASS hunter2
                230-Welcome, bob
                230-Quota: 5 GB
                230 Logged in
                CWD /nope
                550 /nope: No such file or directory
                QUIT
                221 Goodbye.
                """);
        assertFinding(f, Outcome.FileNotFound, 11, "CWD");
        assertFalse(f.toString().contains("hunter2"));
    }

    // ---- curl -v

    private static final String CURL_BAD_LOGIN = """
            *   Trying 127.0.0.1:21...
            * Connected to 127.0.0.1 (127.0.0.1) port 21
            < 220 (vsFTPd 3.0.3)
            > USER bob
            < 331 Please specify the password.
            > PASS secret
            < 530 Login incorrect.
            * Access denied: 530
            * Closing connection
            curl: (67) Access denied: 530
            """;

    @Test
    void curlBadLoginNeverShowsThePassword() {
        Finding f = only(CURL_BAD_LOGIN);
        assertFinding(f, Outcome.BadCredentialsOrUnknownUser, 7, "PASS");
        Diagnosis d = f.diagnosis();
        for (String s : new String[] {f.toString(), d.toString(), d.summary(), d.reply().toString(), d.reply().text(),
            String.valueOf(d.detail())}) {
            assertFalse(s.contains("secret"), s);
        }
    }

    @Test
    void curlConnectionFailures() {
        assertFinding(only("""
                *   Trying 127.0.0.1:21...
                * Failed to connect to 127.0.0.1 port 21 after 0 ms: Connection refused
                * Closing connection
                curl: (7) Failed to connect to 127.0.0.1 port 21 after 0 ms: Connection refused
                """), Outcome.ConnectionRefused, 2, "CONNECT");
        assertFinding(only("""
                *   Trying 127.0.0.1:21...
                * connect to 127.0.0.1 port 21 from 127.0.0.1 port 50112 failed: Connection refused
                * Failed to connect to 127.0.0.1 port 21 after 0 ms: Couldn't connect to server
                """), Outcome.ConnectionRefused, 2, "CONNECT");
        assertFinding(only("""
                * Could not resolve host: ftp.invalid
                * Closing connection
                curl: (6) Could not resolve host: ftp.invalid
                """), Outcome.HostNotFound, 1, "CONNECT");
        assertFinding(only("""
                *   Trying 10.255.255.1:21...
                * Connection timed out after 5001 milliseconds
                """), Outcome.ConnectionTimedOut, 2, "CONNECT");
    }

    @Test
    void curlPassiveDataConnectionIsNoNewAttempt() {
        Finding f = only("""
                *   Trying 127.0.0.1:21...
                * Connected to 127.0.0.1 (127.0.0.1) port 21
                < 220 (vsFTPd 3.0.3)
                > USER anonymous
                < 331 Please specify the password.
                > PASS ftp@example.com
                < 230 Login successful.
                > PWD
                < 257 "/" is the current directory
                * Entry path is '/'
                > EPSV
                * Connect data stream passively
                < 229 Entering Extended Passive Mode (|||40000|)
                *   Trying 127.0.0.1:40000...
                * connect to 127.0.0.1 port 40000 from 127.0.0.1 port 51234 failed: Connection refused
                * Failed EPSV attempt. Disabling EPSV
                """);
        assertFinding(f, Outcome.PassivePortRefused, 15, "EPSV");
        assertEquals(TransportEvent.DATA_CONNECT_REFUSED, f.diagnosis().event());
    }

    // ---- plain transcripts

    @Test
    void plainTranscriptWithoutPrefixes() {
        assertFinding(only("""
                220 ProFTPD Server ready.
                USER alice
                331 Password required for alice
                PASS hunter2
                530 Login incorrect.
                QUIT
                221 Goodbye.
                """), Outcome.BadCredentialsOrUnknownUser, 5, "PASS");
    }

    @Test
    void plainTranscriptWithArrowPrefixes() {
        assertFinding(only("""
                < 220 Service ready
                > USER ftp
                < 331 Any password will do
                > PASS guest@
                < 530 Login incorrect.
                """), Outcome.AnonymousDenied, 5, "PASS");
    }

    @Test
    void plainTranscriptWithClientServerPrefixes() {
        assertFinding(only("""
                S: 220 FileZilla Server 0.9.60 beta
                C: USER bob
                S: 331 Password required for bob
                C: PASS hunter2
                S: 530 Login or password incorrect!
                C: QUIT
                S: 221 Goodbye
                """), Outcome.BadCredentialsOrUnknownUser, 5, "PASS");
    }

    @Test
    void consecutivePlainSessionsSplitAtTheNextGreeting() {
        List<Finding> findings = analyze("""
                220 ready
                USER anonymous
                421 Too many users - please try again later.
                220 ready
                USER bob
                331 Password required
                PASS x
                530 Not logged in.
                """);
        assertEquals(2, findings.size(), findings::toString);
        assertFinding(findings.get(0), Outcome.TooManyUsers, 3, "USER");
        assertFinding(findings.get(1), Outcome.BadCredentialsOrUnknownUser, 8, "PASS");
    }

    @Test
    void cuteFtpLogPrefixes() {
        assertFinding(only("""
                STATUS:>  [1/2/2026 3:04:05 AM] Connecting to "ftp.example.org" on port 21.
                ERROR:>   [1/2/2026 3:04:26 AM] Can't connect to remote server. Socket error = #10061.
                STATUS:>  [1/2/2026 3:04:26 AM] Connection failed.
                """), Outcome.ConnectionRefused, 2, "CONNECT");
    }

    @Test
    void closeAfterQuitOr221IsNormalAndCloseBeforeAnyCommandIsMidSession() {
        assertTrue(analyze("220 x\nUSER bob\n331 p\nPASS y\n230 ok\nQUIT\n221 Bye\nDisconnected from server.\n").isEmpty());
        assertTrue(analyze("Connected.\n220 x\nUSER bob\n331 p\nPASS y\n230 ok\nQUIT\nDisconnected from server.\n").isEmpty());
        Finding f = only("Connected. Waiting for response.\n220 x\nUSER bob\nDisconnected from server.\n");
        assertFinding(f, Outcome.ConnectionClosed, 4, "USER");
    }

    // ---- passwords and bounds

    @Test
    void passwordsAreNeverKept() {
        Finding f = only("Status:\tConnecting to 10.0.0.1:21...\n"
                + "Error:\tCould not connect to ftp://bob:secret@10.0.0.1/ with PASS secret: Connection refused\n");
        assertFalse(f.diagnosis().detail().contains("secret"), f.diagnosis().detail());
        assertTrue(f.diagnosis().detail().contains("ftp://bob:****@10.0.0.1/"), f.diagnosis().detail());
    }

    @Test
    void emptyAndGarbageInputGiveNoFindings() throws IOException {
        assertTrue(ANALYZER.analyze(List.of()).isEmpty());
        assertTrue(ANALYZER.analyze(new StringReader("")).isEmpty());
        assertTrue(analyze("\n\n   \n\t\n").isEmpty());
        List<String> garbage = new ArrayList<>(List.of("\u0000\u0001\u0002", "lorem ipsum dolor sit amet", "999 nine",
                "000 zero", "12", "530x", "Response:", "Command:", "> ", "< ", "*", "C:", "S:", "[]", "[x",
                "2026-01-02 03:04:05", "1.", "USER", "\uFEFF", "\uD800", "Status:\tsomething happened",
                "这个就是不许匿名登录啦", "<html>", "<!DOCTYPE html>", ">>> quoted", "123-never ends"));
        garbage.add(null);
        assertTrue(ANALYZER.analyze(garbage).isEmpty(), () -> ANALYZER.analyze(garbage).toString());
    }

    @Test
    void longLinesAreTruncatedAndLineCountIsBounded() throws IOException {
        String huge = "530 Login incorrect." + "x".repeat(200_000);
        List<Finding> f = ANALYZER.analyze(new StringReader("USER bob\nPASS pw\n" + huge + "\n"));
        assertEquals(1, f.size());
        assertEquals(3, f.get(0).line());
        assertTrue(f.get(0).diagnosis().reply().toString().length() <= TranscriptAnalyzer.MAX_LINE_CHARS);
        assertEquals(1, ANALYZER.analyze(List.of("USER bob", "PASS pw", huge)).size());

        List<String> many = new ArrayList<>(Collections.nCopies(TranscriptAnalyzer.MAX_LINES, ""));
        many.add("ERROR: Connection refused");
        assertTrue(ANALYZER.analyze(many).isEmpty());
        assertTrue(ANALYZER.analyze(new NewlinesThen(TranscriptAnalyzer.MAX_LINES, "ERROR: Connection refused\n")).isEmpty());
        assertEquals(1, ANALYZER.analyze(new NewlinesThen(TranscriptAnalyzer.MAX_LINES - 1, "ERROR: Connection refused\n"))
                .size());
    }

    /** {@code n} empty lines, then a tail, without holding them in memory. */
    private static final class NewlinesThen extends Reader {
        private int left;
        private final StringReader tail;

        NewlinesThen(int n, String tail) {
            this.left = n;
            this.tail = new StringReader(tail);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (left == 0) {
                return tail.read(buf, off, len);
            }
            int n = Math.min(len, left);
            java.util.Arrays.fill(buf, off, off + n, '\n');
            left -= n;
            return n;
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    @Test
    void randomLinesNeverThrow() throws IOException {
        Random random = new Random(20260102L);
        String[] prefixes = {"", "", "", "Status:\t", "Command:\t", "Response:\t", "Error:\t", "Trace:\t", "> ", "< ",
            "* ", "*   ", "C: ", "S: ", "2026-01-02 03:04:05 1234 1 ", "[1/2/2026 3:04:05 AM] ", "1.", "STATUS:> ",
            "ERROR:> ", " ", "\t"};
        String[] bodies = {"USER anonymous", "USER bob", "PASS secret", "QUIT", "PASV", "EPSV", "LIST", "RETR f",
            "Connecting to 127.0.0.1:21...", "Connected. Waiting for response.", "Trying 127.0.0.1:21...",
            "Connection established, waiting for welcome message...", "Disconnected from server.",
            "Connection refused", "Connection timed out", "Could not resolve host: x", "Connection reset by peer",
            "Network is unreachable", "The data connection could not be established: ECONNREFUSED",
            "Connection closed by server", "SSH-2.0-OpenSSH_9.6", "HTTP/1.1 400 Bad Request", "Access denied: 530",
            "这个就是不许匿名登录啦", ""};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            StringBuilder sb = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            switch (random.nextInt(4)) {
                case 0 -> sb.append(bodies[random.nextInt(bodies.length)]);
                case 1 -> sb.append(random.nextInt(1000)).append(" -x".charAt(random.nextInt(3)))
                        .append(bodies[random.nextInt(bodies.length)]);
                case 2 -> {
                    int n = random.nextInt(40);
                    for (int j = 0; j < n; j++) {
                        sb.append((char) random.nextInt(0x3000));
                    }
                }
                default -> sb.append(random.nextInt(100, 700)).append(random.nextBoolean() ? '-' : ' ')
                        .append("too many users from your IP ".repeat(random.nextInt(3)));
            }
            lines.add(sb.toString());
        }
        List<Finding> findings = assertDoesNotThrow(() -> ANALYZER.analyze(lines));
        int previous = 0;
        for (Finding f : findings) {
            assertTrue(f.line() >= 1 && f.line() <= lines.size());
            assertTrue(f.line() >= previous, "findings in line order");
            previous = f.line();
            assertTrue(f.diagnosis().isFailure());
            if (f.diagnosis().reply() == null) { // (a server may echo anything; the client's PASS never shows)
                assertFalse(f.toString().contains("secret"), f::toString);
            }
        }
        List<Finding> viaReader = ANALYZER.analyze(new StringReader(String.join("\n", lines)));
        assertEquals(findings.size(), viaReader.size());
    }
}
