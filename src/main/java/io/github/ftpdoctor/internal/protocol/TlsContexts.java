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
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trust and key material for FTPS, and a new {@link SSLContext} per session built from it.
 *
 * <p>Why one context per session: JSSE caches client sessions by peer host and port, one per key. Data connections
 * resume the session cached for the control connection's host and port, so two sessions to one server sharing a
 * context would resume whichever session was cached last, and a server that requires the data connection to reuse
 * <em>its</em> control session (vsftpd's {@code require_ssl_reuse} over TLS 1.2) refuses with 522.
 */
public final class TlsContexts {
    private static volatile TrustManager[] systemTrust;
    private static volatile KeyManager[] systemKeys;

    private TlsContexts() {
    }

    /**
     * A new context with the given managers; a null trust manager means the JDK's default trust (cacerts or
     * {@code javax.net.ssl.trustStore}), a null key manager the JDK's default keys ({@code javax.net.ssl.keyStore},
     * usually none). The keys are offered through {@code probe}, which notes whether the server asked for them.
     */
    public static ClientCertificateProbe probe(X509KeyManager keys) {
        if (keys != null) {
            return new ClientCertificateProbe(keys);
        }
        try {
            KeyManager[] system = systemKeys();
            for (KeyManager k : system == null ? new KeyManager[0] : system) {
                if (k instanceof X509KeyManager x) {
                    return new ClientCertificateProbe(x);
                }
            }
            return new ClientCertificateProbe(null);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read javax.net.ssl.keyStore: " + e.getMessage(), e);
        }
    }

    /** A new context trusting through {@code trust} (null: the JDK's default) and offering keys through the probe. */
    public static SSLContext fresh(X509TrustManager trust, ClientCertificateProbe probe) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(new KeyManager[] {probe}, trust != null ? new TrustManager[] {trust} : systemTrust(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create an SSL context: " + e.getMessage(), e);
        }
    }

    /** A trust manager trusting exactly the certificates in the file (PEM or DER, one or several). */
    public static X509TrustManager trusting(Path certificates) {
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
            return x509(tmf.getTrustManagers());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(certificates + ": cannot read certificates: " + e.getMessage(), e);
        }
    }

    /** A trust manager that trusts any certificate: only for servers you control (the CLI's --insecure). */
    public static X509TrustManager trustingEverything() {
        return new X509TrustManager() {
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
    }

    private static TrustManager[] systemTrust() throws GeneralSecurityException {
        TrustManager[] t = systemTrust;
        if (t == null) {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            systemTrust = t = tmf.getTrustManagers();
        }
        return t;
    }

    /** The key store named by {@code javax.net.ssl.keyStore}, as the JDK's default context reads it; else none. */
    private static KeyManager[] systemKeys() throws GeneralSecurityException, IOException {
        KeyManager[] k = systemKeys;
        if (k == null) {
            String file = System.getProperty("javax.net.ssl.keyStore", "");
            if (file.isEmpty() || file.equals("NONE")) {
                k = new KeyManager[0];
            } else {
                String type = System.getProperty("javax.net.ssl.keyStoreType", KeyStore.getDefaultType());
                String pw = System.getProperty("javax.net.ssl.keyStorePassword", "");
                KeyStore ks = KeyStore.getInstance(type);
                Path path;
                try {
                    path = Path.of(file);
                } catch (java.nio.file.InvalidPathException e) {
                    throw new IOException("javax.net.ssl.keyStore names '" + file + "', which this Java cannot use as"
                            + " a file name (sun.jnu.encoding=" + System.getProperty("sun.jnu.encoding")
                            + "; a UTF-8 locale can): " + e.getReason(), e);
                }
                try (InputStream in = Files.newInputStream(path)) {
                    ks.load(in, pw.toCharArray());
                }
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, pw.toCharArray());
                k = kmf.getKeyManagers();
            }
            systemKeys = k;
        }
        return k.length == 0 ? null : k;
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager) {
                return (X509TrustManager) m;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }
}
