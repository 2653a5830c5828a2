package io.github.ftpdoctor.check;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.data.DataAddresses;
import io.github.ftpdoctor.internal.data.EngineSocket;
import io.github.ftpdoctor.internal.protocol.Session;
import io.github.ftpdoctor.internal.protocol.TlsUpgrade;
import io.github.ftpdoctor.internal.protocol.TransportFailure;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;

/**
 * The check's data connections, made by hand so that the check decides everything: passive connections go to the
 * control connection's peer only (through {@link ObservedSockets}, which refuses anything else), active ones listen on
 * the control connection's local address; over PROT P the TLS layer resumes the control session, or deliberately
 * starts a fresh one. Every wait is bounded by the timeout, and the final reply the server owes is always read so the
 * session stays in step.
 */
final class DataChannel {
    /** The most a listing or download may bring; more is cut off (the check needs far less). */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private final Session session;
    private final ObservedSockets sockets;
    private final int timeoutMs;
    private boolean epsvRefused;
    private boolean started;
    private boolean handshaken;
    private boolean resumed;
    private final SortedSet<Integer> portsSeen = new TreeSet<>();

    /**
     * One transfer to run.
     *
     * @param verb    LIST, MLSD, RETR, STOR...
     * @param arg     its argument, or null
     * @param rest    REST offset, 0 for none
     * @param upload  the bytes to send (STOR), or null to receive
     * @param active  EPRT/PORT instead of EPSV/PASV
     * @param context the TLS context for the data connection: null for the control connection's (resuming its
     *                session), or a fresh one to test whether the server accepts a new session
     */
    record Transfer(String verb, String arg, long rest, byte[] upload, boolean active, SSLContext context) {
        static Transfer receive(String verb, String arg) {
            return new Transfer(verb, arg, 0, null, false, null);
        }
    }

    /**
     * A finished transfer.
     *
     * @param data      the bytes received (empty for uploads)
     * @param truncated whether more than {@link #MAX_BYTES} came and the rest was refused
     * @param port      the data port (passive: the server's; active: ours)
     * @param fin       the final reply
     * @param tls       the TLS protocol of the data connection, or null when plain
     * @param resumed   whether the TLS data connection resumed a session of its context
     * @param retried   whether it took a second attempt (see {@link #run})
     */
    record Done(byte[] data, boolean truncated, int port, Reply fin, String tls, boolean resumed, boolean retried) {
    }

    /** @param ports the passive ports already seen (of an earlier session), or null */
    DataChannel(Session session, ObservedSockets sockets, int timeoutMs, java.util.Set<Integer> ports) {
        this.session = session;
        this.sockets = sockets;
        this.timeoutMs = timeoutMs;
        if (ports != null) {
            portsSeen.addAll(ports);
        }
    }

    /** The passive ports the server announced during the check, for advice on what to open. */
    SortedSet<Integer> portsSeen() {
        return new TreeSet<>(portsSeen);
    }

    /** Whether the last transfer got as far as the server's 1xx (an upload may then have left a partial file). */
    boolean lastStarted() {
        return started;
    }

    void notePort(int port) {
        portsSeen.add(port);
    }

    InetAddress peer() {
        return session.channel().socket().getInetAddress();
    }

    /**
     * Runs one transfer; a failure throws its diagnosis, the session still usable unless the control connection died.
     *
     * <p>One retry, for a client limit rather than a server fault: JDK 17 keeps one TLS 1.3 ticket per server and
     * uses it once, and a server that issues no new ticket on a data connection (ProFTPD 1.3.8 after an upload)
     * leaves the next data connection nothing to resume; a server enforcing reuse then refuses it. When a data
     * connection of the control context was not resumed and the server refused it, the ticket that full handshake
     * brought lets the same transfer be tried once more; the transcript and {@link Done#retried()} say so.
     */
    Done run(Transfer t) throws FtpException {
        try {
            return runOnce(t);
        } catch (FtpException e) {
            boolean clientCouldNotResume = t.context() == null && handshaken && !resumed && session.isOpen()
                    && e.diagnosis().reply() != null && e.diagnosis().reply().isNegative();
            if (!clientCouldNotResume) {
                throw e;
            }
            session.channel().transcript().note("check: this TLS data connection did not resume the control "
                    + "session (the client had no session ticket left) and the server refused it; trying once more");
            Done again = runOnce(t);
            return new Done(again.data(), again.truncated(), again.port(), again.fin(), again.tls(), again.resumed(),
                    true);
        }
    }

    private Done runOnce(Transfer t) throws FtpException {
        started = false;
        handshaken = false;
        resumed = false;
        Closeable pending = null;
        Socket data = null;
        EngineSocket tls = null;
        int port;
        try {
            if (t.active()) {
                ServerSocket listener = listen();
                pending = listener;
                port = listener.getLocalPort();
            } else {
                port = passivePort();
                data = connect(port, epsvRefused && !(peer() instanceof Inet6Address) ? "PASV" : "EPSV");
                pending = data;
            }
            if (t.rest() > 0) {
                session.expect("REST", Long.toString(t.rest()), c -> c == 350);
            }
            Reply first = session.sendForFirstReply(t.verb(), t.arg());
            if (first.isPositiveCompletion()) {
                return new Done(new byte[0], false, port, first, null, false, false); // no data connection used
            }
            if (!first.isPositivePreliminary()) {
                throw session.failure(first, session.context(t.verb()));
            }
            started = true;
            if (t.active()) {
                data = accept((ServerSocket) pending, t.verb());
                pending = data;
            }
            data.setSoTimeout(timeoutMs);
            if (session.tls() != null && session.tls().protectData()) {
                tls = handshake(data, t);
                pending = tls;
            }
            Exchanged x = exchange(t, data, tls);
            close(pending);
            pending = null;
            if (x.error() != null) {
                throw afterDataFailure(t.verb(), x.error() instanceof SocketTimeoutException
                        ? TransportEvent.DATA_READ_TIMEOUT : TransportEvent.DATA_CONNECTION_RESET,
                        x.error().getMessage() + " after " + x.bytes().length + " bytes", x.error());
            }
            Reply fin = session.readReply(t.verb());
            if (!fin.isPositiveCompletion() && !(x.truncated() && fin.isNegative())) {
                throw session.failure(fin, session.context(t.verb()));
            }
            return new Done(x.bytes(), x.truncated(), port, fin,
                    tls == null ? null : tls.getSession().getProtocol(), tls != null && tls.isSessionResumed(), false);
        } catch (FtpException e) {
            throw e;
        } catch (IOException e) {
            throw session.failure(TransportEvent.DATA_CONNECTION_RESET, t.verb(), e.getMessage(), null, e);
        } finally {
            close(pending);
        }
    }

    /** EPSV, then PASV once EPSV has been refused (IPv4 only); the port only, never the address of a 227. */
    int passivePort() throws FtpException {
        boolean v6 = peer() instanceof Inet6Address;
        if (!epsvRefused || v6) {
            Reply r = session.send("EPSV", null);
            if (r.code() == 229) {
                int port = DataAddresses.parse229(r);
                if (port < 1) {
                    throw session.failure(TransportEvent.MALFORMED_REPLY, "EPSV",
                            "229 reply without (|||port|) naming a port from 1 to 65535", r, null);
                }
                portsSeen.add(port);
                return port;
            }
            if (r.codeClass() != 5 || v6) {
                throw session.failure(r, session.context("EPSV"));
            }
            epsvRefused = true;
        }
        Reply r = session.expect("PASV", null, c -> c == 227);
        DataAddresses.Passive p = DataAddresses.parse227(r);
        if (p == null) {
            throw session.failure(TransportEvent.MALFORMED_REPLY, "PASV",
                    "227 reply without h1,h2,h3,h4,p1,p2 (each 0 to 255, port not 0)", r, null);
        }
        portsSeen.add(p.port());
        return p.port();
    }

    private Socket connect(int port, String verb) throws FtpException {
        InetAddress peer = peer();
        String where = peer.getHostAddress() + " port " + port + " (announced by " + verb + ")";
        session.channel().transcript().note("check: data connection to " + where);
        Socket s = sockets.createSocket();
        try {
            s.connect(new InetSocketAddress(peer, port), timeoutMs);
            return s;
        } catch (SocketTimeoutException e) {
            close(s);
            throw session.failure(TransportEvent.PASSIVE_CONNECT_TIMEOUT, verb, "no answer from " + where
                    + " within " + timeoutMs + " ms", null, e);
        } catch (IOException e) {
            close(s);
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            TransportEvent event = e instanceof ConnectException && m.contains("timed out")
                    ? TransportEvent.PASSIVE_CONNECT_TIMEOUT : TransportEvent.PASSIVE_CONNECT_REFUSED;
            throw session.failure(event, verb, where + ": " + e.getMessage(), null, e);
        }
    }

    private ServerSocket listen() throws FtpException {
        Socket control = session.channel().socket();
        InetAddress local = control.getLocalAddress();
        ServerSocket l;
        try {
            l = new ServerSocket(0, 1, local);
        } catch (IOException e) {
            throw session.failure(TransportEvent.DATA_CONNECT_REFUSED, "EPRT", "cannot listen on "
                    + local.getHostAddress() + ": " + e.getMessage(), null, e);
        }
        try {
            int port = l.getLocalPort();
            Reply r = session.send("EPRT", DataAddresses.eprtArgument(local, port));
            if (r.codeClass() != 2) {
                if (r.codeClass() != 5 || !(local instanceof Inet4Address)) {
                    throw session.failure(r, session.context("EPRT"));
                }
                session.expect("PORT", DataAddresses.portArgument(local, port), c -> c / 100 == 2);
            }
            return l;
        } catch (FtpException | RuntimeException e) {
            close(l);
            throw e;
        }
    }

    private Socket accept(ServerSocket l, String verb) throws FtpException {
        try {
            l.setSoTimeout(timeoutMs);
            Socket s = l.accept();
            session.channel().transcript().note("check: the server connected from "
                    + s.getInetAddress().getHostAddress() + " port " + s.getPort() + " (active mode)");
            return s;
        } catch (IOException e) {
            TransportEvent event = e instanceof SocketTimeoutException ? TransportEvent.DATA_ACCEPT_TIMEOUT
                    : TransportEvent.DATA_CONNECT_REFUSED;
            throw afterDataFailure(verb, event, "the server did not connect to "
                    + l.getInetAddress().getHostAddress() + " port " + l.getLocalPort() + " within " + timeoutMs
                    + " ms", e);
        } finally {
            close(l);
        }
    }

    private EngineSocket handshake(Socket s, Transfer t) throws FtpException {
        SSLContext ctx = t.context() != null ? t.context() : session.tls().context();
        String host = session.options().host();
        try {
            EngineSocket tls = EngineSocket.handshake(s, ctx, host, session.channel().socket().getPort(),
                    TlsUpgrade.parameters(ctx.getDefaultSSLParameters(), session.tls()), timeoutMs);
            handshaken = true;
            resumed = tls.isSessionResumed();
            return tls;
        } catch (IOException e) {
            close(s);
            TransportFailure f = TlsUpgrade.failure(e, "data connection to " + host);
            throw afterDataFailure(t.verb(), f.event(), f.detail(), e);
        }
    }

    /** What the data connection brought; errors are kept to be reported after the final reply. */
    private record Exchanged(byte[] bytes, boolean truncated, IOException error) {
    }

    private Exchanged exchange(Transfer t, Socket plain, EngineSocket tls) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try {
            if (t.upload() != null) {
                OutputStream out = tls != null ? tls.getOutputStream() : plain.getOutputStream();
                out.write(t.upload());
                out.flush();
                if (tls != null) {
                    tls.close(); // close_notify: the server answers 226 only after it
                } else {
                    plain.shutdownOutput();
                }
                return new Exchanged(got.toByteArray(), false, null);
            }
            InputStream in = tls != null ? tls.getInputStream() : plain.getInputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (got.size() + n > MAX_BYTES) {
                    return new Exchanged(got.toByteArray(), true, null);
                }
                got.write(buf, 0, n);
            }
            return new Exchanged(got.toByteArray(), false, null);
        } catch (IOException e) {
            return new Exchanged(got.toByteArray(), false, e);
        }
    }

    /**
     * The data connection failed after the server's 1xx: it owes a final reply. Its own words win when they say more
     * (vsftpd's 522 for a session it refuses to accept); else the event, with the reply as evidence.
     */
    private FtpException afterDataFailure(String verb, TransportEvent event, String detail, Throwable cause) {
        try {
            Reply fin = session.readReply(verb);
            if (fin.isNegative()) {
                Diagnosis byServer = session.diagnose(fin, verb);
                FtpException e = session.exception(byServer);
                e.addSuppressed(cause);
                return e;
            }
            return session.failure(event, verb, detail, fin, cause);
        } catch (FtpException lost) {
            FtpException e = session.failure(event, verb, detail, null, cause);
            e.addSuppressed(lost);
            return e;
        }
    }

    static void close(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
