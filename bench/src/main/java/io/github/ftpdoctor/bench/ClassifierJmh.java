package io.github.ftpdoctor.bench;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.Reply;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classifier throughput on one thread over a mix of 22 real replies in their contexts (vsftpd, Serv-U, ProFTPD,
 * Pure-FTPd phrasings; successes and failures). One operation is one reply: building the {@link Reply} the way the
 * reply reader does (code and lines), then {@code Classifier.standard().classify(reply, context)}.
 * <ul>
 *   <li>{@code repeatedPhrasings}: the mix over and over, as a fresh Reply each time (the text is new each time,
 *       as from the wire); the classifier's memo of the rule per (code, text, context) hits.</li>
 *   <li>{@code uniqueTexts}: a counter in every text (file names, ports, sizes, user names; a trailing
 *       {@code (#n)} where the phrasing has nothing variable) so no text ever repeats and the memo never hits:
 *       the uncached path, plus the memo's insertions and its clearing when full.</li>
 *   <li>{@code uniqueTextsBuildOnly}: builds the unique replies without classifying them, the share of
 *       {@code uniqueTexts} that is string building rather than classification.</li>
 * </ul>
 * {@link #checkMix()} verifies, before measuring, that every reply and its unique variant classify as expected.
 * <pre>
 * java -jar bench/target/benchmarks.jar ClassifierJmh
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ClassifierJmh {

    /** A reply in context; {@code {n}} in the template is replaced by a counter for the unique variant. */
    record Sample(int code, String template, ExchangeContext context, Outcome expected) {
        String text() {
            return template.contains("{n}") ? template.replace("{n}", "1") : template;
        }

        String text(long n) {
            String s = Long.toString(n);
            return template.contains("{n}") ? template.replace("{n}", s) : template + " (#" + s + ")";
        }
    }

    private static ExchangeContext ctx(String command, Boolean anonymous) {
        return new ExchangeContext(command, anonymous);
    }

    static final List<Sample> MIX = List.of(
            new Sample(220, "(vsFTPd 3.0.3) on node {n}", ExchangeContext.connecting(), Outcome.Success),
            new Sample(331, "Please specify the password.", ctx("USER", false), Outcome.PasswordRequired),
            new Sample(230, "Login successful.", ctx("PASS", false), Outcome.Success),
            new Sample(257, "\"/home/user{n}\" is the current directory", ctx("PWD", false), Outcome.Success),
            new Sample(250, "Directory successfully changed.", ctx("CWD", false), Outcome.Success),
            new Sample(229, "Entering Extended Passive Mode (|||{n}|)", ctx("EPSV", false), Outcome.Success),
            new Sample(213, "{n}", ctx("SIZE", false), Outcome.Success),
            new Sample(150, "Opening BINARY mode data connection for file{n}.bin (1048576 bytes).", ctx("RETR", false),
                    Outcome.InProgress),
            new Sample(226, "Transfer complete.", ctx("RETR", false), Outcome.Success),
            new Sample(530, "Sorry, no ANONYMOUS access allowed.", ctx("USER", true), Outcome.AnonymousDenied),
            new Sample(530, "Not logged in.", ctx("PASS", false), Outcome.BadCredentialsOrUnknownUser),
            new Sample(530, "Login incorrect.", ctx("PASS", false), Outcome.BadCredentialsOrUnknownUser),
            new Sample(530, "Login incorrect.", ctx("PASS", true), Outcome.AnonymousDenied),
            new Sample(421, "Too many users - please try again later.", ctx("USER", false), Outcome.TooManyUsers),
            new Sample(530, "Not logged in, only one session from same IP allowed at a time.", ctx("USER", false),
                    Outcome.PerIpSessionLimit),
            new Sample(421, "There are too many connections from your internet address.", ExchangeContext.connecting(),
                    Outcome.PerIpSessionLimit),
            new Sample(530, "Sorry, the maximum number of clients ({n}) from your host are already connected.",
                    ctx("PASS", false), Outcome.PerIpSessionLimit),
            new Sample(550, "/x{n}: No such file or directory.", ctx("RETR", false), Outcome.FileNotFound),
            new Sample(550, "/upload{n}.bin: Permission denied.", ctx("STOR", false), Outcome.PermissionDenied),
            new Sample(452, "Transfer aborted. No space left on device", ctx("STOR", false),
                    Outcome.InsufficientStorage),
            new Sample(421, "Idle timeout ({n} seconds): closing control connection", ctx("NOOP", false),
                    Outcome.IdleTimeout),
            new Sample(530, "Not logged in, unauthorized IP address.", ctx("PASS", false), Outcome.IpNotAllowed));

    private Classifier classifier;
    private int[] codes;
    private List<String>[] lines;
    private ExchangeContext[] contexts;
    private int next;
    private long counter;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        classifier = Classifier.standard();
        checkMix();
        int n = MIX.size();
        codes = new int[n];
        lines = new List[n];
        contexts = new ExchangeContext[n];
        for (int i = 0; i < n; i++) {
            Sample s = MIX.get(i);
            codes[i] = s.code();
            lines[i] = List.of(s.code() + " " + s.text());
            contexts[i] = s.context();
        }
    }

    /** Fails the run if any reply of the mix, or its unique variant, is not classified as expected. */
    void checkMix() {
        for (Sample s : MIX) {
            for (long n : new long[] {-1, 7, 123_456_789L}) {
                String text = n < 0 ? s.text() : s.text(n);
                Outcome got = Classifier.standard().classify(Reply.of(s.code(), text), s.context()).outcome();
                if (got != s.expected()) {
                    throw new IllegalStateException(s.code() + " " + text + " after " + s.context() + ": " + got
                            + ", expected " + s.expected());
                }
            }
        }
    }

    @Benchmark
    public Diagnosis repeatedPhrasings() {
        int i = advance();
        return classifier.classify(Reply.of(codes[i], lines[i]), contexts[i]);
    }

    @Benchmark
    public Diagnosis uniqueTexts() {
        int i = advance();
        return classifier.classify(uniqueReply(i), contexts[i]);
    }

    @Benchmark
    public Reply uniqueTextsBuildOnly() {
        return uniqueReply(advance());
    }

    private int advance() {
        int i = next;
        next = i + 1 == codes.length ? 0 : i + 1;
        return i;
    }

    private Reply uniqueReply(int i) {
        Sample s = MIX.get(i);
        return Reply.of(codes[i], List.of(codes[i] + " " + s.text(counter++)));
    }

    /** Prints the mix and its outcomes (a quick check without JMH). */
    public static void main(String[] args) {
        ClassifierJmh b = new ClassifierJmh();
        b.setUp();
        for (Sample s : MIX) {
            System.out.printf("%d %-80s %-30s -> %s%n", s.code(), s.text(42), s.context(), s.expected());
        }
    }
}
