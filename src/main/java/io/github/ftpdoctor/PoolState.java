package io.github.ftpdoctor;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.PoolExhaustedException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bookkeeping of an {@link FtpClientPool}, all under one lock: per key its idle sessions and how many are
 * borrowed or being opened, the learned limits per key and per host, and the evictor thread. Sessions are closed by
 * the caller or here, never while holding the lock.
 */
final class PoolState {
    private static final AtomicInteger EVICTORS = new AtomicInteger();

    /** An idle session. */
    record Idle(FtpClient client, long created, long since) {
    }

    /** What a borrow got: an idle session to test, or (idle null) a reserved slot to open a new one in. */
    record Claim(Idle idle) {
    }

    private static final class Entry {
        final Deque<Idle> idle = new ArrayDeque<>();
        final PoolLimit limit;
        int borrowed;
        int opening;

        Entry(long raiseNanos) {
            this.limit = new PoolLimit(raiseNanos);
        }

        int count() {
            return idle.size() + borrowed + opening;
        }
    }

    private final int maxPerKey;
    private final int maxTotal;
    private final long idleTimeoutNanos;
    private final long maxLifetimeNanos;
    private final long raiseNanos;
    private final long evictionMillis;
    private final Monitor monitor = new Monitor();
    private final ReentrantLock lock = monitor.lock;
    private final Condition changed = monitor.changed;
    private final Map<FtpClientPool.Key, Entry> entries = new HashMap<>();
    private final Map<String, PoolLimit> hostLimits = new HashMap<>(); // host:port → limit for every user together
    private ScheduledExecutorService evictor;
    private boolean closed;

    PoolState(int maxPerKey, int maxTotal, Duration idleTimeout, Duration maxLifetime, Duration raise,
              Duration eviction) {
        this.maxPerKey = maxPerKey;
        this.maxTotal = maxTotal;
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.maxLifetimeNanos = maxLifetime.toNanos();
        this.raiseNanos = raise.toNanos();
        this.evictionMillis = Math.max(1, eviction.toMillis());
    }

    private Entry entry(FtpClientPool.Key key) {
        return entries.computeIfAbsent(key, k -> new Entry(raiseNanos));
    }

    private static String host(FtpClientPool.Key key) {
        return key.host() + ":" + key.port();
    }

    private PoolLimit hostLimit(FtpClientPool.Key key) {
        return hostLimits.computeIfAbsent(host(key), h -> new PoolLimit(raiseNanos));
    }

    private int hostCount(FtpClientPool.Key key, boolean established) {
        int n = 0;
        for (Map.Entry<FtpClientPool.Key, Entry> e : entries.entrySet()) {
            if (e.getKey().host().equals(key.host()) && e.getKey().port() == key.port()) {
                n += e.getValue().count() - (established ? e.getValue().opening : 0);
            }
        }
        return n;
    }

    private int total() {
        return entries.values().stream().mapToInt(Entry::count).sum();
    }

    /** Takes an idle session or reserves a slot, waiting until {@code deadline}; closes expired idle ones. */
    Claim claim(FtpClientPool.Key key, long deadline, FtpException refused) throws java.io.IOException {
        List<FtpClient> expired = new ArrayList<>();
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the pool is closed");
                }
                long now = System.nanoTime();
                Entry e = entry(key);
                for (Idle i; (i = e.idle.pollFirst()) != null; ) {
                    if (expired(i, now)) {
                        expired.add(i.client());
                        continue;
                    }
                    e.borrowed++;
                    return new Claim(i);
                }
                if (e.count() < e.limit.current(now, maxPerKey)
                        && hostCount(key, false) < hostLimit(key).current(now, maxTotal)
                        && (total() < maxTotal || evictIdleElsewhere(key, expired))) {
                    e.opening++;
                    return new Claim(null);
                }
                long left = deadline - now;
                if (left <= 0) {
                    throw refused != null ? refused : exhausted(key, e, now);
                }
                long untilRaise = Math.min(e.limit.untilRaise(now), hostLimit(key).untilRaise(now));
                changed.awaitNanos(Math.min(left, untilRaise));
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for a pooled FTP session");
        } finally {
            lock.unlock();
            expired.forEach(FtpClient::close);
        }
    }

    /** At the total bound: frees a slot by taking the oldest idle session of another key. */
    private boolean evictIdleElsewhere(FtpClientPool.Key key, List<FtpClient> toClose) {
        Entry oldest = null;
        for (Map.Entry<FtpClientPool.Key, Entry> e : entries.entrySet()) {
            Idle last = e.getValue().idle.peekLast();
            if (!e.getKey().equals(key) && last != null && (oldest == null || last.since() < oldest.idle.peekLast().since())) {
                oldest = e.getValue();
            }
        }
        if (oldest == null) {
            return false;
        }
        toClose.add(oldest.idle.pollLast().client());
        return true;
    }

    private PoolExhaustedException exhausted(FtpClientPool.Key key, Entry e, long now) {
        Diagnosis why = why(key);
        return new PoolExhaustedException("no FTP session free for " + key + ": " + e.count() + " open, the pool allows "
                + limitNow(key, now) + (why == null ? "" : " (a limit the server revealed: " + why.outcome() + ")"),
                why);
    }

    private boolean expired(Idle i, long now) {
        return now - i.since() >= idleTimeoutNanos || now - i.created() >= maxLifetimeNanos || !i.client().isConnected();
    }

    /** A new session is open and borrowed. */
    void opened(FtpClientPool.Key key) {
        monitor.update(() -> {
            Entry e = entry(key);
            e.opening--;
            e.borrowed++;
        });
    }

    /**
     * Opening failed with {@code d} (null: not a diagnosed failure). Learns the server's limit when the refusal
     * reveals one; returns whether waiting for one of the pool's own sessions can help.
     */
    boolean refused(FtpClientPool.Key key, Diagnosis d) {
        lock.lock();
        try {
            entry(key).opening--;
            changed.signalAll();
            Boolean hostScope = d == null ? null : limitScope(d);
            if (hostScope == null) {
                return false;
            }
            int open = hostScope ? hostCount(key, true) : entry(key).count() - entry(key).opening;
            OptionalInt stated = d.limit();
            int limit = stated.isPresent() ? stated.getAsInt() : open;
            if (limit < 1) {
                return false; // the server is full for everyone: nothing to learn about our share
            }
            (hostScope ? hostLimit(key) : entry(key).limit).learn(limit, d, System.nanoTime());
            return open >= limit;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a refusal teaches a session limit, and for which scope: the host ({@code true}) or the key. */
    private static Boolean limitScope(Diagnosis d) {
        Outcome o = d.outcome();
        if (o == Outcome.PerIpSessionLimit || o == Outcome.TooManyUsers) {
            return Boolean.TRUE;
        }
        if (o == Outcome.PerUserSessionLimit || d.retry().reduceParallelSessions()) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** A borrowed session that failed its test: forget it. */
    void discard(FtpClientPool.Key key) {
        monitor.update(() -> entry(key).borrowed--);
    }

    /** A session comes back; returns true when it was kept (else the caller closes it). */
    boolean release(FtpClientPool.Key key, FtpClient client, long created, boolean reusable) {
        lock.lock();
        try {
            Entry e = entry(key);
            e.borrowed--;
            changed.signalAll();
            long now = System.nanoTime();
            if (closed || !reusable || now - created >= maxLifetimeNanos
                    || e.count() >= e.limit.current(now, maxPerKey)
                    || hostCount(key, false) >= hostLimit(key).current(now, maxTotal)) {
                return false; // a session over a learned limit goes too: the server asked for fewer
            }
            e.idle.addFirst(new Idle(client, created, now));
            if (evictor == null) {
                evictor = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "ftpdoctor-pool-evictor-" + EVICTORS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                evictor.scheduleWithFixedDelay(this::evict, evictionMillis, evictionMillis, TimeUnit.MILLISECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Closes idle sessions that waited too long or lived too long. */
    void evict() {
        List<FtpClient> expired = new ArrayList<>();
        monitor.update(() -> {
            long now = System.nanoTime();
            for (Entry e : entries.values()) {
                e.idle.removeIf(i -> expired(i, now) && expired.add(i.client()));
            }
        });
        expired.forEach(FtpClient::close);
    }

    List<FtpClient> takeAllIdle() {
        List<FtpClient> all = new ArrayList<>();
        monitor.update(() -> entries.values().forEach(e -> {
            e.idle.forEach(i -> all.add(i.client()));
            e.idle.clear();
        }));
        return all;
    }

    /** Closed: no more borrows; returns the idle sessions to close and stops the evictor (waiting for it). */
    List<FtpClient> shutdown() {
        ScheduledExecutorService ev;
        lock.lock();
        try {
            closed = true;
            ev = evictor;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (ev != null) {
            ev.shutdownNow();
            try {
                ev.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return takeAllIdle();
    }

    int idle() {
        return monitor.read(() -> entries.values().stream().mapToInt(e -> e.idle.size()).sum());
    }

    int active() {
        return monitor.read(() -> entries.values().stream().mapToInt(e -> e.borrowed + e.opening).sum());
    }

    private int limitNow(FtpClientPool.Key key, long now) {
        return Math.min(entry(key).limit.current(now, maxPerKey), hostLimit(key).current(now, maxTotal));
    }

    int limit(FtpClientPool.Key key) {
        return monitor.read(() -> limitNow(key, System.nanoTime()));
    }

    /** The learned limit for the key, while it is lower than the pool's own bound. */
    OptionalInt learned(FtpClientPool.Key key) {
        return monitor.read(() -> {
            int now = limitNow(key, System.nanoTime());
            return now < maxPerKey ? OptionalInt.of(now) : OptionalInt.empty();
        });
    }

    /** The refusal behind the learned limit, while it holds; else null. */
    Diagnosis why(FtpClientPool.Key key) {
        return monitor.read(() -> {
            long now = System.nanoTime();
            int k = entry(key).limit.current(now, maxPerKey);
            int h = hostLimit(key).current(now, maxTotal);
            return Math.min(k, h) >= maxPerKey ? null : k <= h ? entry(key).limit.why() : hostLimit(key).why();
        });
    }
}
