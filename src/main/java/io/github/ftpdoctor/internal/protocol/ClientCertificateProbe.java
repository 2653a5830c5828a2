package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.TransportEvent;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;

/**
 * The key manager of one session's SSL context: offers the configured client certificate, if any, and notes whether
 * the server asked for one (JSSE consults the key manager only when a CertificateRequest arrives). When the connection
 * then fails before the server has answered anything over TLS, a missing or refused client certificate is the likely
 * cause, and {@link #explain} says so. One per session; thread-safe.
 */
public final class ClientCertificateProbe extends X509ExtendedKeyManager {
    private final X509KeyManager keys;
    private volatile boolean asked;
    private volatile String offered;

    /** {@code keys} may be null: no client certificate. */
    public ClientCertificateProbe(X509KeyManager keys) {
        this.keys = keys;
    }

    /**
     * A failure of the handshake or of the connection right after it, given that the server asked for a client
     * certificate, as the event that names it; any other failure unchanged.
     */
    TransportFailure explain(TransportFailure f) {
        if (!asked) {
            return f;
        }
        switch (f.event()) {
            case TLS_HANDSHAKE_FAILED: case CLOSED_BEFORE_GREETING: case RESET_BEFORE_GREETING:
            case CLOSED_MID_SESSION: case RESET_MID_SESSION:
                String what = offered == null ? "the server asked for a client certificate and none is configured"
                        : "the server asked for a client certificate and closed after getting '" + offered + "'";
                return new TransportFailure(TransportEvent.TLS_CLIENT_CERTIFICATE_REQUIRED,
                        what + (f.detail() == null ? "" : " (" + f.detail() + ")"), f.reply(),
                        f.getCause() == null ? f : f.getCause());
            default:
                return f;
        }
    }

    private String chosen(String alias) {
        asked = true;
        if (alias != null) {
            offered = alias;
        }
        return alias;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return chosen(keys == null ? null : keys.chooseClientAlias(keyType, issuers, socket));
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return chosen(keys instanceof X509ExtendedKeyManager x ? x.chooseEngineClientAlias(keyType, issuers, engine)
                : keys == null ? null : keys.chooseClientAlias(keyType, issuers, null));
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return keys == null ? null : keys.getClientAliases(keyType, issuers);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return keys == null ? null : keys.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return keys == null ? null : keys.getPrivateKey(alias);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null; // a client only
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
