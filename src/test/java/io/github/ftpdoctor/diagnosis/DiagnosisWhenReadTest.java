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
        java.util.List<java.util.function.Supplier<Diagnosis>> sources = java.util.List.of(
                DiagnosisWhenReadTest::eager,
                () -> CLASSIFIER.classify(Reply.of(230, "Login successful."), new ExchangeContext("PASS", false)),
                () -> CLASSIFIER.classify(Reply.of(530, "Not logged in, unauthorized IP address 203.0.113.5."),
                        new ExchangeContext("PASS", false)),
                () -> CLASSIFIER.classify(TransportEvent.CONNECT_REFUSED, ExchangeContext.connecting(),
                        "127.0.0.1:1"));
        for (java.util.function.Supplier<Diagnosis> source : sources) {
            assertSameAnswers(source);
        }
        assertEquals(3, eager().limit().getAsInt());
        assertEquals("203.0.113.5", sources.get(2).get().address().orElseThrow());
        assertEquals(false, sources.get(1).get().isFailure());
    }

    private static void assertSameAnswers(java.util.function.Supplier<Diagnosis> source) {
        Diagnosis e = source.get();
        AtomicInteger calls = new AtomicInteger();
        Diagnosis lazy = Diagnosis.whenRead(() -> {
            calls.incrementAndGet();
            return source.get();
        });
        assertEquals(0, calls.get(), "nothing is made before it is read");
        assertEquals(e.outcome(), lazy.outcome());
        assertEquals(e.category(), lazy.category());
        assertEquals(e.isFailure(), lazy.isFailure());
        assertEquals(e.confidence(), lazy.confidence());
        assertEquals(e.reply() == null ? null : e.reply().text(), lazy.reply() == null ? null : lazy.reply().text());
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
