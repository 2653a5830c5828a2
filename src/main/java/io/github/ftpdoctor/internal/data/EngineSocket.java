package io.github.ftpdoctor.internal.data;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * A TLS client connection run by an {@link SSLEngine} over an already connected plain {@link Socket}: the FTPS data
 * connection that resumes the control connection's TLS session.
 *
 * <p>Why not an {@code SSLSocket} layered over the data socket: JSSE looks up the session to resume by the peer host
 * and port it was given, and a layered socket gives it the data port, so nothing is resumed and servers requiring
 * session reuse (vsftpd {@code require_ssl_reuse=YES}, FileZilla Server) answer {@code 522}. The engine here is
 * created with the <em>control</em> connection's host and port, so JSSE offers the control session.
 *
 * <p>JSSE caveats (JDK 17 against vsftpd 3.0.3 with {@code require_ssl_reuse=YES}; the cache behaviour also JDK 25):
 * <ul>
 * <li>The client session cache keeps one session per host and port, so give each control connection its own
 *     {@link SSLContext}: with two FTP sessions to one server in one context, a data connection may offer the other
 *     session's session (TLS 1.2 with session ids: vsftpd answers 522).</li>
 * <li>TLS 1.2: JSSE ignores a session ticket whose lifetime exceeds 7 days (vsftpd's does) and then resumes only when
 *     the JVM runs with {@code -Djdk.tls.client.enableSessionTicketExtension=false}.</li>
 * <li>TLS 1.3: a ticket is used once. The next data connection resumes with the ticket the server sends on this one,
 *     stored when that record is read; {@link #close()} reads it when nothing else did (an upload).</li>
 * <li>TLS 1.3 sessions are copies with their own ids: see {@link #isSessionResumed()}, {@link #sameSession}.</li>
 * <li>A JSSE TLS 1.2 peer answers close_notify by closing both directions; TLS 1.3 allows a half-close.</li>
 * </ul>
 *
 * <p>Reads honour the socket's SO_TIMEOUT. The streams may be used by one reader and one writer thread at a time;
 * writes are buffered up to four records (64 KiB) until {@code flush()}, {@link #shutdownOutput()} or
 * {@link #close()}. Closing either stream closes the connection, as with a {@code Socket}.
 */
public final class EngineSocket implements Closeable {
    private static final int TICKET_WAIT_MILLIS = 2000;
    private final Socket socket;
    private final SSLEngine engine;
    private final EngineReader reader;
    private final EngineWriter writer;
    private final int closeMillis;
    private final TlsResumption cache;
    private final AtomicBoolean closed = new AtomicBoolean();
    private boolean resumed;

    private final InputStream in = new InputStream() {
        @Override
        public int read() throws IOException {
            return reader.readByte();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return reader.read(b, off, len);
        }

        @Override
        public int available() {
            return reader.available();
        }

        @Override
        public void close() throws IOException {
            EngineSocket.this.close();
        }
    };

    private final OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            writer.writeByte(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writer.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            writer.flush();
        }

        @Override
        public void close() throws IOException {
            EngineSocket.this.close();
        }
    };

    private EngineSocket(Socket socket, SSLEngine engine, int closeMillis, TlsResumption cache) throws IOException {
        this.socket = socket;
        this.engine = engine;
        this.closeMillis = closeMillis;
        this.cache = cache;
        this.writer = new EngineWriter(engine, socket.getOutputStream());
        this.reader = new EngineReader(engine, socket.getInputStream(), writer);
        writer.reader = reader;
    }

    /**
     * Runs a client handshake over {@code plain}, resuming the session JSSE cached for {@code peerHost:sessionPort}.
     *
     * @param plain         a connected socket; closed when the handshake fails
     * @param context       the context the control connection was made with (its client session cache holds the
     *                      session to resume)
     * @param peerHost      the host name (or address) the control connection was made to: used for the session
     *                      lookup, SNI and, when {@code params} ask for it, host name verification
     * @param sessionPort   the <em>control</em> connection's port, not the data port
     * @param params        protocols, cipher suites, endpoint identification ({@code "HTTPS"} to verify the host
     *                      name); null for the context's defaults
     * @param timeoutMillis bound on the whole handshake, and on the close_notify writes of {@link #shutdownOutput()}
     *                      and {@link #close()}
     * @throws SocketTimeoutException when the handshake does not finish within {@code timeoutMillis}
     * @throws SSLHandshakeException  when the handshake fails (the cause says why: certificate path, host name...);
     *                                other {@link javax.net.ssl.SSLException}s for a peer that does not speak TLS
     */
    public static EngineSocket handshake(Socket plain, SSLContext context, String peerHost, int sessionPort,
                                         SSLParameters params, int timeoutMillis) throws IOException {
        Objects.requireNonNull(plain, "plain");
        Objects.requireNonNull(context, "context");
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be positive: " + timeoutMillis);
        }
        EngineSocket s = null;
        try {
            TlsResumption cache = new TlsResumption(context, peerHost, sessionPort);
            SSLEngine engine = context.createSSLEngine(peerHost, sessionPort);
            engine.setUseClientMode(true);
            if (params != null) {
                engine.setSSLParameters(params);
            }
            s = new EngineSocket(plain, engine, timeoutMillis, cache);
            s.runHandshake(timeoutMillis);
            s.resumed = cache.handshakeDone(engine.getSession());
            return s;
        } catch (IOException | RuntimeException e) {
            if (s != null) {
                s.writer.sendPendingAlert(); // best effort: tell the server why
            }
            DataChannelOpener.close(plain);
            throw e;
        }
    }

    private void runHandshake(int timeoutMillis) throws IOException {
        int savedTimeout = socket.getSoTimeout();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        WriteWatchdog watchdog = new WriteWatchdog(socket, timeoutMillis);
        try {
            engine.beginHandshake();
            HandshakeStatus hs = engine.getHandshakeStatus();
            while (hs != HandshakeStatus.FINISHED && hs != HandshakeStatus.NOT_HANDSHAKING) {
                if (hs == HandshakeStatus.NEED_TASK) {
                    hs = EngineReader.runTasks(engine);
                } else if (hs == HandshakeStatus.NEED_WRAP) {
                    watchdog.beforeWrite();
                    hs = writer.wrapHandshake();
                    watchdog.afterWrite();
                } else {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left <= 0) {
                        throw new SocketTimeoutException("read timed out");
                    }
                    socket.setSoTimeout((int) Math.min(left, timeoutMillis));
                    hs = reader.unwrapHandshake();
                }
            }
        } catch (SocketTimeoutException e) {
            throw timedOut(timeoutMillis, e);
        } catch (EOFException e) {
            throw (SSLHandshakeException) new SSLHandshakeException("the server closed the data connection during "
                    + "the TLS handshake (it may refuse this connection, or expect plain FTP data)").initCause(e);
        } catch (SocketException e) {
            if (watchdog.fired()) {
                throw timedOut(timeoutMillis, e);
            }
            throw e;
        } finally {
            watchdog.stop();
        }
        socket.setSoTimeout(savedTimeout);
        reader.afterHandshake();
        writer.afterHandshake();
    }

    private SocketTimeoutException timedOut(int timeoutMillis, IOException cause) {
        SocketTimeoutException t = new SocketTimeoutException("TLS handshake on the data connection to "
                + socket.getRemoteSocketAddress() + " not finished within " + timeoutMillis + " ms");
        t.initCause(cause);
        return t;
    }

    public InputStream getInputStream() {
        return in;
    }

    public OutputStream getOutputStream() {
        return out;
    }

    /** The plain socket under the TLS layer (for its addresses and options; do not read or write it). */
    public Socket socket() {
        return socket;
    }

    public SSLSession getSession() {
        return engine.getSession();
    }

    /**
     * Whether the handshake resumed a session. JSSE exposes no flag for this; the signal used: the session of this
     * connection is one of the sessions the client session cache held for the peer host and control port just before
     * the handshake (a full handshake makes a session with a fresh random id). Public API only; relies on JSSE
     * handing the cached session object itself to a resumed connection, as JDK 17 and 25 do for TLS 1.2 and 1.3.
     * It does not tell which connection the session came from: the cache keeps only what the latest connection to
     * {@code host:port} left there.
     */
    public boolean isSessionResumed() {
        return resumed;
    }

    /**
     * Whether two sessions have the same non-empty id. On TLS 1.2 a resumed data connection has the control
     * connection's session and id. On TLS 1.3 it never does: JSSE stores the server's NewSessionTicket as a copy of
     * the control session under a new local id, and resumes that copy; use {@link #isSessionResumed()} instead.
     */
    public static boolean sameSession(SSLSession a, SSLSession b) {
        return TlsResumption.sameId(a, b);
    }

    /** Whether the peer ended the connection (TCP end of stream) without a TLS close_notify: possibly truncated. */
    public boolean closedWithoutCloseNotify() {
        return reader.truncated();
    }

    /**
     * Ends the data: sends what is buffered, then close_notify, leaving the socket open (an FTP server replies 226
     * to an upload only once it has read the close_notify; the server's data, if any, can still be read).
     */
    public void shutdownOutput() throws IOException {
        WriteWatchdog watchdog = new WriteWatchdog(socket, closeMillis);
        try {
            watchdog.beforeWrite();
            writer.shutdownOutput();
        } catch (SocketException e) {
            if (watchdog.fired()) {
                throw (SocketTimeoutException) new SocketTimeoutException("close_notify not sent within "
                        + closeMillis + " ms: the server does not read").initCause(e);
            }
            throw e;
        } finally {
            watchdog.stop();
        }
    }

    /**
     * Sends buffered data and close_notify (unless sent already), then closes the socket. Idempotent and bounded by
     * the handshake timeout: a server that stops reading gets its socket closed. Throws only when buffered data could
     * not be sent; a failed close_notify (the server may have closed first) is ignored.
     *
     * <p>On TLS 1.3 it first reads (at most {@value #TICKET_WAIT_MILLIS} ms, dropping data) until the server's
     * NewSessionTicket is stored, when no read has done so yet, as after an upload: JDK 17 uses a ticket once, and
     * without this one the next data connection could not resume and vsftpd would refuse it with 522.
     */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        IOException error = null;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(closeMillis, TICKET_WAIT_MILLIS));
        WriteWatchdog watchdog = new WriteWatchdog(socket, closeMillis);
        try {
            watchdog.beforeWrite();
            error = writer.closeOutbound();
            watchdog.afterWrite();
            if (error == null && writer.outboundDone() && "TLSv1.3".equals(engine.getSession().getProtocol())) {
                reader.drainUntil(cache::ticketSinceHandshake, deadline, socket);
            }
        } catch (IOException | RuntimeException ignored) {
            // only the ticket was at stake
        } finally {
            watchdog.stop();
            reader.markClosed();
            writer.markClosed();
            DataChannelOpener.close(socket);
        }
        if (error != null) {
            throw error;
        }
    }
}
