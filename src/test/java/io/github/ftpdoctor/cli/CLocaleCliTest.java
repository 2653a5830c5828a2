package io.github.ftpdoctor.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CLI in a JVM started under {@code LC_ALL=C} (file names and the default charset are ASCII there), whatever
 * the locale of the build: its output is UTF-8, Chinese text and file names in messages come out whole, and a file
 * name the JVM cannot represent is refused with an error naming it. The arguments travel as ASCII {@code \\uXXXX}
 * escapes, because a JVM under the C locale cannot decode non-ASCII command-line bytes at all; {@link Main} turns
 * them back into the strings a Java caller would pass to {@link FtpDoctorCli#run}.
 */
@Timeout(120)
class CLocaleCliTest {

    record Result(int status, String out, String err) {
    }

    @Test
    void theForkedJvmReallyRunsUnderTheCLocale() throws Exception {
        Result r = run("--version");
        assertEquals(0, r.status(), r.err());
        String env = r.err().lines().filter(l -> l.startsWith("ENV ")).findFirst().orElseThrow();
        assertTrue(env.contains("sun.jnu.encoding=ANSI_X3.4-1968") && env.contains("default=US-ASCII"), env);
    }

    @Test
    void chineseExplanationIsPrintedInUtf8() throws Exception {
        Result r = run("explain", "--lang", "zh", "--after", "USER", "--user", "anonymous", "530",
                "Sorry, no ANONYMOUS access allowed.");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), r.out());
        assertFalse(r.out().contains("?"), r.out());
    }

    @Test
    void aLocalFileNameTheJvmCannotRepresentIsRefusedByName() throws Exception {
        for (String[] args : List.of(new String[] {"get", "ftp://127.0.0.1:1/x", "报告.bin"},
                new String[] {"put", "报告.bin", "ftp://127.0.0.1:1/x"})) {
            Result r = run(args);
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("cannot use the local file name '报告.bin'"), r.err());
            assertTrue(r.err().contains("ANSI_X3.4-1968") && r.err().contains("LANG=C.UTF-8"), r.err());
        }
    }

    @Test
    void errorMessagesKeepChineseWhole() throws Exception {
        Result r = run("analyze", "不存在的日志.log");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("不存在的日志.log"), r.err());

        Result url = run("probe", "ftp://用户:密/码@127.0.0.1:1/");
        assertEquals(2, url.status(), url.err());
        assertTrue(url.err().contains("%2F"), url.err());
        assertFalse(url.err().contains("密"), "the password is never repeated: " + url.err());
    }

    /** Runs {@link Main} in a new JVM under LC_ALL=C, bounded to 60 s. */
    private static Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        for (String a : args) {
            command.add(escape(a));
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("LANGUAGE")
                || k.equals("JAVA_TOOL_OPTIONS") || k.equals("_JAVA_OPTIONS"));
        env.put("LC_ALL", "C");
        env.put("LANG", "C");
        Process p = pb.start();
        try {
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            String out = new String(p.getInputStream().readAllBytes(), UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the forked CLI hung");
            return new Result(p.exitValue(), out, new String(err.get(60, TimeUnit.SECONDS), UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 128 && c != '\\') {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i) && i + 6 <= s.length()) {
                b.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    /** The forked side: the CLI with UTF-8 standard streams, as {@code FtpDoctorCli.main} sets them up. */
    public static final class Main {
        public static void main(String[] args) {
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, UTF_8);
            err.println("ENV sun.jnu.encoding=" + System.getProperty("sun.jnu.encoding") + " default="
                    + Charset.defaultCharset());
            String[] decoded = new String[args.length];
            for (int i = 0; i < args.length; i++) {
                decoded[i] = unescape(args[i]);
            }
            System.exit(FtpDoctorCli.run(out, err, decoded));
        }
    }
}
