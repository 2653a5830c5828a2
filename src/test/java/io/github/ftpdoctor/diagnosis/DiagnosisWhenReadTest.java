package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A diagnosis made when first read answers every question as the one its source makes, and is made once. */
class DiagnosisWhenReadTest {
    private static final Classifier CLASSIFIER = Classifier.standard();

    private static Diagnosis eager() {
        return CLASSIFIER.classify(Reply.of(421, "Too many connections (3) from this IP, try again in 5 minutes"),
                new ExchangeContext("PASS", false, "pure-ftpd", 0, null));
    }

    @Test
    void everyAnswerIsTheSourcesAndTheSourceRunsOnce() {
        Diagnosis e = eager();
        AtomicInteger calls = new AtomicInteger();
        Diagnosis lazy = Diagnosis.whenRead(() -> {
            calls.incrementAndGet();
            return eager();
        });
        assertEquals(0, calls.get(), "nothing is made before it is read");
        assertEquals(e.outcome(), lazy.outcome());
        assertEquals(e.category(), lazy.category());
        assertEquals(e.isFailure(), lazy.isFailure());
        assertEquals(e.confidence(), lazy.confidence());
        assertEquals(e.reply().text(), lazy.reply().text());
        assertEquals(e.code(), lazy.code());
        assertEquals(e.event(), lazy.event());
        assertEquals(e.command(), lazy.command());
        assertEquals(e.server(), lazy.server());
        assertEquals(e.alternatives(), lazy.alternatives());
        assertEquals(e.ruleId(), lazy.ruleId());
        assertSame(e.rule(), lazy.rule());
        assertEquals(e.codeMeaning(), lazy.codeMeaning());
        assertEquals(e.detail(), lazy.detail());
        assertEquals(e.explanation(), lazy.explanation());
        assertEquals(e.explanation(Locale.SIMPLIFIED_CHINESE), lazy.explanation(Locale.SIMPLIFIED_CHINESE));
        assertEquals(e.advice(), lazy.advice());
        assertEquals(e.advice(Locale.ENGLISH), lazy.advice(Locale.ENGLISH));
        assertEquals(e.retry(), lazy.retry());
        assertEquals(e.phase(), lazy.phase());
        assertEquals(e.limit(), lazy.limit());
        assertEquals(3, lazy.limit().getAsInt());
        assertEquals(e.statedWait(), lazy.statedWait());
        assertEquals(e.address(), lazy.address());
        assertEquals(e.summary(), lazy.summary());
        assertEquals(e.toString(), lazy.toString());
        assertEquals(1, calls.get());
    }

    @Test
    void threadsReadingAtOnceGetOneDiagnosis() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Diagnosis lazy = Diagnosis.whenRead(() -> {
            calls.incrementAndGet();
            return eager();
        });
        Rule[] seen = new Rule[8];
        Thread[] threads = new Thread[seen.length];
        for (int i = 0; i < threads.length; i++) {
            int n = i;
            threads[i] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seen[n] = lazy.rule();
            });
            threads[i].start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertEquals(1, calls.get());
        for (Rule r : seen) {
            assertSame(seen[0], r);
        }
    }

    @Test
    void aSourceWithoutADiagnosisIsAnErrorWhenRead() {
        Diagnosis lazy = Diagnosis.whenRead(() -> null);
        assertThrows(NullPointerException.class, lazy::outcome);
        assertThrows(NullPointerException.class, () -> Diagnosis.whenRead(null));
    }
}
