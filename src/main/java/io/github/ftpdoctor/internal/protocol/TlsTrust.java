package io.github.ftpdoctor.internal.protocol;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * Where FTPS sessions get their {@link SSLContext}: a context the caller supplied (shared by every session), or trust
 * and key managers from which each session gets a new context of its own (see {@link TlsContexts} for why). Immutable.
 */
public final class TlsTrust {
    /** The JDK's default trust and keys, a new context per session. */
    public static final TlsTrust SYSTEM = new TlsTrust(null, null, null);

    private final SSLContext shared;
    private final X509TrustManager trust;
    private final X509KeyManager keys;

    private TlsTrust(SSLContext shared, X509TrustManager trust, X509KeyManager keys) {
        this.shared = shared;
        this.trust = trust;
        this.keys = keys;
    }

    /** Every session uses this one context (replaces any trust or key manager). */
    public static TlsTrust shared(SSLContext context) {
        return new TlsTrust(context, null, null);
    }

    /** This trust manager, with the key manager set so far (a shared context is dropped). */
    public TlsTrust trust(X509TrustManager manager) {
        return new TlsTrust(null, manager, keys);
    }

    /** This key manager (a client certificate), with the trust manager set so far (a shared context is dropped). */
    public TlsTrust keys(X509KeyManager manager) {
        return new TlsTrust(null, trust, manager);
    }

    /** The client-certificate probe for one new session, or null with a shared context (it has its own keys). */
    public ClientCertificateProbe probeForSession() {
        return shared != null ? null : TlsContexts.probe(keys);
    }

    /** The context for one new session, offering its keys through the session's probe. */
    public SSLContext contextForSession(ClientCertificateProbe probe) {
        return shared != null ? shared : TlsContexts.fresh(trust, probe);
    }
}
