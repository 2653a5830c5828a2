package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.TransportEvent;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Puts TLS on the control connection and names what went wrong when the handshake fails. */
public final class TlsUpgrade {
    private TlsUpgrade() {
    }

    /** A TLS socket over the connected plain one, handshake done (bounded by the socket's read timeout). */
    static SSLSocket wrap(Socket plain, String host, TlsOptions tls) throws TransportFailure {
        SSLSocket ssl = null;
        try {
            ssl = (SSLSocket) tls.context().getSocketFactory().createSocket(plain, host, plain.getPort(), true);
            ssl.setSoTimeout(plain.getSoTimeout());
            ssl.setSSLParameters(parameters(ssl.getSSLParameters(), tls));
            ssl.startHandshake();
            return ssl;
        } catch (IOException e) {
            Connector.closeQuietly(ssl != null ? ssl : plain);
            throw failure(e, host + " port " + plain.getPort());
        }
    }

    /**
     * Client parameters: host name verification when asked, the chosen protocol versions, and the cipher suites in
     * the order of {@link #preferAes128}.
     */
    public static SSLParameters parameters(SSLParameters p, TlsOptions tls) {
        if (tls.verifyHostname()) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (tls.protocols() != null) {
            p.setProtocols(tls.protocols());
        }
        if (p.getCipherSuites() != null && System.getProperty("jdk.tls.client.cipherSuites") == null) {
            // an explicit choice (the property, or parameters without suites: the context's own) is kept as it is
            p.setCipherSuites(preferAes128(p.getCipherSuites()));
        }
        return p;
    }

    /**
     * The same suites, each AES-128-GCM suite moved just before the first AES-256-GCM suite of its kind (TLS 1.3;
     * TLS 1.2 with the same key exchange and signature): the order Mozilla recommends for TLS 1.3
     * (TLS_AES_128_GCM_SHA256 first). Both are strong; AES-128 takes 10 rounds a block instead of 14, and FTP servers
     * (vsftpd, with OpenSSL) follow the client's order, so bulk transfers cost both ends less CPU. JDK 17 lists
     * AES-256 first. Nothing is added or removed.
     */
    static String[] preferAes128(String[] suites) {
        java.util.List<String> order = new java.util.ArrayList<>(java.util.List.of(suites));
        for (String suite : suites) {
            if (!suite.contains("_AES_128_GCM_")) {
                continue;
            }
            String stronger = suite.replace("_AES_128_GCM_SHA256", "_AES_256_GCM_SHA384");
            int at = order.indexOf(stronger);
            if (at >= 0 && at < order.indexOf(suite)) {
                order.remove(suite);
                order.add(at, suite);
            }
        }
        return order.toArray(new String[0]);
    }

    /** The transport event of a failed handshake: untrusted certificate, name mismatch, or another failure. */
    public static TransportFailure failure(IOException e, String where) {
        if (e instanceof SocketTimeoutException) {
            return new TransportFailure(TransportEvent.TLS_HANDSHAKE_FAILED, "no TLS handshake from " + where
                    + " within the timeout", e);
        }
        String chain = describe(e);
        TransportEvent event = chain.contains("CertPath") || chain.contains("unable to find valid certification path")
                ? TransportEvent.TLS_CERTIFICATE_UNTRUSTED
                : chain.contains("No subject alternative") || chain.contains("No name matching")
                ? TransportEvent.TLS_HOSTNAME_MISMATCH
                : e instanceof SSLException || chain.contains("SSL") ? TransportEvent.TLS_HANDSHAKE_FAILED
                : TransportEvent.RESET_BEFORE_GREETING;
        return new TransportFailure(event, where + ": " + e.getMessage(), e);
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 4000; t = t.getCause()) {
            sb.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
