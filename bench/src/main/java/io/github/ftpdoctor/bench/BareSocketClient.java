package io.github.ftpdoctor.bench;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limit row: the fewest steps a Java program can take to RETR a file. A plain control socket (USER, PASS,
 * TYPE I, EPSV, RETR, the 226), and the data read by a blocking {@link SocketChannel} into one 1 MiB direct buffer:
 * no stream, no heap array, no per-read work. Into a file: the same, written with {@link FileChannel#write} by the
 * same thread. No timeouts, no checks beyond the byte count: a benchmark yardstick, not a client.
 */
final class BareSocketClient implements AutoCloseable {
    private static final Pattern EPSV = Pattern.compile("\\(\\|\\|\\|(\\d+)\\|\\)");

    private final Socket control;
    private final BufferedReader in;
    private final OutputStream out;
    private final String host;

    private BareSocketClient(LocalVsftpd ftpd) throws IOException {
        host = ftpd.host();
        control = new Socket(host, ftpd.port());
        control.setSoTimeout(60_000);
        in = new BufferedReader(new InputStreamReader(control.getInputStream(), US_ASCII));
        out = control.getOutputStream();
        expect(null, 220);
        expect("USER " + ftpd.user(), 331);
        expect("PASS " + ftpd.password(), 230);
    }

    static BareSocketClient login(LocalVsftpd ftpd) throws IOException {
        return new BareSocketClient(ftpd);
    }

    /** RETR into a discarding sink, or into {@code file} when it is not null; returns the bytes received. */
    long retrieve(String name, Path file) throws IOException {
        expect("TYPE I", 200);
        Matcher m = EPSV.matcher(expect("EPSV", 229));
        if (!m.find()) {
            throw new IOException("EPSV reply without a port");
        }
        long total = 0;
        ByteBuffer buf = ByteBuffer.allocateDirect(BenchSupport.MIB);
        try (SocketChannel data = SocketChannel.open(new InetSocketAddress(host, Integer.parseInt(m.group(1))));
             FileChannel f = file == null ? null : FileChannel.open(file, StandardOpenOption.CREATE,
                     StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            expect("RETR " + name, 150);
            for (int n; (n = data.read(buf)) >= 0; ) {
                total += n;
                if (f != null && !buf.hasRemaining()) {
                    drain(buf, f);
                }
                if (f == null) {
                    buf.clear();
                }
            }
            if (f != null) {
                drain(buf, f);
            }
        }
        expect(null, 226);
        return total;
    }

    private static void drain(ByteBuffer buf, FileChannel f) throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            f.write(buf);
        }
        buf.clear();
    }

    /** Sends a command (unless null) and reads its reply; returns the reply's last line. */
    private String expect(String command, int code) throws IOException {
        if (command != null) {
            out.write((command + "\r\n").getBytes(US_ASCII));
            out.flush();
        }
        String line = in.readLine();
        while (line != null && (line.length() < 4 || line.charAt(3) == '-')) {
            line = in.readLine();
        }
        if (line == null || !line.startsWith(Integer.toString(code))) {
            throw new IOException("bare socket: " + command + " answered " + line + ", expected " + code);
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        try {
            expect("QUIT", 221);
        } finally {
            control.close();
        }
    }
}
