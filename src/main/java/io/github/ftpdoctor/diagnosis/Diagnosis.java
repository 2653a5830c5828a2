package io.github.ftpdoctor.diagnosis;

import java.util.Locale;
import java.util.Objects;

/**
 * What a reply or transport event means: the outcome, the evidence (reply or event), the rule that concluded it,
 * explanation and advice in English and Chinese, and retry guidance. Immutable.
 */
public final class Diagnosis {
    private static final int MAX_REPLY_IN_SUMMARY = 400;

    private final OutcomeDefinition definition;
    private final Reply reply;
    private final TransportEvent event;
    private final String command;
    private final String server;
    private final Rule rule;
    private final java.util.List<Outcome> alternatives;
    private final Text meaning;
    private final String detail;
    private final Phase phase;
    private final Classifier classifier;
    /** The numbers the text states, read on first need. */
    private volatile Stated stated;

    /** What the server's text states besides its reason. */
    private record Stated(java.util.OptionalInt limit, java.util.Optional<java.time.Duration> delay,
                          java.util.Optional<String> address) {
    }

    Diagnosis(OutcomeDefinition definition, Reply reply, TransportEvent event, ExchangeContext context, Phase phase,
              Rule rule, java.util.List<Outcome> alternatives, Text meaning, String detail, Classifier classifier) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.reply = reply;
        this.event = event;
        this.command = context.command();
        this.server = context.server();
        this.rule = Objects.requireNonNull(rule, "rule");
        this.alternatives = alternatives;
        this.meaning = meaning;
        this.detail = detail;
        this.phase = phase;
        this.classifier = classifier;
    }

    public Outcome outcome() {
        return definition.outcome();
    }

    public Category category() {
        return definition.category();
    }

    public boolean isFailure() {
        return definition.category().isFailure();
    }

    public Confidence confidence() {
        return rule.confidence();
    }

    /** The reply diagnosed, or null for a transport event. */
    public Reply reply() {
        return reply;
    }

    /** The reply code, or null for a transport event. */
    public Integer code() {
        return reply == null ? null : reply.code();
    }

    /** The transport event diagnosed, or null for a reply. */
    public TransportEvent event() {
        return event;
    }

    /** The verb of the command the reply answered ({@code CONNECT} for the greeting), or null if unknown. */
    public String command() {
        return command;
    }

    /** The server family's id ({@code vsftpd}, {@code serv-u}, ...), or {@code unknown}. */
    public String server() {
        return server == null ? Server.UNKNOWN.id() : server;
    }

    /**
     * Other outcomes the same evidence could mean, most likely first; empty when the reply says plainly what
     * happened. {@code BadCredentialsOrUnknownUser} from a generic "Login incorrect." lists, for example, the
     * refusals some servers hide behind the same words.
     */
    public java.util.List<Outcome> alternatives() {
        return alternatives;
    }

    /** The id of the catalog rule that concluded this diagnosis. */
    public String ruleId() {
        return rule.id();
    }

    public Rule rule() {
        return rule;
    }

    /** What the reply code means in general (from the RFCs), or null for events and unknown codes. */
    public Text codeMeaning() {
        return meaning;
    }

    /** A detail of a transport event, such as the address that refused; never a password. May be null. */
    public String detail() {
        return detail;
    }

    public Text explanation() {
        return definition.explanation().append(rule.note());
    }

    public String explanation(Locale locale) {
        return explanation().in(locale);
    }

    public Text advice() {
        return definition.advice();
    }

    public String advice(Locale locale) {
        return definition.advice().in(locale);
    }

    /**
     * The catalog's retry guidance for the outcome; when the server states how long to wait ({@code try again in 5
     * minutes}, in any language of the cue lexicon) and it is longer than the catalog's delay, the server's wait is
     * the delay.
     */
    public RetryAdvice retry() {
        RetryAdvice r = definition.retry();
        java.util.Optional<java.time.Duration> wait = statedWait();
        return wait.isEmpty() || wait.get().compareTo(r.delay()) <= 0
                || !isFailure() && outcome() != Outcome.ServiceReadySoon ? r
                : new RetryAdvice(r.retryable(), wait.get(), r.reduceParallelSessions(), r.stopRetrying());
    }

    /** The phase of the session the reply belongs to (from the command answered), or null when unknown. */
    public Phase phase() {
        return phase;
    }

    /**
     * The session limit the server states in a capacity refusal ({@code Too many connections (3) from this IP}:
     * 3); empty for other outcomes or when no number is given.
     */
    public java.util.OptionalInt limit() {
        return definition.retry().reduceParallelSessions() ? stated().limit() : java.util.OptionalInt.empty();
    }

    /** A wait the server states ({@code try again in 5 minutes}, {@code 120 Service ready in 2 minutes}). */
    public java.util.Optional<java.time.Duration> statedWait() {
        return stated().delay();
    }

    /** An IP address the server's text names (yours, usually, in a refusal), if any. */
    public java.util.Optional<String> address() {
        return stated().address();
    }

    private Stated stated() {
        Stated s = stated;
        if (s == null) {
            String raw = reply != null ? reply.text() : detail;
            if (raw == null || classifier == null) {
                s = new Stated(java.util.OptionalInt.empty(), java.util.Optional.empty(), java.util.Optional.empty());
            } else {
                String text = classifier.normalizer().normalize(Classifier.clip(raw));
                Lexicon lexicon = classifier.lexicon();
                s = new Stated(Quantities.limit(text, lexicon), Quantities.statedWait(text, lexicon),
                        Quantities.address(text));
            }
            stated = s;
        }
        return s;
    }

    /** One line in English: the explanation, then the evidence (the server's reply, or the event's detail). */
    public String summary() {
        StringBuilder sb = new StringBuilder(definition.explanation().en());
        if (reply != null) {
            String r = String.join(" | ", reply.lines());
            if (r.length() > MAX_REPLY_IN_SUMMARY) {
                r = r.substring(0, MAX_REPLY_IN_SUMMARY) + "…";
            }
            sb.append(" Server replied");
            if (command != null) {
                sb.append(" to ").append(command);
            }
            sb.append(": \"").append(r).append('"');
        } else if (detail != null) {
            sb.append(" (").append(detail).append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return outcome() + " [" + rule.id() + ", " + confidence() + "]: " + summary();
    }
}
