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

    /** Client parameters: host name verification when asked, the chosen protocol versions. */
    public static SSLParameters parameters(SSLParameters p, TlsOptions tls) {
        if (tls.verifyHostname()) {
            p.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (tls.protocols() != null) {
            p.setProtocols(tls.protocols());
        }
        return p;
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
