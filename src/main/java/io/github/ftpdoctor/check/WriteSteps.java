package io.github.ftpdoctor.check;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.protocol.Login;
import io.github.ftpdoctor.internal.protocol.Replies;
import io.github.ftpdoctor.internal.protocol.Session;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The write steps (only with {@code write}): upload a small random file with a unique name, check SIZE and MDTM,
 * download it back and compare SHA-256, download its second half with REST, rename it, delete it. Whatever happens,
 * the file is deleted at the end, through a new session if the control connection was lost; a file that cannot be
 * deleted is named in the delete step.
 */
final class WriteSteps {
    static final int FILE_SIZE = 50_000;
    /** MDTM further than this from the local clock at the time of the upload is a warning. */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final Set<Outcome> WRITE_REFUSALS = EnumSet.of(Outcome.PermissionDenied, Outcome.FileUnavailable);
    private static final Set<Step> WRITE_STEPS = EnumSet.of(Step.UPLOAD, Step.DOWNLOAD, Step.RESUME, Step.RENAME,
            Step.DELETE);

    private final CheckRun run;
    private final byte[] content = new byte[FILE_SIZE];
    private final String name;
    private final String renamed;
    /** Where the file is now (null before any upload). */
    private String current;
    /** Every name the file may have on the server. */
    private final Set<String> candidates = new LinkedHashSet<>();
    private boolean deleted;

    WriteSteps(CheckRun run) {
        this.run = run;
        SecureRandom random = new SecureRandom();
        random.nextBytes(content);
        byte[] id = new byte[6];
        random.nextBytes(id);
        String hex = HexFormat.of().formatHex(id);
        this.name = "ftpdoctor-check-" + hex + ".tmp";
        this.renamed = "ftpdoctor-check-" + hex + "-renamed.tmp";
    }

    void run() {
        if (!run.options.write()) {
            for (Step s : WRITE_STEPS) {
                run.log.skip(s, "not run: the write steps run only when asked for (--write)", "skipped.noWrite",
                        "advice.noWrite");
            }
            return;
        }
        try {
            Step[] needs = run.options.directory() == null ? new Step[] {Step.DATA} : new Step[] {Step.DATA, Step.PWD};
            if (run.ready(Step.UPLOAD, needs)) {
                run.step(Step.UPLOAD, this::upload);
            }
            if (run.ready(Step.DOWNLOAD, Step.UPLOAD)) {
                run.step(Step.DOWNLOAD, this::download);
            }
            if (run.ready(Step.RESUME, Step.UPLOAD)) {
                run.step(Step.RESUME, this::resume);
            }
            if (run.ready(Step.RENAME, Step.UPLOAD)) {
                run.step(Step.RENAME, this::rename);
            }
        } finally {
            deleteStep();
        }
    }

    private void upload(long start) throws FtpException {
        Session s = run.session;
        s.expect("TYPE", "I", c -> c / 100 == 2);
        Instant before = Instant.now();
        DataChannel.Done done;
        try {
            candidates.add(name);
            done = run.data.run(new DataChannel.Transfer("STOR", name, 0, content, false, null));
            current = name;
        } catch (FtpException e) {
            if (run.data.lastStarted()) {
                current = name; // a partial file may be there
            } else {
                candidates.remove(name);
            }
            Diagnosis d = run.diagnosisOf(e);
            if (!run.data.lastStarted() && WRITE_REFUSALS.contains(d.outcome()) && d.reply() != null) {
                d = run.classifier.classify(TransportEvent.WRITE_REFUSED, run.context("STOR"),
                        "STOR of a new file in the login directory refused", d.reply());
            }
            run.log.problem(Step.UPLOAD, StepStatus.FAIL, CheckRun.ms(start), d, null, DataSteps.portAdvice(run, d));
            return;
        }
        Instant after = Instant.now();
        StringBuilder detail = new StringBuilder("STOR ").append(name).append(": ").append(content.length)
                .append(" bytes, ").append(done.fin()).append(DataSteps.retried(done));
        Reply size = s.send("SIZE", name);
        long reported = size.code() == 213 ? Replies.size(size) : -1;
        detail.append("; SIZE: ").append(reported >= 0 ? Long.toString(reported) : size.toString());
        if (reported >= 0 && reported != content.length) {
            fail(Step.UPLOAD, start, TransportEvent.CONTENT_MISMATCH, "STOR", detail + "; sent " + content.length
                    + " bytes but SIZE reports " + reported);
            return;
        }
        Reply mdtm = s.send("MDTM", name);
        Instant time = mdtm.code() == 213 ? Replies.time(mdtm) : null;
        detail.append("; MDTM: ").append(time != null ? time.toString() : mdtm.toString());
        if (time != null) {
            Duration skew = time.isBefore(before) ? Duration.between(time, before)
                    : time.isAfter(after) ? Duration.between(after, time) : Duration.ZERO;
            detail.append(" (the upload ran from ").append(before).append(" to ").append(after).append(" UTC here)");
            if (skew.compareTo(MAX_SKEW) > 0) {
                String why = detail + "; the server's time is " + (time.isBefore(before) ? "behind" : "ahead")
                        + " by " + skew.toMinutes() + " min";
                Diagnosis d = run.classifier.classify(TransportEvent.CLOCK_SKEW, run.context("MDTM"), why, null);
                run.log.problem(Step.UPLOAD, StepStatus.WARN, CheckRun.ms(start), d, why, null);
                return;
            }
        }
        run.log.ok(Step.UPLOAD, CheckRun.ms(start), detail.toString(), "upload.ok", "bytes", content.length,
                "name", name);
    }

    private void download(long start) throws FtpException {
        DataChannel.Done done = run.data.run(DataChannel.Transfer.receive("RETR", current));
        String detail = "RETR " + current + ": " + done.data().length + " bytes, " + done.fin() + "; SHA-256 sent "
                + sha256(content) + ", received " + sha256(done.data()) + DataSteps.retried(done);
        if (!Arrays.equals(content, done.data())) {
            fail(Step.DOWNLOAD, start, TransportEvent.CONTENT_MISMATCH, "RETR", detail);
            return;
        }
        run.log.ok(Step.DOWNLOAD, CheckRun.ms(start), detail, "download.ok");
    }

    private void resume(long start) throws FtpException {
        int offset = content.length / 2;
        byte[] rest = Arrays.copyOfRange(content, offset, content.length);
        DataChannel.Done done;
        try {
            done = run.data.run(new DataChannel.Transfer("RETR", current, offset, null, false, null));
        } catch (FtpException e) {
            Diagnosis d = run.diagnosisOf(e);
            boolean restRefused = "REST".equals(d.command()) && d.reply() != null && d.reply().isNegative();
            run.log.problem(Step.RESUME, restRefused ? StepStatus.WARN : StepStatus.FAIL, CheckRun.ms(start), d,
                    restRefused ? "REST " + offset + " refused: " + d.reply() : null, null);
            return;
        }
        String detail = "REST " + offset + " + RETR " + current + ": " + done.data().length + " bytes, " + done.fin()
                + DataSteps.retried(done);
        if (!Arrays.equals(rest, done.data())) {
            boolean whole = Arrays.equals(content, done.data());
            fail(Step.RESUME, start, TransportEvent.CONTENT_MISMATCH, "RETR", detail + (whole
                    ? "; the server ignored REST and sent the whole file" : "; expected the last " + rest.length
                    + " bytes, SHA-256 " + sha256(rest) + ", received " + sha256(done.data())));
            return;
        }
        run.log.ok(Step.RESUME, CheckRun.ms(start), detail, "resume.ok", "offset", offset);
    }

    private void rename(long start) throws FtpException {
        Session s = run.session;
        s.expect("RNFR", current, c -> c == 350);
        candidates.add(renamed);
        Reply to = s.expect("RNTO", renamed, c -> c / 100 == 2);
        current = renamed;
        run.log.ok(Step.RENAME, CheckRun.ms(start), "RNFR " + name + ", RNTO " + renamed + ": " + to, "rename.ok",
                "name", renamed);
    }

    /** The delete step, which also runs when earlier write steps failed, so that no file is left behind. */
    private void deleteStep() {
        if (run.log.recorded(Step.DELETE)) {
            return;
        }
        if (current == null) {
            if (run.log.status(Step.UPLOAD) == StepStatus.FAIL) {
                run.log.skip(Step.DELETE, "not run: the upload was refused, so no file was created",
                        "skipped.nothingUploaded", "advice.none");
            } else {
                run.log.skipAfter(Step.DELETE, Step.UPLOAD);
            }
            return;
        }
        if (run.session != null && run.session.isOpen()) {
            run.step(Step.DELETE, this::delete);
            if (deleted || run.session.isOpen()) {
                return; // deleted, or refused for a reason a new session would not change
            }
        }
        run.log.forget(Step.DELETE); // the connection was lost: try again through a new one
        run.step(Step.DELETE, this::deleteInNewSession);
    }

    private void delete(long start) throws FtpException {
        Reply r = run.session.send("DELE", current);
        if (r.isPositiveCompletion()) {
            deleted = true;
            run.log.ok(Step.DELETE, CheckRun.ms(start), "DELE " + current + ": " + r, "delete.ok");
            return;
        }
        Diagnosis d = run.session.diagnose(r, "DELE");
        run.log.problem(Step.DELETE, StepStatus.FAIL, CheckRun.ms(start), d, "DELE " + current + ": " + r
                + "; the test file " + current + " is still on the server: delete it by hand", null);
    }

    /** The control connection was lost: log in again just to delete the file. */
    private void deleteInNewSession(long start) throws FtpException {
        if (run.connectOptions == null) {
            return;
        }
        run.extraTranscript.add("* check: a new session to delete " + String.join(" or ", candidates));
        try (Session s = Session.open(run.connectOptions)) {
            Login.run(s, run.options.loginName(), run.options.user() == null ? "anonymous@" : run.options.password(),
                    null);
            Reply last = null;
            for (String n : candidates) {
                Reply r = s.send("DELE", n);
                if (r.isPositiveCompletion()) {
                    deleted = true;
                    last = r;
                } else if (last == null) {
                    last = r;
                }
            }
            s.send("QUIT", null);
            run.extraTranscript.addAll(s.transcript());
            String detail = "deleted through a new session (the first one was lost): " + last;
            if (deleted) {
                run.log.ok(Step.DELETE, CheckRun.ms(start), detail, "delete.ok");
            } else {
                run.log.problem(Step.DELETE, StepStatus.FAIL, CheckRun.ms(start), s.diagnose(last, "DELE"),
                        detail + "; the test file " + current + " is still on the server: delete it by hand", null);
            }
        } catch (FtpException e) {
            run.extraTranscript.addAll(e.transcript());
            run.log.problem(Step.DELETE, StepStatus.FAIL, CheckRun.ms(start), e.diagnosis(), StepLog.describe(
                    e.diagnosis()) + "; the test file " + current + " may still be on the server: delete it by hand",
                    null);
        }
    }

    private void fail(Step step, long start, TransportEvent event, String verb, String detail) {
        Diagnosis d = run.classifier.classify(event, run.context(verb), detail, null);
        run.log.problem(step, StepStatus.FAIL, CheckRun.ms(start), d, detail, null);
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b)).substring(0, 16) + "…";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
