package io.github.ftpdoctor;

import io.github.ftpdoctor.diagnosis.Category;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.PoolExhaustedException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@link ParallelTransfers}: the queue of files, the worker threads (one session each) and the rules for
 * opening sessions. The calling thread starts workers one at a time and waits; all state is guarded by one lock.
 */
final class TransferRun {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelTransfers.class);
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final long TICK_MS = 200;
    private static final long SHUTDOWN_GRACE_MS = 10_000;

    /** One file; its retry state travels with it from worker to worker. */
    static final class Job {
        final int index;
        final String remote;
        final Path local;
        final List<FtpException> earlier = new ArrayList<>();
        int failures;
        Duration waited = Duration.ZERO;

        Job(int index, String remote, Path local) {
            this.index = index;
            this.remote = remote;
            this.local = local;
        }
    }

    private final ParallelTransfers pool;
    private final RetryPolicy policy;
    private final boolean upload;
    private final List<Job> jobs;
    private final TransferResult[] results;
    private final Monitor monitor = new Monitor();
    private final ReentrantLock lock = monitor.lock;
    private final Condition changed = monitor.changed;
    private final Deque<Job> queue;
    private int done;
    private int open;          // sessions logged in
    private int active;        // workers started and not finished
    private boolean opening;   // a worker is opening a session (or waiting to retry opening the first one)
    private int limit;
    private IOException fatal; // set once: every file not yet transferred fails with it

    TransferRun(ParallelTransfers pool, boolean upload, List<Job> jobs) {
        this.pool = pool;
        this.policy = pool.retryPolicy();
        this.upload = upload;
        this.jobs = jobs;
        this.results = new TransferResult[jobs.size()];
        this.limit = pool.sessionLimit();
        this.queue = new ArrayDeque<>(jobs);
    }

    List<TransferResult> run() {
        if (jobs.isEmpty()) {
            return List.of();
        }
        String name = "ftpdoctor-transfers-" + RUNS.incrementAndGet() + "-";
        AtomicInteger threads = new AtomicInteger();
        List<Thread> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService workers = Executors.newFixedThreadPool(pool.maxSessions(), r -> {
            Thread t = new Thread(r, name + threads.incrementAndGet());
            t.setDaemon(true);
            started.add(t);
            return t;
        });
        lock.lock();
        try {
            while (done < jobs.size()) {
                if (fatal != null) {
                    for (Job job; (job = queue.pollFirst()) != null; ) {
                        complete(job, 0, fatal);
                    }
                } else if (!queue.isEmpty() && !opening && active < limit) {
                    opening = true; // reserved for the new worker: sessions are opened one at a time
                    active++;
                    workers.execute(this::work);
                    continue;
                }
                if (done < jobs.size()) {
                    changed.await(TICK_MS, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            setFatal(new InterruptedIOException("transfers interrupted"));
            workers.shutdownNow();
        } finally {
            lock.unlock();
            stop(workers, started);
        }
        return monitor.read(() -> {
            jobs.forEach(job -> complete(job, 0, fatal != null ? fatal : new IOException("not transferred")));
            return List.copyOf(Arrays.asList(results));
        });
    }

    /**
     * Stops the workers and waits for their threads to end: an executor counts as terminated once its last task
     * returned, a moment before the thread itself is gone, and no thread of a run may outlive it.
     */
    private static void stop(ExecutorService workers, List<Thread> started) {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(SHUTDOWN_GRACE_MS, TimeUnit.MILLISECONDS);
            }
            for (Thread t : started) {
                t.join(SHUTDOWN_GRACE_MS);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A worker: opens a session, transfers queued files on it, opens another when the connection is lost. */
    private void work() {
        Job held = null; // a file to retry on the next session
        boolean reserved = true; // the calling thread reserved the opening of this worker's first session
        try {
            while (true) {
                FtpClientPool.Lease lease = open(reserved, held != null);
                reserved = false;
                if (lease == null) {
                    return;
                }
                boolean lost;
                try {
                    held = transferAll(lease.client(), held);
                    lost = !lease.client().isConnected();
                } finally {
                    lease.close(); // back to a shared pool when it is still good, else closed
                    monitor.update(() -> open--);
                }
                if (!lost || (held == null && monitor.read(() -> fatal != null || queue.isEmpty()))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("{}: transfer worker failed", pool, e);
            setFatal(new IOException("transfer worker failed: " + e, e));
        } finally {
            Job requeue = held;
            monitor.update(() -> {
                if (requeue != null && fatal == null) {
                    queue.addFirst(requeue);
                } else if (requeue != null) {
                    complete(requeue, 0, fatal);
                }
                active--;
            });
        }
    }

    /**
     * Opens a session, after any other worker has finished opening one. Returns null when this worker should stop:
     * the run failed, the limit is reached, nothing is left to do, or the server refused this session.
     */
    private FtpClientPool.Lease open(boolean reserved, boolean holdingJob) {
        lock.lock();
        try {
            while (!reserved && opening && fatal == null) {
                changed.await(TICK_MS, TimeUnit.MILLISECONDS);
            }
            opening = true;
        } catch (InterruptedException e) { // only while waiting, so this worker holds no reservation
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
        List<FtpException> earlier = new ArrayList<>();
        Duration waited = Duration.ZERO;
        try {
            for (int attempt = 1; ; attempt++) {
                if (monitor.read(() -> fatal != null || open >= limit || (!holdingJob && queue.isEmpty()))) {
                    return null;
                }
                FtpException failure;
                try {
                    FtpClientPool.Lease lease = pool.openSession(monitor.read(() -> open == 0));
                    monitor.update(() -> open++);
                    return lease;
                } catch (FtpException e) {
                    failure = e;
                } catch (PoolExhaustedException e) { // the pool's limit: stay at the sessions we have, if any
                    monitor.update(() -> {
                        if (open == 0) {
                            setFatal(e);
                        } else {
                            limit = open;
                        }
                    });
                    return null;
                } catch (IOException e) {
                    setFatal(e);
                    return null;
                }
                Optional<Duration> wait = refused(failure, attempt, waited, earlier);
                if (wait.isEmpty()) {
                    return null;
                }
                earlier.add(failure);
                if (!policy.pause(attempt, failure, wait.get())) {
                    setFatal(RetryPolicy.withEarlier(failure, earlier));
                    return null;
                }
                waited = waited.plus(wait.get());
            }
        } finally {
            monitor.update(() -> opening = false);
        }
    }

    /** After a refused session: the wait before trying again, or empty (limit lowered, or the run failed). */
    private Optional<Duration> refused(FtpException failure, int attempt, Duration waited, List<FtpException> earlier) {
        Diagnosis d = failure.diagnosis();
        return monitor.read(() -> {
            if (d.retry().stopRetrying()) {
                LOG.warn("{}: stopping all transfers: {}", pool, d.summary());
                setFatal(RetryPolicy.withEarlier(failure, earlier));
                return Optional.empty();
            }
            if (open > 0) { // we have sessions: the server does not want another one
                limit = open;
                if (d.retry().reduceParallelSessions() || d.category() == Category.CAPACITY) {
                    LOG.info("{}: session {} refused ({}): staying at {}", pool, open + 1, d.outcome(), open);
                } else {
                    LOG.info("{}: session {} failed ({}): no more this run", pool, open + 1, d.outcome());
                }
                return Optional.empty();
            }
            Optional<Duration> wait = policy.nextWait(failure, attempt, waited);
            if (wait.isEmpty()) {
                setFatal(RetryPolicy.withEarlier(failure, earlier));
            }
            return wait;
        });
    }

    /**
     * Transfers queued files (starting with {@code held}) until none is left or the connection is lost. Returns the
     * file to retry on a new session, or null.
     */
    private Job transferAll(FtpClient client, Job held) {
        Job job = held;
        while (true) {
            if (job == null) {
                if (!client.isConnected()) {
                    return null; // closed between files (idle timeout): the worker opens a new session
                }
                job = monitor.read(() -> fatal != null ? null : queue.pollFirst());
                if (job == null) {
                    return null;
                }
            }
            try {
                Path parent = job.local.toAbsolutePath().getParent();
                if (!upload && parent != null) {
                    Files.createDirectories(parent);
                }
                long bytes = upload ? client.upload(job.local, job.remote) : client.download(job.remote, job.local);
                complete(job, bytes, null);
                job = null;
            } catch (FtpException e) {
                job.failures++;
                Optional<Duration> wait = policy.nextWait(e, job.failures, job.waited);
                if (e.diagnosis().retry().stopRetrying()) {
                    setFatal(e);
                }
                if (wait.isEmpty() || !policy.pause(job.failures, e, wait.get()) || monitor.read(() -> fatal != null)) {
                    complete(job, e.bytesTransferred().orElse(0), RetryPolicy.withEarlier(e, job.earlier));
                    job = null;
                } else {
                    job.earlier.add(e);
                    job.waited = job.waited.plus(wait.get());
                }
            } catch (IOException | RuntimeException e) { // a local file; not retried
                complete(job, 0, e instanceof IOException io ? io : new IOException(e.toString(), e));
                job = null;
            }
            if (!client.isConnected()) {
                return job;
            }
        }
    }

    /** Records a file's result (the first one wins) and wakes the calling thread. */
    private void complete(Job job, long bytes, IOException failure) {
        monitor.update(() -> {
            if (results[job.index] == null) {
                results[job.index] = new TransferResult(job.remote, job.local, bytes, failure);
                done++;
            }
        });
    }

    private void setFatal(IOException failure) {
        monitor.update(() -> {
            if (fatal == null) {
                fatal = failure;
            }
        });
    }
}
