package io.github.ftpdoctor.bench;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.bench.BenchSupport.CountingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.net.ftp.FTPClient;

/**
 * 1,000 RETRs of 1 KiB files in one session against vsftpd on loopback: ftpdoctor (defaults: SIZE before the first
 * binary download, then the size each 150 reply states), ftpdoctor without any size check ({@code
 * verifySize(false)}) and Commons Net 3.12 (passive, binary), each into a discarding stream; then ftpdoctor
 * {@code download(remote, Path)} and Commons Net into a {@code FileOutputStream}, each file written to disk (and
 * deleted after the round). Login happens before the clock starts; one untimed warm-up round. In each round every
 * client has its own session open, and the clients take turns by batches of {@value #BATCH} files in an order
 * rotated from batch to batch, so that all of them meet the same conditions (the loopback's TIME_WAIT connections
 * pile up during a round and make every connect a little slower); a client's round is the sum of its batches, and
 * the median round is reported as milliseconds per file.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.github.ftpdoctor.bench.SmallFilesBench [--rounds 9] [--files 1000]
 * </pre>
 */
public final class SmallFilesBench {
    private static final int FILE_SIZE = 1024;
    /** Files a client retrieves before the next one takes its turn. */
    private static final int BATCH = 50;

    interface Session extends AutoCloseable {
        /** Retrieves one file into the sink; returns the bytes the client reports. */
        long retr(String name, CountingSink sink) throws IOException;

        @Override
        void close();
    }

    interface Opener {
        Session open() throws IOException;
    }

    record Contender(String name, Opener opener) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 9;
        int files = 1000;
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--files" -> files = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Paths.get(args[++i]);
                default -> {
                    System.err.println("usage: SmallFilesBench [--rounds N] [--files N] [--dir DIR]");
                    System.exit(2);
                }
            }
        }
        if (rounds < 1 || files < 1) {
            throw new IllegalArgumentException("--rounds and --files must be positive");
        }
        try (LocalVsftpd ftpd = LocalVsftpd.start(dir, 256L * BenchSupport.MIB)) {
            List<String> names = new ArrayList<>();
            Random random = new Random(42);
            byte[] data = new byte[FILE_SIZE];
            for (int i = 0; i < files; i++) {
                String name = String.format("small-%04d.bin", i);
                random.nextBytes(data);
                Files.write(ftpd.rootDir().resolve(name), data);
                names.add(name);
            }
            System.out.printf("SmallFilesBench %s; %s; vsftpd on 127.0.0.1:%d; %d files of %d bytes%n",
                    LocalDateTime.now().withNano(0), BenchSupport.machine(), ftpd.port(), files, FILE_SIZE);
            run(ftpd, names, rounds);
        }
    }

    private static void run(LocalVsftpd ftpd, List<String> names, int rounds) throws IOException {
        Path files = ftpd.localDir();
        List<Contender> contenders = List.of(
                new Contender("ftpdoctor (defaults: EPSV + RETR, 150's size)",
                        () -> ftpdoctor(ftpd, FtpConfig.defaults(), null)),
                new Contender("ftpdoctor verifySize(false) (EPSV + RETR)",
                        () -> ftpdoctor(ftpd, FtpConfig.builder().verifySize(false).build(), null)),
                new Contender("Commons Net 3.12 (PASV + RETR)", () -> commonsNet(ftpd, null)),
                new Contender("ftpdoctor download() to files", () -> ftpdoctor(ftpd, FtpConfig.defaults(), files)),
                new Contender("Commons Net 3.12 to FileOutputStreams", () -> commonsNet(ftpd, files)));
        System.out.println("warming up (one untimed round)...");
        round(contenders, names, 0);
        Map<String, List<Double>> msPerFile = new LinkedHashMap<>();
        Map<String, List<Double>> foreign = new LinkedHashMap<>();
        contenders.forEach(c -> msPerFile.put(c.name(), new ArrayList<>()));
        contenders.forEach(c -> foreign.put(c.name(), new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            ForeignCpu others = ForeignCpu.start();
            long[] nanos = round(contenders, names, r);
            double busy = others.percentOfOneCpu();
            for (int k = 0; k < contenders.size(); k++) {
                msPerFile.get(contenders.get(k).name()).add(nanos[k] / 1e6 / names.size());
                foreign.get(contenders.get(k).name()).add(busy);
            }
        }
        double commons = BenchSupport.median(msPerFile.get(contenders.get(2).name()));
        double commonsFiles = BenchSupport.median(msPerFile.get(contenders.get(4).name()));
        System.out.println();
        System.out.printf("%d RETRs of %d bytes in one session, median of %d rounds:%n", names.size(), FILE_SIZE, rounds);
        System.out.printf("| %-46s | %7s | %7s | %19s | %-" + 6 * rounds + "s |%n", "client", "ms/file", "files/s",
                "time vs Commons Net", "rounds (ms/file)");
        System.out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(48), "-".repeat(9), "-".repeat(9), "-".repeat(21),
                "-".repeat(7 * rounds + 2));
        for (Contender c : contenders) {
            List<Double> runs = msPerFile.get(c.name());
            double m = BenchSupport.median(runs);
            StringBuilder each = new StringBuilder();
            for (int i = 0; i < runs.size(); i++) {
                each.append(i == 0 ? "" : " ").append(String.format("%.3f", runs.get(i)))
                        .append(foreign.get(c.name()).get(i) > TransferBench.BUSY_PERCENT ? "*" : "");
            }
            double yardstick = c.name().contains("file") || c.name().contains("File") ? commonsFiles : commons;
            System.out.printf("| %-46s | %7.3f | %7.0f | %18.2fx | %-" + 6 * rounds + "s |%n", c.name(), m, 1000 / m,
                    m / yardstick, each);
        }
        System.out.println("(time vs Commons Net below 1.00x means faster per file; rows writing files are compared with"
                + " Commons Net writing files; a round marked * competed with other programs using more than "
                + TransferBench.BUSY_PERCENT + "% of a CPU)");
    }

    /**
     * One round: a session per client (logged in untimed), every file retrieved by every client, the clients taking
     * turns by batches in an order rotated from batch to batch; returns each client's nanoseconds of RETRs.
     */
    private static long[] round(List<Contender> contenders, List<String> names, int round) throws IOException {
        int n = contenders.size();
        Session[] sessions = new Session[n];
        long[] nanos = new long[n];
        long[] bytes = new long[n];
        try {
            for (int k = 0; k < n; k++) {
                sessions[k] = contenders.get(k).opener().open();
            }
            for (int from = 0, batch = 0; from < names.size(); from += BATCH, batch++) {
                List<String> part = names.subList(from, Math.min(names.size(), from + BATCH));
                for (int i = 0; i < n; i++) {
                    int k = (round + batch + i) % n;
                    long t0 = System.nanoTime();
                    for (String name : part) {
                        CountingSink sink = new CountingSink();
                        long got = sessions[k].retr(name, sink);
                        if (got != FILE_SIZE || sink.count != FILE_SIZE) {
                            throw new IOException(contenders.get(k).name() + " " + name + ": expected " + FILE_SIZE
                                    + " bytes, reported " + got + ", counted " + sink.count);
                        }
                        bytes[k] += got;
                    }
                    nanos[k] += System.nanoTime() - t0;
                }
            }
        } finally {
            for (Session s : sessions) {
                if (s != null) {
                    s.close();
                }
            }
        }
        for (int k = 0; k < n; k++) {
            if (bytes[k] != (long) FILE_SIZE * names.size()) {
                throw new IOException(contenders.get(k).name() + ": " + bytes[k] + " bytes in all");
            }
        }
        LocalVsftpd.sleep(200);
        return nanos;
    }

    /** A session retrieving into the sink, or into files under {@code dir} (each checked and deleted) if not null. */
    private static Session ftpdoctor(LocalVsftpd ftpd, FtpConfig config, Path dir) throws IOException {
        FtpClient ftp = FtpClient.connect(ftpd.host(), ftpd.port(), config);
        ftp.login(ftpd.user(), ftpd.password());
        return new Session() {
            @Override
            public long retr(String name, CountingSink sink) throws IOException {
                if (dir == null) {
                    return ftp.retrieve(name, sink);
                }
                Path file = dir.resolve(name);
                long got = ftp.download(name, file);
                sink.count += sizeAndDelete(file);
                return got;
            }

            @Override
            public void close() {
                ftp.close();
            }
        };
    }

    private static Session commonsNet(LocalVsftpd ftpd, Path dir) throws IOException {
        FTPClient c = BenchSupport.commonsNet(ftpd, 0);
        return new Session() {
            @Override
            public long retr(String name, CountingSink sink) throws IOException {
                long before = sink.count;
                if (dir == null) {
                    if (!c.retrieveFile(name, sink)) {
                        throw new IOException("Commons Net RETR " + name + ": " + c.getReplyString());
                    }
                    return sink.count - before;
                }
                Path file = dir.resolve(name);
                try (java.io.OutputStream out = new java.io.FileOutputStream(file.toFile())) {
                    if (!c.retrieveFile(name, out)) {
                        throw new IOException("Commons Net RETR " + name + ": " + c.getReplyString());
                    }
                }
                long size = sizeAndDelete(file);
                sink.count += size;
                return size;
            }

            @Override
            public void close() {
                BenchSupport.closeQuietly(c);
            }
        };
    }

    private static long sizeAndDelete(Path file) throws IOException {
        long size = Files.size(file);
        Files.delete(file);
        return size;
    }
}
