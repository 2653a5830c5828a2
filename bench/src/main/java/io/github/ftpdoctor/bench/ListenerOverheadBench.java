package io.github.ftpdoctor.bench;

import static io.github.ftpdoctor.bench.BenchSupport.MIB;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.bench.BenchSupport.CountingSink;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an {@link EventListener} costs on the transfer path: a 1 GiB RETR from vsftpd on loopback with the default
 * {@link EventListener#NONE} and with a listener that counts every event and adds up bytes and durations, as a
 * metrics listener would. Two ways of reading: {@code retrieve} into a discarding stream (1 MiB reads) and
 * {@code openRead} with 8 KiB reads, where per-read costs would show most. The variants take turns in a rotated
 * order after one untimed warm-up each. Reported per variant: the median MB/s (10^6 bytes/s), the median CPU time
 * of the transferring thread, and the bytes that thread allocated during the transfer (HotSpot's per-thread
 * allocation counter): a listener that allocated per read would show here first.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.github.ftpdoctor.bench.ListenerOverheadBench [--reps 5] [--mib 1024]
 * </pre>
 */
public final class ListenerOverheadBench {
    private static final String BIG = "big.bin";

    /** Counts everything, as a metrics listener would; shared by the sessions of one variant (atomics). */
    static final class CountingListener implements EventListener {
        final AtomicLong events = new AtomicLong();
        final AtomicLong progress = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong nanos = new AtomicLong();

        @Override public void connectEnd(java.net.InetSocketAddress a, Duration d) { took(d); }
        @Override public void loginEnd(String user, Diagnosis diag, Duration d) { took(d); }
        @Override public void commandStart(String verb, String argument) { events.incrementAndGet(); }
        @Override public void replyReceived(String verb, Reply reply) { events.incrementAndGet(); }
        @Override public void commandEnd(String verb, Reply r, Diagnosis diag, Duration d) { took(d); }
        @Override public void dataConnectionOpened(String verb, java.net.InetSocketAddress a, Duration d) { took(d); }
        @Override public void dataConnectionClosed(String verb, Duration d) { took(d); }
        @Override public void transferStart(String verb, String path, long offset, long total) {
            events.incrementAndGet();
        }
        @Override public void transferProgress(String verb, String path, long b, long total) {
            progress.incrementAndGet();
        }
        @Override public void transferEnd(String verb, String path, long b, Duration d) {
            bytes.addAndGet(b);
            took(d);
        }
        @Override public void sessionEnd(Duration d) { took(d); }

        private void took(Duration d) {
            events.incrementAndGet();
            nanos.addAndGet(d.toNanos());
        }
    }

    record Variant(String name, FtpConfig config, boolean smallReads) {
    }

    record Run(double mbps, double cpuMs, long allocated) {
    }

    public static void main(String[] args) throws Exception {
        int reps = 5;
        int mib = 1024;
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--mib" -> mib = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Paths.get(args[++i]);
                default -> {
                    System.err.println("usage: ListenerOverheadBench [--reps N] [--mib SIZE_MIB] [--dir DIR]");
                    System.exit(2);
                }
            }
        }
        long size = (long) mib * MIB;
        CountingListener counting = new CountingListener();
        FtpConfig none = FtpConfig.defaults();
        FtpConfig listened = FtpConfig.builder().eventListenerFactory(EventListener.Factory.of(counting)).build();
        List<Variant> variants = List.of(
                new Variant("retrieve, EventListener.NONE", none, false),
                new Variant("retrieve, counting listener", listened, false),
                new Variant("openRead 8 KiB reads, NONE", none, true),
                new Variant("openRead 8 KiB reads, counting listener", listened, true));
        System.out.printf("ListenerOverheadBench %s; %s; load %s%n", LocalDateTime.now().withNano(0),
                BenchSupport.machine(), BenchSupport.loadAverage());
        Map<String, List<Run>> runs = new LinkedHashMap<>();
        variants.forEach(v -> runs.put(v.name(), new ArrayList<>()));
        try (LocalVsftpd ftpd = LocalVsftpd.start(dir, size + 1024L * MIB)) {
            BenchSupport.writeRandomFile(ftpd.rootDir().resolve(BIG), mib);
            for (Variant v : variants) {
                once(ftpd, v, size); // warm-up
            }
            for (int r = 0; r < reps; r++) {
                for (int k = 0; k < variants.size(); k++) {
                    Variant v = variants.get((k + r) % variants.size());
                    runs.get(v.name()).add(once(ftpd, v, size));
                    LocalVsftpd.sleep(200);
                }
            }
        }
        System.out.printf("%n| %-40s | %8s | %7s | %16s | %19s |%n", mib + " MiB RETR, median of " + reps,
                "MB/s", "× NONE", "thread CPU ms", "allocated (median)");
        System.out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(42), "-".repeat(10), "-".repeat(9), "-".repeat(18),
                "-".repeat(21));
        double base = 0;
        for (Variant v : variants) {
            List<Run> rs = runs.get(v.name());
            double mbps = BenchSupport.median(rs.stream().map(Run::mbps).toList());
            double cpu = BenchSupport.median(rs.stream().map(Run::cpuMs).toList());
            double alloc = BenchSupport.median(rs.stream().map(x -> (double) x.allocated()).toList());
            if (v.config() == none) {
                base = mbps;
            }
            System.out.printf("| %-40s | %8.0f | %7.3f | %16.1f | %15.1f KiB |%n", v.name(), mbps, mbps / base, cpu,
                    alloc / 1024);
        }
        System.out.printf("%ncounting listener: %d events, %d progress events, %d bytes reported over %d transfers"
                + " (warm-ups included)%n", counting.events.get(), counting.progress.get(), counting.bytes.get(),
                2 * (reps + 1));
    }

    private static Run once(LocalVsftpd ftpd, Variant v, long size) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        try (FtpClient ftp = FtpClient.connect(ftpd.host(), ftpd.port(), v.config())) {
            ftp.login(ftpd.user(), ftpd.password());
            long alloc0 = threads.getThreadAllocatedBytes(tid);
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            long got;
            if (v.smallReads()) {
                byte[] chunk = new byte[8 * 1024];
                got = 0;
                try (InputStream in = ftp.openRead(BIG)) {
                    int n;
                    while ((n = in.read(chunk)) >= 0) {
                        got += n;
                    }
                }
            } else {
                got = ftp.retrieve(BIG, new CountingSink());
            }
            long t1 = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long alloc = threads.getThreadAllocatedBytes(tid) - alloc0;
            if (got != size) {
                throw new IOException(v.name() + ": got " + got + " of " + size + " bytes");
            }
            return new Run(size / ((t1 - t0) / 1e9) / 1e6, cpu / 1e6, alloc);
        }
    }
}
