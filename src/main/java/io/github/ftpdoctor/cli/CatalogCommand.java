package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.diagnosis.Catalog;
import io.github.ftpdoctor.diagnosis.CatalogException;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.OutcomeDefinition;
import io.github.ftpdoctor.diagnosis.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code catalog lint FILE...}, {@code catalog list [--lang en|zh]} and {@code catalog eval DIR}. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "Check extra rule files, list the catalog, or score it on an evaluation corpus.",
        subcommands = {CatalogCommand.Lint.class, CatalogCommand.ListCommand.class, CatalogEvalCommand.class})
final class CatalogCommand implements Callable<Integer> {
    @ParentCommand
    FtpDoctorCli parent;

    @Override
    public Integer call() {
        throw new IllegalArgumentException("catalog needs a command: lint FILE, list or eval DIR");
    }

    @Command(name = "lint", mixinStandardHelpOptions = true,
            description = "Validate extra rule files against the built-in catalog; exit 0 when they load.")
    static final class Lint implements Callable<Integer> {
        @ParentCommand
        CatalogCommand catalog;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rule files (JSON, like reply-catalog/rules/*.json).")
        List<Path> files;

        @Override
        public Integer call() {
            try {
                Catalog c = Catalog.withRules(files.toArray(Path[]::new));
                long extra = c.rules().stream().filter(r -> r.layer() > 0).count();
                catalog.parent.out().println("ok: " + extra + " rules in " + files.size() + " file(s), "
                        + c.rules().size() + " rules in all");
                return 0;
            } catch (CatalogException e) {
                catalog.parent.out().println("error: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the outcomes and rules of the catalog.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        CatalogCommand catalog;

        @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en", description = "Language (default en).")
        String lang;

        @Option(names = "--rules", paramLabel = "FILE", description = "Extra rule files to include.")
        List<Path> extra;

        @Override
        public Integer call() {
            Cli.checkLang(lang);
            Locale locale = "zh".equalsIgnoreCase(lang) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
            Catalog c = extra == null ? Catalog.builtIn() : Catalog.withRules(extra.toArray(Path[]::new));
            var out = catalog.parent.out();
            out.println(locale == Locale.ENGLISH ? "Outcomes:" : "结论：");
            for (Outcome o : Outcome.values()) {
                OutcomeDefinition d = c.definition(o);
                out.printf("  %-28s %-12s %s%n", o, d.category().name().toLowerCase(Locale.ROOT),
                        d.explanation().in(locale));
            }
            out.println();
            out.println(locale == Locale.ENGLISH ? "Rules (most specific first per code):" : "规则：");
            for (Rule r : c.rules()) {
                String on = r.event() != null ? r.event().name() : String.join(",", r.codes());
                out.printf("  %-40s %-16s -> %-28s %s%n", r.id(), on, r.outcome(), r.source());
            }
            return 0;
        }
    }
}
