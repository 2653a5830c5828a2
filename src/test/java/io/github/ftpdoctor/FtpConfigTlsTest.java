package io.github.ftpdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.internal.protocol.TlsContexts;
import io.github.ftpdoctor.internal.protocol.TlsOptions;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** Which SSL context each FTPS session gets, and how the TLS settings survive toBuilder(). */
class FtpConfigTlsTest {

    @Test
    void plainFtpHasNoTlsOptions() {
        assertNull(FtpConfig.defaults().tlsOptions());
    }

    @Test
    void everySessionGetsAContextOfItsOwnByDefault() {
        FtpConfig config = FtpConfig.builder().tls(TlsMode.EXPLICIT).build();
        TlsOptions a = config.tlsOptions();
        TlsOptions b = config.tlsOptions();
        assertNotSame(a.context(), b.context(), "JSSE caches one session per host and port in a context");
        assertNotNull(a.probe());
        assertNotSame(a.probe(), b.probe());
        assertTrue(a.explicit());
        assertTrue(a.verifyHostname());
        assertTrue(a.protectData());
    }

    @Test
    void aTrustManagerGivesFreshContextsToo() {
        FtpConfig config = FtpConfig.builder().tls(TlsMode.IMPLICIT)
                .trustManager(TlsContexts.trustingEverything()).build();
        assertNotSame(config.tlsOptions().context(), config.tlsOptions().context());
    }

    @Test
    void aCallersContextIsSharedAndHasNoProbe() throws Exception {
        SSLContext mine = SSLContext.getInstance("TLS");
        mine.init(null, null, null);
        FtpConfig config = FtpConfig.builder().tls(TlsMode.EXPLICIT).sslContext(mine).build();
        assertSame(mine, config.tlsOptions().context());
        assertSame(mine, config.tlsOptions().context());
        assertNull(config.tlsOptions().probe(), "its key managers are the caller's own");
        // a trust manager set afterwards replaces the shared context
        FtpConfig replaced = config.toBuilder().trustManager(TlsContexts.trustingEverything()).build();
        assertNotSame(mine, replaced.tlsOptions().context());
    }

    @Test
    void insecureTurnsOffTheNameCheckAndToBuilderKeepsEverything() {
        FtpConfig config = FtpConfig.builder().tls(TlsMode.EXPLICIT).insecure().protectData(false)
                .tlsProtocols("TLSv1.2").build();
        FtpConfig copy = config.toBuilder().build();
        for (FtpConfig c : new FtpConfig[] {config, copy}) {
            TlsOptions o = c.tlsOptions();
            assertEquals(false, o.verifyHostname());
            assertEquals(false, o.protectData());
            assertEquals(java.util.List.of("TLSv1.2"), java.util.List.of(o.protocols()));
        }
        assertEquals(TlsMode.EXPLICIT, copy.tlsMode());
    }
}
