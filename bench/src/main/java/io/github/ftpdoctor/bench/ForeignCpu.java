package io.github.ftpdoctor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much CPU other programs used while a benchmark ran: the CPU time (from {@code /proc/PID/stat}) of every
 * user-space process that is neither this JVM, nor one of its descendants (curl), nor one of our vsftpd processes
 * (its sessions are reparented to init, so they are recognized by the config path on their command line), between
 * {@link #start()} and {@link #percentOfOneCpu()}. Kernel threads are left out (they carry our own network
 * work). Processes that start and end between the two snapshots are missed, so this is a lower bound; on a
 * shared 2-core machine it tells a clean run from one that competed with, say, a test suite.
 */
final class ForeignCpu {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    /** Strings on the command line of processes that belong to the benchmark (our vsftpd's work directory). */
    private static final Set<String> OUR_MARKERS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private Map<Long, Long> before = Map.of();
    private long startNanos;

    /** Processes whose command line contains {@code marker} belong to the benchmark. */
    static void registerOwn(String marker) {
        OUR_MARKERS.add(marker);
    }

    static ForeignCpu start() {
        ForeignCpu f = new ForeignCpu();
        f.before = snapshot();
        f.startNanos = System.nanoTime();
        return f;
    }

    /** Other processes' CPU since {@link #start()}, in percent of one CPU; -1 if /proc cannot be read. */
    double percentOfOneCpu() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<Long, Long> after = snapshot();
        if (after.isEmpty() || seconds <= 0) {
            return -1;
        }
        Set<Long> ours = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        ours.add(ProcessHandle.current().pid());
        long ticks = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            long delta = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (delta > 0 && !ours.contains(e.getKey()) && !isOurs(e.getKey())) {
                ticks += delta;
            }
        }
        return 100.0 * ticks / TICKS_PER_SECOND / seconds;
    }

    private static boolean isOurs(long pid) {
        try {
            String cmdline = new String(Files.readAllBytes(Paths.get("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            return OUR_MARKERS.stream().anyMatch(cmdline::contains);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** pid to utime + stime, for user-space processes. */
    private static Map<Long, Long> snapshot() {
        Map<Long, Long> cpu = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Paths.get("/proc"), "[0-9]*")) {
            for (Path dir : dirs) {
                try {
                    String stat = Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII);
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(dir.getFileName().toString());
                    long ppid = Long.parseLong(f[1]);
                    long flags = Long.parseLong(f[6]);
                    if (pid == 2 || ppid == 2 || (flags & 0x00200000L) != 0) { // kthreadd's children, PF_KTHREAD
                        continue;
                    }
                    cpu.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return cpu;
    }
}
