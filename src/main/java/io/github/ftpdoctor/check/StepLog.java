package io.github.ftpdoctor.check;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The results of a check's steps as they are recorded, with their texts; every step ends up recorded once. */
final class StepLog {
    private final Map<Step, CheckStep> results = new EnumMap<>(Step.class);
    private final StepTexts texts;
    private final CheckOptions options;

    StepLog(StepTexts texts, CheckOptions options) {
        this.texts = texts;
        this.options = options;
    }

    StepTexts texts() {
        return texts;
    }

    /** An ok step: the explanation from the text under {@code key}, no advice needed. */
    void ok(Step step, long ms, String detail, String key, Object... args) {
        ok(step, ms, detail, texts.get(key, args));
    }

    void ok(Step step, long ms, String detail, Text explanation) {
        put(new CheckStep(step, StepStatus.OK, null, options.mask(detail), explanation, texts.get("advice.none"), ms));
    }

    /**
     * A warn or fail step with its diagnosis: the outcome's explanation (with its rule's note, e.g. what this server
     * family's documentation says) and advice, plus {@code extraAdvice} (e.g. the ports to open), may be null.
     */
    void problem(Step step, StepStatus status, long ms, Diagnosis d, String detail, Text extraAdvice) {
        Text advice = d.advice().append(extraAdvice);
        put(new CheckStep(step, status, d.outcome(), options.mask(detail == null ? describe(d) : detail),
                d.explanation(), advice, ms));
    }

    /** A step that did not run because {@code dependency} did not succeed. */
    void skipAfter(Step step, Step dependency) {
        CheckStep dep = results.get(dependency);
        boolean failed = dep != null && dep.status() == StepStatus.FAIL;
        String why = failed ? "skipped.afterFailed" : "skipped.afterSkipped";
        skip(step, "not run: the " + dependency.id() + " step " + (failed ? "failed" : "did not run"), why,
                "advice.fixFirst", "dependency", dependency.id());
    }

    /** A step that did not run for a reason of its own ({@code skipped.<reason>}, {@code advice.<reason>}). */
    void skip(Step step, String detail, String reasonKey, String adviceKey, Object... args) {
        put(new CheckStep(step, StepStatus.SKIPPED, null, detail, texts.get(reasonKey, args),
                texts.get(adviceKey, args), 0));
    }

    /** Whether a step ran and did not fail. */
    boolean succeeded(Step step) {
        CheckStep s = results.get(step);
        return s != null && (s.status() == StepStatus.OK || s.status() == StepStatus.WARN);
    }

    boolean recorded(Step step) {
        return results.containsKey(step);
    }

    StepStatus status(Step step) {
        CheckStep s = results.get(step);
        return s == null ? null : s.status();
    }

    /** Replaces a step's result (the tls step of an ftp:// check is decided once FEAT is known). */
    void replace(CheckStep step) {
        results.put(step.step(), step);
    }

    /** Drops a step's result, to record it again (the delete step retried through a new session). */
    void forget(Step step) {
        results.remove(step);
    }

    private void put(CheckStep s) {
        if (results.containsKey(s.step())) {
            throw new IllegalStateException("step " + s.step().id() + " recorded twice");
        }
        results.put(s.step(), s);
    }

    /** Every step in order; a step never recorded (a bug) is reported as skipped rather than dropped. */
    List<CheckStep> inOrder() {
        List<CheckStep> all = new ArrayList<>();
        for (Step s : Step.values()) {
            CheckStep r = results.get(s);
            all.add(r != null ? r : new CheckStep(s, StepStatus.SKIPPED, null, "not run",
                    texts.get("skipped.notRun"), texts.get("advice.none"), 0));
        }
        return all;
    }

    /** One line of facts for a diagnosis: the command and the server's reply, or the event's detail. */
    static String describe(Diagnosis d) {
        StringBuilder sb = new StringBuilder();
        if (d.reply() != null) {
            if (d.command() != null) {
                sb.append(d.command()).append(": ");
            }
            sb.append(String.join(" | ", d.reply().lines()));
            if (d.detail() != null) {
                sb.append("; ").append(d.detail());
            }
        } else if (d.detail() != null) {
            sb.append(d.detail());
        } else if (d.event() != null) {
            sb.append(d.event().name());
        }
        return sb.toString();
    }
}
