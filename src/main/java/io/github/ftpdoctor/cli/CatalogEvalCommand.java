package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.cli.eval.EvalCorpus;
import io.github.ftpdoctor.cli.eval.EvalReport;
import io.github.ftpdoctor.cli.eval.Evaluation;
import io.github.ftpdoctor.diagnosis.Catalog;
import io.github.ftpdoctor.diagnosis.Classifier;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code catalog eval [--leave-one-out [--held-out-misses N]] [--rules FILE] [--misses N] DIR}. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score the catalog on an evaluation corpus (DIR/replies/*.tsv, DIR/dangerous-misreads.tsv): accuracy, "
                + "dangerous misreads, confusion matrix; with --leave-one-out, each family or translation scored without "
                + "its own rules and cue terms. Exit status 1 below the given accuracy or on any dangerous misread.")
final class CatalogEvalCommand implements Callable<Integer> {
    @ParentCommand
    CatalogCommand catalog;

    @Parameters(paramLabel = "DIR", description = "The corpus directory, e.g. src/test/resources/eval.")
    Path dir;

    @Option(names = "--leave-one-out", description = "Also score each family or translation with its own rules dropped.")
    boolean leaveOneOut;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rule files to include.")
    List<Path> extra;

    @Option(names = "--misses", paramLabel = "N", defaultValue = "200", description = "Print at most N misses (default 200).")
    int misses;

    @Option(names = "--held-out-misses", paramLabel = "N", defaultValue = "0",
            description = "With --leave-one-out, print at most N misses of each held-out unit (default 0).")
    int heldOutMisses;

    @Option(names = "--min-accuracy", paramLabel = "PERCENT", defaultValue = "97",
            description = "Accuracy below which the exit status is 1 (default 97; 90 per unit with --leave-one-out).")
    double minAccuracy;

    @Override
    public Integer call() {
        Catalog c = extra == null ? Catalog.builtIn() : Catalog.withRules(extra.toArray(Path[]::new));
        EvalCorpus corpus = EvalCorpus.read(dir);
        Evaluation eval = new Evaluation(corpus);
        Classifier classifier = new Classifier(c);
        Evaluation.Score total = eval.score(classifier, "all", corpus.rows());
        var out = catalog.parent.out();
        EvalReport.printScore(out, total, eval.byUnit(classifier), corpus.rows(), misses);
        boolean ok = 100 * total.accuracy() >= minAccuracy && total.dangerous().isEmpty();
        if (leaveOneOut) {
            out.println();
            List<Evaluation.Score> held = eval.leaveOneOut(c);
            EvalReport.printLeaveOneOut(out, held, heldOutMisses);
            ok &= held.stream().allMatch(s -> 100 * s.accuracy() >= Math.min(minAccuracy, 90) && s.dangerous().isEmpty());
        }
        return ok ? 0 : 1;
    }
}
