package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.cli.FtpDoctorCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users' extra rule files: precedence over the built-in rules, validation, the catalog lint command. */
class CatalogExtensionTest {
    @TempDir
    Path dir;

    private Path write(String name, String json) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, json, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void extraRulesTakePrecedenceEvenWhenLessSpecific() throws Exception {
        Path file = write("mine.json", "{\"rules\":[{\"id\":\"mine.any-530\",\"code\":\"5xx\",\"outcome\":\"IpNotAllowed\","
                + "\"source\":\"test\"}]}");
        Classifier c = new Classifier(Catalog.withRules(file));
        Diagnosis d = c.classify(Reply.of(530, "Sorry, no ANONYMOUS access allowed."), new ExchangeContext("USER", true));
        assertEquals(Outcome.IpNotAllowed, d.outcome());
        assertEquals("mine.any-530", d.ruleId());
        assertEquals(file.toString(), d.rule().origin());
        // the built-in catalog is unchanged
        assertEquals(Outcome.AnonymousDenied, Classifier.standard()
                .classify(Reply.of(530, "Sorry, no ANONYMOUS access allowed."), new ExchangeContext("USER", true)).outcome());
    }

    @Test
    void classpathRulesWithTheirNotes() {
        Catalog catalog = Catalog.withClasspathRules(getClass().getClassLoader(), "ftp-rules/site.json");
        Diagnosis d = new Classifier(catalog).classify(Reply.of(530, "Login incorrect."), new ExchangeContext("PASS", false));
        assertEquals(Outcome.IpNotAllowed, d.outcome());
        assertTrue(d.explanation(Locale.ENGLISH).endsWith("On our servers a refused address also gets these words."));
        assertTrue(d.explanation(Locale.SIMPLIFIED_CHINESE).contains("在我们的服务器上"));
    }

    @Test
    void problemsNameTheFileTheRuleAndTheProblem() throws Exception {
        Path dup = write("dup.json", "{\"rules\":[{\"id\":\"access.banned\",\"code\":\"530\",\"outcome\":\"Success\"}]}");
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.withRules(dup));
        assertEquals(dup + ": rule 'access.banned': duplicate id", e.getMessage());
        Path server = write("server.json", "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"server\":[\"nosuchd\"],"
                + "\"outcome\":\"Success\"}]}");
        e = assertThrows(CatalogException.class, () -> Catalog.withRules(server));
        assertTrue(e.getMessage().contains("unknown server 'nosuchd'"), e.getMessage());
        Path zh = write("zh.json", "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"outcome\":\"Success\","
                + "\"note\":{\"en\":\"only English\",\"zh\":\"only English\"}}]}");
        e = assertThrows(CatalogException.class, () -> Catalog.withRules(zh));
        assertTrue(e.getMessage().endsWith("rule 'x': missing Chinese text 'note.zh'"), e.getMessage());
        Path auth = write("auth.json", "{\"rules\":[{\"id\":\"x\",\"code\":\"502\",\"after\":[\"PBSZ\",\"auth\"],"
                + "\"outcome\":\"CommandNotImplemented\"}]}");
        e = assertThrows(CatalogException.class, () -> Catalog.withRules(auth));
        assertEquals(auth + ": rule 'x': answers AUTH, but CommandNotImplemented is never concluded in answer to it"
                + " (its 'notAfter')", e.getMessage());
        e = assertThrows(CatalogException.class, () -> Catalog.withRules(dir.resolve("absent.json")));
        assertTrue(e.getMessage().endsWith("absent.json: cannot read: no such file"), e.getMessage());
        Path broken = write("broken.json", "{\"rules\": [");
        e = assertThrows(CatalogException.class, () -> Catalog.withRules(broken));
        assertTrue(e.getMessage().startsWith(broken + ": cannot read"), e.getMessage());
    }

    @Test
    void catalogLintAndListCommands() throws Exception {
        Path good = write("good.json", "{\"rules\":[{\"id\":\"g\",\"code\":\"421\",\"pattern\":\"gateway\","
                + "\"outcome\":\"TooManyUsers\",\"source\":\"t\"}]}");
        Path bad = write("bad.json", "{\"rules\":[{\"id\":\"b\",\"code\":\"421\",\"outcome\":\"Nope\"}]}");
        assertEquals(0, cli("catalog", "lint", good.toString()).status);
        Result r = cli("catalog", "lint", bad.toString());
        assertEquals(1, r.status);
        assertTrue(r.out.contains("rule 'b': unknown outcome 'Nope'"), r.out);
        Result list = cli("catalog", "list", "--lang", "zh");
        assertEquals(0, list.status);
        assertTrue(list.out.contains("PerIpSessionLimit") && list.out.contains("capacity.per-ip"), list.out);
        Result explain = cli("explain", "--rules", good.toString(), "421", "gateway busy");
        assertTrue(explain.out.contains("TooManyUsers") && explain.out.contains("Rule:        g"), explain.out);
    }

    private record Result(int status, String out) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = FtpDoctorCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), args);
        return new Result(status, out.toString(StandardCharsets.UTF_8));
    }
}
