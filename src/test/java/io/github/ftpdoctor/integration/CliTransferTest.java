package io.github.ftpdoctor.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.cli.FtpDoctorCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** get, put and ls on the command line against Apache MINA FtpServer: the JSON contract and exit status. */
@Timeout(60)
class CliTransferTest {
    private static final String PASSWORD = "cli-pw-4242";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @TempDir
    Path home;
    @TempDir
    Path local;
    private MinaServer server;

    @BeforeEach
    void start() throws Exception {
        server = MinaServer.start(home, PASSWORD);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url(String path) {
        return "ftp://" + MinaServer.USER + ":" + PASSWORD + "@127.0.0.1:" + server.port() + "/" + path;
    }

    private record Run(int status, JsonNode json, String out) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = FtpDoctorCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), args);
        String text = out.toString(StandardCharsets.UTF_8);
        return new Run(status, text.isBlank() ? null : JSON.readTree(text.strip()), text);
    }

    @Test
    void getPutAndLs() throws Exception {
        Files.writeString(home.resolve("hello file.txt"), "hello");
        Files.createDirectory(home.resolve("sub"));
        Path target = local.resolve("got.txt");
        Run get = run("get", "--json", url("hello%20file.txt"), target.toString());
        assertEquals(0, get.status(), get.out());
        assertEquals("Success", get.json().get("outcome").asString());
        assertEquals(226, get.json().get("code").asInt());
        assertEquals(5, get.json().get("bytes").asLong());
        assertEquals("hello", Files.readString(target));
        assertFalse(get.out().contains(PASSWORD));

        Run put = run("put", "--json", target.toString(), url("sub/up.txt"));
        assertEquals(0, put.status(), put.out());
        assertEquals("hello", Files.readString(home.resolve("sub/up.txt")));

        Run ls = run("ls", "--json", url(""));
        assertEquals(0, ls.status(), ls.out());
        JsonNode entries = ls.json().get("entries");
        assertEquals(2, entries.size(), entries.toString());
        JsonNode file = entries.get(0).get("name").asString().equals("hello file.txt") ? entries.get(0) : entries.get(1);
        JsonNode dir = file == entries.get(0) ? entries.get(1) : entries.get(0);
        assertEquals("hello file.txt", file.get("name").asString());
        assertEquals("file", file.get("type").asString());
        assertEquals(5, file.get("size").asLong());
        assertTrue(file.get("modified").asString().endsWith("Z"), file.toString());
        assertTrue(file.get("target").isNull());
        assertFalse(file.get("raw").asString().isBlank());
        assertEquals("dir", dir.get("type").asString());
    }

    @Test
    void getOfAMissingFileFailsWithDiagnosisAndLeavesNoFile() {
        Path target = local.resolve("nothing.bin");
        Run get = run("get", "--json", url("nothing.bin"), target.toString());
        assertEquals(1, get.status());
        assertEquals("FileNotFound", get.json().get("outcome").asString());
        assertEquals(550, get.json().get("code").asInt());
        assertFalse(Files.exists(target));
    }

    @Test
    void putOfAMissingLocalFileIsAUsageError() {
        assertEquals(2, run("put", local.resolve("none").toString(), url("x")).status());
        assertEquals(2, run("get", url(""), local.resolve("x").toString()).status());
    }
}
