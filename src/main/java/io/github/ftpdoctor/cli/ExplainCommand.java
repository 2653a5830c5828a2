package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Reply;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code explain [--after COMMAND] [--user NAME] [--lang en|zh] [--json] CODE TEXT...} */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Diagnose one server reply, e.g.: explain --after USER --user anonymous 530 Sorry, no ANONYMOUS access allowed.")
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    FtpDoctorCli parent;

    @Option(names = "--after", paramLabel = "COMMAND",
            description = "The command the reply answered (USER, PASS, RETR, ...), or CONNECT for a greeting.")
    String after;

    @Option(names = "--user", paramLabel = "NAME", description = "The login name in use (anonymous or ftp counts as anonymous).")
    String user;

    @Option(names = "--server", paramLabel = "ID", description = "The server family (vsftpd, proftpd, serv-u, ...), if known.")
    String server;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rule files, taking precedence over the built-in ones.")
    java.util.List<java.nio.file.Path> rules;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en", description = "Language of the report (default en).")
    String lang;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Parameters(index = "0", paramLabel = "CODE", description = "The three-digit reply code.")
    String code;

    @Parameters(index = "1..*", paramLabel = "TEXT", arity = "0..*", description = "The reply text after the code.")
    List<String> text;

    @Override
    public Integer call() {
        Cli.checkLang(lang);
        int c = Cli.replyCode(code);
        String t = text == null ? "" : String.join(" ", text);
        ExchangeContext ctx = new ExchangeContext(after, user == null ? null : ExchangeContext.isAnonymousName(user),
                server);
        Classifier classifier = rules == null ? Classifier.standard()
                : new Classifier(io.github.ftpdoctor.diagnosis.Catalog.withRules(rules.toArray(java.nio.file.Path[]::new)));
        Diagnosis d = classifier.classify(Reply.of(c, t), ctx);
        DiagnosisPrinter p = new DiagnosisPrinter(parent.out(), lang);
        if (json) {
            p.printJson(DiagnosisPrinter.json(d));
        } else {
            p.printText(d);
        }
        return Cli.exitStatus(d);
    }
}
