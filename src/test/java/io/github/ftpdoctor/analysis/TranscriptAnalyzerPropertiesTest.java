package io.github.ftpdoctor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.Fuzz;
import io.github.ftpdoctor.testsupport.Property;
import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.internal.logs.LogAnalysis;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link TranscriptAnalyzer} on random and mutated client logs of every format: never throws, findings are
 * failures at lines of the input in order, reading from a {@link java.io.Reader} finds the same, and no finding
 * carries a password.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TranscriptAnalyzerPropertiesTest {
    static final String SUBJECT = "TranscriptAnalyzer";
    static final TranscriptAnalyzer ANALYZER = TranscriptAnalyzer.standard();

    /** Real logs of every supported format, to be mutated. */
    private static final List<List<String>> LOGS = List.of(
            lines("1.Connected. Waiting for response.\n\n\n220 Serv-U FTP Server v4.0 for WinSock ready...\n\n\n"
                    + "USER anonymous\n\n\n530 Sorry, no ANONYMOUS access allowed.\n\n\nQUIT"),
            lines("3.Connecting to xxx.xxx.xxx.xxx, Port 21 (#1)\n\n\nERROR: Connection timed out"),
            lines("5.Connecting to xxx.xxx.xxx.xxx, Port 21 (#1)\nConnected. Waiting for response.\n"
                    + "Disconnected from server.\nConnection attempt failed. Waiting for retry..."),
            lines("Status:\tResolving address of ftp.example.org\nStatus:\tConnecting to 127.0.0.1:21...\n"
                    + "Status:\tConnection established, waiting for welcome message...\nResponse:\t220 (vsFTPd 3.0.3)\n"
                    + "Command:\tUSER anonymous\nResponse:\t331 Please specify the password.\nCommand:\tPASS ****\n"
                    + "Response:\t530 Login incorrect.\nError:\tCritical error: Could not connect to server"),
            lines("2026-01-02 03:04:05 1234 1 Status: Connecting to 127.0.0.1:21...\n"
                    + "2026-01-02 03:04:05 1234 1 Error: Connection attempt failed with \"ECONNREFUSED - Connection "
                    + "refused by server\".\nTrace:\tCControlSocket::DoClose(64)\nListing:\tdrwxr-xr-x 2 0 0 6 x"),
            lines("*   Trying 127.0.0.1:21...\n* Connected to 127.0.0.1 (127.0.0.1) port 21\n< 220 (vsFTPd 3.0.3)\n"
                    + "> USER bob\n< 331 Please specify the password.\n> PASS secret\n< 530 Login incorrect.\n"
                    + "* Access denied: 530\n* Closing connection\ncurl: (67) Access denied: 530"),
            lines("> EPSV\n< 229 Entering Extended Passive Mode (|||50001|)\n*   Trying 127.0.0.1:50001...\n"
                    + "* connect to 127.0.0.1 port 50001 failed: Connection refused"),
            lines("S: 220 FileZilla Server 0.9.60 beta\nC: USER bob\nS: 331 Password required for bob\n"
                    + "C: PASS hunter2\nS: 530 Login or password incorrect!\nC: QUIT\nS: 221 Goodbye"),
            lines("220-Welcome\n220-  two\n220 Ready\nUSER x\n421-Too many users\n421 try later"),
            lines("STATUS:>  [1/2/2026 3:04:05 AM] Connecting to \"ftp.example.org\" on port 21.\n"
                    + "ERROR:>   [1/2/2026 3:04:26 AM] Can't connect to remote server. Socket error = #10061.\n"
                    + "STATUS:>  [1/2/2026 3:04:26 AM] Connection failed."),
            lines("\uFEFF220 ready\nUSER anonymous\n421 Too many users - please try again later.\n220 ready\nUSER bob\n"
                    + "331 Password required\nPASS x\n530 Not logged in, only one session from same IP allowed.\n"
                    + "530 这个就是不许匿名登录啦"),
            lines("---- Connecting to 127.0.0.1 (127.0.0.1) port 21\n<--- 220 (vsFTPd 3.0.3)\n---> USER bob\n"
                    + "<--- 331 Please specify the password.\n---> PASS x\n<--- 530 Login incorrect.\n---> PWD\n"
                    + "<--- 530 Please login with USER and PASS.\nls: Login failed: 530 Login incorrect.\n"
                    + "**** Socket error (Connection refused) - reconnecting\n---- Connecting data socket to (127.0.0.1) port 1"),
            lines("Connected to 127.0.0.1.\n220 (vsFTPd 3.0.3)\n---> USER bob\n530 Non-anonymous sessions must use "
                    + "encryption.\nLogin failed.\n421 Service not available, remote server has closed connection.\n"
                    + "Not connected.\ntnftp: Can't connect to `127.0.0.1:21': Connection timed out\nftp> get a b\n"
                    + "Name (127.0.0.1:root): bob\nPassword:"),
            lines("220: (vsFTPd 3.0.3)\nConnected to 127.0.0.1.\nCmd: USER bob\n331: Please specify the password.\n"
                    + "Cmd: FEAT\n211: Features:\n      EPRT\n     End\nCmd: SIZE a\n550: Could not get file size.\n"
                    + "Data connection to 127.0.0.1:1 timed out.\nncftpget: cannot open 127.0.0.1: remote host refused connection."),
            lines("*resp* '220 ready'\n*cmd* 'USER bob'\n*put* 'USER bob\\r\\n'\n*resp* '530 Login incorrect.'\n"
                    + "Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>\n    f.connect(host, port, "
                    + "timeout=10)\n    ^^^^^^^^^^\nftplib.error_perm: 530 Login incorrect.\nTimeoutError: timed out\nEOFError"),
            lines("Exception in thread \"main\" java.net.ConnectException: Connection refused\n\tat java.base/"
                    + "java.net.Socket.connect(Socket.java:633)\nCaused by: java.net.SocketTimeoutException: Read timed out\n"
                    + "\t... 5 more\n421 There are too many connected users, please try later."),
            lines(". 2012-07-17 22:00:37.722 Connecting to h ...\n. 2012-07-17 22:00:37.752 Connected with h. Waiting for"
                    + " welcome message...\n< 2012-07-17 22:00:37.806 220 Welcome\n> 2012-07-17 22:00:38.227 PASV\n"
                    + "< 2012-07-17 22:00:38.292 227 Entering Passive Mode (10,250,203,13,154,75).\n> 2012-07-17 "
                    + "22:00:38.292 LIST -a\n. 2012-07-17 22:00:53.894 Timeout detected.\n* 2012-07-17 22:01:14.175 "
                    + "(ESshFatal) Lost connection."),
            lines("Target:      ftp://bob:****@127.0.0.1:21/\nOutcome:     TlsRequired (security, certain)\n"
                    + "Reply:       530 Non-anonymous sessions must use encryption.\nAfter:       USER\nEvent:       "
                    + "CONNECT_REFUSED (x)\n\nTranscript:\n  < 220 (vsFTPd 3.0.3)\n  * connection closed by the server"));
    static final String[] PREFIXES = {"", "", "", "Status:\t", "Command:\t", "Response:\t", "Error:\t", "Trace:\t",
        "> ", "< ", "* ", "C: ", "S: ", "2026-01-02 03:04:05 1234 1 ", "[1/2/2026 3:04:05 AM] ", "1.", "STATUS:> ",
        "ERROR:> ", "COMMAND:> ", " ", "\uFEFF", "12:00:01 ", "---> ", "<--- ", "---- ", "**** ", "Cmd: ", "ftp> ",
        "*cmd* '", "*resp* '", ". 2012-07-17 22:00:37.670 ", "> 2012-07-17 22:00:37.670 ", "< 2012-07-17 22:00:37.670 ",
        "* 2012-07-17 22:00:37.670 ", "Reply:       ", "Event:       ", "> Status:\t", "curl: (7) ", "ls: ",
        "Caused by: java.net.SocketException: ", "\tat x.Y.z(Y.java:1)", "    "};
    static final String[] BODIES = {"USER anonymous", "USER bob", "QUIT", "PASV", "EPSV", "LIST", "RETR f", "SYST",
        "Connecting to 127.0.0.1:21...", "Connected. Waiting for response.", "Trying 127.0.0.1:21...",
        "Connection established, waiting for welcome message...", "Disconnected from server.", "Connection refused",
        "Connection timed out", "Could not resolve host: x", "Connection reset by peer", "Network is unreachable",
        "The data connection could not be established: ECONNREFUSED", "Connection closed by server",
        "SSH-2.0-OpenSSH_9.6", "HTTP/1.1 400 Bad Request", "220 (vsFTPd 3.0.3)", "215 UNIX Type: L8",
        "230-", "230 Login successful.", "530-", "530 Login incorrect.", "421 Timeout.", "221 Goodbye", "550 x"};

    static List<String> lines(String log) {
        return Arrays.asList(log.split("\n", -1));
    }

    /** A log line from the vocabulary: any prefix, a body, a reply code or noise. */
    static String line(Random r) {
        StringBuilder sb = new StringBuilder(Fuzz.pick(r, PREFIXES));
        switch (r.nextInt(5)) {
            case 0, 1 -> sb.append(Fuzz.pick(r, BODIES));
            case 2 -> sb.append(r.nextInt(1000)).append(" -x".charAt(r.nextInt(3))).append(Fuzz.pick(r, BODIES));
            case 3 -> sb.append(Fuzz.randomText(r, 60, BODIES));
            default -> sb.append(100 + r.nextInt(600)).append(r.nextBoolean() ? '-' : ' ')
                    .append(Fuzz.randomText(r, 40, "too many users from your IP", "anonymous", "中文"));
        }
        return sb.toString();
    }

    /** A random log, or a real one with lines dropped, repeated, swapped, inserted and mutated. */
    static List<String> log(Random r) {
        List<String> lines = new ArrayList<>();
        if (r.nextInt(3) == 0) {
            for (int n = Fuzz.size(r, 40); n > 0; n--) {
                lines.add(line(r));
            }
            return lines;
        }
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            lines.addAll(Fuzz.pick(r, LOGS));
        }
        for (int m = r.nextInt(6); m > 0 && !lines.isEmpty(); m--) {
            int i = r.nextInt(lines.size());
            switch (r.nextInt(6)) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, lines.get(i));
                case 2 -> lines.add(i, line(r));
                case 3 -> lines.set(i, Fuzz.mutate(r, lines.get(i), 3, BODIES));
                case 4 -> lines.set(i, Fuzz.pick(r, PREFIXES) + lines.get(i).strip());
                default -> lines.add(lines.remove(i));
            }
        }
        return lines;
    }

    /** Findings are failures at lines of the input, in order; the lines they fold are other lines of the input. */
    static void checkFindings(List<Finding> findings, int lineCount) {
        int previous = 0;
        java.util.Set<Integer> lines = new java.util.HashSet<>();
        for (Finding f : findings) {
            lines.add(f.line());
        }
        java.util.Set<Integer> folded = new java.util.HashSet<>();
        for (Finding f : findings) {
            for (int l : f.folded()) {
                assertTrue(l >= 1 && l <= lineCount && l != f.line(), () -> "folded line " + l + " of " + f);
                assertFalse(lines.contains(l), () -> "line " + l + " is a finding and folded into " + f);
                assertTrue(folded.add(l), () -> "line " + l + " folded twice");
            }
            assertEquals(f.folded().stream().sorted().toList(), f.folded(), "folded lines ascending");
        }
        for (Finding f : findings) {
            assertTrue(f.line() >= 1 && f.line() <= lineCount, () -> "line " + f.line() + " of " + lineCount);
            assertTrue(f.line() >= previous, "findings in line order");
            previous = f.line();
            assertTrue(f.diagnosis().isFailure(), f::toString);
            assertTrue(f.diagnosis().reply() != null || f.diagnosis().event() != null, f::toString);
            if (f.diagnosis().reply() != null) {
                assertTrue(f.diagnosis().reply().lines().size() <= LogAnalysis.MAX_REPLY_LINES);
            }
        }
    }

    /** Line number, outcome and rule of each finding. */
    static List<String> summary(List<Finding> findings) {
        return findings.stream().map(f -> f.line() + " " + f.diagnosis().outcome() + " " + f.diagnosis().ruleId())
                .toList();
    }

    @Test
    void randomAndMutatedLogsGiveFindingsAtTheirLines() {
        Property.forAll(SUBJECT, "random and mutated logs", TranscriptAnalyzerPropertiesTest::log)
                .seed(0x7A5_0001L).tries(50_000).shrinkWith(Fuzz.SHRINK_LINES).showWith(Fuzz::show)
                .check(lines -> {
                    List<Finding> findings = ANALYZER.analyze(lines);
                    checkFindings(findings, lines.size());
                    // the same log from a reader: lines end at LF, CR LF or CR, so line breaks inside a line differ
                    if (lines.stream().noneMatch(l -> l.indexOf('\n') >= 0 || l.indexOf('\r') >= 0)) {
                        String eol = lines.size() % 3 == 0 ? "\r\n" : lines.size() % 3 == 1 ? "\n" : "\r";
                        List<Finding> read = ANALYZER.analyze(new StringReader(String.join(eol, lines)));
                        assertEquals(summary(findings), summary(read));
                    }
                });
    }

    @Test
    void logsWithNullAndHugeLinesNeverThrow() {
        Property.forAll(SUBJECT, "null and huge lines", r -> {
            List<String> lines = new ArrayList<>(log(r));
            for (int n = 1 + r.nextInt(3); n > 0; n--) {
                int at = r.nextInt(lines.size() + 1);
                lines.add(at, switch (r.nextInt(10)) {
                    case 0, 1, 2, 3 -> null;
                    case 4 -> Fuzz.pick(r, PREFIXES) + (100 + r.nextInt(600)) + " " + "x".repeat(r.nextInt(70_000));
                    default -> "530-" + "\n".repeat(r.nextInt(3)) + Fuzz.randomText(r, 20);
                });
            }
            return lines;
        }).seed(0x7A5_0002L).tries(10_000).showWith(Fuzz::show)
                .check(lines -> checkFindings(ANALYZER.analyze(lines), lines.size()));
    }

    private record Secret(List<String> lines, String secret) {
    }

    @Test
    void noFindingCarriesAPassword() {
        Property.forAll(SUBJECT, "passwords", r -> {
            StringBuilder secret = new StringBuilder("Pw");
            for (int i = 0; i < 10; i++) {
                secret.append("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&*+".charAt(r.nextInt(62)));
            }
            List<String> lines = new ArrayList<>(log(r));
            for (int n = 1 + r.nextInt(3); n > 0; n--) {
                String verb = Fuzz.pick(r, new String[] {"PASS", "pass", "Pass", "ACCT"});
                String prefix = Fuzz.pick(r, PREFIXES); // the client's lines: a server may echo anything
                while (prefix.startsWith("Response") || prefix.startsWith("<") || prefix.startsWith("S:")
                        || prefix.startsWith("*resp*") || prefix.startsWith("Reply:")) {
                    prefix = Fuzz.pick(r, PREFIXES);
                }
                lines.add(r.nextInt(lines.size() + 1), prefix + verb + " " + secret
                        + (r.nextInt(4) == 0 ? " " + Fuzz.pick(r, BODIES) : ""));
            }
            return new Secret(lines, secret.toString());
        }).seed(0x7A5_0003L).tries(40_000).showWith(s -> Fuzz.show(s.lines()) + "\n  secret " + s.secret())
                .check(s -> {
                    String secret = s.secret();
                    for (Finding f : ANALYZER.analyze(s.lines())) {
                        Diagnosis d = f.diagnosis();
                        String shown = f + " " + d.summary() + " " + d.detail() + " " + d.command() + " "
                                + (d.reply() == null ? "" : d.reply().text());
                        assertFalse(shown.contains(secret), () -> "the password shows: " + shown);
                    }
                });
    }

    @Test
    void theReaderAndTheListAgreeOnLogsWithLongLines() throws IOException {
        List<String> lines = new ArrayList<>(LOGS.get(3));
        lines.add(3, "Response:\t530 " + "y".repeat(TranscriptAnalyzer.MAX_LINE_CHARS * 2));
        List<Finding> fromList = ANALYZER.analyze(lines);
        assertEquals(summary(fromList), summary(ANALYZER.analyze(new StringReader(String.join("\n", lines)))));
        checkFindings(fromList, lines.size());
    }

    // ---- bounded memory

    @Test
    void endlessAndHugeLogsAreReadInBoundedMemory() {
        Property.forAll(SUBJECT, "endless and huge logs", r -> new int[] {r.nextInt(3), r.nextInt()})
                .seed(0x7A5_0004L).tries(6).showWith(Arrays::toString)
                .check(spec -> {
                    Random r = new Random(spec[1]);
                    long allocated = allocatedBytes();
                    switch (spec[0]) {
                        case 0 -> { // one line of up to 64 M characters, then a failure: found, in bounded memory
                            long length = 1 + r.nextInt(64 << 20);
                            Endless in = new Endless(r, length, "\n530 Login incorrect.\n", false);
                            List<Finding> findings = ANALYZER.analyze(in);
                            assertEquals(length + 22, in.consumed);
                            assertEquals(2, findings.get(findings.size() - 1).line());
                            long used = allocatedBytes() - allocated;
                            assertTrue(allocated < 0 || used < 32 << 20, () -> used + " bytes allocated for a line of " + length);
                        }
                        case 1 -> { // short lines without end: the analyzer stops after its line limit
                            Endless in = new Endless(r, Long.MAX_VALUE, "", true);
                            checkFindings(ANALYZER.analyze(in), TranscriptAnalyzer.MAX_LINES);
                            assertTrue(in.consumed <= (long) TranscriptAnalyzer.MAX_LINES * (Endless.MAX_LINE + 1) + 8192,
                                    () -> in.consumed + " characters read");
                        }
                        default -> { // a multi-line reply without end: its lines and characters are bounded
                            Endless in = new Endless(r, Long.MAX_VALUE, "", true);
                            in.start("530-Too many\n");
                            List<Finding> findings = ANALYZER.analyze(in);
                            assertEquals(1, findings.get(0).line());
                            List<String> kept = findings.get(0).diagnosis().reply().lines();
                            assertTrue(kept.size() <= LogAnalysis.MAX_REPLY_LINES, () -> kept.size() + " lines");
                            int chars = kept.stream().mapToInt(String::length).sum();
                            assertTrue(chars <= LogAnalysis.MAX_REPLY_CHARS + LogAnalysis.MAX_REPLY_LINE_CHARS,
                                    () -> chars + " characters kept");
                        }
                    }
                });
    }

    /**
     * The bytes this thread has allocated so far (HotSpot), or -1 where unknown. By reflection: the main code's
     * module does not read java.management, and the test sources are compiled into that module.
     */
    static long allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes")
                    .invoke(bean);
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            return -1;
        }
    }

    /** Characters generated lazily: one long line or endless short lines, then a tail; counts what was read. */
    private static final class Endless extends java.io.Reader {
        static final int MAX_LINE = 30;
        private final Random random;
        private final long length;
        private final boolean lines;
        private StringReader tail;
        private String head = "";
        private long produced;
        long consumed;

        Endless(Random random, long length, String tail, boolean lines) {
            this.random = random;
            this.length = length;
            this.tail = new StringReader(tail);
            this.lines = lines;
        }

        void start(String text) {
            head = text;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = 0;
            while (n < len && !head.isEmpty()) {
                buf[off + n++] = head.charAt(0);
                head = head.substring(1);
            }
            for (; n < len && produced < length; n++, produced++) {
                buf[off + n] = lines && random.nextInt(MAX_LINE) == 0 ? '\n' : (char) (' ' + random.nextInt(95));
            }
            if (n == 0) {
                n = tail.read(buf, off, len);
            }
            consumed += Math.max(n, 0);
            return n;
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
