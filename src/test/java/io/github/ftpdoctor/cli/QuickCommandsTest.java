package io.github.ftpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code explain}, {@code get} and {@code put} read without picocli must mean exactly what picocli reads from the
 * same arguments, and everything else must be left to picocli.
 */
class QuickCommandsTest {
    private static final String URL = "ftp://u:p@127.0.0.1:2121/dir/file.bin";

    private static final PrintStream SINK = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    /** What picocli sets from the arguments: the command object of the subcommand. */
    private static Object picocliCommand(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine cl = FtpDoctorCli.commandLine(new FtpDoctorCli(sink), args);
        cl.registerConverter(Path.class, LocalFiles::path);
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        return parsed.subcommand().commandSpec().userObject();
    }

    private static Object quick(String... args) {
        return QuickCommands.parse(args, SINK);
    }

    private static String url(TransferCommands.Base c) {
        return c instanceof TransferCommands.Get g ? g.url : ((TransferCommands.Put) c).url;
    }

    private static void assertSameAsPicocli(String... args) {
        TransferCommands.Base quick = (TransferCommands.Base) quick(args);
        assertNotNull(quick, () -> "read directly: " + List.of(args));
        TransferCommands.Base slow = (TransferCommands.Base) picocliCommand(args);
        String what = List.of(args).toString();
        assertEquals(slow.getClass(), quick.getClass(), what);
        assertEquals(url(slow), url(quick), what);
        assertEquals(slow.local(), quick.local(), what);
        assertEquals(slow.options.json, quick.options.json, what);
        assertEquals(slow.options.insecure, quick.options.insecure, what);
        assertEquals(slow.options.lang, quick.options.lang, what);
        assertEquals(slow.options.timeout, quick.options.timeout, what);
        assertEquals(slow.options.cacert, quick.options.cacert, what);
    }

    @Test
    void theUsualFormsMeanWhatPicocliReads() {
        assertSameAsPicocli("get", URL, "out.bin");
        assertSameAsPicocli("put", "in.bin", URL);
        assertSameAsPicocli("get", "--json", URL, "out.bin");
        assertSameAsPicocli("get", URL, "--json", "out.bin");
        assertSameAsPicocli("put", "in.bin", URL, "--json", "--lang", "zh");
        assertSameAsPicocli("put", "--lang=zh", "--timeout=2.5", "in.bin", URL);
        assertSameAsPicocli("get", "--timeout", "30", "--insecure", "--cacert", "ca.pem", URL, "x");
        assertSameAsPicocli("get", "--cacert=ca.pem", URL, "x", "--timeout=-1");
        assertSameAsPicocli("get", "--lang", "xx", URL, "x"); // picocli takes it too: the command rejects it
    }

    @Test
    void randomOrdersOfTheKnownOptionsMeanWhatPicocliReads() {
        Random random = new Random(20261207);
        for (int i = 0; i < 500; i++) {
            boolean get = random.nextBoolean();
            List<String> positional = get ? List.of(URL + i, "local-" + i) : List.of("local-" + i, URL + i);
            java.util.ArrayList<List<String>> parts = new java.util.ArrayList<>();
            if (random.nextBoolean()) {
                parts.add(List.of("--json"));
            }
            if (random.nextBoolean()) {
                parts.add(List.of("--insecure"));
            }
            if (random.nextBoolean()) {
                parts.add(random.nextBoolean() ? List.of("--lang", "zh") : List.of("--lang=en"));
            }
            if (random.nextBoolean()) {
                String t = Double.toString(random.nextInt(100) / 4.0);
                parts.add(random.nextBoolean() ? List.of("--timeout", t) : List.of("--timeout=" + t));
            }
            if (random.nextBoolean()) {
                parts.add(random.nextBoolean() ? List.of("--cacert", "c" + i + ".pem") : List.of("--cacert=c.pem"));
            }
            java.util.Collections.shuffle(parts, random);
            java.util.ArrayList<String> args = new java.util.ArrayList<>(List.of(get ? "get" : "put"));
            int first = random.nextInt(parts.size() + 1);
            int second = first + random.nextInt(parts.size() - first + 1);
            for (int p = 0; p <= parts.size(); p++) {
                if (p == first) {
                    args.add(positional.get(0));
                }
                if (p == second) {
                    args.add(positional.get(1));
                }
                if (p < parts.size()) {
                    args.addAll(parts.get(p));
                }
            }
            assertSameAsPicocli(args.toArray(String[]::new));
        }
    }

    private static void assertExplainSameAsPicocli(String... args) {
        ExplainCommand quick = (ExplainCommand) quick(args);
        assertNotNull(quick, () -> "read directly: " + List.of(args));
        ExplainCommand slow = (ExplainCommand) picocliCommand(args);
        String what = List.of(args).toString();
        assertEquals(slow.code, quick.code, what);
        assertEquals(slow.text, quick.text, what);
        assertEquals(slow.after, quick.after, what);
        assertEquals(slow.user, quick.user, what);
        assertEquals(slow.server, quick.server, what);
        assertEquals(slow.lang, quick.lang, what);
        assertEquals(slow.json, quick.json, what);
        assertEquals(slow.rules, quick.rules, what);
    }

    @Test
    void explainMeansWhatPicocliReads() {
        assertExplainSameAsPicocli("explain", "530");
        assertExplainSameAsPicocli("explain", "530", "Login", "incorrect.");
        assertExplainSameAsPicocli("explain", "530", "Login incorrect.");
        assertExplainSameAsPicocli("explain", "--after", "USER", "--user", "anonymous", "--json", "530", "Sorry,", "no");
        assertExplainSameAsPicocli("explain", "530", "Login", "--json", "incorrect.", "--lang=zh");
        assertExplainSameAsPicocli("explain", "--server=vsftpd", "421", "", "x");
        assertExplainSameAsPicocli("explain", "--after=", "99", "a=b", "c");
        assertExplainSameAsPicocli("explain", "abc"); // picocli takes it too: the command rejects it
    }

    @Test
    void explainGivesTheSameReportEitherWay() {
        String[][] cases = {
            {"explain", "530", "Login", "incorrect."},
            {"explain", "--after", "USER", "--user", "anonymous", "530", "Sorry,", "no", "ANONYMOUS", "access."},
            {"explain", "--json", "--lang", "zh", "421", "Too", "many", "connections", "(3)", "from", "this", "IP"},
            {"explain", "--lang", "fr", "530", "x"}, {"explain", "5300", "x"},
        };
        for (String[] c : cases) {
            ByteArrayOutputStream quickOut = new ByteArrayOutputStream();
            ByteArrayOutputStream quickErr = new ByteArrayOutputStream();
            Integer quickStatus = QuickCommands.run(new PrintStream(quickOut, true, StandardCharsets.UTF_8),
                    new PrintStream(quickErr, true, StandardCharsets.UTF_8), c);
            assertNotNull(quickStatus);
            ByteArrayOutputStream slowOut = new ByteArrayOutputStream();
            ByteArrayOutputStream slowErr = new ByteArrayOutputStream();
            CommandLine cl = FtpDoctorCli.commandLine(new FtpDoctorCli(new PrintStream(slowOut, true,
                    StandardCharsets.UTF_8)), c);
            cl.setErr(FtpDoctorCli.writer(new PrintStream(slowErr, true, StandardCharsets.UTF_8)));
            cl.setExecutionExceptionHandler(new FtpDoctorCli.Failures());
            int slowStatus = cl.execute(c);
            String what = List.of(c).toString();
            assertEquals(slowStatus, quickStatus, what);
            assertEquals(slowOut.toString(StandardCharsets.UTF_8), quickOut.toString(StandardCharsets.UTF_8), what);
            assertEquals(slowErr.toString(StandardCharsets.UTF_8), quickErr.toString(StandardCharsets.UTF_8), what);
        }
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        String[][] cases = {
            {"get", URL}, {"get", URL, "a", "b"}, {"put", "in"}, {"get", "--help"}, {"get", "-h", URL, "x"},
            {"put", "-V", "in", URL}, {"get", "--json", "--json", URL, "x"}, {"get", "--lang", "zh", "--lang", "en", URL, "x"},
            {"get", "--timeout", "soon", URL, "x"}, {"get", "--timeout", URL}, {"get", URL, "x", "--lang"},
            {"get", "--", URL, "x"}, {"get", "--jsn", URL, "x"}, {"get", "--json=true", URL, "x"},
            {"get", "@args.txt"}, {"get", URL, "@out"}, {"get", "-", URL}, {"get", "--timeout", "-1", URL, "x"},
            {"ls", URL, "x"}, {"get"}, {}, {"explain"}, {"explain", "--json"}, {"explain", "--rules", "r.json", "530"},
            {"explain", "530", "--help"}, {"explain", "--after", "USER", "--after", "PASS", "530"},
            {"explain", "530", "-x"}, {"explain", "--", "530", "x"}, {"explain", "--user", "--json", "530"},
            {"explain", "530", "@words"}, {"check", URL}, {"analyze", "log.txt"},
        };
        for (String[] c : cases) {
            assertNull(quick(c), () -> "left to picocli: " + List.of(c));
        }
    }

    @Test
    void aUsageErrorFoundWhenRunningReadsAsPicocliWouldReportIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Integer status = QuickCommands.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new String[] {"put", "/nonexistent/ftpdoctor/in.bin", URL});
        assertEquals(FtpDoctorCli.USAGE, status);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("ftp-doctor: no such local file: /nonexistent/ftpdoctor/in.bin"), e);
        assertTrue(e.contains("Usage: ftp-doctor put"), e);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
