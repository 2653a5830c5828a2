package io.github.ftpdoctor.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Test-harness TLS that trusts any certificate: only for probing a daemon we started ourselves on loopback. */
final class TrustAll {
    private TrustAll() {
    }

    /** Layers TLS over a connected socket (closing the TLS socket closes it) and completes the handshake. */
    static Socket wrap(Socket connected) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(connected,
                    connected.getInetAddress().getHostAddress(), connected.getPort(), true);
            tls.startHandshake();
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the probe's TLS: " + e, e);
        }
    }
}
