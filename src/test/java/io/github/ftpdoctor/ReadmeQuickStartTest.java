package io.github.ftpdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.PrintWriter;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java quick start compiles as printed, against the library as built. */
class ReadmeQuickStartTest {
    @Test
    void quickStartCompiles(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        String source = null;
        while (m.find()) {
            if (m.group(1).contains("class QuickStart")) {
                source = m.group(1);
            }
        }
        assertNotNull(source, "README has no QuickStart java block");
        assertTrue(source.contains("catch (AnonymousDeniedException e)"));
        Path file = dir.resolve("QuickStart.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        StringWriter errors = new StringWriter();
        int status = javac.run(new PrintWriter(errors), new PrintWriter(errors), "-d", dir.toString(),
                "-cp", System.getProperty("java.class.path"), "-encoding", "UTF-8", file.toString());
        assertEquals("", errors.toString());
        assertEquals(0, status);
        assertTrue(Files.exists(dir.resolve("QuickStart.class")));
    }
}
