package io.github.ftpdoctor.check;

import io.github.ftpdoctor.diagnosis.Server;
import io.github.ftpdoctor.diagnosis.Text;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a {@link ServerCheck} found: the target (password masked), the verdict, the server family, one
 * {@link CheckStep} per {@link Step} in order, and the session transcript (passwords masked). Immutable.
 */
public final class CheckReport {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String target;
    private final Server server;
    private final List<CheckStep> steps;
    private final List<String> transcript;
    private final Verdict verdict;

    CheckReport(String target, Server server, List<CheckStep> steps, List<String> transcript) {
        this.target = Objects.requireNonNull(target, "target");
        this.server = Objects.requireNonNull(server, "server");
        this.steps = List.copyOf(steps);
        this.transcript = List.copyOf(transcript);
        this.verdict = verdictOf(this.steps);
    }

    static Verdict verdictOf(List<CheckStep> steps) {
        boolean warned = false;
        for (CheckStep s : steps) {
            if (s.status() == StepStatus.FAIL) {
                return Verdict.FAILED;
            }
            warned |= s.status() == StepStatus.WARN;
        }
        return warned ? Verdict.WARNINGS : Verdict.OK;
    }

    /** The server checked, as a URL with the password shown as {@code ****}. */
    public String target() {
        return target;
    }

    /** {@code failed} if any step failed, else {@code warnings} if any step warned, else {@code ok}. */
    public Verdict verdict() {
        return verdict;
    }

    /** The server family as far as the greeting and SYST tell ({@link Server#UNKNOWN} when they do not). */
    public Server server() {
        return server;
    }

    /** Every step, in the order of {@link Step}. */
    public List<CheckStep> steps() {
        return steps;
    }

    /** The result of one step. */
    public Optional<CheckStep> step(Step step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }

    /** The control connection's transcript ({@code PASS ****}), with the check's own notes as {@code * ...}. */
    public List<String> transcript() {
        return transcript;
    }

    /**
     * The report as one JSON object: {@code target}, {@code verdict}, {@code server} (the family id),
     * {@code steps} (each {@code step}, {@code status}, {@code outcome} (null for ok and skipped steps),
     * {@code detail}, {@code explanation {en, zh}}, {@code advice {en, zh}}, {@code elapsedMs}), {@code transcript}.
     */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("target", target);
        o.put("verdict", verdict.id());
        o.put("server", server.id());
        ArrayNode a = o.putArray("steps");
        for (CheckStep s : steps) {
            ObjectNode j = a.addObject();
            j.put("step", s.step().id());
            j.put("status", s.status().id());
            j.put("outcome", s.outcome() == null ? null : s.outcome().name());
            j.put("detail", s.detail());
            text(j.putObject("explanation"), s.explanation());
            text(j.putObject("advice"), s.advice());
            j.put("elapsedMs", s.elapsedMs());
        }
        ArrayNode t = o.putArray("transcript");
        transcript.forEach(t::add);
        return JSON.writeValueAsString(o);
    }

    private static void text(ObjectNode o, Text t) {
        o.put("en", t.en());
        o.put("zh", t.zh());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(target).append(": ").append(verdict.id());
        for (CheckStep s : steps) {
            sb.append("\n  ").append(s.step().id()).append(' ').append(s.status().id());
            if (s.outcome() != null) {
                sb.append(' ').append(s.outcome());
            }
            sb.append(" (").append(s.detail()).append(')');
        }
        return sb.toString();
    }
}
