import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Reply;
import java.util.List;

/**
 * Classifier throughput on one thread over a mix of real replies and contexts.
 * Run: mvn -q -B package -DskipTests && java -cp target/ftp-doctor.jar bench/ClassifierBench.java
 * (a JMH version comes with the transfer benchmarks).
 */
public class ClassifierBench {
    public static void main(String[] args) {
        List<Reply> replies = List.of(
                Reply.of(530, "Sorry, no ANONYMOUS access allowed."), Reply.of(530, "Not logged in."),
                Reply.of(530, "Not logged in, unauthorized IP address."), Reply.of(421, "Too many users - please try again later."),
                Reply.of(530, "Not logged in, only one session from same IP allowed at a time."),
                Reply.of(226, "Transfer complete."), Reply.of(150, "Opening BINARY mode data connection."),
                Reply.of(550, "/report.pdf: No such file or directory."), Reply.of(230, "Login successful."),
                Reply.of(421, "There are too many connections from your internet address."));
        List<ExchangeContext> contexts = List.of(new ExchangeContext("USER", true), new ExchangeContext("PASS", false),
                new ExchangeContext("PASS", false), ExchangeContext.after("USER"), ExchangeContext.after("USER"),
                ExchangeContext.after("RETR"), ExchangeContext.after("RETR"), ExchangeContext.after("SIZE"),
                ExchangeContext.after("PASS"), ExchangeContext.connecting());
        Classifier c = Classifier.standard();
        // Replies arrive once each: use fresh Reply objects so the cached text is not reused.
        int n = replies.size();
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            int count = 2_000_000;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Reply r = replies.get(i % n);
                sink += c.classify(Reply.of(r.code(), r.lines()), contexts.get(i % n)).outcome().ordinal();
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("round %d: %.2f million replies/s on one thread%n", round, count / secs / 1e6);
        }
        System.out.println("(checksum " + sink + ")");
    }
}
