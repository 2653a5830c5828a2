package io.github.ftpdoctor.internal.data;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * A plain data connection's channel read directly, for downloads into a file: into (direct) buffers, so that the
 * bytes are not copied through a Java array on the way. The channel is non-blocking; a read that finds nothing waits
 * in a selector, at most the data timeout, then throws {@link SocketTimeoutException}. {@link #wakeup()} (from any
 * thread, after the socket was closed) ends a wait at once. Once read this way, the socket's streams are unusable.
 */
final class TimedChannel implements Closeable {
    private final SocketChannel channel;
    private final long timeoutNanos;
    private final Object lock = new Object();
    private Selector selector; // opened on the first wait
    private boolean stopped;

    TimedChannel(SocketChannel channel, int timeoutMillis) throws IOException {
        this.channel = channel;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        channel.configureBlocking(false);
    }

    /** Reads at least one byte into {@code dst}, or returns -1 at the end of the data (0 when it has no room). */
    int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        int n = channel.read(dst);
        long deadline = 0;
        while (n == 0) {
            deadline = await(SelectionKey.OP_READ, deadline, "Read timed out");
            n = channel.read(dst);
        }
        return n;
    }

    /**
     * Waits until the channel is ready for {@code op}; returns the deadline, set on the first wait of a call.
     * Spurious wake-ups just try again, within the same deadline.
     */
    private long await(int op, long deadline, String timeoutMessage) throws IOException {
        long now = System.nanoTime();
        if (deadline == 0) {
            deadline = now + timeoutNanos;
        }
        long left = deadline - now;
        if (left <= 0) {
            throw new SocketTimeoutException(timeoutMessage);
        }
        Selector s = selector(op);
        s.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))); // select(0) would wait forever
        s.selectedKeys().clear();
        synchronized (lock) {
            if (stopped || !channel.isOpen()) {
                throw new SocketException("Socket closed");
            }
        }
        return deadline;
    }

    private Selector selector(int op) throws IOException {
        synchronized (lock) {
            if (stopped || !channel.isOpen()) {
                throw new SocketException("Socket closed");
            }
            if (selector == null) {
                selector = Selector.open();
                channel.register(selector, op);
            } else {
                channel.keyFor(selector).interestOps(op);
            }
            return selector;
        }
    }

    /** Ends a wait in progress, or the next one, with "Socket closed"; for the thread that closed the socket. */
    void wakeup() {
        synchronized (lock) {
            stopped = true;
            if (selector != null) {
                selector.wakeup();
            }
        }
    }

    /**
     * Closes the selector; a socket closed while registered with it is released only then. Called by the transfer's
     * own thread, after closing the socket.
     */
    @Override
    public void close() {
        Selector s;
        synchronized (lock) {
            stopped = true;
            s = selector;
            selector = null;
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
