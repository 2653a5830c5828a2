package io.github.ftpdoctor.internal.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.CLocaleJvm;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@code javax.net.ssl.keyStore} whose name the JVM cannot represent (a Chinese name under {@code LC_ALL=C}) is
 * an error that names the file and the reason, not the JDK's {@code InvalidPathException} with '?' for each
 * character.
 */
@Timeout(120)
class CLocaleKeyStoreTest {

    @Test
    void anUnrepresentableKeyStoreNameIsNamedInTheError() throws Exception {
        CLocaleJvm.Result r = CLocaleJvm.run(Main.class, "/tmp/密钥库.p12");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("javax.net.ssl.keyStore names '/tmp/密钥库.p12', which this Java cannot use as a"
                + " file name (sun.jnu.encoding=ANSI_X3.4-1968; a UTF-8 locale can)"), r.out());
    }

    /** The forked side: sets the key store property and asks for a client-certificate probe, which reads it. */
    public static final class Main {
        public static void main(String[] args) {
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
            System.setProperty("javax.net.ssl.keyStore", CLocaleJvm.unescape(args[0]));
            try {
                TlsContexts.probe(null);
                out.println("no error");
            } catch (IllegalStateException e) {
                out.println(e.getMessage());
            }
        }
    }
}
