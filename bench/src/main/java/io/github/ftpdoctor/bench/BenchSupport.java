package io.github.ftpdoctor.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

/** What the benchmarks share: test files, a discarding sink, Commons Net sessions, medians. */
final class BenchSupport {
    static final int MIB = 1024 * 1024;

    private BenchSupport() {
    }

    /**
     * Writes {@code mib} MiB of random-looking data: one random 1 MiB block (fixed seed), repeated, with the block
     * number written into its first 8 bytes so no two blocks are identical. Written from a direct buffer, so the
     * Java heap is not involved.
     */
    static void writeRandomFile(Path file, int mib) throws IOException {
        byte[] block = new byte[MIB];
        new Random(20240607L).nextBytes(block);
        ByteBuffer buf = ByteBuffer.allocateDirect(MIB);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            for (int i = 0; i < mib; i++) {
                buf.clear();
                buf.put(block);
                buf.putLong(0, (long) i * 0x9E3779B97F4A7C15L);
                buf.flip();
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
        }
    }

    /** An OutputStream that counts and discards (the /dev/null of the benchmarks). */
    static final class CountingSink extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /** A Commons Net session as its users typically open one: passive, binary, optionally a bigger buffer. */
    static FTPClient commonsNet(LocalVsftpd ftpd, int bufferSize) throws IOException {
        FTPClient c = new FTPClient();
        c.setConnectTimeout(15_000);
        c.setDefaultTimeout(60_000);
        c.connect(ftpd.host(), ftpd.port());
        if (!FTPReply.isPositiveCompletion(c.getReplyCode())) {
            throw new IOException("Commons Net: greeting " + c.getReplyString());
        }
        if (!c.login(ftpd.user(), ftpd.password())) {
            throw new IOException("Commons Net: login failed: " + c.getReplyString());
        }
        c.enterLocalPassiveMode();
        if (!c.setFileType(FTP.BINARY_FILE_TYPE)) {
            throw new IOException("Commons Net: TYPE I failed: " + c.getReplyString());
        }
        if (bufferSize > 0) {
            c.setBufferSize(bufferSize);
        }
        return c;
    }

    static void closeQuietly(FTPClient c) {
        try {
            if (c.isConnected()) {
                c.logout();
            }
        } catch (IOException ignored) {
            // disconnecting anyway
        }
        try {
            c.disconnect();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The first line of {@code curl --version}, e.g. {@code curl 7.88.1}. */
    static String curlVersion() {
        try {
            List<String> out = new ArrayList<>();
            LocalVsftpd.run(out, "curl", "--version");
            String[] words = out.isEmpty() ? new String[0] : out.get(0).split(" ");
            return words.length >= 2 ? words[0] + " " + words[1] : "curl";
        } catch (IOException e) {
            return "curl";
        }
    }

    /** The 1, 5 and 15 minute load averages, to tell whether something else was running. */
    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Paths.get("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / MIB + " MiB";
    }
}
