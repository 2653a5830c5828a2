package io.github.ftpdoctor.check;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A trust manager that notes the chain the server presented (and when), then decides exactly as the one it wraps:
 * the TLS step can describe the certificate even when the handshake fails because of it.
 */
final class RecordingTrust {
    private volatile X509Certificate[] chain;
    private volatile String authType;
    private volatile long checkedAtNanos;

    private RecordingTrust() {
    }

    /** The recorder and the trust manager to give to the SSL context. */
    static Pair wrap(X509TrustManager base) {
        RecordingTrust r = new RecordingTrust();
        // an extended manager keeps doing the host name check itself; a plain one is wrapped by JSSE, which then
        // does it, so the recorder must stay plain too
        X509TrustManager m = base instanceof X509ExtendedTrustManager x ? r.new Extended(x) : r.new Plain(base);
        return new Pair(r, m);
    }

    /** @param recorder what was presented; @param manager the manager for the context */
    record Pair(RecordingTrust recorder, X509TrustManager manager) {
    }

    /** The chain the server presented last, or null if none reached the trust check. */
    X509Certificate[] chain() {
        X509Certificate[] c = chain;
        return c == null ? null : c.clone();
    }

    String authType() {
        return authType;
    }

    /** {@link System#nanoTime()} of the last trust check, 0 if none: roughly the end of the handshake. */
    long checkedAtNanos() {
        return checkedAtNanos;
    }

    private void note(X509Certificate[] c, String type) {
        chain = c == null ? null : c.clone();
        authType = type;
        checkedAtNanos = System.nanoTime();
    }

    private final class Plain implements X509TrustManager {
        private final X509TrustManager base;

        Plain(X509TrustManager base) {
            this.base = base;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String type) throws CertificateException {
            base.checkClientTrusted(c, type);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String type) throws CertificateException {
            note(c, type);
            base.checkServerTrusted(c, type);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return base.getAcceptedIssuers();
        }
    }

    private final class Extended extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager base;

        Extended(X509ExtendedTrustManager base) {
            this.base = base;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String type, Socket s) throws CertificateException {
            base.checkClientTrusted(c, type, s);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String type, Socket s) throws CertificateException {
            note(c, type);
            base.checkServerTrusted(c, type, s);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String type, SSLEngine e) throws CertificateException {
            base.checkClientTrusted(c, type, e);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String type, SSLEngine e) throws CertificateException {
            note(c, type);
            base.checkServerTrusted(c, type, e);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String type) throws CertificateException {
            base.checkClientTrusted(c, type);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String type) throws CertificateException {
            note(c, type);
            base.checkServerTrusted(c, type);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return base.getAcceptedIssuers();
        }
    }
}
