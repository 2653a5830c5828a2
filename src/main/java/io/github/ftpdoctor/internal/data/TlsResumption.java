package io.github.ftpdoctor.internal.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * Tells whether a client handshake resumed a session, using public JSSE API only.
 *
 * <p>JSSE has no public "was this resumed" flag. What it does expose: a client looks up the session to resume in its
 * {@link SSLContext#getClientSessionContext() client session cache} by the peer host and port the engine was created
 * with, and when the server accepts it, the connection's session <em>is</em> that cached session (TLS 1.2: the control
 * connection's own session; TLS 1.3: the copy JSSE made from the server's NewSessionTicket, with its own local id).
 * A full handshake creates a session with a fresh random id (the server's, or on TLS 1.3 the echo of the client's
 * random legacy_session_id). So: note the ids of the cached sessions for that host and port before the handshake;
 * the handshake resumed iff the new session's id is one of them.
 */
final class TlsResumption {
    private TlsResumption() {
    }

    /** Ids of the valid cached client sessions for {@code host:port}: what JSSE may offer to resume. */
    static List<byte[]> candidates(SSLContext context, String host, int port) {
        List<byte[]> ids = new ArrayList<>();
        SSLSessionContext cache = context.getClientSessionContext();
        if (cache == null || host == null) {
            return ids;
        }
        Enumeration<byte[]> e = cache.getIds();
        while (e.hasMoreElements()) {
            byte[] id = e.nextElement();
            SSLSession s = cache.getSession(id);
            if (s != null && s.isValid() && s.getPeerPort() == port && host.equalsIgnoreCase(s.getPeerHost())) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Whether {@code session} is one of the {@link #candidates cached sessions}. */
    static boolean resumedFrom(List<byte[]> candidates, SSLSession session) {
        byte[] id = session == null ? null : session.getId();
        if (id == null || id.length == 0) {
            return false;
        }
        for (byte[] c : candidates) {
            if (Arrays.equals(c, id)) {
                return true;
            }
        }
        return false;
    }

    static boolean sameId(SSLSession a, SSLSession b) {
        if (a == null || b == null) {
            return false;
        }
        byte[] x = a.getId();
        return x != null && x.length > 0 && Arrays.equals(x, b.getId());
    }
}
