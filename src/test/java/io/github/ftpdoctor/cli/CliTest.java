package io.github.ftpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockftpserver.core.command.CommandNames;
import org.mockftpserver.core.command.StaticReplyCommandHandler;
import org.mockftpserver.stub.StubFtpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command-line contract: arguments, JSON fields, exit status. */
class CliTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private StubFtpServer server;

    record Run(int status, String out, String err) {
        JsonNode json() {
            return JSON.readTree(out.strip());
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FtpDoctorCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @org.junit.jupiter.api.BeforeEach
    void forgetHostHistory() {
        io.github.ftpdoctor.internal.protocol.HostHistory.clear(); // ports are reused across tests
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void explainJsonCarriesTheContractFields() {
        Run r = run("explain", "--after", "USER", "--user", "anonymous", "--json",
                "530", "Sorry,", "no", "ANONYMOUS", "access", "allowed.");
        assertEquals(1, r.status());
        JsonNode j = r.json();
        assertEquals("AnonymousDenied", j.get("outcome").asString());
        assertEquals(530, j.get("code").asInt());
        assertEquals("530 Sorry, no ANONYMOUS access allowed.", j.get("reply").asString());
        assertEquals("USER", j.get("command").asString());
        assertEquals("access.anonymous-denied", j.get("rule").asString());
        assertFalse(j.get("retryable").asBoolean());
        assertTrue(j.get("explanation").get("en").asString().contains("anonymous"));
        assertTrue(j.get("explanation").get("zh").asString().contains("匿名"));
        assertFalse(j.get("advice").get("en").asString().isBlank());
        assertFalse(j.get("advice").get("zh").asString().isBlank());
    }

    @Test
    void explainGreetingAndExitStatusZeroForSuccess() {
        Run greeting = run("explain", "--after", "CONNECT", "--json", "421",
                "There are too many connections from your internet address.");
        assertEquals("PerIpSessionLimit", greeting.json().get("outcome").asString());
        assertEquals("CONNECT", greeting.json().get("command").asString());
        assertTrue(greeting.json().get("retryable").asBoolean());

        Run ok = run("explain", "--after", "PASS", "--json", "230", "Login successful.");
        assertEquals(0, ok.status());
        assertEquals("Success", ok.json().get("outcome").asString());
    }

    @Test
    void explainInChinese() {
        Run r = run("explain", "--lang", "zh", "--after", "USER", "421", "Too many users - please try again later.");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("TooManyUsers"));
        assertTrue(r.out().contains("说明"), r.out());
        assertTrue(r.out().contains("建议"), r.out());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("explain").status());
        assertEquals(2, run("explain", "99", "x").status());
        assertEquals(2, run("explain", "--lang", "fr", "530", "x").status());
        assertEquals(2, run("explain", "--bogus", "530").status());
        assertEquals(2, run("probe", "http://example.invalid/").status());
        assertEquals(2, run("probe", "--timeout", "-1", "ftp://127.0.0.1/").status());
        assertEquals(2, run().status());
        assertEquals(2, run("frobnicate").status());
    }

    @Test
    void probeRefusedPortIsDiagnosedWithoutCode() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Run r = run("probe", "--json", "--timeout", "2", "ftp://bob:S3cr3tPw@127.0.0.1:" + port + "/");
        assertEquals(1, r.status());
        JsonNode j = r.json();
        assertEquals("ConnectionRefused", j.get("outcome").asString());
        assertTrue(j.get("code").isNull());
        assertTrue(j.get("reply").isNull());
        assertFalse(r.out().contains("S3cr3tPw"), "the password must never be printed");
    }

    @Test
    void probeLogsInRunsPwdAndFeatAndQuits() {
        server = new StubFtpServer();
        server.setServerControlPort(0);
        server.setCommandHandler(CommandNames.USER, new StaticReplyCommandHandler(331, "Password please."));
        server.setCommandHandler(CommandNames.PASS, new StaticReplyCommandHandler(230, "Welcome."));
        server.setCommandHandler(CommandNames.PWD, new StaticReplyCommandHandler(257, "\"/pub \"\"x\"\"\" is cwd"));
        server.setCommandHandler("FEAT", new StaticReplyCommandHandler(211, "Features:\r\n MDTM\r\n SIZE\r\n211 End"));
        server.start();
        Run r = run("probe", "--json", "--timeout", "5",
                "ftp://bob:S3cr3tPw@127.0.0.1:" + server.getServerControlPort() + "/");
        assertEquals(0, r.status(), r.err() + r.out());
        JsonNode j = r.json();
        assertEquals("Success", j.get("outcome").asString());
        assertEquals(230, j.get("code").asInt());
        assertEquals("/pub \"x\"", j.get("pwd").asString());
        List<String> features = JSON.convertValue(j.get("features"), JSON.getTypeFactory()
                .constructCollectionType(List.class, String.class));
        assertEquals(List.of("MDTM", "SIZE"), features);
        assertTrue(r.out().contains("PASS ****"));
        assertFalse(r.out().contains("S3cr3tPw"));
        assertTrue(server.getCommandHandler(CommandNames.QUIT) != null);
    }

    @Test
    void probeAnonymousRefusedInChinese() {
        server = new StubFtpServer();
        server.setServerControlPort(0);
        server.setCommandHandler(CommandNames.USER,
                new StaticReplyCommandHandler(530, "Sorry, no ANONYMOUS access allowed."));
        server.start();
        Run r = run("probe", "--lang", "zh", "ftp://127.0.0.1:" + server.getServerControlPort() + "/");
        assertEquals(1, r.status());
        assertTrue(r.out().contains("AnonymousDenied"), r.out());
        assertTrue(r.out().contains("> USER anonymous"), r.out());
    }

    @Test
    void demoDiagnosesAllEightSituationsInOrder() {
        Run r = run("demo");
        assertEquals(0, r.status(), r.out());
        List<String> expected = List.of("AnonymousDenied", "BadCredentialsOrUnknownUser", "ConnectionTimedOut",
                "ConnectionRefused", "LikelyBanned", "IpNotAllowed", "TooManyUsers", "PerIpSessionLimit");
        int from = 0;
        for (String outcome : expected) {
            var m = java.util.regex.Pattern.compile("Outcome:\\s+" + outcome + " ").matcher(r.out());
            assertTrue(m.find(from), outcome + " missing or out of order in\n" + r.out());
            from = m.end();
        }
    }

    @Test
    void demoInChinese() {
        Run r = run("demo", "--lang", "zh");
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("不许匿名登录"));
        assertTrue(r.out().contains("PerIpSessionLimitException"));
    }
}
