package io.github.ftpdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Reply;
import org.junit.jupiter.api.Test;

/** The learned limit on a clock the test sets: raised by one per interval, as lftp's connection-limit timer. */
class PoolLimitTest {
    private static final long MIN = 60_000_000_000L;
    private final Diagnosis refusal = Classifier.standard().classify(
            Reply.of(421, "Too many connections (2) from this IP"), ExchangeContext.connecting());

    @Test
    void nothingLearnedIsTheBound() {
        PoolLimit l = new PoolLimit(5 * MIN);
        assertEquals(4, l.current(0, 4));
        assertEquals(Long.MAX_VALUE, l.untilRaise(0));
        assertNull(l.why());
    }

    @Test
    void raisedByOnePerIntervalThenForgottenAtTheBound() {
        long t0 = 1_000 * MIN;
        PoolLimit l = new PoolLimit(5 * MIN);
        l.learn(2, refusal, t0);
        assertSame(refusal, l.why());
        assertEquals(2, l.current(t0 + 5 * MIN - 1, 5));
        assertEquals(1, l.untilRaise(t0 + 5 * MIN - 1));
        assertEquals(3, l.current(t0 + 5 * MIN, 5));
        assertEquals(5 * MIN, l.untilRaise(t0 + 5 * MIN), "the timer starts again at each raise");
        assertEquals(4, l.current(t0 + 12 * MIN, 5), "two intervals after learning: +2");
        assertEquals(5, l.current(t0 + 15 * MIN, 5));
        assertNull(l.why(), "at the bound the learned limit is forgotten");
        assertEquals(5, l.current(t0 + 16 * MIN, 5));
    }

    @Test
    void learningAgainRestartsTheTimer() {
        PoolLimit l = new PoolLimit(5 * MIN);
        l.learn(3, refusal, 0);
        assertEquals(4, l.current(5 * MIN, 8));
        l.learn(2, refusal, 6 * MIN);
        assertEquals(2, l.current(10 * MIN, 8));
        assertEquals(3, l.current(11 * MIN, 8));
    }

    @Test
    void aLimitBelowOneIsOne() {
        PoolLimit l = new PoolLimit(MIN);
        l.learn(0, refusal, 0);
        assertEquals(1, l.current(0, 4));
    }
}
