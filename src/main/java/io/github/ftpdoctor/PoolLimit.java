package io.github.ftpdoctor;

import io.github.ftpdoctor.diagnosis.Diagnosis;

/**
 * A session limit an {@link FtpClientPool} learned from a server's refusal, raised again by one each time the raise
 * interval passes, as lftp does with {@code net:connection-limit-timer}, until it reaches the pool's own bound and
 * is forgotten. Guarded by the pool's lock.
 */
final class PoolLimit {
    private final long raiseIntervalNanos;
    private int learned;     // 0: nothing learned
    private long since;      // when it was learned or last raised
    private Diagnosis why;

    PoolLimit(long raiseIntervalNanos) {
        this.raiseIntervalNanos = raiseIntervalNanos;
    }

    /** The limit now: the learned one plus one per interval elapsed, or {@code bound} when nothing holds. */
    int current(long now, int bound) {
        if (learned == 0) {
            return bound;
        }
        long steps = (now - since) / raiseIntervalNanos;
        if (steps > 0) {
            learned = (int) Math.min(bound, learned + steps);
            since += steps * raiseIntervalNanos;
        }
        if (learned >= bound) {
            learned = 0;
            why = null;
            return bound;
        }
        return learned;
    }

    /** Nanoseconds until the next raise, or {@code Long.MAX_VALUE} when nothing was learned. */
    long untilRaise(long now) {
        return learned == 0 ? Long.MAX_VALUE : Math.max(1, since + raiseIntervalNanos - now);
    }

    void learn(int limit, Diagnosis diagnosis, long now) {
        learned = Math.max(1, limit);
        since = now;
        why = diagnosis;
    }

    /** The refusal behind the current limit, or null. */
    Diagnosis why() {
        return learned == 0 ? null : why;
    }
}
