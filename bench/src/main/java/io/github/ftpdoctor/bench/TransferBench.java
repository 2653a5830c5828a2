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
 * 1 MiB buffer) and curl, side by side in one run. The clients take turns, in a rotated order each repetition,
 * after one untimed warm-up run of each Java client; the tables show medians, in MB/s (10^6 bytes per second):
 * <ul>
 *   <li>transfer: the call that moves the file, after login (ftpdoctor {@code retrieve/download/upload}, Commons
 *       Net {@code retrieveFile/storeFile}: TYPE, SIZE, EPSV or PASV, RETR or STOR, the data, the final reply);
 *       for curl {@code time_total - time_pretransfer} as curl reports it;</li>
 *   <li>session: connect, login (about 130 ms of PAM in vsftpd here), transfer and quit; curl timed from process
 *       start to exit.</li>
 * </ul>
 * Every run checks that exactly the file's size arrived (counted by the sink, or the size on disk), then deletes
 * its copy and runs {@code sync}, so that one run's write-back does not slow the next. Loopback throughput on a
 * small VM varies by tens of percent from run to run: compare the ratios within one run, not figures across runs.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.github.ftpdoctor.bench.TransferBench [--reps 5] [--mib 1024] [--dir /tmp]
 *     [--only retr,file,stor]
 * </pre>
 */
public final class TransferBench {
    private static final String BIG = "big.bin";
    private static final long PROCESS_TIMEOUT_S = 300;
    /** Other programs using more CPU than this during a run mark it with *. */
    static final int BUSY_PERCENT = 10;

    /** One timed run; returns its timing after checking the byte count. */
    interface Run {
        Timing run() throws Exception;
    }

    /**
     * @param sessionNanos  connect, login, transfer and quit (curl: process start to exit)
     * @param transferNanos the transfer call alone, after login (curl: {@code time_total - time_pretransfer})
     */
    record Timing(long sessionNanos, long transferNanos) {
    }

    /** What a row is the yardstick of, if anything: its scenario's other rows get a ratio column to it. */
    enum Role { NONE, CURL, CN_DEFAULTS, CN_1MIB, BARE }

    record Contender(String name, boolean java, Run run, Role role) {
        Contender(String name, boolean java, Run run) {
            this(name, java, run, Role.NONE);
        }
    }

    /** @param key the name {@code --only} selects it by: retr, file or stor */
    record Scenario(String key, String title, List<Contender> contenders) {
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
        int reps = 5;
        int mib = 1024;
        String only = "retr,file,stor";
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--mib" -> mib = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Paths.get(args[++i]);
                case "--only" -> only = args[++i];
                default -> {
                    System.err.println("usage: TransferBench [--reps N] [--mib SIZE_MIB] [--dir DIR]"
                            + " [--only retr,file,stor]");
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
                    LocalDateTime.now().withNano(0), BenchSupport.machine(), ftpd.port(), big, mib,
                    (System.nanoTime() - t0) / 1e9);
            System.out.println("load average before: " + BenchSupport.loadAverage());
            new TransferBench(ftpd, size, big, ftpd.localDir()).runAll(reps, List.of(only.split(",")));
            System.out.println("load average after: " + BenchSupport.loadAverage());
        }
    }

    private void runAll(int reps, List<String> only) throws Exception {
        String curl = BenchSupport.curlVersion();
        // A row is a Contender; a scenario may hold more (e.g. ftpdoctor with a TransferListener, to show what a
        // listener costs): the ratio columns are to the rows marked with a Role.
        List<Scenario> all = List.of(
                new Scenario("retr", "RETR " + human() + " to a discarding stream (curl: -o /dev/null)", List.of(
                        new Contender("ftpdoctor (defaults)", true, this::ftpdoctorRetrDiscard),
                        new Contender("Commons Net 3.12 (defaults)", true, () -> commonsRetrDiscard(0),
                                Role.CN_DEFAULTS),
                        new Contender("Commons Net 3.12 (1 MiB buffer)", true, () -> commonsRetrDiscard(MIB),
                                Role.CN_1MIB),
                        new Contender("bare NIO socket (1 MiB direct buffer)", true, () -> bare(null), Role.BARE),
                        new Contender(curl, false, () -> curl("-o", "/dev/null", ftpd.url(BIG)), Role.CURL))),
                new Scenario("file", "RETR " + human() + " to a local file", List.of(
                        new Contender("ftpdoctor download(remote, Path)", true, this::ftpdoctorRetrFile),
                        new Contender("Commons Net 3.12 (defaults), Files.newOutputStream", true,
                                () -> commonsRetrFile(0, false), Role.CN_DEFAULTS),
                        new Contender("Commons Net 3.12 (1 MiB buffer), Files.newOutputStream", true,
                                () -> commonsRetrFile(MIB, false), Role.CN_1MIB),
                        new Contender("Commons Net 3.12 (1 MiB buffer), FileOutputStream", true,
                                () -> commonsRetrFile(MIB, true)),
                        new Contender("bare NIO socket, FileChannel (1 thread)", true,
                                () -> bare(localDir.resolve("bare.bin")), Role.BARE),
                        new Contender(curl + " -o file", false, this::curlRetrFile, Role.CURL))),
                new Scenario("stor", "STOR " + human() + " from a local file", List.of(
                        new Contender("ftpdoctor upload(Path, remote)", true, this::ftpdoctorStor),
                        new Contender("Commons Net 3.12 (defaults)", true, () -> commonsStor(0), Role.CN_DEFAULTS),
                        new Contender("Commons Net 3.12 (1 MiB buffer)", true, () -> commonsStor(MIB), Role.CN_1MIB),
                        new Contender(curl + " -T file", false, this::curlStor, Role.CURL))));

        List<Scenario> scenarios = all.stream().filter(s -> only.contains(s.key())).toList();
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("--only takes retr, file and/or stor, comma-separated");
        }
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
            Map<String, List<Double>> transfer = new LinkedHashMap<>();
            Map<String, List<Double>> session = new LinkedHashMap<>();
            Map<String, List<Double>> foreign = new LinkedHashMap<>();
            for (Contender c : s.contenders()) {
                transfer.put(c.name(), new ArrayList<>());
                session.put(c.name(), new ArrayList<>());
                foreign.put(c.name(), new ArrayList<>());
            }
            int n = s.contenders().size();
            for (int rep = 0; rep < reps; rep++) {
                for (int k = 0; k < n; k++) {
                    Contender c = s.contenders().get((rep + k) % n); // rotated order: nobody always goes first
                    ForeignCpu others = ForeignCpu.start();
                    Timing t = c.run().run();
                    foreign.get(c.name()).add(others.percentOfOneCpu());
                    transfer.get(c.name()).add(size / 1e6 / (t.transferNanos() / 1e9));
                    session.get(c.name()).add(size / 1e6 / (t.sessionNanos() / 1e9));
                    pause();
                }
            }
            TransferTable.print(s, transfer, session, foreign, reps);
        }
        System.out.println();
        System.out.println("MB/s = 10^6 bytes/s. transfer: the call that moves the file, after login (curl: time_total"
                + " - time_pretransfer); session: connect + login + transfer + quit (curl: process start to exit).");
        System.out.println("A run marked * competed with other programs (more than " + BUSY_PERCENT + "% of a CPU used"
                + " by processes outside this benchmark): treat its figure, and a median it decides, with suspicion.");
    }

    // ---- ftpdoctor ----

    private FtpClient ftpdoctor() throws IOException {
        FtpClient ftp = FtpClient.connect(ftpd.host(), ftpd.port());
        ftp.login(ftpd.user(), ftpd.password());
        return ftp;
    }

    private Timing ftpdoctorRetrDiscard() throws IOException {
        long t0 = System.nanoTime();
        CountingSink sink = new CountingSink();
        long got;
        long transfer;
        try (FtpClient ftp = ftpdoctor()) {
            long t1 = System.nanoTime();
            got = ftp.retrieve(BIG, sink);
            transfer = System.nanoTime() - t1;
            ftp.quit();
        }
        long session = System.nanoTime() - t0;
        check("ftpdoctor RETR", got, sink.count);
        return new Timing(session, transfer);
    }

    private Timing ftpdoctorRetrFile() throws IOException {
        Path local = localDir.resolve("ftpdoctor.bin");
        long t0 = System.nanoTime();
        long got;
        long transfer;
        try (FtpClient ftp = ftpdoctor()) {
            long t1 = System.nanoTime();
            got = ftp.download(BIG, local);
            transfer = System.nanoTime() - t1;
            ftp.quit();
        }
        long session = System.nanoTime() - t0;
        checkAndDelete("ftpdoctor RETR to file", got, local);
        return new Timing(session, transfer);
    }

    private Timing ftpdoctorStor() throws IOException {
        String name = "up-ftpdoctor.bin";
        long t0 = System.nanoTime();
        long sent;
        long transfer;
        try (FtpClient ftp = ftpdoctor()) {
            long t1 = System.nanoTime();
            sent = ftp.upload(bigFile, name);
            transfer = System.nanoTime() - t1;
            ftp.quit();
        }
        long session = System.nanoTime() - t0;
        checkAndDelete("ftpdoctor STOR", sent, ftpd.rootDir().resolve(name));
        return new Timing(session, transfer);
    }

    // ---- Commons Net ----

    private Timing commonsRetrDiscard(int buffer) throws IOException {
        long t0 = System.nanoTime();
        CountingSink sink = new CountingSink();
        long transfer;
        FTPClient c = BenchSupport.commonsNet(ftpd, buffer);
        try {
            long t1 = System.nanoTime();
            if (!c.retrieveFile(BIG, sink)) {
                throw new IOException("Commons Net RETR failed: " + c.getReplyString());
            }
            transfer = System.nanoTime() - t1;
        } finally {
            BenchSupport.closeQuietly(c);
        }
        long session = System.nanoTime() - t0;
        check("Commons Net RETR", sink.count, sink.count);
        return new Timing(session, transfer);
    }

    private Timing commonsRetrFile(int buffer, boolean fileOutputStream) throws IOException {
        Path local = localDir.resolve("commons-net.bin");
        long t0 = System.nanoTime();
        long transfer;
        FTPClient c = BenchSupport.commonsNet(ftpd, buffer);
        try (OutputStream out = fileOutputStream ? new java.io.FileOutputStream(local.toFile())
                : Files.newOutputStream(local)) {
            long t1 = System.nanoTime();
            if (!c.retrieveFile(BIG, out)) {
                throw new IOException("Commons Net RETR failed: " + c.getReplyString());
            }
            transfer = System.nanoTime() - t1;
        } finally {
            BenchSupport.closeQuietly(c);
        }
        long session = System.nanoTime() - t0;
        checkAndDelete("Commons Net RETR to file", Files.size(local), local);
        return new Timing(session, transfer);
    }

    private Timing commonsStor(int buffer) throws IOException {
        String name = "up-commons-net.bin";
        long t0 = System.nanoTime();
        long transfer;
        FTPClient c = BenchSupport.commonsNet(ftpd, buffer);
        try (InputStream in = Files.newInputStream(bigFile)) {
            long t1 = System.nanoTime();
            if (!c.storeFile(name, in)) {
                throw new IOException("Commons Net STOR failed: " + c.getReplyString());
            }
            transfer = System.nanoTime() - t1;
        } finally {
            BenchSupport.closeQuietly(c);
        }
        long session = System.nanoTime() - t0;
        Path stored = ftpd.rootDir().resolve(name);
        checkAndDelete("Commons Net STOR", Files.size(stored), stored);
        return new Timing(session, transfer);
    }

    // ---- the limit: a bare NIO socket ----

    /** RETR with {@link BareSocketClient}: into a discarding buffer, or into {@code file}. */
    private Timing bare(Path file) throws IOException {
        long t0 = System.nanoTime();
        long got;
        long transfer;
        try (BareSocketClient c = BareSocketClient.login(ftpd)) {
            long t1 = System.nanoTime();
            got = c.retrieve(BIG, file);
            transfer = System.nanoTime() - t1;
        }
        long session = System.nanoTime() - t0;
        if (file == null) {
            check("bare socket RETR", got, got);
        } else {
            checkAndDelete("bare socket RETR to file", got, file);
        }
        return new Timing(session, transfer);
    }

    // ---- curl ----

    private Timing curlRetrFile() throws IOException, InterruptedException {
        Path local = localDir.resolve("curl.bin");
        Timing t = curl("-o", local.toString(), ftpd.url(BIG));
        checkAndDelete("curl RETR to file", Files.size(local), local);
        return t;
    }

    private Timing curlStor() throws IOException, InterruptedException {
        String name = "up-curl.bin";
        Timing t = curl("-T", bigFile.toString(), ftpd.url(name));
        Path stored = ftpd.rootDir().resolve(name);
        checkAndDelete("curl STOR", Files.size(stored), stored);
        return t;
    }

    /** Runs curl (passive, binary), timed from process start to exit; checks the byte count it reports. */
    private Timing curl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-S", "--ftp-pasv", "-w",
                "%{size_download} %{size_upload} %{time_pretransfer} %{time_total}"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(localDir, "curl-", ".out");
        Path err = Files.createTempFile(localDir, "curl-", ".err");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done = p.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS);
            long session = System.nanoTime() - t0;
            if (!done) {
                p.destroyForcibly();
                throw new IOException("curl did not finish within " + PROCESS_TIMEOUT_S + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("curl exited with " + p.exitValue() + ": " + Files.readString(err));
            }
            String[] w = Files.readString(out, StandardCharsets.US_ASCII).trim().split(" ");
            long moved = Math.max(Long.parseLong(w[0]), Long.parseLong(w[1]));
            check("curl", moved, moved);
            long transfer = Math.round((Double.parseDouble(w[3]) - Double.parseDouble(w[2])) * 1e9);
            return new Timing(session, transfer);
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

    /**
     * Between runs: flushes the page cache's dirty pages (sync), so that writing back one run's file does not slow
     * the next, and lets the server's session processes exit.
     */
    private static void pause() throws IOException {
        LocalVsftpd.run("sync");
        LocalVsftpd.sleep(300);
    }
}
