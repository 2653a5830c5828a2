package io.github.ftpdoctor.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Threads and file descriptors of this JVM, for tests that check nothing is left behind: a snapshot taken before,
 * compared (polling with a deadline, never a fixed sleep) with what is alive after.
 */
public final class LeakCheck {
    private final Map<String, String> fds;
    private final List<String> threads;
    private final String[] prefixes;

    private LeakCheck(String[] prefixes) {
        this.prefixes = prefixes.clone();
        this.fds = hasProcFd() ? openFds() : Map.of();
        this.threads = countedThreads(prefixes);
    }

    /** A snapshot now, counting non-daemon threads and threads whose name starts with one of {@code prefixes}. */
    public static LeakCheck snapshot(String... prefixes) {
        // outside CI a machine without procfs still gets the thread check; CI must check descriptors too
        Requirements.requireInCi(hasProcFd(), "/proc/self/fd (Linux procfs) to check for leaked file descriptors");
        return new LeakCheck(prefixes);
    }

    /**
     * Descriptors open now that were not (or pointed elsewhere) at the snapshot. Not counted: class-path jars, and the
     * files the JVM itself reads now and then to learn the container's limits ({@code /sys/fs/cgroup/...},
     * {@code /proc/...}), which the library never opens: one was seen open for a moment in CI.
     */
    public List<String> newFds() {
        if (!hasProcFd()) {
            return List.of();
        }
        List<String> extra = new ArrayList<>();
        openFds().forEach((fd, target) -> {
            if (!target.equals(fds.get(fd)) && !target.endsWith(".jar") && !target.startsWith("/sys/fs/cgroup/")
                    && !target.startsWith("/proc/")) {
                extra.add(fd + " -> " + target);
            }
        });
        return extra;
    }

    /** Counted threads alive now that were not at the snapshot (as a multiset of names). */
    public List<String> newThreads() {
        List<String> now = new ArrayList<>(countedThreads(prefixes));
        for (String t : threads) {
            now.remove(t);
        }
        return now;
    }

    /**
     * Waits (up to {@code timeout}) for every new descriptor and thread to go, threads that {@code ignore} accepts
     * apart; returns what is still left.
     */
    public List<String> leftAfter(Duration timeout, Predicate<String> ignore) throws InterruptedException {
        Supplier<List<String>> left = () -> {
            List<String> now = new ArrayList<>(newThreads());
            now.removeIf(ignore);
            now.addAll(newFds());
            return now;
        };
        poll(timeout, () -> left.get().isEmpty());
        return left.get();
    }

    // -- shared helpers (also used by the load tests)

    /** Polls {@code condition} every 20 ms for up to {@code timeout}; true as soon as it holds. */
    public static boolean poll(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(20);
        }
    }

    /** Every non-daemon thread, and every thread whose name starts with one of {@code prefixes}, sorted by name. */
    public static List<String> countedThreads(String... prefixes) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !t.isDaemon() || Stream.of(prefixes).anyMatch(t.getName()::startsWith))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .sorted()
                .collect(Collectors.toList());
    }

    public static boolean hasProcFd() {
        return Files.isDirectory(Path.of("/proc/self/fd"));
    }

    /** The open file descriptors of this process and what they point at (Linux /proc/self/fd), but this listing's. */
    public static Map<String, String> openFds() {
        Map<String, String> open = new TreeMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : entries.collect(Collectors.toList())) {
                try {
                    String target = Files.readSymbolicLink(p).toString();
                    if (!target.matches("/proc/\\d+/fd")) { // the listing's own directory stream
                        open.put(p.getFileName().toString(), target);
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        return open;
    }
}
