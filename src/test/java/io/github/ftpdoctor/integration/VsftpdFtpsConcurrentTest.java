package io.github.ftpdoctor.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.TlsMode;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.testsupport.CliRun;
import io.github.ftpdoctor.testsupport.SelfSignedCert;
import io.github.ftpdoctor.testsupport.Vsftpd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several FTPS sessions to one vsftpd (require_ssl_reuse=YES) at the same time, sharing one FtpConfig: each
 * session's data connections must resume its own control session, not the session another one cached last.
 */
@Timeout(120)
class VsftpdFtpsConcurrentTest {
    private static final byte[] DATA = new byte[300_000];

    static {
        new Random(17).nextBytes(DATA); // here, not in @BeforeAll: the forked JVM's main needs it too
    }

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

    @Test
    void interleavedSessionsOnTls13() throws Exception {
        try (Vsftpd ftpd = start()) {
            assertEquals("OK", Interleaved.run(ftpd.port(), cert.cert(), ftpd.user(), ftpd.password(), local));
        }
    }

    @Test
    void interleavedSessionsOnTls12() throws Exception {
        try (Vsftpd ftpd = start()) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(CliRun.tls12(true));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Interleaved.class.getName(),
                    Integer.toString(ftpd.port()), cert.cert().toString(), ftpd.user(), ftpd.password(),
                    local.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals("OK", out.strip().lines().reduce((x, y) -> y).orElse(""), out);
        }
    }

    private Vsftpd start() throws Exception {
        Vsftpd ftpd = Vsftpd.start(Vsftpd.strictFtps(cert));
        Files.write(ftpd.rootDir().resolve("data.bin"), DATA);
        return ftpd;
    }

    /** Two sessions sharing one FtpConfig, downloading in turn; prints OK or the failure's outcome and reply. */
    static final class Interleaved {
        public static void main(String[] args) throws Exception {
            System.out.println(run(Integer.parseInt(args[0]), Path.of(args[1]), args[2], args[3], Path.of(args[4])));
        }

        static String run(int port, Path cert, String user, String password, Path dir) throws Exception {
            FtpConfig config = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
                    .replyTimeout(Duration.ofSeconds(10)).tls(TlsMode.EXPLICIT).trustCertificates(cert).build();
            try (FtpClient a = FtpClient.connect("127.0.0.1", port, config);
                 FtpClient b = FtpClient.connect("127.0.0.1", port, config)) {
                a.login(user, password);
                b.login(user, password);
                for (int round = 0; round < 3; round++) {
                    for (FtpClient ftp : new FtpClient[] {a, b}) {
                        Path target = dir.resolve("copy.bin");
                        ftp.download("data.bin", target);
                        if (!Arrays.equals(DATA, Files.readAllBytes(target))) {
                            return "DIFFERENT";
                        }
                    }
                }
                return "OK";
            } catch (FtpException e) {
                return e.diagnosis().outcome() + " " + e.getMessage();
            }
        }
    }
}
