package io.github.ftpdoctor.check;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a step that runs past its budget: every network wait of the check is bounded by the timeout, but a server can
 * drip a listing byte by byte forever; when the budget is spent the watchdog closes the check's sockets, so the
 * blocked call fails at once and the step is reported as timed out. One daemon thread per run, stopped by
 * {@link #close()}.
 */
final class Watchdog implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ftpdoctor-check-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Runnable onExpiry;
    private volatile boolean fired;
    private ScheduledFuture<?> pending;

    Watchdog(Runnable onExpiry) {
        this.onExpiry = onExpiry;
    }

    /** Starts the budget of a step; {@link #disarm()} ends it. */
    synchronized void arm(long millis) {
        disarm();
        fired = false;
        pending = timer.schedule(() -> {
            fired = true;
            onExpiry.run();
        }, millis, TimeUnit.MILLISECONDS);
    }

    synchronized void disarm() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /** Whether the budget of the current step ran out. */
    boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        disarm();
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
