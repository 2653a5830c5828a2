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
 * {@code get} and {@code put} read without picocli must mean exactly what picocli reads from the same arguments,
 * and everything else must be left to picocli.
 */
class QuickTransferTest {
    private static final String URL = "ftp://u:p@127.0.0.1:2121/dir/file.bin";

    /** What picocli sets from the arguments: the command object of the subcommand. */
    private static TransferCommands.Base picocli(String... args) {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine cl = FtpDoctorCli.commandLine(new FtpDoctorCli(sink), args);
        cl.registerConverter(Path.class, LocalFiles::path);
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        return (TransferCommands.Base) parsed.subcommand().commandSpec().userObject();
    }

    private static String url(TransferCommands.Base c) {
        return c instanceof TransferCommands.Get g ? g.url : ((TransferCommands.Put) c).url;
    }

    private static void assertSameAsPicocli(String... args) {
        TransferCommands.Base quick = QuickTransfer.parse(args);
        assertNotNull(quick, () -> "read directly: " + List.of(args));
        TransferCommands.Base slow = picocli(args);
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

    @Test
    void everythingElseIsLeftToPicocli() {
        String[][] cases = {
            {"get", URL}, {"get", URL, "a", "b"}, {"put", "in"}, {"get", "--help"}, {"get", "-h", URL, "x"},
            {"put", "-V", "in", URL}, {"get", "--json", "--json", URL, "x"}, {"get", "--lang", "zh", "--lang", "en", URL, "x"},
            {"get", "--timeout", "soon", URL, "x"}, {"get", "--timeout", URL}, {"get", URL, "x", "--lang"},
            {"get", "--", URL, "x"}, {"get", "--jsn", URL, "x"}, {"get", "--json=true", URL, "x"},
            {"get", "@args.txt"}, {"get", URL, "@out"}, {"get", "-", URL}, {"get", "--timeout", "-1", URL, "x"},
            {"ls", URL, "x"}, {"explain", "530", "x"}, {"get"}, {},
        };
        for (String[] c : cases) {
            assertNull(QuickTransfer.parse(c), () -> "left to picocli: " + List.of(c));
        }
    }

    @Test
    void aUsageErrorFoundWhenRunningReadsAsPicocliWouldReportIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Integer status = QuickTransfer.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new String[] {"put", "/nonexistent/ftpdoctor/in.bin", URL});
        assertEquals(FtpDoctorCli.USAGE, status);
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.startsWith("ftp-doctor: no such local file: /nonexistent/ftpdoctor/in.bin"), e);
        assertTrue(e.contains("Usage: ftp-doctor put"), e);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }
}
