package io.github.ftpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code analyze [--json] [--lang en|zh] FILE|-}: findings, JSON lines with "line", exit status. */
class AnalyzeCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String CURL_LOG = """
            *   Trying 127.0.0.1:21...
            * Connected to 127.0.0.1 (127.0.0.1) port 21
            < 220 (vsFTPd 3.0.3)
            > USER bob
            < 331 Please specify the password.
            > PASS secret
            < 530 Login incorrect.
            * Access denied: 530
            * Closing connection
            """;

    /** Seed situations 1 and 4, as in the seed file. */
    private static final String SEED_LOG = """
            1.Connected. Waiting for response.


            220 Serv-U FTP Server v4.0 for WinSock ready...


            USER anonymous


            530 Sorry, no ANONYMOUS access allowed.


            QUIT


            这个就是不许匿名登录啦

            4.Connecting to xxx.xxx.xxx.xxx Port 21 (#1)


            ERROR: Connection refused
            """;

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
        List<JsonNode> json() {
            return out.lines().map(JSON::readTree).toList();
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FtpDoctorCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void jsonPrintsOneObjectPerFindingWithItsLine() throws IOException {
        Run r = run("analyze", "--json", file("seed.log", SEED_LOG).toString());
        assertEquals(1, r.status(), r.err());
        List<JsonNode> objects = r.json();
        assertEquals(2, objects.size(), r.out());
        JsonNode first = objects.get(0);
        assertEquals(10, first.get("line").asInt());
        assertEquals("AnonymousDenied", first.get("outcome").asString());
        assertEquals(530, first.get("code").asInt());
        assertEquals("530 Sorry, no ANONYMOUS access allowed.", first.get("reply").asString());
        assertEquals("USER", first.get("command").asString());
        for (String field : List.of("category", "confidence", "rule", "event", "detail", "retryable", "retry",
                "explanation", "advice", "meaning")) {
            assertTrue(first.has(field), field);
        }
        assertTrue(first.get("cause").asBoolean(), first.toString());
        assertTrue(first.get("folded").isArray() && first.get("folded").isEmpty(), first.toString());
        assertEquals("cuteftp", first.get("format").asString());
        JsonNode second = objects.get(1);
        assertEquals(21, second.get("line").asInt());
        assertEquals("ConnectionRefused", second.get("outcome").asString());
        assertEquals("CONNECT_REFUSED", second.get("event").asString());
        assertTrue(second.get("code").isNull());
        assertEquals("CONNECT", second.get("command").asString());
    }

    @Test
    void textOutputNamesTheLineThenTheDiagnosis() throws IOException {
        Run r = run("analyze", file("seed.log", SEED_LOG).toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().startsWith("line 10 (the cause: this failure ended the connection):\n"), r.out());
        assertTrue(r.out().contains("\nline 21 (the cause: this failure ended the connection):\n"), r.out());
        assertTrue(r.out().contains("\nLog format:  cuteftp\n"), r.out());
        assertTrue(r.out().contains("AnonymousDenied"), r.out());
        assertTrue(r.out().contains("ConnectionRefused"), r.out());

        Run zh = run("analyze", "--lang", "zh", file("seed.log", SEED_LOG).toString());
        assertEquals(1, zh.status());
        assertTrue(zh.out().contains("匿名"), zh.out());
        assertTrue(zh.out().startsWith("第 10 行（原因：这个故障结束了连接）："), zh.out());
    }

    @Test
    void thePasswordNeverAppears() throws IOException {
        Path log = file("curl.log", CURL_LOG);
        for (Run r : List.of(run("analyze", "--json", log.toString()), run("analyze", log.toString()))) {
            assertEquals(1, r.status());
            assertTrue(r.out().contains("BadCredentialsOrUnknownUser"), r.out());
            assertFalse(r.out().contains("secret"), r.out());
            assertFalse(r.err().contains("secret"), r.err());
        }
        assertEquals(7, run("analyze", "--json", log.toString()).json().get(0).get("line").asInt());
    }

    /** lftp -d after a wrong password: the 530 to PWD and lftp's own message follow from the refused login. */
    private static final String LFTP_LOG = """
            ---- Connecting to 127.0.0.1 (127.0.0.1) port 21
            <--- 220 (vsFTPd 3.0.3)
            ---> USER bob
            <--- 331 Please specify the password.
            ---> PASS hunter2
            <--- 530 Login incorrect.
            ---> PWD
            <--- 530 Please login with USER and PASS.
            ls: Login failed: 530 Login incorrect.
            ---> QUIT
            <--- 221 Goodbye.
            """;

    @Test
    void consequencesAreFoldedIntoTheCauseInJsonAndText() throws IOException {
        Path log = file("lftp.log", LFTP_LOG);
        Run json = run("analyze", "--json", log.toString());
        assertEquals(1, json.status(), json.err());
        assertEquals(1, json.json().size(), json.out());
        JsonNode f = json.json().get(0);
        assertEquals(6, f.get("line").asInt());
        assertEquals("BadCredentialsOrUnknownUser", f.get("outcome").asString());
        assertTrue(f.get("cause").asBoolean());
        assertEquals(List.of(8, 9), f.get("folded").valueStream().map(JsonNode::asInt).toList());
        assertEquals("lftp", f.get("format").asString());
        Run text = run("analyze", log.toString());
        assertTrue(text.out().contains("\nFollows on:  lines 8, 9\n"), text.out());
        assertTrue(text.out().contains("\nLog format:  lftp\n"), text.out());
        for (Run r : List.of(json, text)) {
            assertFalse(r.out().contains("hunter2"), r.out());
        }
    }

    @Test
    void dashReadsStandardInput() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(CURL_LOG.getBytes(StandardCharsets.UTF_8)));
            Run r = run("analyze", "--json", "-");
            assertEquals(1, r.status(), r.err());
            assertEquals(1, r.json().size());
            assertEquals("BadCredentialsOrUnknownUser", r.json().get(0).get("outcome").asString());
            assertEquals(7, r.json().get(0).get("line").asInt());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aLogWithoutFailuresExitsZeroAndPrintsNothing() throws IOException {
        Path ok = file("ok.log", "220 ready\nUSER bob\n331 Password\nPASS x\n230 Logged in\nQUIT\n221 Bye\n");
        Run text = run("analyze", ok.toString());
        assertEquals(0, text.status(), text.err());
        assertEquals("", text.out());
        Run json = run("analyze", "--json", ok.toString());
        assertEquals(0, json.status());
        assertEquals("", json.out());
        assertEquals(0, run("analyze", file("empty.log", "").toString()).status());
    }

    @Test
    void usageErrors() {
        Run missing = run("analyze", dir.resolve("no-such.log").toString());
        assertEquals(2, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
        assertEquals(2, run("analyze", dir.toString()).status());
        assertEquals(2, run("analyze", "--lang", "fr", "-").status());
        assertEquals(2, run("analyze").status());
    }
}
