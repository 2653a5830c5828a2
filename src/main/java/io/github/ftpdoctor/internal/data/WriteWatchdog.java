package io.github.ftpdoctor.internal.data;

import java.net.Socket;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Java has no timeout for socket writes, nor for blocking channel reads: a server that stops reading an upload, or
 * stops sending a download, would block the transfer forever. The watchdog closes the data socket when a write (or a
 * channel read) has made no progress for the data timeout. One daemon thread serves every transfer and ends itself
 * when idle.
 */
final class WriteWatchdog {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "ftpdoctor-write-watchdog");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setKeepAliveTime(5, TimeUnit.SECONDS);
        TIMER.allowCoreThreadTimeOut(true);
        TIMER.setRemoveOnCancelPolicy(true);
    }

    private final Socket socket;
    private final long timeoutNanos;
    private volatile long writeStarted; // 0 when no write is in progress
    private volatile boolean fired;
    private final ScheduledFuture<?> task;

    WriteWatchdog(Socket socket, long timeoutMillis) {
        this.socket = socket;
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long period = Math.max(10, Math.min(1000, timeoutMillis / 4));
        this.task = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    void beforeWrite() {
        writeStarted = System.nanoTime();
    }

    void afterWrite() {
        writeStarted = 0;
    }

    /** The same for a blocking channel read, which has no timeout of its own ({@link ChannelReader}). */
    void beforeRead() {
        writeStarted = System.nanoTime();
    }

    void afterRead() {
        writeStarted = 0;
    }

    /** Whether the watchdog closed the socket. */
    boolean fired() {
        return fired;
    }

    private void check() {
        long started = writeStarted;
        if (started != 0 && System.nanoTime() - started > timeoutNanos) {
            fired = true;
            DataChannelOpener.close(socket);
        }
    }

    void stop() {
        task.cancel(false);
    }
}
