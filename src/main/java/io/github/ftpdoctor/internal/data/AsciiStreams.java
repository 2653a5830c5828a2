package io.github.ftpdoctor.internal.data;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** TYPE A line-end conversion (RFC 959 §3.1.1.1): CR LF on the wire, LF locally. */
public final class AsciiStreams {
    private AsciiStreams() {
    }

    /** Wire to local: CR LF becomes LF; a CR not followed by LF is kept. */
    public static InputStream fromWire(InputStream in) {
        return new FilterInputStream(in) {
            private int pending = -1; // a byte read ahead after a CR

            @Override
            public int read() throws IOException {
                int b;
                if (pending >= 0) {
                    b = pending;
                    pending = -1;
                } else {
                    b = super.read();
                }
                if (b == '\r') {
                    int next = super.read();
                    if (next == '\n') {
                        return '\n';
                    }
                    pending = next; // -1 at the end: the next read sees the end again
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int b = read();
                if (b < 0) {
                    return -1;
                }
                int n = 0;
                buf[off + n++] = (byte) b;
                while (n < len && (pending >= 0 || super.available() > 0)) {
                    b = read();
                    if (b < 0) {
                        break;
                    }
                    buf[off + n++] = (byte) b;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = 0;
                while (skipped < n && read() >= 0) {
                    skipped++;
                }
                return skipped;
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    /** Local to wire: a LF not already preceded by CR becomes CR LF. */
    public static OutputStream toWire(OutputStream out) {
        return new FilterOutputStream(out) {
            private int last = -1;

            @Override
            public void write(int b) throws IOException {
                if (b == '\n' && last != '\r') {
                    out.write('\r');
                }
                out.write(b);
                last = b & 0xFF;
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(buf[off + i]);
                }
            }
        };
    }
}
