package io.github.ftpdoctor.internal.data;

import java.io.IOException;
import java.io.OutputStream;

/** The data of an upload. {@link #close()} ends the data and requires a positive final reply. */
final class UploadStream extends OutputStream {
    private static final int SLICE = 64 * 1024;
    /**
     * The most one channel write of {@link #write(java.nio.ByteBuffer)} sends: bigger than {@link #SLICE}, since a
     * direct buffer costs no copy per call, and still small enough for a link of 10 KB/s to carry within a minute.
     */
    private static final int CHANNEL_SLICE = 512 * 1024;

    private final DataTransfer transfer;
    private final OutputStream out;
    private final WriteWatchdog watchdog;
    private boolean closed;

    UploadStream(DataTransfer transfer, OutputStream out, WriteWatchdog watchdog) {
        this.transfer = transfer;
        this.out = out;
        this.watchdog = watchdog;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        for (int done = 0; done < len; ) {
            int n = Math.min(SLICE, len - done);
            writeSlice(b, off + done, n);
            done += n;
        }
    }

    /**
     * Writes one slice: the byte count of a failure is exact to a slice, and the watchdog measures progress per
     * slice, not per (1 MiB) buffer that a slow link may take longer than the data timeout to carry.
     */
    private void writeSlice(byte[] b, int off, int len) throws IOException {
        try {
            watchdog.beforeWrite();
            out.write(b, off, len);
            watchdog.afterWrite();
        } catch (IOException e) {
            failed(e);
            throw e;
        }
        transfer.counted(len);
    }

    /** A write failed: the server most likely closed the data connection and says why on the control connection. */
    private void failed(IOException e) throws IOException {
        closed = true;
        watchdog.stop();
        IOException cause = watchdog.fired()
                ? new java.net.SocketTimeoutException("the server stopped reading the upload: " + e.getMessage()) : e;
        transfer.finish(cause, false);
    }

    /**
     * Writes {@code src} (a direct buffer, read from a file) straight to the socket's channel, in slices like
     * {@link #write(byte[], int, int)}: no copy through an array. Only for plain data connections
     * ({@link #writesChannel()}); the channel stays blocking, and the watchdog bounds each slice.
     */
    void write(java.nio.ByteBuffer src) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        java.nio.channels.SocketChannel channel = transfer.plainChannel();
        int end = src.limit();
        while (src.position() < end) {
            int n = Math.min(CHANNEL_SLICE, end - src.position());
            src.limit(src.position() + n);
            try {
                watchdog.beforeWrite();
                while (src.hasRemaining()) {
                    channel.write(src);
                }
                watchdog.afterWrite();
            } catch (IOException e) {
                failed(e);
                throw e;
            } finally {
                src.limit(end);
            }
            transfer.counted(n);
        }
    }

    /** Whether {@link #write(java.nio.ByteBuffer)} can be used: a plain data connection made from a channel. */
    boolean writesChannel() {
        return transfer.hasChannel();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        IOException error = null;
        try {
            watchdog.beforeWrite();
            out.flush();
        } catch (IOException e) {
            error = e;
        } finally {
            watchdog.stop();
        }
        transfer.finish(error, false);
    }
}
