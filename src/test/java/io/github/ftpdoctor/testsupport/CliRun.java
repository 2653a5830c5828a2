package io.github.ftpdoctor.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.cli.FtpDoctorCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the ftp-doctor CLI with {@code --json} among its arguments and parses what it printed. */
public final class CliRun {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CliRun() {
    }

    /** In this JVM; stderr is discarded. */
    public static JsonNode inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FtpDoctorCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), args);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8).strip());
    }

    /**
     * In a new JVM with this test classpath and the given JVM options (JSSE reads its properties once per JVM);
     * bounded to 60 s.
     */
    public static JsonNode forked(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FtpDoctorCli.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "forked CLI hung");
            return JSON.readTree(out.strip());
        } finally {
            p.destroyForcibly();
        }
    }

    /** JVM options that restrict the client to TLS 1.2, with or without session tickets. */
    public static List<String> tls12(boolean ticketsOff) {
        return List.of("-Djdk.tls.client.protocols=TLSv1.2",
                "-Djdk.tls.client.enableSessionTicketExtension=" + !ticketsOff);
    }
}
