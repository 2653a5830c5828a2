package io.github.ftpdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script {@code src/main/launcher/ftp-doctor} (copied to {@code target/ftp-doctor} by the build), run
 * with {@code sh} next to a small jar whose main class prints its arguments: it uses the class-data-sharing archive
 * when one newer than the jar is there, and otherwise runs the jar as it is, with the same output and nothing from
 * the JVM on either stream.
 */
class LauncherTest {
    private static final Path SCRIPT = Path.of("src/main/launcher/ftp-doctor");
    private static final String PROBE = "io.github.ftpdoctor.cli.LauncherTest$Probe";

    /** The jar's main class. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("probe: " + String.join("|", args));
            if (System.getenv("PROBE_JVM_ARGS") != null) {
                System.out.println("jvm: " + ProcessHandle.current().info().arguments().map(a -> String.join(" ", a)).orElse("?"));
            }
        }
    }

    @TempDir
    Path tmp;
    private Path dir;
    private Path jar;
    private Path jsa;

    @BeforeEach
    void install() throws IOException {
        install("install");
    }

    private void install(String name) throws IOException {
        dir = Files.createDirectories(tmp.resolve(name));
        Files.copy(SCRIPT, dir.resolve("ftp-doctor"));
        jar = dir.resolve("ftp-doctor.jar");
        jsa = dir.resolve("ftp-doctor.jsa");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, PROBE);
        String entry = PROBE.replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m);
             InputStream cls = LauncherTest.class.getClassLoader().getResourceAsStream(entry)) {
            j.putNextEntry(new JarEntry(entry));
            cls.transferTo(j);
            j.closeEntry();
        }
    }

    @Test
    void withoutAnArchiveRunsTheJar() throws Exception {
        Result r = launch(Map.of(), "explain", "530", "two words");
        assertEquals("probe: explain|530|two words\n", r.out);
        assertEquals("", r.err);
        assertEquals(0, r.status);
        assertFalse(r.classLog.contains(PROBE + " source: shared objects file"), "no archive, nothing from one");
    }

    @Test
    void usesAnArchiveNewerThanTheJar() throws Exception {
        makeArchive();
        Result r = launch(Map.of(), "get", "a");
        assertEquals("probe: get|a\n", r.out);
        assertEquals("", r.err);
        assertTrue(r.classLog.contains(PROBE + " source: shared objects file"), r.classLog);
    }

    @Test
    void ignoresAnArchiveOlderThanTheJar() throws Exception {
        makeArchive();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jsa).toMillis() + 60_000));
        Result r = launch(Map.of(), "explain");
        assertEquals("probe: explain\n", r.out);
        assertEquals("", r.err);
        assertFalse(r.classLog.contains(PROBE + " source: shared objects file"));
    }

    /** An archive the JVM rejects (here: not an archive at all) changes nothing, and the JVM says nothing. */
    @Test
    void aRejectedArchiveIsIgnoredSilently() throws Exception {
        Files.write(jsa, new byte[4096]);
        Files.setLastModifiedTime(jsa, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Result r = launch(Map.of(), "--json", "x");
        assertEquals("probe: --json|x\n", r.out);
        assertEquals("", r.err);
        assertEquals(0, r.status);
    }

    @Test
    void canBeToldNotToUseTheArchive() throws Exception {
        makeArchive();
        Result r = launch(Map.of("FTP_DOCTOR_CDS", "off"), "demo");
        assertEquals("probe: demo\n", r.out);
        assertFalse(r.classLog.contains(PROBE + " source: shared objects file"));
    }

    @Test
    void worksThroughASymbolicLink() throws Exception {
        makeArchive();
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("ftp-doctor"), dir.resolve("ftp-doctor"));
        Result r = run(link, Map.of(), "explain");
        assertEquals("probe: explain\n", r.out);
        assertTrue(r.classLog.contains(PROBE + " source: shared objects file"), r.classLog);
    }

    /** The quick compiler only, in one thread, except for get and put over FTPS (the JDK's AES-GCM intrinsics need C2). */
    @Test
    void usesTheQuickCompilerExceptForTransfersOverTls() throws Exception {
        Map<String, String> env = Map.of("PROBE_JVM_ARGS", "1");
        assertTrue(launch(env, "explain", "530").out.contains("-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"));
        assertTrue(launch(env, "get", "ftp://h/f", "f").out.contains("-XX:TieredStopAtLevel=1"));
        assertTrue(launch(env, "ls", "ftpes://h/").out.contains("-XX:TieredStopAtLevel=1"));
        assertFalse(launch(env, "get", "ftpes://h/f", "f").out.contains("TieredStopAtLevel"));
        assertFalse(launch(env, "get", "ftpes://h/f", "f").out.contains("CICompilerCount"));
        assertFalse(launch(env, "put", "--insecure", "f", "ftps://h/f").out.contains("TieredStopAtLevel"));
    }

    /**
     * The script quotes its paths. (JDK 17 does not use an archive for a jar whose path has a space in it: the
     * launcher passes it, the JVM quietly loads the classes from the jar.)
     */
    @Test
    void worksFromADirectoryWithASpaceInItsName() throws Exception {
        install("install dir");
        makeArchive();
        Result r = launch(Map.of(), "explain", "530", "a b");
        assertEquals("probe: explain|530|a b\n", r.out);
        assertEquals("", r.err);
        assertEquals(0, r.status);
    }

    @Test
    void saysWhatToDoWhenTheJarIsMissing() throws Exception {
        Files.delete(jar);
        Result r = launch(Map.of(), "explain");
        assertEquals(2, r.status);
        assertEquals("", r.out);
        assertTrue(r.err.contains("mvn -q -B package -DskipTests"), r.err);
    }

    /** What the build does after the shade step, here for the small jar: a class list, then a static archive. */
    private void makeArchive() throws Exception {
        Path list = dir.resolve("ftp-doctor.classlist");
        run(java(), "-XX:DumpLoadedClassList=" + list, "-XX:+UseSerialGC", "-jar", jar.toString());
        String out = run(java(), "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + jsa,
                "-XX:+UseSerialGC", "-cp", jar.toString());
        assertTrue(Files.isRegularFile(jsa), "this JDK made no archive: " + out);
        Files.setLastModifiedTime(jsa, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        return out;
    }

    private Result launch(Map<String, String> env, String... args) throws Exception {
        return run(dir.resolve("ftp-doctor"), env, args);
    }

    private Result run(Path script, Map<String, String> env, String... args) throws Exception {
        Path classLog = tmp.resolve("classes-" + System.nanoTime() + ".log");
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("FTP_DOCTOR_JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog);
        pb.environment().remove("FTP_DOCTOR_CDS");
        pb.environment().putAll(env);
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher hung");
        } finally {
            p.destroyForcibly();
        }
        String log = Files.exists(classLog) ? Files.readString(classLog) : "";
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err), log);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int status, String out, String err, String classLog) {
    }
}
