package io.github.ftpdoctor.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A self-signed certificate for localhost/127.0.0.1 made by openssl at test time, as PEM files in a temp dir. */
public record SelfSignedCert(Path cert, Path key) {

    /** Runs {@code openssl req -x509} (bounded to 60 s) and writes {@code cert.pem} and {@code key.pem} into dir. */
    public static SelfSignedCert create(Path dir) throws Exception {
        Requirements.requireTool("openssl", "openssl");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl hung");
        assertEquals(0, p.exitValue(), out);
        return new SelfSignedCert(cert, key);
    }
}
