package io.github.ftpdoctor.internal.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

/**
 * What the client session cache says about one data connection's handshake, using public JSSE API only.
 *
 * <p>JSSE has no public "was this resumed" flag. What it does expose: a client looks up the session to resume in its
 * {@link SSLContext#getClientSessionContext() client session cache} by the peer host and port the engine was created
 * with, and when the server accepts it, the connection's session <em>is</em> that cached session (TLS 1.2: the control
 * connection's own session; TLS 1.3: the copy JSSE made from a NewSessionTicket, under its own local id). A full
 * handshake creates a session with a fresh random id. So the ids of the cached sessions for that host and port are
 * noted before the handshake; the handshake resumed iff the new session's id is one of them.
 *
 * <p>JDK 17 uses a TLS 1.3 ticket once: resuming removes it from the cache, and the next data connection can resume
 * only with the ticket the server sends on this one, which JSSE stores when it reads that record. The ids cached
 * right after the handshake are noted too, so {@link #ticketSinceHandshake()} tells whether it has come.
 */
final class TlsResumption {
    private final SSLContext context;
    private final String host;
    private final int port;
    private final List<byte[]> before;
    private List<byte[]> afterHandshake = List.of();

    TlsResumption(SSLContext context, String host, int port) {
        this.context = context;
        this.host = host;
        this.port = port;
        this.before = cached();
    }

    /** Records the cache after the handshake; whether {@code session} was resumed from the cache. */
    boolean handshakeDone(SSLSession session) {
        afterHandshake = cached();
        return contains(before, session == null ? null : session.getId());
    }

    /** Whether a session for the host and port has been cached since the handshake (a TLS 1.3 ticket). */
    boolean ticketSinceHandshake() {
        for (byte[] id : cached()) {
            if (!contains(afterHandshake, id)) {
                return true;
            }
        }
        return false;
    }

    /** Ids of the valid cached client sessions for {@code host:port}: what JSSE may offer to resume. */
    private List<byte[]> cached() {
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

    private static boolean contains(List<byte[]> ids, byte[] id) {
        if (id == null || id.length == 0) {
            return false;
        }
        for (byte[] c : ids) {
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
