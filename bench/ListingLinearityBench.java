import io.github.ftpdoctor.internal.listing.ListingParser;
import io.github.ftpdoctor.internal.listing.MlsxParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Listing parsers on pathological lines (long runs of blanks, repeated date-like tokens, thousands of MLSx facts)
 * at sizes n, 2n, 4n and 8n: the time per character should stay flat (linear parsing). This measurement was a
 * wall-clock assertion in ListingParserTest; unit tests now only check what the parsers return for such lines.
 * Run: mvn -q -B compile && java -cp target/classes bench/ListingLinearityBench.java
 */
public class ListingLinearityBench {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

    public static void main(String[] args) {
        int base = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        long sink = 0;
        for (int round = 0; round < 3; round++) { // the first round warms up the JIT
            System.out.printf("round %d%n", round + 1);
            for (int k = 1; k <= 8; k *= 2) {
                int n = base * k;
                String[] lines = {" ".repeat(4 * n) + "x", "-rw-r--r-- " + "Jan 1 ".repeat(n) + "x",
                    "a=b;".repeat(n) + " x", "01-15-24 " + " ".repeat(4 * n),
                    "-rw-r--r-- 1 a b 5 Jan 1 10:00" + " ".repeat(4 * n)};
                long chars = 0;
                long start = System.nanoTime();
                for (String line : lines) {
                    chars += line.length();
                    sink += ListingParser.parseList(List.of(line), CLOCK).size();
                    sink += MlsxParser.parseLine(line) == null ? 0 : 1;
                }
                long nanos = System.nanoTime() - start;
                System.out.printf("  n=%,9d  %,11d chars  %8.1f ms  %6.2f ns/char%n", n, chars, nanos / 1e6,
                        (double) nanos / chars);
            }
        }
        System.out.println("(sink " + sink + ")");
    }
}
