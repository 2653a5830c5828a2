package io.github.ftpdoctor.internal.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * The inbound half of {@link EngineSocket}: ciphertext from the socket's stream into {@code netIn}, unwrapped into
 * {@code appIn}, copied to the caller. Both buffers are reused heap buffers kept ready to read (position..limit);
 * the socket's streams take arrays, so direct buffers would only add a copy. Reads hold {@code lock}; the wraps a
 * read needs (TLS 1.3 KeyUpdate, TLS 1.2 renegotiation, the reply to close_notify) then take the writer's lock.
 */
final class EngineReader {
    static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    static final int RECORDS_PER_IO = 4;
    private static final int MAX_BUFFER = 1 << 20;

    private final SSLEngine engine;
    private final InputStream net;
    private final EngineWriter writer;
    private final ReentrantLock lock = new ReentrantLock();
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private int recordPlaintext = Integer.MAX_VALUE; // the session's application buffer size, after the handshake
    private volatile boolean inboundDone;
    private volatile boolean truncated;
    private volatile boolean closed;

    EngineReader(SSLEngine engine, InputStream net, EngineWriter writer) {
        this.engine = engine;
        this.net = net;
        this.writer = writer;
        netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize()).flip();
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
    }

    /** One unwrap during the handshake, or one socket read when the buffered ciphertext holds no whole record. */
    HandshakeStatus unwrapHandshake() throws IOException {
        if (netIn.hasRemaining()) {
            SSLEngineResult r = unwrap();
            switch (r.getStatus()) {
                case OK:
                    return r.getHandshakeStatus();
                case BUFFER_OVERFLOW:
                    growAppIn();
                    return r.getHandshakeStatus();
                case CLOSED:
                    throw new EOFException("close_notify during the handshake");
                default:
                    break; // BUFFER_UNDERFLOW: read more
            }
        }
        if (readNetwork() < 0) {
            throw new EOFException("end of stream");
        }
        return HandshakeStatus.NEED_UNWRAP;
    }

    /** Sizes the buffers for the negotiated session; what was read past the handshake is kept. */
    void afterHandshake() {
        int packet = engine.getSession().getPacketBufferSize();
        if (netIn.capacity() < packet * RECORDS_PER_IO) {
            netIn = ByteBuffer.allocate(packet * RECORDS_PER_IO).put(netIn).flip();
        }
        int app = engine.getSession().getApplicationBufferSize();
        recordPlaintext = app;
        if (appIn.capacity() < app) {
            appIn = ByteBuffer.allocate(app).put(appIn).flip();
        }
    }

    int readByte() throws IOException {
        lock.lock();
        try {
            checkOpen();
            while (!appIn.hasRemaining()) {
                if (!fill(false)) {
                    return -1;
                }
            }
            return appIn.get() & 0xFF;
        } finally {
            lock.unlock();
        }
    }

    int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            checkOpen();
            if (!appIn.hasRemaining() && len >= recordPlaintext) {
                return readDirect(ByteBuffer.wrap(b, off, len));
            }
            while (!appIn.hasRemaining()) {
                if (!fill(false)) {
                    return -1;
                }
            }
            int n = Math.min(len, appIn.remaining());
            appIn.get(b, off, n);
            return n;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Unwraps straight into the caller's array (which has room for a whole record), saving a copy per record: every
     * whole record already read, blocking on the socket only while nothing has been produced. Holds the lock.
     */
    private int readDirect(ByteBuffer dst) throws IOException {
        int start = dst.position();
        while (!inboundDone && dst.remaining() >= recordPlaintext) {
            if (netIn.hasRemaining()) {
                SSLEngineResult r = engine.unwrap(netIn, dst);
                if (r.getStatus() == SSLEngineResult.Status.OK) {
                    afterUnwrap(r.getHandshakeStatus());
                    if (r.bytesConsumed() > 0 || r.bytesProduced() > 0) {
                        continue;
                    }
                    break; // no progress: let fill() take the next step
                }
                if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                    closedByPeer(r.getHandshakeStatus());
                    break;
                }
                if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    break; // the session's record size changed: fill() grows appIn
                }
            }
            if (dst.position() > start) {
                break;
            }
            if (readNetwork() < 0) {
                inboundDone = true; // no close_notify: see fill()
                truncated = true;
            }
        }
        int n = dst.position() - start;
        if (n > 0) {
            return n;
        }
        while (!appIn.hasRemaining()) {
            if (!fill(false)) {
                return -1;
            }
        }
        n = Math.min(dst.remaining(), appIn.remaining());
        appIn.get(dst.array(), dst.arrayOffset() + dst.position(), n);
        return n;
    }

    int available() {
        if (!lock.tryLock()) {
            return 0;
        }
        try {
            return appIn.remaining();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A write waits for the server (TLS 1.2 renegotiation): one unwrap step, keeping any plaintext for the reader.
     * Called with the writer's lock held, so only tries this lock (the lock order is read, then write).
     */
    void stepForWriter() throws IOException {
        if (!lock.tryLock()) {
            throw new SSLException("the server renegotiates while another thread reads: not supported");
        }
        try {
            if (!fill(true)) {
                throw new EOFException("the server closed the connection during a renegotiation");
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Processes inbound records (JSSE stores NewSessionTickets as it reads them) until {@code enough} says so, the
     * peer closes, or the deadline passes; plaintext is dropped, at most {@code MAX_BUFFER} bytes of it. For close():
     * does nothing when another thread is reading. Sets the socket's SO_TIMEOUT; the caller restores it.
     */
    void drainUntil(BooleanSupplier enough, long deadlineNanos, Socket socket) throws IOException {
        if (!lock.tryLock()) {
            return;
        }
        try {
            long dropped = 0;
            while (!inboundDone && !closed && !enough.getAsBoolean() && dropped <= MAX_BUFFER) {
                dropped += appIn.remaining();
                appIn.position(appIn.limit());
                long left = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                fill(false);
            }
        } finally {
            lock.unlock();
        }
    }

    /** One step towards plaintext in {@code appIn}; false at the end of the data. Holds the lock. */
    private boolean fill(boolean forWriter) throws IOException {
        checkOpen();
        if (inboundDone) {
            return false;
        }
        if (netIn.hasRemaining()) {
            SSLEngineResult r = unwrap();
            switch (r.getStatus()) {
                case OK:
                    afterUnwrap(r.getHandshakeStatus());
                    return true;
                case CLOSED:
                    closedByPeer(r.getHandshakeStatus());
                    return appIn.hasRemaining();
                case BUFFER_OVERFLOW: // plaintext not read yet comes first, unless the writer needs the unwrap
                    if (forWriter || !appIn.hasRemaining()) {
                        growAppIn();
                    }
                    return true;
                default:
                    break; // BUFFER_UNDERFLOW
            }
        }
        if (readNetwork() < 0) {
            // No close_notify. Never engine.closeInbound() here: JSSE would fail the connection and invalidate its
            // session, which on TLS 1.2 is the control connection's, and the next data connection could not resume.
            inboundDone = true;
            truncated = true;
            return false;
        }
        return true;
    }

    /** The peer's close_notify: the data is complete. TLS 1.2 answers it; TLS 1.3 allows a half-close. */
    private void closedByPeer(HandshakeStatus hs) {
        inboundDone = true;
        try {
            afterUnwrap(hs);
        } catch (IOException ignored) {
            // the server may be gone already
        }
    }

    private void checkOpen() throws SocketException {
        if (closed) {
            throw new SocketException("Socket closed");
        }
    }

    private SSLEngineResult unwrap() throws SSLException {
        appIn.compact();
        try {
            return engine.unwrap(netIn, appIn);
        } finally {
            appIn.flip();
        }
    }

    /** Post-handshake messages: NewSessionTicket needs nothing; KeyUpdate and renegotiation need wraps. */
    private void afterUnwrap(HandshakeStatus hs) throws IOException {
        for (int i = 0; i < 64; i++) {
            if (hs == HandshakeStatus.NEED_TASK) {
                hs = runTasks(engine);
            } else if (hs == HandshakeStatus.NEED_WRAP) {
                hs = writer.wrapForReader();
            } else {
                return; // NEED_UNWRAP: the next fill() unwraps
            }
        }
    }

    private void growAppIn() throws SSLException {
        appIn = grow(appIn.compact(), engine.getSession().getApplicationBufferSize(), "application input").flip();
    }

    /** Appends what the socket has to {@code netIn}; -1 at its end. Honours the socket's SO_TIMEOUT. */
    private int readNetwork() throws IOException {
        if (netIn.position() > 0) {
            netIn.compact().flip();
        }
        if (netIn.limit() == netIn.capacity()) {
            netIn = grow(netIn.compact(), engine.getSession().getPacketBufferSize(), "network input").flip();
        }
        int n = net.read(netIn.array(), netIn.arrayOffset() + netIn.limit(), netIn.capacity() - netIn.limit());
        if (n > 0) {
            netIn.limit(netIn.limit() + n);
        }
        return n;
    }

    void markClosed() {
        closed = true;
    }

    boolean truncated() {
        return truncated;
    }

    static HandshakeStatus runTasks(SSLEngine engine) {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        return engine.getHandshakeStatus();
    }

    /** A buffer of at least {@code wanted} bytes or twice the capacity, bounded; {@code b} and result in write mode. */
    static ByteBuffer grow(ByteBuffer b, int wanted, String what) throws SSLException {
        int size = Math.max(wanted, b.capacity() * 2);
        if (size > MAX_BUFFER) {
            throw new SSLException("TLS record does not fit the " + what + " buffer of " + b.capacity() + " bytes");
        }
        return ByteBuffer.allocate(size).put(b.flip());
    }
}
