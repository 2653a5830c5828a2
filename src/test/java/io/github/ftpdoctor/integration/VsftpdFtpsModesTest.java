package io.github.ftpdoctor.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.CliRun;
import io.github.ftpdoctor.testsupport.SelfSignedCert;
import io.github.ftpdoctor.testsupport.Vsftpd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The CLI's get, put and ls over {@code ftpes://} and {@code ftps://} against a real vsftpd that forces TLS for
 * logins and data and requires TLS session reuse, on TLS 1.3 (this JVM) and TLS 1.2 (a forked JVM with session
 * tickets off, as the README documents).
 */
@Timeout(180)
class VsftpdFtpsModesTest {
    @TempDir
    static Path keys;
    private static SelfSignedCert cert;
    @TempDir
    Path local;

    @BeforeAll
    static void certificate() throws Exception {
        Vsftpd.requireAvailable();
        cert = SelfSignedCert.create(keys);
    }

    private static Vsftpd start(boolean implicit) throws Exception {
        return Vsftpd.start(Vsftpd.strictFtps(cert).andThen(c -> c.put("implicit_ssl", implicit ? "YES" : "NO")));
    }

    /** Runs one CLI command in this JVM (jvmOptions null) or in a forked one. */
    private static JsonNode cli(List<String> jvmOptions, String... args) throws Exception {
        return jvmOptions == null ? CliRun.inProcess(args) : CliRun.forked(jvmOptions, args);
    }

    /** put a random file, ls sees it with its size, get it back byte-identical; the server's copy is identical too. */
    private void putLsGet(boolean implicit, List<String> jvmOptions) throws Exception {
        byte[] data = new byte[700_000];
        new Random(implicit ? 11 : 13).nextBytes(data);
        Path source = Files.write(local.resolve("source.bin"), data);
        try (Vsftpd ftpd = start(implicit)) {
            String base = (implicit ? "ftps://" : "ftpes://") + ftpd.user() + ":" + ftpd.password() + "@127.0.0.1:"
                    + ftpd.port() + "/";
            String ca = cert.cert().toString();
            JsonNode put = cli(jvmOptions, "put", "--json", "--cacert", ca, source.toString(), base + "up.bin");
            assertEquals("Success", put.get("outcome").asString(), put.toString());
            assertArrayEquals(data, Files.readAllBytes(ftpd.rootDir().resolve("up.bin")));

            JsonNode ls = cli(jvmOptions, "ls", "--json", "--cacert", ca, base);
            assertEquals("Success", ls.get("outcome").asString(), ls.toString());
            assertTrue(StreamSupport.stream(ls.get("entries").spliterator(), false).anyMatch(
                    e -> e.get("name").asString().equals("up.bin") && e.get("size").asLong() == data.length),
                    ls.toString());

            Path back = local.resolve("back.bin");
            JsonNode get = cli(jvmOptions, "get", "--json", "--cacert", ca, base + "up.bin", back.toString());
            assertEquals("Success", get.get("outcome").asString(), get.toString());
            assertArrayEquals(data, Files.readAllBytes(back));
        }
    }

    @Test
    void explicitOnTls13() throws Exception {
        putLsGet(false, null);
    }

    @Test
    void implicitOnTls13() throws Exception {
        putLsGet(true, null);
    }

    @Test
    void explicitOnTls12WithTicketsOff() throws Exception {
        putLsGet(false, CliRun.tls12(true));
    }

    @Test
    void implicitOnTls12WithTicketsOff() throws Exception {
        putLsGet(true, CliRun.tls12(true));
    }
}
