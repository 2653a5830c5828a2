package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.cli.demo.SeedSituations;
import io.github.ftpdoctor.cli.demo.SeedSituations.Situation;
import io.github.ftpdoctor.error.FtpException;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code demo [--lang en|zh]}: replays the seed's eight situations on loopback and prints each diagnosis. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start an embedded server on loopback, reproduce the eight situations of the seed guide one by one, "
                + "and print the client's diagnosis of each.")
final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    FtpDoctorCli parent;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en", description = "Language of the report (default en).")
    String lang;

    @Override
    public Integer call() throws IOException {
        Cli.checkLang(lang);
        DiagnosisPrinter p = new DiagnosisPrinter(parent.out(), lang);
        int failed = 0;
        for (Situation s : SeedSituations.all()) {
            p.out().println("=== " + s.number() + ". " + s.title().in(p.locale()) + " ===");
            FtpException e = s.run(SeedSituations.demoConfig());
            if (e == null) {
                p.out().println(p.chinese() ? "(未能重现:客户端成功了)" : "(not reproduced: the client succeeded)");
                failed++;
                continue;
            }
            e.transcript().forEach(l -> p.out().println("  " + l));
            p.printText(e.diagnosis());
            p.line(p.chinese() ? "异常类型" : "Exception", e.getClass().getSimpleName());
            p.out().println();
        }
        return failed == 0 ? 0 : 1;
    }
}
