package io.github.ftpdoctor.internal.data;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** TYPE A line-end conversion (RFC 959 §3.1.1.1): CR LF on the wire, LF locally. Converts whole chunks. */
public final class AsciiStreams {
    private static final int CHUNK = 64 * 1024;

    private AsciiStreams() {
    }

    /** Wire to local: CR LF becomes LF; a CR not followed by LF is kept. */
    public static InputStream fromWire(InputStream in) {
        return new FilterInputStream(in) {
            private final byte[] raw = new byte[CHUNK];
            private int pos;
            private int limit;
            private boolean eof;

            /** Fills the raw buffer if it is empty; false at the end of the stream. */
            private boolean fill() throws IOException {
                if (pos < limit) {
                    return true;
                }
                if (eof) {
                    return false;
                }
                int n = in.read(raw, 0, raw.length);
                if (n < 0) {
                    eof = true;
                    return false;
                }
                pos = 0;
                limit = n;
                return true;
            }

            /** A CR is the last raw byte: keep it and read what follows it, to see whether an LF comes next. */
            private void readPastTrailingCr() throws IOException {
                raw[0] = '\r';
                int n = in.read(raw, 1, raw.length - 1);
                pos = 0;
                limit = 1 + Math.max(0, n);
                eof = n < 0;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                int w = off;
                int end = off + len;
                while (w < end) {
                    if (pos == limit && (w > off || !fill())) {
                        break; // return what we have before blocking again
                    }
                    byte c = raw[pos];
                    if (c != '\r') {
                        b[w++] = c;
                        pos++;
                    } else if (pos + 1 < limit) {
                        boolean crlf = raw[pos + 1] == '\n';
                        b[w++] = crlf ? (byte) '\n' : (byte) '\r';
                        pos += crlf ? 2 : 1;
                    } else if (eof) {
                        b[w++] = '\r';
                        pos++;
                    } else if (w > off) {
                        break; // decide about this CR on the next call
                    } else {
                        readPastTrailingCr();
                    }
                }
                return w == off ? -1 : w - off;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] sink = new byte[(int) Math.min(CHUNK, Math.max(0, n))];
                long skipped = 0;
                while (skipped < n) {
                    int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
                    if (r < 0) {
                        break;
                    }
                    skipped += r;
                }
                return skipped;
            }

            @Override
            public int available() {
                return limit - pos;
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
            private final byte[] converted = new byte[2 * CHUNK];
            private int last = -1;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buf, int off, int len) throws IOException {
                int end = off + len;
                while (off < end) {
                    int n = Math.min(CHUNK, end - off);
                    int w = 0;
                    for (int i = off; i < off + n; i++) {
                        byte c = buf[i];
                        if (c == '\n' && last != '\r') {
                            converted[w++] = '\r';
                        }
                        converted[w++] = c;
                        last = c;
                    }
                    out.write(converted, 0, w);
                    off += n;
                }
            }
        };
    }
}
