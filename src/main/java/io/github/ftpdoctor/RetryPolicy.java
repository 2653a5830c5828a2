package io.github.ftpdoctor;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.RetryAdvice;
import io.github.ftpdoctor.error.FtpException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Retries that follow the diagnosis. Immutable and thread-safe (when its sleeper, listener and random generator
 * are).
 *
 * <p>Every decision comes from the catalog's retry guidance, {@link Diagnosis#retry()}: a failure that is not
 * {@link RetryAdvice#retryable() retryable} (wrong password, anonymous refused, address not allowed) is rethrown
 * at once, and so is one that says {@link RetryAdvice#stopRetrying() stop retrying} (a likely ban: retrying is what
 * turns a short ban into a long one). Anything else (server full, service unavailable, ...) is retried after the
 * longer of the catalog's delay and a delay the server states in its reply ({@code 421 try again in 5 minutes},
 * {@code 120 Service ready in 2 minutes}), at most {@link Builder#maxDelay(Duration) maxDelay} per wait, within
 * {@link Builder#maxAttempts(int) maxAttempts} and {@link Builder#maxTotalWait(Duration) maxTotalWait}.
 * <pre>{@code
 * RetryPolicy retry = RetryPolicy.builder().maxAttempts(3).build();
 * FtpClient ftp = retry.call(() -> {
 *     FtpClient c = FtpClient.connect(host, 21);
 *     try { c.login(user, password); return c; } catch (IOException e) { c.close(); throw e; }
 * });
 * }</pre>
 */
public final class RetryPolicy {
    /** An FTP operation to attempt, possibly more than once. */
    @FunctionalInterface
    public interface FtpCall<T> {
        T run() throws IOException;
    }

    /** Waits; tests inject one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** Told before each wait: how many attempts have failed so far, the last failure's diagnosis, the wait. */
    @FunctionalInterface
    public interface Listener {
        void beforeWait(int failedAttempts, Diagnosis diagnosis, Duration wait);
    }

    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration maxDelay;
    private final Duration maxTotalWait;
    private final double jitter;
    private final RandomGenerator random;
    private final Sleeper sleeper;
    private final Listener listener;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.maxDelay = b.maxDelay;
        this.maxTotalWait = b.maxTotalWait;
        this.jitter = b.jitter;
        this.random = b.random;
        this.sleeper = b.sleeper;
        this.listener = b.listener;
    }

    /** 4 attempts, at most 10 minutes per wait and 15 minutes in all, no jitter, really sleeping. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** A policy that never retries: every failure is rethrown at once. */
    public static RetryPolicy never() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the action, retrying {@link FtpException}s as their diagnosis advises. Other {@link IOException}s
     * (local files, ...) and runtime exceptions propagate at once. When it gives up after retries, the last
     * {@code FtpException} is thrown with the earlier ones {@linkplain Throwable#getSuppressed() suppressed}. An
     * interrupt during a wait ends the retries: the last failure is thrown, the thread's interrupt flag set.
     */
    public <T> T call(FtpCall<T> action) throws IOException {
        List<FtpException> earlier = new ArrayList<>();
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.run();
            } catch (FtpException e) {
                Optional<Duration> wait = nextWait(e, attempt, waited);
                if (wait.isEmpty() || !pause(attempt, e, wait.get())) {
                    throw withEarlier(e, earlier);
                }
                earlier.add(e);
                waited = waited.plus(wait.get());
            }
        }
    }

    /**
     * The wait before the next attempt after {@code failure}, or empty when the policy says give up: the failure is
     * not retryable or says stop retrying, {@code failedAttempts} reached {@code maxAttempts}, or the wait would take
     * the total beyond {@code maxTotalWait}.
     *
     * @param failedAttempts how many attempts have failed, this one included (1 after the first)
     * @param waitedSoFar    the total of the waits already made for this action
     */
    public Optional<Duration> nextWait(FtpException failure, int failedAttempts, Duration waitedSoFar) {
        RetryAdvice advice = failure.diagnosis().retry();
        if (!advice.retryable() || advice.stopRetrying() || failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration wait = advice.delay();
        Optional<Duration> stated = statedDelay(failure);
        if (stated.isPresent() && stated.get().compareTo(wait) > 0) {
            wait = stated.get();
        }
        wait = wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
        if (jitter > 0) {
            double r = (random != null ? random : ThreadLocalRandom.current()).nextDouble();
            wait = wait.plusMillis((long) (wait.toMillis() * jitter * r));
            wait = wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
        }
        return waitedSoFar.plus(wait).compareTo(maxTotalWait) > 0 ? Optional.empty() : Optional.of(wait);
    }

    /**
     * A delay the server stated for this failure: in its reply ({@code 421 try again in 5 minutes}, in any language
     * of the catalog's cue lexicon), in the event's detail, or in a {@code 120 Service ready in nnn minutes} the
     * session received before failing. The longest one found, or empty.
     */
    public static Optional<Duration> statedDelay(FtpException failure) {
        Diagnosis d = failure.diagnosis();
        Duration longest = d.statedWait().orElse(null);
        for (String line : failure.transcript()) {
            if (line.startsWith("< 120")) {
                Optional<Duration> ready = Classifier.standard().classify(Reply.of(120, line.substring(5).strip()))
                        .statedWait();
                if (ready.isPresent() && (longest == null || ready.get().compareTo(longest) > 0)) {
                    longest = ready.get();
                }
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Tells the listener, then sleeps; false (interrupt flag set again) when interrupted. */
    boolean pause(int failedAttempts, FtpException failure, Duration wait) {
        if (listener != null) {
            listener.beforeWait(failedAttempts, failure.diagnosis(), wait);
        }
        if (wait.isZero()) {
            return true;
        }
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(ie);
            return false;
        }
    }

    /** {@code last}, with the earlier failures added as suppressed exceptions. */
    static FtpException withEarlier(FtpException last, List<FtpException> earlier) {
        for (FtpException e : earlier) {
            if (e != last) {
                last.addSuppressed(e);
            }
        }
        return last;
    }

    public int maxAttempts() { return maxAttempts; }

    public Duration maxDelay() { return maxDelay; }

    public Duration maxTotalWait() { return maxTotalWait; }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", maxDelay=" + maxDelay + ", maxTotalWait=" + maxTotalWait
                + ", jitter=" + jitter + "]";
    }

    /** Builds a {@link RetryPolicy}; every setting has a default. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration maxDelay = Duration.ofMinutes(10);
        private Duration maxTotalWait = Duration.ofMinutes(15);
        private double jitter;
        private RandomGenerator random;
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        private Listener listener;

        private Builder() {
        }

        /** Attempts in all, the first one included (default 4; 1 never retries). */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /** The longest single wait, even when the server asks for more (default 10 minutes). */
        public Builder maxDelay(Duration delay) {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("maxDelay must be positive: " + delay);
            }
            this.maxDelay = delay;
            return this;
        }

        /** The longest total of all waits for one action; a wait that would exceed it is not made (default 15 min). */
        public Builder maxTotalWait(Duration total) {
            if (total.isNegative()) {
                throw new IllegalArgumentException("maxTotalWait must not be negative: " + total);
            }
            this.maxTotalWait = total;
            return this;
        }

        /**
         * Adds up to {@code fraction} (0 to 1) of each wait at random, so that many clients do not come back at
         * the same moment; never shortens a wait. {@code random} may be null (a thread-local generator). Default
         * off.
         */
        public Builder jitter(double fraction, RandomGenerator random) {
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1: " + fraction);
            }
            this.jitter = fraction;
            this.random = random;
            return this;
        }

        /** How to wait (default {@code Thread.sleep}). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Called before each wait, e.g. to log it; null for none. */
        public Builder listener(Listener listener) {
            this.listener = listener;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
