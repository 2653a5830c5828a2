package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.FtpUrl;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.Features;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.error.FtpException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code probe [--json] [--lang en|zh] [--timeout SECONDS] ftp://[user[:password]@]host[:port]/} */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Connect, log in (anonymous without a user), run PWD and FEAT, quit, and report.")
final class ProbeCommand implements Callable<Integer> {
    @ParentCommand
    FtpDoctorCli parent;

    @Mixin
    NetworkOptions options;

    @Parameters(index = "0", paramLabel = "URL", description = "ftp://[user[:password]@]host[:port]/")
    String url;

    @Override
    public Integer call() {
        Cli.checkLang(options.lang);
        FtpUrl target = FtpUrl.parse(url);
        FtpConfig config = Connection.config(target, options, null);
        DiagnosisPrinter p = new DiagnosisPrinter(parent.out(), options.lang);
        Probe result = new Probe();
        try (FtpClient ftp = Connection.open(target, config)) {
            result.greeting = ftp.greeting();
            result.diagnosis = Connection.login(ftp, target);
            result.pwd = ftp.pwd();
            result.features = ftp.features();
            result.transcript = ftp.transcript();
        } catch (FtpException e) {
            result.diagnosis = e.diagnosis();
            result.transcript = e.transcript();
        }
        report(p, target, result);
        return Cli.exitStatus(result.diagnosis);
    }

    private void report(DiagnosisPrinter p, FtpUrl target, Probe r) {
        if (options.json) {
            ObjectNode o = DiagnosisPrinter.json(r.diagnosis);
            o.put("target", target.toString());
            o.put("greeting", r.greeting == null ? null : r.greeting.toString());
            o.put("pwd", r.pwd);
            ArrayNode f = o.putArray("features");
            if (r.features != null) {
                r.features.asMap().forEach((k, v) -> f.add(v.isEmpty() ? k : k + " " + v));
            }
            ArrayNode t = o.putArray("transcript");
            r.transcript.forEach(t::add);
            p.printJson(o);
            return;
        }
        p.line(p.chinese() ? "目标" : "Target", target.toString());
        if (r.greeting != null) {
            p.line(p.chinese() ? "欢迎信息" : "Greeting", String.join(" | ", r.greeting.lines()));
        }
        if (r.pwd != null) {
            p.line(p.chinese() ? "当前目录" : "PWD", r.pwd);
        }
        if (r.features != null) {
            p.line(p.chinese() ? "服务器特性" : "Features", String.join(", ", r.features.names()));
        }
        p.printText(r.diagnosis);
        p.out().println();
        p.out().println(p.chinese() ? "会话记录:" : "Transcript:");
        r.transcript.forEach(l -> p.out().println("  " + l));
    }

    private static final class Probe {
        Reply greeting;
        Diagnosis diagnosis;
        String pwd;
        Features features;
        List<String> transcript = List.of();
    }
}
