package io.github.ftpdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.cli.FtpDoctorCli;
import io.github.ftpdoctor.testsupport.Vsftpd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ftp-doctor check} against a real vsftpd whose account is read-only: the JSON contract field by field, the
 * text report in English and Chinese, the exit statuses, and no password anywhere.
 */
@Timeout(180)
class CheckCliTest {
    private static final List<String> STEPS = List.of("resolve", "connect", "greeting", "tls", "login", "features",
            "pwd", "passive", "data", "listing", "active", "upload", "download", "resume", "rename", "delete", "quit");
    private static Vsftpd ftpd;
    private static String url;

    /** Exit status, standard output and standard error of one run. */
    private record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void server() throws Exception {
        Vsftpd.assumeAvailable();
        ftpd = Vsftpd.start(c -> c.put("write_enable", "NO"));
        url = "ftp://" + ftpd.user() + ":" + ftpd.password() + "@127.0.0.1:" + ftpd.port() + "/";
    }

    @AfterAll
    static void stop() {
        if (ftpd != null) {
            ftpd.close();
        }
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FtpDoctorCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        Run r = new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertFalse(r.out().contains(ftpd.password()) || r.err().contains(ftpd.password()), "password in the output");
        return r;
    }

    private static List<String> names(JsonNode o) {
        List<String> n = new ArrayList<>();
        o.propertyNames().forEach(n::add);
        return n;
    }

    @Test
    void theJsonContractFieldByField() {
        Run run = cli("check", "--json", "--timeout", "5", "--write", url);
        assertEquals(1, run.status(), "a failed step is exit status 1");
        String[] lines = run.out().strip().split("\n");
        assertEquals(1, lines.length, "one JSON object on one line");
        JsonNode o = JsonMapper.builder().build().readTree(lines[0]);
        assertEquals(List.of("target", "verdict", "server", "steps", "transcript"), names(o));
        assertEquals("ftp://" + ftpd.user() + ":****@127.0.0.1:" + ftpd.port() + "/", o.get("target").asString());
        assertEquals("failed", o.get("verdict").asString());
        assertEquals("vsftpd", o.get("server").asString());
        JsonNode steps = o.get("steps");
        assertEquals(STEPS.size(), steps.size());
        for (int i = 0; i < STEPS.size(); i++) {
            JsonNode s = steps.get(i);
            assertEquals(List.of("step", "status", "outcome", "detail", "explanation", "advice", "elapsedMs"),
                    names(s));
            assertEquals(STEPS.get(i), s.get("step").asString());
            String status = s.get("status").asString();
            assertTrue(Set.of("ok", "warn", "fail", "skipped").contains(status), status);
            assertEquals(status.equals("ok") || status.equals("skipped"), s.get("outcome").isNull(), s.toString());
            assertTrue(s.get("detail").isString() && !s.get("detail").asString().isBlank(), s.toString());
            for (String text : List.of("explanation", "advice")) {
                assertEquals(List.of("en", "zh"), names(s.get(text)));
                assertFalse(s.get(text).get("en").asString().isBlank());
                assertTrue(s.get(text).get("zh").asString().codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff));
            }
            assertTrue(s.get("elapsedMs").isIntegralNumber() && s.get("elapsedMs").asLong() >= 0, s.toString());
        }
        JsonNode upload = steps.get(STEPS.indexOf("upload"));
        assertEquals("fail", upload.get("status").asString());
        assertEquals("ReadOnlyAccount", upload.get("outcome").asString());
        assertEquals("BannerRevealsVersion", steps.get(STEPS.indexOf("greeting")).get("outcome").asString());
        assertEquals("skipped", steps.get(STEPS.indexOf("active")).get("status").asString());
        assertTrue(steps.get(STEPS.indexOf("download")).get("detail").asString().contains("upload"));
        List<String> transcript = new ArrayList<>();
        o.get("transcript").forEach(l -> transcript.add(l.asString()));
        assertTrue(transcript.contains("> PASS ****"), transcript::toString);
        assertTrue(transcript.contains("< 550 Permission denied."), transcript::toString);
    }

    @Test
    void theTextReportInEnglishAndChinese() {
        Run en = cli("check", "--timeout", "5", "--write", url);
        assertEquals(1, en.status());
        for (String step : STEPS) {
            assertTrue(en.out().lines().anyMatch(l -> l.matches("^(ok|warn|fail|skipped) +" + step + " .*")),
                    step + " in\n" + en.out());
        }
        assertTrue(en.out().contains("[ReadOnlyAccount] The account may read but not write"), en.out());
        assertTrue(en.out().contains("Verdict: failed (1 warning, 1 failure)"), en.out());
        Run zh = cli("check", "--lang", "zh", "--timeout", "5", "--write", url);
        assertEquals(1, zh.status());
        assertTrue(zh.out().contains("结论：失败（1 个警告，1 个失败）"), zh.out());
        assertTrue(zh.out().lines().anyMatch(l -> l.startsWith("失败") && l.contains("upload")
                && l.contains("该账号只能读不能写") && l.contains("建议：")), zh.out());
        assertTrue(zh.out().lines().anyMatch(l -> l.startsWith("跳过") && l.contains("download")
                && l.contains("upload 步骤失败了")), zh.out());
        assertTrue(zh.out().lines().anyMatch(l -> l.startsWith("通过") && l.contains("login")), zh.out());
    }

    @Test
    void exitStatusesForWarningsAndUsageErrors() {
        Run warnings = cli("check", "--json", "--timeout", "5", url); // read-only does not matter without --write
        assertEquals(0, warnings.status(), warnings.out());
        assertTrue(warnings.out().contains("\"verdict\":\"warnings\""), warnings.out());
        assertEquals(2, cli("check", "--lang", "fr", url).status());
        assertEquals(2, cli("check", "--cacert", "/nonexistent.pem", "--insecure", url).status());
        assertEquals(2, cli("check", "--timeout", "0", url).status());
        assertEquals(2, cli("check", "http://127.0.0.1/").status());
        assertEquals(2, cli("check").status());
    }
}
