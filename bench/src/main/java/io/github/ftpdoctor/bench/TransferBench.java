package io.github.ftpdoctor.bench;

import static io.github.ftpdoctor.bench.BenchSupport.MIB;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.bench.BenchSupport.CountingSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTPClient;

/**
 * RETR and STOR of a 1 GiB file on loopback against vsftpd: ftpdoctor, Commons Net 3.12 (defaults, and with a
 * 1 MiB buffer) and curl, side by side in one run. Each timed run is a whole session (connect, login, transfer,
 * quit; curl is timed from process start to exit); the clients take turns, in a rotated order each repetition,
 * and the table shows the median with MB/s as 10^6 bytes per second. Every run checks the byte count.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.github.ftpdoctor.bench.TransferBench [--reps 3] [--mib 1024] [--dir /tmp]
 * </pre>
 */
public final class TransferBench {
    private static final String BIG = "big.bin";
    private static final long PROCESS_TIMEOUT_S = 300;

    /** One timed run; returns the elapsed nanoseconds after checking the byte count. */
    interface Run {
        long run() throws Exception;
    }

    record Contender(String name, boolean java, Run run) {
    }

    record Scenario(String title, List<Contender> contenders) {
    }

    private final LocalVsftpd ftpd;
    private final long size;
    private final Path bigFile;
    private final Path localDir;

    private TransferBench(LocalVsftpd ftpd, long size, Path bigFile, Path localDir) {
        this.ftpd = ftpd;
        this.size = size;
        this.bigFile = bigFile;
        this.localDir = localDir;
    }

    public static void main(String[] args) throws Exception {
        int reps = 3;
        int mib = 1024;
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--mib" -> mib = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Paths.get(args[++i]);
                default -> {
                    System.err.println("usage: TransferBench [--reps N] [--mib SIZE_MIB] [--dir DIR]");
                    System.exit(2);
                }
            }
        }
        if (reps < 1 || mib < 1) {
            throw new IllegalArgumentException("--reps and --mib must be positive");
        }
        long size = (long) mib * MIB;
        // the served file, one copy (a download or an upload, deleted after each run) and 1 GiB to spare
        try (LocalVsftpd ftpd = LocalVsftpd.start(dir, 2 * size + 1024L * MIB)) {
            Path big = ftpd.rootDir().resolve(BIG);
            long t0 = System.nanoTime();
            BenchSupport.writeRandomFile(big, mib);
            System.out.printf("TransferBench %s; %s; vsftpd on 127.0.0.1:%d serving %s (%d MiB, written in %.1f s)%n",
                    LocalDateTime.now().withNano(0),
                    BenchSupport.machine(), ftpd.port(), big, mib, (System.nanoTime() - t0) / 1e9);
            new TransferBench(ftpd, size, big, ftpd.localDir()).runAll(reps);
        }
    }

    private void runAll(int reps) throws Exception {
        String curl = BenchSupport.curlVersion();
        List<Scenario> scenarios = List.of(
                new Scenario("RETR " + human() + " to a discarding stream (curl: -o /dev/null)", List.of(
                        new Contender("ftpdoctor (defaults)", true, this::ftpdoctorRetrDiscard),
                        new Contender("Commons Net 3.12 (defaults)", true, () -> commonsRetrDiscard(0)),
                        new Contender("Commons Net 3.12 (1 MiB buffer)", true, () -> commonsRetrDiscard(MIB)),
                        new Contender(curl, false, () -> curl("-o", "/dev/null", ftpd.url(BIG))))),
                new Scenario("RETR " + human() + " to a local file", List.of(
                        new Contender("ftpdoctor (defaults)", true, this::ftpdoctorRetrFile),
                        new Contender("Commons Net 3.12 (defaults)", true, () -> commonsRetrFile(0)),
                        new Contender("Commons Net 3.12 (1 MiB buffer)", true, () -> commonsRetrFile(MIB)),
                        new Contender(curl, false, this::curlRetrFile))),
                new Scenario("STOR " + human() + " from a local file", List.of(
                        new Contender("ftpdoctor (defaults)", true, this::ftpdoctorStor),
                        new Contender("Commons Net 3.12 (defaults)", true, () -> commonsStor(0)),
                        new Contender("Commons Net 3.12 (1 MiB buffer)", true, () -> commonsStor(MIB)),
                        new Contender(curl, false, this::curlStor))));

        // JIT warm-up: one untimed run of each Java client per scenario
        System.out.println("warming up (one untimed run of each Java client per scenario)...");
        for (Scenario s : scenarios) {
            for (Contender c : s.contenders()) {
                if (c.java()) {
                    c.run().run();
                    pause();
                }
            }
        }

        for (Scenario s : scenarios) {
            Map<String, List<Double>> mbps = new LinkedHashMap<>();
            s.contenders().forEach(c -> mbps.put(c.name(), new ArrayList<>()));
            int n = s.contenders().size();
            for (int rep = 0; rep < reps; rep++) {
                for (int k = 0; k < n; k++) {
                    Contender c = s.contenders().get((rep + k) % n); // rotated order: nobody always goes first
                    long nanos = c.run().run();
                    mbps.get(c.name()).add(size / 1e6 / (nanos / 1e9));
                    pause();
                }
            }
            print(s, mbps, reps);
        }
        System.out.println("MB/s = 10^6 bytes per second; each run is a whole session (connect, login, transfer, quit);"
                + " curl is timed from process start to exit.");
    }

    private void print(Scenario s, Map<String, List<Double>> mbps, int reps) {
        List<Contender> cs = s.contenders();
        double curl = BenchSupport.median(mbps.get(cs.get(3).name()));
        double cnDefaults = BenchSupport.median(mbps.get(cs.get(1).name()));
        System.out.println();
        System.out.println(s.title() + ", median of " + reps + ":");
        System.out.printf("| %-34s | %9s | %-26s | %8s | %14s |%n", "client", "MB/s", "runs (MB/s)", "vs curl",
                "vs CN defaults");
        System.out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(36), "-".repeat(11), "-".repeat(28), "-".repeat(10),
                "-".repeat(16));
        for (Contender c : cs) {
            List<Double> runs = mbps.get(c.name());
            double m = BenchSupport.median(runs);
            StringBuilder each = new StringBuilder();
            for (double r : runs) {
                each.append(each.length() == 0 ? "" : " / ").append(String.format("%.0f", r));
            }
            System.out.printf("| %-34s | %9.0f | %-26s | %7.2fx | %13.2fx |%n", c.name(), m, each, m / curl,
                    m / cnDefaults);
        }
    }

    // ---- ftpdoctor ----

    private FtpClient ftpdoctor() throws IOException {
        FtpClient ftp = FtpClient.connect(ftpd.host(), ftpd.port());
        ftp.login(ftpd.user(), ftpd.password());
        return ftp;
    }

    private long ftpdoctorRetrDiscard() throws IOException {
        long t0 = System.nanoTime();
        CountingSink sink = new CountingSink();
        long got;
        try (FtpClient ftp = ftpdoctor()) {
            got = ftp.retrieve(BIG, sink);
            ftp.quit();
        }
        long nanos = System.nanoTime() - t0;
        check("ftpdoctor RETR", got, sink.count);
        return nanos;
    }

    private long ftpdoctorRetrFile() throws IOException {
        Path local = localDir.resolve("ftpdoctor.bin");
        long t0 = System.nanoTime();
        long got;
        try (FtpClient ftp = ftpdoctor()) {
            got = ftp.download(BIG, local);
            ftp.quit();
        }
        long nanos = System.nanoTime() - t0;
        checkAndDelete("ftpdoctor RETR to file", got, local);
        return nanos;
    }

    private long ftpdoctorStor() throws IOException {
        String name = "up-ftpdoctor.bin";
        long t0 = System.nanoTime();
        long sent;
        try (FtpClient ftp = ftpdoctor()) {
            sent = ftp.upload(bigFile, name);
            ftp.quit();
        }
        long nanos = System.nanoTime() - t0;
        checkAndDelete("ftpdoctor STOR", sent, ftpd.rootDir().resolve(name));
        return nanos;
    }

    // ---- Commons Net ----

    private long commonsRetrDiscard(int buffer) throws IOException {
        long t0 = System.nanoTime();
        CountingSink sink = new CountingSink();
        FTPClient c = BenchSupport.commonsNet(ftpd, buffer);
        try {
            if (!c.retrieveFile(BIG, sink)) {
                throw new IOException("Commons Net RETR failed: " + c.getReplyString());
            }
        } finally {
            BenchSupport.closeQuietly(c);
        }
        long nanos = System.nanoTime() - t0;
        check("Commons Net RETR", sink.count, sink.count);
        return nanos;
    }

    private long commonsRetrFile(int buffer) throws IOException {
        Path local = localDir.resolve("commons-net.bin");
        long t0 = System.nanoTime();
        FTPClient c = BenchSupport.commonsNet(ftpd, buffer);
        try (OutputStream out = Files.newOutputStream(local)) {
            if (!c.retrieveFile(BIG, out)) {
                throw new IOException("Commons Net RETR failed: " + c.getReplyString());
            }
        } finally {
            BenchSupport.closeQuietly(c);
        }
        long nanos = System.nanoTime() - t0;
        checkAndDelete("Commons Net RETR to file", Files.size(local), local);
        return nanos;
    }

    private long commonsStor(int buffer) throws IOException {
        String name = "up-commons-net.bin";
        long t0 = System.nanoTime();
        FTPClient c = BenchSupport.commonsNet(ftpd, buffer);
        try (InputStream in = Files.newInputStream(bigFile)) {
            if (!c.storeFile(name, in)) {
                throw new IOException("Commons Net STOR failed: " + c.getReplyString());
            }
        } finally {
            BenchSupport.closeQuietly(c);
        }
        long nanos = System.nanoTime() - t0;
        Path stored = ftpd.rootDir().resolve(name);
        checkAndDelete("Commons Net STOR", Files.size(stored), stored);
        return nanos;
    }

    // ---- curl ----

    private long curlRetrFile() throws IOException, InterruptedException {
        Path local = localDir.resolve("curl.bin");
        long nanos = curl("-o", local.toString(), ftpd.url(BIG));
        checkAndDelete("curl RETR to file", Files.size(local), local);
        return nanos;
    }

    private long curlStor() throws IOException, InterruptedException {
        String name = "up-curl.bin";
        long nanos = curl("-T", bigFile.toString(), ftpd.url(name));
        Path stored = ftpd.rootDir().resolve(name);
        checkAndDelete("curl STOR", Files.size(stored), stored);
        return nanos;
    }

    /** Runs curl (passive mode, binary), timed from process start to exit; checks the byte count it reports. */
    private long curl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-S", "--ftp-pasv", "-w",
                "%{size_download} %{size_upload}"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(localDir, "curl-", ".out");
        Path err = Files.createTempFile(localDir, "curl-", ".err");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done = p.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS);
            long nanos = System.nanoTime() - t0;
            if (!done) {
                p.destroyForcibly();
                throw new IOException("curl did not finish within " + PROCESS_TIMEOUT_S + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("curl exited with " + p.exitValue() + ": " + Files.readString(err));
            }
            String[] counts = Files.readString(out, StandardCharsets.US_ASCII).trim().split(" ");
            long moved = Math.max(Long.parseLong(counts[0]), Long.parseLong(counts[1]));
            check("curl", moved, moved);
            return nanos;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    // ---- checks ----

    private void check(String what, long reported, long counted) throws IOException {
        if (reported != size || counted != size) {
            throw new IOException(what + ": expected " + size + " bytes, reported " + reported + ", counted " + counted);
        }
    }

    private void checkAndDelete(String what, long reported, Path file) throws IOException {
        long onDisk = Files.size(file);
        Files.delete(file);
        check(what, reported, onDisk);
    }

    private String human() {
        return size % (1024L * MIB) == 0 ? size / (1024L * MIB) + " GiB" : size / MIB + " MiB";
    }

    /** Lets the server's session processes exit between runs. */
    private static void pause() {
        LocalVsftpd.sleep(300);
    }
}
