package io.github.ftpdoctor.diagnosis;

import java.time.Duration;

/**
 * What an outcome means for retrying.
 *
 * @param retryable              whether trying the same thing again later can succeed
 * @param delay                  how long to wait before the next attempt (zero: at once)
 * @param reduceParallelSessions whether fewer simultaneous sessions would help
 * @param stopRetrying           whether any further attempt makes things worse (a ban grows longer)
 */
public record RetryAdvice(boolean retryable, Duration delay, boolean reduceParallelSessions, boolean stopRetrying) {
    public RetryAdvice {
        delay = delay == null ? Duration.ZERO : delay;
    }
}
