package io.github.ftpdoctor.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.CLocaleJvm;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CLI in a JVM started under {@code LC_ALL=C} (file names and the default charset are ASCII there), whatever
 * the locale of the build: its output is UTF-8, Chinese text and file names in messages come out whole, and a file
 * name the JVM cannot represent is refused with an error naming it. {@link Main} gets the strings a Java caller would
 * pass to {@link FtpDoctorCli#run} ({@link CLocaleJvm} carries them as ASCII escapes).
 */
@Timeout(120)
class CLocaleCliTest {

    @Test
    void theForkedJvmReallyRunsUnderTheCLocale() throws Exception {
        CLocaleJvm.Result r = run("--version");
        assertEquals(0, r.status(), r.err());
        String env = r.err().lines().filter(l -> l.startsWith("ENV ")).findFirst().orElseThrow();
        assertTrue(env.contains("sun.jnu.encoding=ANSI_X3.4-1968") && env.contains("default=US-ASCII"), env);
    }

    @Test
    void chineseExplanationIsPrintedInUtf8() throws Exception {
        CLocaleJvm.Result r = run("explain", "--lang", "zh", "--after", "USER", "--user", "anonymous", "530",
                "Sorry, no ANONYMOUS access allowed.");
        assertEquals(1, r.status(), r.err());
        assertTrue(r.out().codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), r.out());
        assertFalse(r.out().contains("?"), r.out());
    }

    @Test
    void aLocalFileNameTheJvmCannotRepresentIsRefusedByName() throws Exception {
        for (String[] args : List.of(new String[] {"get", "ftp://127.0.0.1:1/x", "报告.bin"},
                new String[] {"put", "报告.bin", "ftp://127.0.0.1:1/x"})) {
            CLocaleJvm.Result r = run(args);
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("cannot use the local file name '报告.bin'"), r.err());
            assertTrue(r.err().contains("ANSI_X3.4-1968") && r.err().contains("LANG=C.UTF-8"), r.err());
        }
    }

    @Test
    void errorMessagesKeepChineseWhole() throws Exception {
        CLocaleJvm.Result r = run("analyze", "不存在的日志.log");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("不存在的日志.log"), r.err());

        CLocaleJvm.Result url = run("probe", "ftp://用户:密/码@127.0.0.1:1/");
        assertEquals(2, url.status(), url.err());
        assertTrue(url.err().contains("%2F"), url.err());
        assertFalse(url.err().contains("密"), "the password is never repeated: " + url.err());
    }

    private static CLocaleJvm.Result run(String... args) throws Exception {
        return CLocaleJvm.run(Main.class, args);
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
                decoded[i] = CLocaleJvm.unescape(args[i]);
            }
            System.exit(FtpDoctorCli.run(out, err, decoded));
        }
    }
}
