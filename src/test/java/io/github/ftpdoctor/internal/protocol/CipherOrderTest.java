package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The client's cipher suite order: AES-128-GCM before AES-256-GCM of the same kind, nothing added or removed. */
class CipherOrderTest {
    @Test
    void aes128GcmComesBeforeItsAes256Counterpart() {
        String[] jdk17 = {"TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"};
        assertArrayEquals(new String[] {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"},
                TlsUpgrade.preferAes128(jdk17));
    }

    @Test
    void anOrderAlreadyPreferringAes128OrWithoutAPairIsKept() {
        String[] suites = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"};
        assertArrayEquals(suites, TlsUpgrade.preferAes128(suites));
        String[] only256 = {"TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"};
        assertArrayEquals(only256, TlsUpgrade.preferAes128(only256));
    }

    @Test
    void theJdkDefaultsAreReorderedNotChanged() throws Exception {
        String[] defaults = SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites();
        String[] ordered = TlsUpgrade.preferAes128(defaults);
        assertEquals(defaults.length, ordered.length);
        assertEquals(new HashSet<>(Arrays.asList(defaults)), new HashSet<>(Arrays.asList(ordered)));
        assertEquals("TLS_AES_128_GCM_SHA256", ordered[0]);
    }
}
