package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.internal.protocol.HanziLikelihood.Script;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The character-frequency tables in reply-catalog/hanzi-frequency/ come from general corpora, not from the test
 * corpus of server messages that {@link HanziCorpusTest} decodes: each names its source and licence, counts
 * characters over a corpus of millions, lists thousands of characters, starts with the function words of running
 * text, and ranks the characters of the server messages with no more than a weak correlation to how often those
 * messages use them (a table counted from the messages would correlate almost perfectly).
 */
class HanziFrequencyDataTest {
    private static final Path DIR = Path.of("reply-catalog", "hanzi-frequency");

    private static Map<String, Long> table(Script script) throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve(script.file), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isEmpty()) {
                String[] f = line.split("\t");
                counts.put(f[0], Long.parseLong(f[1]));
            }
        }
        return counts;
    }

    @ParameterizedTest
    @EnumSource(Script.class)
    void tableNamesItsSourceAndLicence(Script script) throws IOException {
        String text = Files.readString(DIR.resolve(script.file), StandardCharsets.UTF_8);
        assertTrue(text.contains("\n# Source: ") || text.startsWith("# Source: "), script + " names no source");
        assertTrue(text.contains("\n# Licence: "), script + " names no licence");
        String readme = Files.readString(DIR.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains(script.file), "the README describes " + script.file);
    }

    @ParameterizedTest
    @EnumSource(Script.class)
    void tableIsAGeneralCorpusCount(Script script) throws IOException {
        Map<String, Long> counts = table(script);
        long total = counts.remove("total");
        assertTrue(total >= 1_000_000, script + ": a corpus of " + total + " characters");
        assertTrue(counts.size() >= 2500, script + ": " + counts.size() + " characters");
        assertTrue(counts.values().stream().mapToLong(Long::longValue).sum() <= total, "counts within the total");
        List<String> order = new ArrayList<>(counts.keySet());
        assertEquals("的", order.get(0), "the most frequent character of running Chinese text");
        assertTrue(order.subList(0, 10).containsAll(List.of("一", "是", "不")), order.subList(0, 10).toString());
        List<Long> values = new ArrayList<>(counts.values());
        assertTrue(IntStream.range(1, values.size()).allMatch(i -> values.get(i) <= values.get(i - 1)),
                "most frequent first");
        assertTrue(values.get(99) < values.get(0) / 10, "a Zipf-like fall, not a flat hand-made list");
    }

    @ParameterizedTest
    @EnumSource(Script.class)
    void tableIsNotBuiltFromTheTestCorpus(Script script) throws IOException {
        Map<String, Long> table = table(script);
        table.remove("total");
        Map<String, Integer> inCorpus = new HashMap<>();
        for (String file : HanziCorpusTest.FILES) {
            for (HanziCorpusTest.Message m : HanziCorpusTest.read(file)) {
                if (m.traditional() == (script == Script.TRADITIONAL)) {
                    m.text().codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                            .forEach(cp -> inCorpus.merge(new String(Character.toChars(cp)), 1, Integer::sum));
                }
            }
        }
        assertTrue(table.size() >= 5 * inCorpus.size(),
                table.size() + " listed characters against " + inCorpus.size() + " in the test corpus");
        List<String> shared = inCorpus.keySet().stream().filter(table::containsKey).toList();
        double rho = spearman(shared.stream().mapToDouble(inCorpus::get).toArray(),
                shared.stream().mapToDouble(table::get).toArray());
        System.out.printf("%s: %d listed, %d distinct in the test corpus, rank correlation %.2f%n", script,
                table.size(), inCorpus.size(), rho);
        assertTrue(rho < 0.6, script + ": rank correlation with the test corpus " + rho);
    }

    private static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = mean(ra);
        double mb = mean(rb);
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < ra.length; i++) {
            num += (ra[i] - ma) * (rb[i] - mb);
            da += (ra[i] - ma) * (ra[i] - ma);
            db += (rb[i] - mb) * (rb[i] - mb);
        }
        return num / Math.sqrt(da * db);
    }

    /** Ranks with ties given their average rank. */
    private static double[] ranks(double[] v) {
        Integer[] order = IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble(i -> v[i]))
                .toArray(Integer[]::new);
        double[] r = new double[v.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[order[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return r;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
