package io.github.ftpdoctor.retry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.RetryPolicy;
import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.LikelyBannedException;
import io.github.ftpdoctor.error.TooManyUsersException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retry policy against synthetic, classified failures; a recording sleeper means no test really sleeps. */
class RetryPolicyTest {
    private static final Classifier CLASSIFIER = Classifier.standard();

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();

    private RetryPolicy.Builder recording() {
        return RetryPolicy.builder().sleeper(sleeps::add)
                .listener((attempt, d, wait) -> heard.add(attempt + " " + d.outcome() + " " + wait));
    }

    private static FtpException failure(int code, String text, String after) {
        ExchangeContext ctx = "CONNECT".equals(after) ? ExchangeContext.connecting() : ExchangeContext.after(after);
        return FtpException.of(CLASSIFIER.classify(Reply.of(code, text), ctx));
    }

    private static FtpException tooManyUsers() {
        return failure(421, "Too many users - please try again later.", "USER");
    }

    /** An action that throws the given failures in turn, then returns "done". */
    private static final class Scripted implements RetryPolicy.FtpCall<String> {
        final List<IOException> failures;
        final AtomicInteger attempts = new AtomicInteger();

        Scripted(IOException... failures) {
            this.failures = List.of(failures);
        }

        @Override
        public String run() throws IOException {
            int n = attempts.getAndIncrement();
            if (n < failures.size()) {
                throw failures.get(n);
            }
            return "done";
        }
    }

    @Test
    void tooManyUsersIsRetriedAfterTheCatalogsWaitAndSucceedsOnTheThirdAttempt() throws IOException {
        FtpException first = tooManyUsers();
        assertInstanceOf(TooManyUsersException.class, first);
        Duration catalogWait = first.diagnosis().retry().delay();
        assertEquals(Duration.ofSeconds(60), catalogWait, "outcomes.json: TooManyUsers waitSeconds");
        Scripted action = new Scripted(first, tooManyUsers());

        assertEquals("done", recording().build().call(action));

        assertEquals(3, action.attempts.get());
        assertEquals(List.of(catalogWait, catalogWait), sleeps);
        assertEquals(List.of("1 TooManyUsers PT1M", "2 TooManyUsers PT1M"), heard);
    }

    @Test
    void serviceUnavailableWaitsTheTwoMinutesTheServerStated() throws IOException {
        FtpException unavailable = failure(421, "Service not available, try again in 2 minutes", "CONNECT");
        assertEquals(Outcome.ServiceUnavailable, unavailable.diagnosis().outcome());
        assertEquals(Duration.ofSeconds(120), unavailable.diagnosis().retry().delay(), "the wait the server states");
        Scripted action = new Scripted(unavailable);

        assertEquals("done", recording().build().call(action));

        assertEquals(2, action.attempts.get());
        assertEquals(List.of(Duration.ofSeconds(120)), sleeps, "the stated 2 minutes, longer than the catalog's 60 s");
    }

    @Test
    void aPreliminary120InTheTranscriptIsAStatedDelay() throws IOException {
        Diagnosis timeout = CLASSIFIER.classify(TransportEvent.GREETING_TIMEOUT, ExchangeContext.connecting(),
                "no 220 greeting from 127.0.0.1:21 within 10000 ms");
        FtpException e = FtpException.of(timeout, List.of("< 120 Service ready in 2 minutes."), null);
        assertEquals(Outcome.GreetingTimedOut, e.diagnosis().outcome());
        assertEquals(Optional.of(Duration.ofMinutes(2)), RetryPolicy.statedDelay(e));

        recording().build().call(new Scripted(e));
        assertEquals(List.of(Duration.ofMinutes(2)), sleeps);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "421 | Too many users, try again in 5 minutes.           | PT5M",
        "120 | Service ready in 2 minutes.                       | PT2M",
        "421 | Server busy. Please wait 30 seconds.              | PT30S",
        "421 | Too many connections; retry after 1 hour          | PT1H",
        "421 | Too many users. Try again in an hour.             | PT1H",
        "421 | Too many users, try again in 10 mins              | PT10M",
        "421 | Too many users, try again in 45s                  | PT45S",
        "421 | Idle timeout (900 seconds): closing control connection | ",
        "421 | Too many connections (3) from this IP             | ",
        "530 | Please log in as anonymous or with a user account | ",
        "421 | Service not available, closing control connection.| ",
    })
    void statedDelaysAreReadFromTheReply(int code, String text, String expected) {
        Optional<Duration> stated = RetryPolicy.statedDelay(failure(code, text, "USER"));
        assertEquals(Optional.ofNullable(expected).map(Duration::parse), stated, text);
    }

    @Test
    void aBareDurationIsNotAWaitAndZeroWaitsRetryAtOnce() throws IOException {
        FtpException idle = failure(421, "Idle timeout (900 seconds): closing control connection", "NOOP");
        assertEquals(Outcome.IdleTimeout, idle.diagnosis().outcome());
        Scripted action = new Scripted(idle);

        assertEquals("done", recording().build().call(action));

        assertEquals(2, action.attempts.get());
        assertEquals(List.of(), sleeps, "catalog says 0 s and 900 seconds is not a delay to wait");
        assertEquals(List.of("1 IdleTimeout PT0S"), heard, "the listener still hears of the retry");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "530 | Login incorrect.                     | PASS | false | BadCredentialsOrUnknownUser",
        "530 | Sorry, no ANONYMOUS access allowed.  | USER | true  | AnonymousDenied",
        "421 | Your IP address is not allowed       | CONNECT | false | IpNotAllowed",
        "530 | Your IP address is not allowed to connect. | CONNECT | false | IpNotAllowed",
    })
    void refusedAccessIsNeverRetried(int code, String text, String after, boolean anonymous, Outcome outcome) {
        FtpException refused = FtpException.of(CLASSIFIER.classify(Reply.of(code, text),
                new ExchangeContext(after, anonymous)));
        assertEquals(outcome, refused.diagnosis().outcome());
        Scripted action = new Scripted(refused);

        FtpException thrown = assertThrows(FtpException.class, () -> recording().build().call(action));

        assertSame(refused, thrown);
        assertEquals(1, action.attempts.get(), "exactly one attempt");
        assertEquals(0, thrown.getSuppressed().length);
        assertEquals(List.of(), sleeps);
        assertEquals(List.of(), heard);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "421 | You are banned from this server.                        | CONNECT",
        "530 | Temporarily banned for too many failed login attempts   | PASS",
    })
    void likelyBannedStopsAtOnce(int code, String text, String after) {
        FtpException banned = failure(code, text, after);
        assertInstanceOf(LikelyBannedException.class, banned);
        assertTrue(banned.diagnosis().retry().stopRetrying());
        Scripted action = new Scripted(banned, banned, banned);

        assertSame(banned, assertThrows(LikelyBannedException.class,
                () -> recording().maxAttempts(10).build().call(action)));

        assertEquals(1, action.attempts.get(), "retrying is what turns a short ban into a long one");
        assertEquals(List.of(), sleeps);
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheEarlierFailuresSuppressed() {
        FtpException a = tooManyUsers();
        FtpException b = tooManyUsers();
        FtpException c = tooManyUsers();
        Scripted action = new Scripted(a, b, c, tooManyUsers());

        FtpException thrown = assertThrows(FtpException.class, () -> recording().maxAttempts(3).build().call(action));

        assertSame(c, thrown, "the last failure");
        assertArrayEquals(new Throwable[] {a, b}, thrown.getSuppressed());
        assertEquals(3, action.attempts.get());
        assertEquals(2, sleeps.size());
    }

    @Test
    void defaultsAreFourAttemptsTenMinutesPerWaitFifteenInAll() {
        RetryPolicy defaults = RetryPolicy.defaults();
        assertEquals(4, defaults.maxAttempts());
        assertEquals(Duration.ofMinutes(10), defaults.maxDelay());
        assertEquals(Duration.ofMinutes(15), defaults.maxTotalWait());

        Scripted action = new Scripted(tooManyUsers(), tooManyUsers(), tooManyUsers(), tooManyUsers());
        assertThrows(TooManyUsersException.class, () -> recording().build().call(action));
        assertEquals(4, action.attempts.get());
        assertEquals(3, sleeps.size());
    }

    @Test
    void maxTotalWaitStopsBeforeAWaitThatWouldExceedIt() {
        Scripted action = new Scripted(tooManyUsers(), tooManyUsers(), tooManyUsers(), tooManyUsers());

        assertThrows(TooManyUsersException.class,
                () -> recording().maxAttempts(10).maxTotalWait(Duration.ofMinutes(2)).build().call(action));

        assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(60)), sleeps, "a third minute would make 3 > 2");
        assertEquals(3, action.attempts.get());
    }

    @Test
    void aLongStatedDelayIsCappedByMaxDelayAndCountsTowardsTheTotal() {
        FtpException hours = failure(421, "Too many users, try again in 3 hours", "USER");
        Scripted action = new Scripted(hours, hours, hours);

        FtpException thrown = assertThrows(FtpException.class, () -> recording().build().call(action));

        assertSame(hours, thrown);
        assertEquals(List.of(Duration.ofMinutes(10)), sleeps, "capped at 10 min; another 10 would pass 15 in all");
        assertEquals(2, action.attempts.get());
    }

    @Test
    void aPlainIOExceptionIsNotRetried() {
        IOException local = new IOException("disk full");
        Scripted action = new Scripted(local);

        assertSame(local, assertThrows(IOException.class, () -> recording().build().call(action)));
        assertEquals(1, action.attempts.get());
        assertEquals(List.of(), sleeps);
    }

    @Test
    void jitterOnlyLengthensTheWaitAndIsDeterministicWithAnInjectedGenerator() throws IOException {
        RandomGenerator half = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return 0.5;
            }
        };
        recording().jitter(0.2, half).build().call(new Scripted(tooManyUsers()));
        assertEquals(List.of(Duration.ofSeconds(66)), sleeps, "60 s + 0.5 x 20 %");
    }

    @Test
    void anInterruptedWaitEndsTheRetriesWithTheLastFailure() {
        FtpException full = tooManyUsers();
        Scripted action = new Scripted(full);
        RetryPolicy policy = RetryPolicy.builder().sleeper(d -> {
            throw new InterruptedException("stop");
        }).build();
        try {
            assertSame(full, assertThrows(FtpException.class, () -> policy.call(action)));
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt flag restored");
            assertInstanceOf(InterruptedException.class, full.getSuppressed()[0]);
            assertEquals(1, action.attempts.get());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void nextWaitIsTheDecisionOnItsOwn() {
        RetryPolicy policy = RetryPolicy.defaults();
        assertEquals(Optional.of(Duration.ofSeconds(60)), policy.nextWait(tooManyUsers(), 1, Duration.ZERO));
        assertEquals(Optional.empty(), policy.nextWait(tooManyUsers(), 4, Duration.ZERO), "4 attempts made");
        assertEquals(Optional.empty(), policy.nextWait(tooManyUsers(), 1, Duration.ofMinutes(14).plusSeconds(1)));
        FtpException perIp = failure(421, "There are too many connections from your internet address.", "CONNECT");
        assertEquals(Optional.of(Duration.ofSeconds(30)), policy.nextWait(perIp, 1, Duration.ZERO));
        assertEquals(Optional.empty(), policy.nextWait(failure(530, "Login incorrect.", "PASS"), 1, Duration.ZERO));
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxDelay(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxTotalWait(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().jitter(1.5, null));
        assertEquals(1, RetryPolicy.never().maxAttempts());
    }
}
