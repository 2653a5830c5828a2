package io.github.ftpdoctor.internal.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** SSL contexts for FTPS: the JDK's defaults, a PEM/DER file of trusted certificates, or (for tests) trust-all. */
public final class TlsContexts {
    private TlsContexts() {
    }

    /** The JDK's default context (its cacerts). */
    public static SSLContext system() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no default SSL context", e);
        }
    }

    /** A context trusting exactly the certificates in the file (PEM or DER, one or several). */
    public static SSLContext trusting(Path certificates) {
        try (InputStream in = Files.newInputStream(certificates)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException(certificates + ": no certificate found");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(certificates + ": cannot read certificates: " + e.getMessage(), e);
        }
    }

    /** A context that trusts any certificate: only for servers you control (the CLI's --insecure). */
    public static SSLContext trustingEverything() {
        TrustManager all = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // not used by a client
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // deliberately trusting: the caller asked for --insecure
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {all}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
