package io.github.ftpdoctor.bench;

import static io.github.ftpdoctor.bench.BenchSupport.MIB;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.bench.BenchSupport.CountingSink;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap use while streaming a 1 GiB RETR from vsftpd on loopback, once through {@code FtpClient.openRead} (read in
 * 64 KiB chunks and dropped) and once through {@code FtpClient.retrieve} into a discarding stream. Meant to run
 * with {@code -Xmx64m}: completing at all shows the file is never held in memory; the figures show how much heap
 * is actually used. A background thread samples the used heap every 10 ms; the heap pools' peaks and the live
 * heap after the last collection are reported too.
 *
 * <pre>
 * java -Xmx64m -cp bench/target/benchmarks.jar io.github.ftpdoctor.bench.HeapBench [--mib 1024] [--dir /tmp]
 * </pre>
 */
public final class HeapBench {
    private static final String BIG = "big.bin";

    public static void main(String[] args) throws Exception {
        int mib = 1024;
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mib" -> mib = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Paths.get(args[++i]);
                default -> {
                    System.err.println("usage: HeapBench [--mib SIZE_MIB] [--dir DIR]   (run with -Xmx64m)");
                    System.exit(2);
                }
            }
        }
        long size = (long) mib * MIB;
        long maxHeap = Runtime.getRuntime().maxMemory();
        System.out.printf("HeapBench %s; %s; GC: %s%n", LocalDateTime.now().withNano(0), BenchSupport.machine(),
                String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).toList()));
        if (maxHeap > 64L * MIB) {
            System.out.println("warning: max heap is " + maxHeap / MIB + " MiB; the target is measured with -Xmx64m");
        }
        boolean ok = true;
        try (LocalVsftpd ftpd = LocalVsftpd.start(dir, size + 1024L * MIB)) {
            BenchSupport.writeRandomFile(ftpd.rootDir().resolve(BIG), mib); // from a direct buffer: no heap
            // one small warm-up transfer so that class loading and the catalog are not counted as streaming
            try (FtpClient ftp = login(ftpd)) {
                ftp.size(BIG);
            }
            System.gc();
            LocalVsftpd.sleep(200);
            long baseline = usedHeap();
            System.out.printf("heap used before streaming (after a GC; classes, catalog, vsftpd launcher): %.1f MiB%n",
                    baseline / (double) MIB);
            System.out.println();
            System.out.printf("| %-36s | %9s | %6s | %18s | %18s | %15s | %5s |%n", "streaming " + mib + " MiB via",
                    "completed", "MB/s", "peak heap (10 ms)", "sum of pool peaks", "live after GC", "GCs");
            System.out.printf("|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(38), "-".repeat(11), "-".repeat(8),
                    "-".repeat(20), "-".repeat(20), "-".repeat(17), "-".repeat(7));
            ok &= measure("FtpClient.openRead (64 KiB reads)", size, () -> {
                try (FtpClient ftp = login(ftpd); InputStream in = ftp.openRead(BIG)) {
                    byte[] chunk = new byte[64 * 1024];
                    long total = 0;
                    int n;
                    while ((n = in.read(chunk)) >= 0) {
                        total += n;
                    }
                    return total;
                }
            });
            LocalVsftpd.sleep(300);
            ok &= measure("FtpClient.retrieve (discarding sink)", size, () -> {
                try (FtpClient ftp = login(ftpd)) {
                    CountingSink sink = new CountingSink();
                    long got = ftp.retrieve(BIG, sink);
                    return got == sink.count ? got : -1;
                }
            });
        }
        System.out.printf("%nmax heap %d MiB. peak heap: the largest used heap seen by a thread sampling every 10 ms"
                + " (garbage included); sum of pool peaks: each heap pool's own peak, added (an upper bound);"
                + " live after GC: heap the last collection kept.%n", maxHeap / MIB);
        if (!ok) {
            System.exit(1);
        }
    }

    interface Transfer {
        long run() throws IOException;
    }

    private static FtpClient login(LocalVsftpd ftpd) throws IOException {
        FtpClient ftp = FtpClient.connect(ftpd.host(), ftpd.port());
        ftp.login(ftpd.user(), ftpd.password());
        return ftp;
    }

    private static boolean measure(String what, long size, Transfer transfer) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcsBefore = gcCount();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long used = memory.getHeapMemoryUsage().getUsed();
                peak.accumulateAndGet(used, Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        ForeignCpu others = ForeignCpu.start();
        long t0 = System.nanoTime();
        long got;
        String error = null;
        try {
            got = transfer.run();
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            got = -1;
            error = e.toString();
        }
        long nanos = System.nanoTime() - t0;
        sampler.interrupt();
        sampler.join(1_000);
        long poolPeaks = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long live = pools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                .filter(u -> u != null).mapToLong(MemoryUsage::getUsed).sum();
        boolean ok = got == size;
        System.out.printf("| %-36s | %9s | %6.0f | %14.1f MiB | %14.1f MiB | %11.1f MiB | %5d |%n", what,
                ok ? "yes" : "NO", size / 1e6 / (nanos / 1e9), peak.get() / (double) MIB, poolPeaks / (double) MIB,
                live / (double) MIB, gcCount() - gcsBefore);
        double foreign = others.percentOfOneCpu();
        if (foreign > TransferBench.BUSY_PERCENT) {
            System.out.printf("  (other programs used %.0f%% of a CPU meanwhile: the MB/s is not representative)%n",
                    foreign);
        }
        if (!ok) {
            System.out.println("  failed: " + (error != null ? error : got + " of " + size + " bytes"));
        }
        return ok;
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c >= 0).sum();
    }
}
