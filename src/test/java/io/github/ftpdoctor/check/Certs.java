package io.github.ftpdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.SelfSignedCert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Self-signed certificates made by openssl at test time, valid for a chosen number of days and names. */
final class Certs {
    private Certs() {
    }

    static void assumeOpenssl() {
        io.github.ftpdoctor.testsupport.Requirements.requireTool("openssl", "openssl");
    }

    /** A key and a self-signed certificate for CN=localhost with these subject alternative names. */
    static SelfSignedCert create(Path dir, String name, int days, String san) throws Exception {
        Path cert = dir.resolve(name + "-cert.pem");
        Path key = dir.resolve(name + "-key.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days",
                Integer.toString(days), "-subj", "/CN=localhost", "-addext", "subjectAltName=" + san,
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl hung");
        assertEquals(0, p.exitValue(), out);
        return new SelfSignedCert(cert, key);
    }

    /** Valid ten years, for localhost and 127.0.0.1. */
    static SelfSignedCert longLived(Path dir) throws Exception {
        return create(dir, "long", 3650, "DNS:localhost,IP:127.0.0.1");
    }
}
