package io.github.ftpdoctor.testsupport;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a new JVM under {@code LC_ALL=C} and {@code LANG=C}, whatever the
 * locale of the build: there the default charset and the file-name encoding ({@code sun.jnu.encoding}) are ASCII.
 * Arguments travel as ASCII {@code \\uXXXX} escapes ({@link #escape}), because such a JVM cannot decode non-ASCII
 * command-line bytes; the main class turns them back with {@link #unescape}. Its standard output and error are
 * read as UTF-8. Bounded to 60 s.
 */
public final class CLocaleJvm {
    private CLocaleJvm() {
    }

    /** Exit status, standard output and standard error of a run. */
    public record Result(int status, String out, String err) {
    }

    public static Result run(Class<?> main, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
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
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String out = new String(p.getInputStream().readAllBytes(), UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the forked JVM hung");
            return new Result(p.exitValue(), out, new String(err.get(60, TimeUnit.SECONDS), UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    /** Non-ASCII characters and backslashes as {@code \\uXXXX}. */
    public static String escape(String s) {
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

    public static String unescape(String s) {
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
}
