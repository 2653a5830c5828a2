package io.github.ftpdoctor.internal.data;

import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * The outbound half of {@link EngineSocket}: the caller's plaintext collects in {@code appOut} (up to four records, so
 * small writes do not each become a record), is wrapped into {@code netOut} (the engine makes one record of at most
 * 16 KiB per wrap) and sent with one socket write. Writes hold {@code lock}.
 */
final class EngineWriter {
    private final SSLEngine engine;
    private final OutputStream net;
    private final ReentrantLock lock = new ReentrantLock();
    EngineReader reader; // set once, right after construction
    private ByteBuffer netOut;
    private ByteBuffer appOut;
    private volatile boolean outboundDone;
    private volatile boolean closed;

    EngineWriter(SSLEngine engine, OutputStream net) {
        this.engine = engine;
        this.net = net;
        netOut = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
    }

    HandshakeStatus wrapHandshake() throws IOException {
        SSLEngineResult r = engine.wrap(EngineReader.EMPTY, netOut);
        if (r.getStatus() == Status.BUFFER_OVERFLOW) {
            flushNet();
            netOut = EngineReader.grow(netOut, engine.getSession().getPacketBufferSize(), "network output");
            return HandshakeStatus.NEED_WRAP;
        }
        flushNet();
        if (r.getStatus() == Status.CLOSED) {
            throw new SSLException("the TLS engine closed during the handshake");
        }
        return r.getHandshakeStatus();
    }

    /** Sizes the buffers for the negotiated session. */
    void afterHandshake() {
        int packet = engine.getSession().getPacketBufferSize();
        netOut = ByteBuffer.allocate(packet * EngineReader.RECORDS_PER_IO);
        int app = Math.min(engine.getSession().getApplicationBufferSize(), 16384);
        appOut = ByteBuffer.allocate(app * EngineReader.RECORDS_PER_IO);
    }

    /** After a failed handshake: sends the alert JSSE queued, ignoring failures. */
    void sendPendingAlert() {
        try {
            engine.closeOutbound();
            for (int i = 0; i < 4 && !engine.isOutboundDone(); i++) {
                netOut.clear();
                engine.wrap(EngineReader.EMPTY, netOut);
                flushNet();
            }
        } catch (IOException | RuntimeException ignored) {
            // the handshake failure is what the caller needs to see
        }
    }

    void writeByte(int b) throws IOException {
        lock.lock();
        try {
            checkWritable();
            appOut.put((byte) b);
            if (!appOut.hasRemaining()) {
                drain();
            }
        } finally {
            lock.unlock();
        }
    }

    void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        lock.lock();
        try {
            checkWritable();
            while (len > 0) {
                int n = Math.min(len, appOut.remaining());
                appOut.put(b, off, n);
                off += n;
                len -= n;
                if (!appOut.hasRemaining()) {
                    drain();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    void flush() throws IOException {
        lock.lock();
        try {
            if (appOut.position() > 0) {
                checkWritable();
                drain();
            }
        } finally {
            lock.unlock();
        }
    }

    /** A wrap the reader needs (KeyUpdate, renegotiation, close_notify reply). */
    HandshakeStatus wrapForReader() throws IOException {
        lock.lock();
        try {
            return wrapAndSend(EngineReader.EMPTY);
        } finally {
            lock.unlock();
        }
    }

    private void checkWritable() throws IOException {
        if (closed) {
            throw new SocketException("Socket closed");
        }
        if (outboundDone) {
            throw new SocketException("TLS output shut down (close_notify sent)");
        }
    }

    /** Wraps and sends all of {@code appOut}. Holds the lock. */
    private void drain() throws IOException {
        appOut.flip();
        try {
            while (appOut.hasRemaining()) {
                wrapAndSend(appOut);
            }
        } finally {
            appOut.compact();
        }
    }

    /** Wraps {@code src} (records while they fit in {@code netOut}, or one handshake message) and sends them. */
    private HandshakeStatus wrapAndSend(ByteBuffer src) throws IOException {
        int packet = engine.getSession().getPacketBufferSize();
        HandshakeStatus hs;
        do {
            SSLEngineResult r = engine.wrap(src, netOut);
            hs = r.getHandshakeStatus();
            if (r.getStatus() == Status.BUFFER_OVERFLOW) {
                if (netOut.position() == 0) {
                    netOut = EngineReader.grow(netOut, packet, "network output");
                }
                break;
            }
            if (r.getStatus() == Status.CLOSED) {
                flushNet();
                outboundDone = true;
                if (src.hasRemaining()) {
                    throw new SSLException("the TLS connection is closed; data not sent");
                }
                return hs;
            }
            if (hs == HandshakeStatus.NEED_TASK) {
                hs = EngineReader.runTasks(engine);
            }
            if (hs == HandshakeStatus.NEED_UNWRAP && r.bytesConsumed() == 0 && src.hasRemaining()) {
                flushNet();
                reader.stepForWriter();
            }
        } while (src.hasRemaining() && netOut.remaining() >= packet);
        flushNet();
        return hs;
    }

    private void flushNet() throws IOException {
        if (netOut.position() > 0) {
            netOut.flip();
            try {
                net.write(netOut.array(), netOut.arrayOffset() + netOut.position(), netOut.remaining());
            } finally {
                netOut.clear();
            }
        }
    }

    /** Sends what is buffered and close_notify; nothing when close_notify was sent already. */
    void shutdownOutput() throws IOException {
        lock.lock();
        try {
            if (closed) {
                throw new SocketException("Socket closed");
            }
            if (outboundDone) {
                return;
            }
            if (appOut.position() > 0) {
                drain();
            }
            sendCloseNotify();
        } finally {
            lock.unlock();
        }
    }

    private void sendCloseNotify() throws IOException {
        engine.closeOutbound();
        for (int i = 0; i < 8 && !engine.isOutboundDone(); i++) {
            wrapAndSend(EngineReader.EMPTY);
        }
        outboundDone = true;
    }

    /**
     * For close(): buffered data and close_notify, unless another thread is inside a write (closing the socket is
     * then what ends it). Returns the failure to send buffered data; close_notify failures are ignored.
     */
    IOException closeOutbound() {
        if (!lock.tryLock()) {
            return null;
        }
        try {
            if (closed || outboundDone) {
                return null;
            }
            IOException error = null;
            if (appOut != null && appOut.position() > 0) {
                try {
                    drain();
                } catch (IOException e) {
                    error = e;
                }
            }
            if (error == null) {
                try {
                    sendCloseNotify();
                } catch (IOException | RuntimeException ignored) {
                    // the server may have closed first
                }
            }
            return error;
        } finally {
            lock.unlock();
        }
    }

    /** Whether close_notify was sent (or the engine closed its output). */
    boolean outboundDone() {
        return outboundDone;
    }

    void markClosed() {
        closed = true;
    }
}
