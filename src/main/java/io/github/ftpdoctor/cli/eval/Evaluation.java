package io.github.ftpdoctor.cli.eval;

import io.github.ftpdoctor.diagnosis.Catalog;
import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Fingerprint;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.Phase;
import io.github.ftpdoctor.diagnosis.Reply;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a classifier on an {@link EvalCorpus}: accuracy, dangerous misreads, a confusion matrix, and the
 * leave-one-out measure of generalization: each family (each translation, for translated families) is scored with
 * a catalog that has dropped every rule and cue term tied to it ({@link Catalog#withoutFamily(String)}).
 *
 * <p>Each row is classified as a connected client would: in the context of the command it answers; a login is a
 * named one unless the row's outcome is {@code AnonymousDenied}, which only an anonymous login can meet; the server
 * family is known when the catalog's fingerprints know it (clients learn it from the greeting).
 */
public final class Evaluation {
    /** A row read wrong. */
    public record Miss(EvalCorpus.Row row, Outcome actual, String rule, EvalCorpus.Danger danger) {
    }

    /** The score of a set of rows. */
    public record Score(String unit, int rows, int right, List<Miss> misses, int rulesDropped, int termsDropped) {
        public double accuracy() {
            return rows == 0 ? 1.0 : (double) right / rows;
        }

        public List<Miss> dangerous() {
            return misses.stream().filter(m -> m.danger() != null).toList();
        }
    }

    private final EvalCorpus corpus;
    private final Set<String> translated;

    public Evaluation(EvalCorpus corpus) {
        this.corpus = corpus;
        this.translated = corpus.translatedFamilies();
    }

    /** The row's hold-out unit: {@code family/lang} for translated families, else the family. */
    public String unit(EvalCorpus.Row r) {
        return r.unit(translated.contains(r.family()));
    }

    /** Every row classified by the classifier, scored as one unit. */
    public Score score(Classifier classifier, String name, List<EvalCorpus.Row> rows) {
        List<Miss> misses = new ArrayList<>();
        int right = 0;
        for (EvalCorpus.Row r : rows) {
            Diagnosis d = classify(classifier, r);
            if (d.outcome() == r.expected()) {
                right++;
            } else {
                misses.add(new Miss(r, d.outcome(), d.ruleId(), corpus.danger(r.expected(), d.outcome())));
            }
        }
        return new Score(name, rows.size(), right, misses, 0, 0);
    }

    public static Diagnosis classify(Classifier classifier, EvalCorpus.Row r) {
        Catalog catalog = classifier.catalog();
        Boolean anonymous = catalog.phaseOf(r.command()) == Phase.LOGIN ? r.expected() == Outcome.AnonymousDenied : null;
        ExchangeContext ctx = new ExchangeContext(r.command(), anonymous, server(catalog, r.family()), 0, null);
        return classifier.classify(Reply.of(r.code(), r.text()), ctx);
    }

    /** The fingerprint id a client would find for the family ({@code filezilla-0.9} → {@code filezilla}), or null. */
    static String server(Catalog catalog, String family) {
        for (Fingerprint.Family f : catalog.servers()) {
            if (family.equals(f.id()) || family.startsWith(f.id() + "-")) {
                return f.id();
            }
        }
        return null;
    }

    /** The rows grouped by hold-out unit, in name order. */
    public Map<String, List<EvalCorpus.Row>> units() {
        Map<String, List<EvalCorpus.Row>> out = new TreeMap<>();
        for (EvalCorpus.Row r : corpus.rows()) {
            out.computeIfAbsent(unit(r), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /** Each unit scored with the full catalog's classifier. */
    public List<Score> byUnit(Classifier classifier) {
        List<Score> out = new ArrayList<>();
        units().forEach((unit, rows) -> out.add(score(classifier, unit, rows)));
        return out;
    }

    /** Each unit scored with everything but its own rules and cue terms. */
    public List<Score> leaveOneOut(Catalog base) {
        List<Score> out = new ArrayList<>();
        units().forEach((unit, rows) -> {
            Catalog without = base.withoutFamily(unit);
            Score s = score(new Classifier(without), unit, rows);
            out.add(new Score(unit, s.rows(), s.right(), s.misses(), base.rules().size() - without.rules().size(),
                    base.lexiconSize() - without.lexiconSize()));
        });
        return out;
    }

    /** The confusion matrix of the misses: expected outcome, then each outcome it was read as, with counts. */
    public static Map<Outcome, Map<Outcome, Integer>> confusion(List<Miss> misses) {
        Map<Outcome, Map<Outcome, Integer>> m = new TreeMap<>();
        for (Miss miss : misses) {
            m.computeIfAbsent(miss.row().expected(), k -> new TreeMap<>()).merge(miss.actual(), 1, Integer::sum);
        }
        return m;
    }

    /** Rows and right answers per expected outcome (recall). */
    public static Map<Outcome, int[]> recall(List<EvalCorpus.Row> rows, List<Miss> misses) {
        Map<Outcome, int[]> out = new TreeMap<>();
        for (EvalCorpus.Row r : rows) {
            out.computeIfAbsent(r.expected(), k -> new int[2])[0]++;
        }
        Map<EvalCorpus.Row, Boolean> missed = new LinkedHashMap<>();
        misses.forEach(m -> missed.put(m.row(), true));
        for (EvalCorpus.Row r : rows) {
            if (!missed.containsKey(r)) {
                out.get(r.expected())[1]++;
            }
        }
        return out;
    }

    public EvalCorpus corpus() {
        return corpus;
    }
}
