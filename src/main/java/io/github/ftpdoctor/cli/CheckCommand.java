package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.check.CheckReport;
import io.github.ftpdoctor.check.CheckStep;
import io.github.ftpdoctor.check.ServerCheck;
import io.github.ftpdoctor.check.StepStatus;
import io.github.ftpdoctor.check.Verdict;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code check [--json] [--lang en|zh] [--timeout SECONDS] [--write] [--active] [--cacert FILE | --insecure] URL} */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Test a server step by step (resolve, connect, greeting, TLS, login, features, PWD, passive, "
                + "data, listing; with --active active mode; with --write upload, download, resume, rename, delete) "
                + "and explain every problem. Exit status 0 for ok or warnings, 1 when a step failed.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    FtpDoctorCli parent;

    @Mixin
    NetworkOptions options;

    @Option(names = "--write", description = "Also upload, download, resume, rename and delete one small test file.")
    boolean write;

    @Option(names = "--active", description = "Also test active mode (EPRT/PORT).")
    boolean active;

    @Parameters(index = "0", paramLabel = "URL",
            description = "ftp://, ftpes:// or ftps://[user[:password]@]host[:port]/")
    String url;

    @Override
    public Integer call() {
        Cli.checkLang(options.lang);
        if (options.cacert != null && options.insecure) {
            throw new IllegalArgumentException("--cacert and --insecure exclude each other");
        }
        ServerCheck.Builder b = ServerCheck.forUrl(url).write(write).active(active);
        if (options.timeout != null) {
            if (!(options.timeout > 0) || options.timeout > 86_400) {
                throw new IllegalArgumentException("--timeout must be a number of seconds above 0, at most 86400");
            }
            b.timeout(Duration.ofMillis(Math.max(1, Math.round(options.timeout * 1000))));
        }
        if (options.insecure) {
            b.insecure();
        } else if (options.cacert != null) {
            b.trustCertificates(options.cacert);
        }
        CheckReport report = b.build().run();
        PrintStream out = parent.out();
        if (options.json) {
            out.println(report.toJson());
        } else {
            print(out, report, "zh".equalsIgnoreCase(options.lang));
        }
        return report.verdict() == Verdict.FAILED ? 1 : 0;
    }

    static void print(PrintStream out, CheckReport r, boolean zh) {
        Locale l = zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        out.println((zh ? "目标：" : "Target:  ") + r.target());
        out.println((zh ? "服务器：" : "Server:  ") + r.server());
        for (CheckStep s : r.steps()) {
            StringBuilder line = new StringBuilder();
            line.append(String.format(Locale.ROOT, "%-8s %-9s %6d ms  ", status(s.status(), zh), s.step().id(),
                    s.elapsedMs()));
            if (s.outcome() != null) {
                line.append('[').append(s.outcome()).append("] ");
            }
            line.append(s.explanation().in(l));
            if (s.status() == StepStatus.WARN || s.status() == StepStatus.FAIL) {
                line.append(zh ? " 建议：" : " Advice: ").append(s.advice().in(l));
                line.append(zh ? "（" : " (").append(s.detail()).append(zh ? "）" : ")");
            }
            out.println(line);
        }
        long warnings = r.steps().stream().filter(s -> s.status() == StepStatus.WARN).count();
        long failures = r.steps().stream().filter(s -> s.status() == StepStatus.FAIL).count();
        out.println(zh
                ? "结论：" + verdict(r.verdict(), true) + "（" + warnings + " 个警告，" + failures + " 个失败）"
                : "Verdict: " + r.verdict().id() + " (" + warnings + " warning" + (warnings == 1 ? "" : "s") + ", "
                + failures + " failure" + (failures == 1 ? "" : "s") + ")");
    }

    private static String status(StepStatus s, boolean zh) {
        if (!zh) {
            return s.id();
        }
        switch (s) {
            case OK: return "通过";
            case WARN: return "警告";
            case FAIL: return "失败";
            default: return "跳过";
        }
    }

    private static String verdict(Verdict v, boolean zh) {
        if (!zh) {
            return v.id();
        }
        switch (v) {
            case OK: return "通过";
            case WARNINGS: return "有警告";
            default: return "失败";
        }
    }
}
