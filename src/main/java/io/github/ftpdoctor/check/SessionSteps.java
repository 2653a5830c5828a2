package io.github.ftpdoctor.check;

import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.protocol.Login;
import io.github.ftpdoctor.internal.protocol.Replies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The login, features, pwd and quit steps: one command or two each, on the control connection. */
final class SessionSteps {
    private final CheckRun run;

    SessionSteps(CheckRun run) {
        this.run = run;
    }

    void login(long start) throws FtpException {
        String user = run.options.loginName();
        String password = run.options.user() == null ? "anonymous@" : run.options.password();
        Login.run(run.session, user, password, null);
        if (run.session.tls() != null) {
            run.session.expect("PBSZ", "0", c -> c / 100 == 2);
            run.session.expect("PROT", "P", c -> c / 100 == 2);
        }
        String detail = "logged in as " + user + (run.session.tls() != null ? "; PBSZ 0, PROT P accepted" : "");
        run.log.ok(Step.LOGIN, CheckRun.ms(start), detail, run.options.user() == null ? "login.anonymous" : "login.ok",
                "user", user);
    }

    void features(long start) throws FtpException {
        var syst = run.session.send("SYST", null);
        String system = syst.code() == 215 ? syst.text() : null;
        if (system != null) {
            run.session.learnSystem(system);
        }
        var feat = run.session.send("FEAT", null);
        run.features = feat.code() == 211 ? Replies.features(feat) : Map.of();
        if (run.features.containsKey("UTF8")) {
            run.session.send("OPTS", "UTF8 ON"); // a refusal changes nothing: the check reads UTF-8 either way
        }
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String f : new String[] {"UTF8", "MLST", "EPSV", "REST STREAM", "SIZE", "MDTM"}) {
            boolean has = f.equals("REST STREAM")
                    ? run.features.getOrDefault("REST", "").toUpperCase(Locale.ROOT).contains("STREAM")
                    : run.features.containsKey(f);
            (has ? present : missing).add(f);
        }
        String detail = "SYST: " + (system == null ? syst.toString() : system) + "; FEAT: "
                + (feat.code() == 211 ? String.join(", ", run.features.keySet()) : feat.toString());
        run.log.ok(Step.FEATURES, CheckRun.ms(start), detail, "features.ok", "system", system == null ? "?" : system,
                "present", present.isEmpty() ? "-" : String.join(", ", present),
                "missing", missing.isEmpty() ? "-" : String.join(", ", missing));
        run.tls.afterFeatures(feat);
    }

    /** PWD; with a directory to work in, CWD there first (a refusal fails the step, and the write steps skip). */
    void pwd(long start) throws FtpException {
        String dir = run.options.directory();
        String cwd = "";
        if (dir != null) {
            cwd = "CWD " + dir + ": " + run.session.expect("CWD", dir, c -> c / 100 == 2) + "; ";
        }
        String path = Replies.pwdPath(run.session, run.session.expect("PWD", null, c -> c == 257));
        run.log.ok(Step.PWD, CheckRun.ms(start), cwd + "257 \"" + path + "\"", dir == null ? "pwd.ok" : "pwd.cwd",
                "path", path);
    }

    void quit(long start) {
        try {
            var r = run.session.send("QUIT", null);
            if (r.code() == 221) {
                run.log.ok(Step.QUIT, CheckRun.ms(start), r.toString(), "quit.ok", "code", r.code());
            } else {
                run.log.problem(Step.QUIT, StepStatus.WARN, CheckRun.ms(start), run.session.diagnose(r, "QUIT"), null,
                        null);
            }
        } catch (FtpException e) {
            run.log.problem(Step.QUIT, StepStatus.WARN, CheckRun.ms(start), e.diagnosis(), null, null);
        } finally {
            run.session.close();
        }
    }
}
