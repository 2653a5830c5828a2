package io.github.ftpdoctor.internal.data;

import java.io.IOException;
import java.io.OutputStream;

/** The data of an upload. {@link #close()} ends the data and requires a positive final reply. */
final class UploadStream extends OutputStream {
    private static final int SLICE = 64 * 1024;
    /** A {@code sendfile} call's most: at 1 MB/s it still reports progress, and its failure's byte count, every 0.25 s. */
    private static final int FILE_SLICE = 256 * 1024;

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
            // the server most likely closed the data connection and says why on the control connection
            closed = true;
            watchdog.stop();
            IOException cause = watchdog.fired()
                    ? new java.net.SocketTimeoutException("the server stopped reading the upload: " + e.getMessage()) : e;
            transfer.finish(cause, false);
            throw e;
        }
        transfer.counted(len);
    }

    /**
     * Sends {@code file} from {@code position} to its end with the kernel's {@code sendfile} (the bytes never pass
     * through this process), in slices like {@link #write(byte[], int, int)}; each slice must make progress within
     * the data timeout. Only for plain data connections ({@link #sendsFiles()}). Returns the bytes sent.
     */
    long sendFile(java.nio.channels.FileChannel file, long position) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        long pos = position;
        while (true) {
            long n;
            try {
                n = transfer.channel().sendFile(file, pos, FILE_SLICE);
            } catch (IOException e) {
                closed = true;
                watchdog.stop();
                transfer.finish(e, false);
                throw e;
            }
            if (n <= 0) {
                return pos - position;
            }
            pos += n;
            transfer.counted((int) n);
        }
    }

    /** Whether {@link #sendFile} can be used: a plain data connection. */
    boolean sendsFiles() {
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
