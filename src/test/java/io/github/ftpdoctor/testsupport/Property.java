package io.github.ftpdoctor.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A property check on plain JUnit Jupiter: a generator, a check, a number of tries and a fixed seed. Every try
 * gets its own {@link Random} from the seed and the try's index, so a run is reproducible and a failure names the
 * try that broke. A failing input is shrunk (greedily, bounded in steps and time) before it is reported.
 *
 * <p>Each finished property appends {@code subject, name, tries, milliseconds} to
 * {@code target/property-cases.tsv}, so the number of generated cases per parser can be read after a run.
 *
 * <p>(The suite does not use jqwik: from 1.10 on its maintainers ask that it not be used with AI coding agents,
 * and these tests were written by one.)
 *
 * @param <T> the generated input
 */
public final class Property<T> {
    /** Makes one input from a random source. */
    @FunctionalInterface
    public interface Generator<T> {
        T next(Random random);
    }

    /** Checks one input: returns normally, or throws (an assertion error or anything unexpected). */
    @FunctionalInterface
    public interface Check<T> {
        void check(T value) throws Exception;
    }

    /** Smaller variants of a failing input, the most promising first. */
    @FunctionalInterface
    public interface Shrinker<T> {
        List<T> smaller(T value);
    }

    private static final int MAX_SHRINK_STEPS = 2_000;
    private static final long MAX_SHRINK_NANOS = 10_000_000_000L;
    private static final int MAX_SHOWN_CHARS = 600;
    private static boolean reportStarted;
    /** System property scaling every property's number of tries (mutation testing lowers it). */
    public static final String SCALE_PROPERTY = "ftpdoctor.property.scale";
    private static final double SCALE = Double.parseDouble(System.getProperty(SCALE_PROPERTY, "1"));

    private final String subject;
    private final String name;
    private final Generator<T> generator;
    private long seed;
    private int tries = SCALE == 1.0 ? 1000 : 100;
    private Shrinker<T> shrinker = v -> List.of();
    private Function<? super T, String> show = String::valueOf;

    private Property(String subject, String name, Generator<T> generator) {
        this.subject = subject;
        this.name = name;
        this.generator = generator;
    }

    /**
     * A property of {@code subject} (the parser under test, as counted in the report) over generated inputs.
     */
    public static <T> Property<T> forAll(String subject, String name, Generator<T> generator) {
        return new Property<>(subject, name, generator);
    }

    public Property<T> seed(long fixedSeed) {
        this.seed = fixedSeed;
        return this;
    }

    /**
     * The number of generated cases. The system property {@value #SCALE_PROPERTY} (default 1) scales it, at least
     * 100 cases: mutation testing runs the properties once per mutant and sets it to 0.02.
     */
    public Property<T> tries(int count) {
        this.tries = SCALE == 1.0 ? count : (int) Math.max(Math.min(count, 100), Math.round(count * SCALE));
        return this;
    }

    public Property<T> shrinkWith(Shrinker<T> s) {
        this.shrinker = s;
        return this;
    }

    public Property<T> showWith(Function<? super T, String> f) {
        this.show = f;
        return this;
    }

    /** Runs the check on {@link #tries} generated inputs; the first failure, shrunk, fails the test. */
    public void check(Check<T> check) {
        long start = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            long caseSeed = caseSeed(seed, i);
            T value = generator.next(new Random(caseSeed));
            Throwable failure = run(check, value);
            if (failure != null) {
                fail(i, caseSeed, value, failure, check);
            }
        }
        record((System.nanoTime() - start) / 1_000_000);
    }

    /** The seed of try {@code i}: well mixed, so neighbouring tries are unrelated. */
    static long caseSeed(long seed, int i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static <T> Throwable run(Check<T> check, T value) {
        try {
            check.check(value);
            return null;
        } catch (Throwable t) { // an unexpected exception is exactly what a property test is looking for
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError || t instanceof OutOfMemoryError)) {
                throw (VirtualMachineError) t;
            }
            return t;
        }
    }

    private void fail(int index, long caseSeed, T original, Throwable originalFailure, Check<T> check) {
        T smallest = original;
        Throwable smallestFailure = originalFailure;
        long deadline = System.nanoTime() + MAX_SHRINK_NANOS;
        int steps = 0;
        boolean progress = true;
        while (progress && steps < MAX_SHRINK_STEPS && System.nanoTime() < deadline) {
            progress = false;
            for (T candidate : shrinker.smaller(smallest)) {
                if (++steps > MAX_SHRINK_STEPS || System.nanoTime() > deadline) {
                    break;
                }
                Throwable f = run(check, candidate);
                if (f != null && f.getClass() == originalFailure.getClass()) {
                    smallest = candidate;
                    smallestFailure = f;
                    progress = true;
                    break;
                }
            }
        }
        String message = subject + ": property '" + name + "' falsified at try " + (index + 1) + " of " + tries
                + " (seed " + seed + ", case seed " + caseSeed + ")\n  input:  " + shown(original)
                + (smallest == original ? "" : "\n  shrunk: " + shown(smallest) + " (" + steps + " shrink steps)")
                + "\n  failure: " + smallestFailure;
        throw new AssertionError(message, smallestFailure);
    }

    private String shown(T value) {
        String s = show.apply(value);
        return s.length() > MAX_SHOWN_CHARS ? s.substring(0, MAX_SHOWN_CHARS) + "… (" + s.length() + " chars)" : s;
    }

    private void record(long millis) {
        Path target = Path.of(System.getProperty("basedir", "."), "target");
        if (!Files.isDirectory(target)) {
            return;
        }
        String line = subject + "\t" + name + "\t" + tries + "\t" + millis + "\n";
        synchronized (Property.class) {
            try {
                Files.writeString(target.resolve("property-cases.tsv"), line, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        reportStarted ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
                reportStarted = true;
            } catch (IOException e) {
                // the report is a convenience; the property itself passed
            }
        }
    }
}
