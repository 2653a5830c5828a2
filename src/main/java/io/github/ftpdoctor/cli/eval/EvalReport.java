package io.github.ftpdoctor.cli.eval;

import io.github.ftpdoctor.diagnosis.Outcome;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The evaluation as plain text: totals, per unit, the confusion of the misses, and the misses themselves. */
public final class EvalReport {
    private EvalReport() {
    }

    /** The score of the whole catalog: totals, a table per unit, the confusion matrix and every miss. */
    public static void printScore(PrintStream out, Evaluation.Score total, List<Evaluation.Score> units,
                                  List<EvalCorpus.Row> rows, int maxMisses) {
        out.printf(Locale.ROOT, "Evaluation corpus: %d rows, %d units; accuracy %.2f %% (%d right), %d dangerous misreads%n",
                total.rows(), units.size(), 100 * total.accuracy(), total.right(), total.dangerous().size());
        out.println();
        out.printf(Locale.ROOT, "%-32s %6s %9s %9s%n", "unit", "rows", "accuracy", "dangerous");
        for (Evaluation.Score s : units) {
            out.printf(Locale.ROOT, "%-32s %6d %8.1f%% %9d%n", s.unit(), s.rows(), 100 * s.accuracy(), s.dangerous().size());
        }
        out.println();
        out.println("Recall per expected outcome (rows, right):");
        for (Map.Entry<Outcome, int[]> e : Evaluation.recall(rows, total.misses()).entrySet()) {
            int[] v = e.getValue();
            out.printf(Locale.ROOT, "  %-30s %5d %5d %6.1f%%%n", e.getKey(), v[0], v[1], 100.0 * v[1] / v[0]);
        }
        out.println();
        out.println("Confusion matrix of the misses (expected -> read as: count):");
        Evaluation.confusion(total.misses()).forEach((expected, row) -> {
            StringBuilder sb = new StringBuilder("  ").append(expected).append(" ->");
            row.forEach((actual, n) -> sb.append(' ').append(actual).append(": ").append(n).append(';'));
            out.println(sb);
        });
        printMisses(out, "Dangerous misreads", total.dangerous(), Integer.MAX_VALUE);
        printMisses(out, "Misses", total.misses(), maxMisses);
    }

    /** The leave-one-out table: per unit, rows, accuracy and dangerous misreads with its own rules dropped. */
    public static void printLeaveOneOut(PrintStream out, List<Evaluation.Score> units, int maxMisses) {
        out.println("Leave one family (or translation) out: each unit scored without the rules and cue terms tied to it");
        out.printf(Locale.ROOT, "%-32s %6s %9s %9s %8s %8s%n", "held out", "rows", "accuracy", "dangerous", "-rules",
                "-terms");
        int rows = 0;
        int right = 0;
        double worst = 1.0;
        for (Evaluation.Score s : units) {
            out.printf(Locale.ROOT, "%-32s %6d %8.1f%% %9d %8d %8d%n", s.unit(), s.rows(), 100 * s.accuracy(),
                    s.dangerous().size(), s.rulesDropped(), s.termsDropped());
            rows += s.rows();
            right += s.right();
            worst = Math.min(worst, s.accuracy());
        }
        out.printf(Locale.ROOT, "all held out: %d rows, %.2f %% right; worst unit %.1f %%%n", rows,
                rows == 0 ? 100.0 : 100.0 * right / rows, 100 * worst);
        for (Evaluation.Score s : units) {
            printMisses(out, "Dangerous misreads with " + s.unit() + " held out", s.dangerous(), Integer.MAX_VALUE);
        }
        if (maxMisses > 0) {
            for (Evaluation.Score s : units) {
                printMisses(out, "Misses with " + s.unit() + " held out", s.misses(), maxMisses);
            }
        }
    }

    private static void printMisses(PrintStream out, String title, List<Evaluation.Miss> misses, int max) {
        if (misses.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + " (" + misses.size() + "):");
        int n = 0;
        for (Evaluation.Miss m : misses) {
            if (n++ == max) {
                out.println("  ...");
                break;
            }
            EvalCorpus.Row r = m.row();
            String text = r.text().replace("\n", "\\n");
            out.printf(Locale.ROOT, "  %s:%d %s %d after %s: \"%s\" expected %s, read as %s [%s]%s%n", r.file(), r.line(),
                    r.lang(), r.code(), r.command(), text.length() > 120 ? text.substring(0, 117) + "..." : text,
                    r.expected(), m.actual(), m.rule(), m.danger() == null ? "" : " DANGEROUS");
        }
    }
}
