package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.FtpUrl;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.error.FtpException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code ls [--json] URL}: list a directory (MLSD when offered, else LIST), reported like {@code probe}. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List a directory: ls ftp://host/path/")
final class LsCommand implements Callable<Integer> {
    @ParentCommand
    FtpDoctorCli parent;

    @Mixin
    NetworkOptions options;

    @Parameters(index = "0", paramLabel = "URL", description = "ftp://[user[:password]@]host[:port]/[path/]")
    String url;

    @Override
    public Integer call() throws IOException {
        Cli.checkLang(options.lang);
        FtpUrl target = FtpUrl.parse(url);
        DiagnosisPrinter p = new DiagnosisPrinter(parent.out(), options.lang);
        Diagnosis result;
        List<String> transcript;
        List<FtpEntry> entries = null;
        try (FtpClient ftp = Connection.open(target, Connection.config(target, options, null))) {
            Connection.login(ftp, target);
            entries = ftp.list(target.path().isEmpty() ? null : target.path());
            result = ftp.lastReply();
            transcript = ftp.transcript();
        } catch (FtpException e) {
            result = e.diagnosis();
            transcript = e.transcript();
        }
        if (options.json) {
            ObjectNode o = DiagnosisPrinter.json(result);
            o.put("target", target.toString());
            ArrayNode list = o.putArray("entries");
            if (entries != null) {
                entries.forEach(e -> list.add(entry(o, e)));
            }
            ArrayNode t = o.putArray("transcript");
            transcript.forEach(t::add);
            p.printJson(o);
        } else if (entries != null && !result.isFailure()) {
            for (FtpEntry e : entries) {
                p.out().printf("%-8s %15s  %-20s  %s%s%n", e.type().name().toLowerCase(Locale.ROOT),
                        e.size().isPresent() ? Long.toString(e.size().getAsLong()) : "-",
                        e.modified().map(Object::toString).orElse("-"), e.name(),
                        e.target() == null ? "" : " -> " + e.target());
            }
        } else {
            p.printText(result);
        }
        return Cli.exitStatus(result);
    }

    private static ObjectNode entry(ObjectNode parent, FtpEntry e) {
        ObjectNode n = parent.objectNode();
        n.put("name", e.name());
        n.put("type", e.type().name().toLowerCase(Locale.ROOT));
        if (e.size().isPresent()) {
            n.put("size", e.size().getAsLong());
        } else {
            n.putNull("size");
        }
        n.put("modified", e.modified().map(Object::toString).orElse(null));
        n.put("target", e.target());
        n.put("raw", e.raw());
        return n;
    }
}
