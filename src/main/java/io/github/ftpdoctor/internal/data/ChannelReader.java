package io.github.ftpdoctor.internal.data;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;

/**
 * Reads a plain data connection through its channel, in blocking mode: one system call per read, which sleeps in
 * the kernel until data comes, as a plain C client's does. Downloads into a file read into direct buffers, so that
 * the bytes are not copied through a Java array on the way; downloads into a stream read into their arrays (the JDK
 * copies through its per-thread direct buffer, as its socket streams do, without switching the socket between
 * blocking and non-blocking mode around every read). A channel read has no timeout of its own: a
 * {@link WriteWatchdog} closes the socket when a read has waited longer than the data timeout, and the read then
 * throws {@link SocketTimeoutException}. Closing the socket from another thread (ABOR) ends a read at once.
 */
final class ChannelReader implements Closeable {
    private final SocketChannel channel;
    private final WriteWatchdog watchdog;

    ChannelReader(Socket socket, int timeoutMillis) {
        this.channel = socket.getChannel();
        this.watchdog = new WriteWatchdog(socket, timeoutMillis);
    }

    /** Reads at least one byte into {@code dst}, or returns -1 at the end of the data (0 when it has no room). */
    int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            return 0;
        }
        try {
            watchdog.beforeRead();
            int n = channel.read(dst);
            watchdog.afterRead();
            return n;
        } catch (IOException e) {
            if (watchdog.fired()) {
                throw (SocketTimeoutException) new SocketTimeoutException("Read timed out").initCause(e);
            }
            if (e instanceof ClosedChannelException) { // closed by ABOR from another thread: as a socket says it
                throw (SocketException) new SocketException("Socket closed").initCause(e);
            }
            throw e;
        }
    }

    /** Reads at least one byte into the array, or returns -1 at the end of the data. */
    int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        return len == 0 ? 0 : read(ByteBuffer.wrap(b, off, len));
    }

    /** Stops the watchdog; the socket is closed by its owner. */
    @Override
    public void close() {
        watchdog.stop();
    }
}
