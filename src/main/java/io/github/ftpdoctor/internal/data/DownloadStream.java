package io.github.ftpdoctor.internal.data;

import java.io.IOException;
import java.io.InputStream;

/** The data of a download. Reaching the end is not success: {@link #close()} reads the final reply and checks it. */
final class DownloadStream extends InputStream {
    private final DataTransfer transfer;
    private final InputStream in;
    private final boolean checkSize;
    private boolean eof;
    private boolean closed;
    private IOException dataError;

    DownloadStream(DataTransfer transfer, InputStream in, boolean checkSize) {
        this.transfer = transfer;
        this.in = in;
        this.checkSize = checkSize;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (eof) {
            return -1;
        }
        int n;
        try {
            ChannelReader channel = transfer.channel();
            n = channel != null ? channel.read(b, off, len) : in.read(b, off, len);
        } catch (IOException e) {
            dataError = e;
            close(); // throws the diagnosis: the final reply, or the data failure
            throw e;
        }
        if (n < 0) {
            eof = true;
            return -1;
        }
        transfer.counted(n);
        return n;
    }

    /**
     * Reads into {@code dst} (which has room): straight from the socket's channel on a plain data connection, else
     * (TLS) through the stream into the buffer's array. Errors as {@link #read(byte[], int, int)}.
     */
    int read(java.nio.ByteBuffer dst) throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (eof) {
            return -1;
        }
        int n;
        try {
            ChannelReader channel = transfer.channel();
            if (channel != null) {
                n = channel.read(dst);
            } else if (!dst.hasArray()) {
                throw new IllegalArgumentException("a direct buffer needs a plain data connection");
            } else {
                n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
                if (n > 0) {
                    dst.position(dst.position() + n);
                }
            }
        } catch (IOException e) {
            dataError = e;
            close(); // throws the diagnosis: the final reply, or the data failure
            throw e;
        }
        if (n < 0) {
            eof = true;
            return -1;
        }
        transfer.counted(n);
        return n;
    }

    /** Whether {@link #read(java.nio.ByteBuffer)} can fill a direct buffer without an array in between. */
    boolean readsChannel() {
        return transfer.hasChannel();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!eof && dataError == null) {
            transfer.abort(); // the caller stopped early: tell the server
        }
        transfer.finish(dataError, checkSize && eof);
    }
}
