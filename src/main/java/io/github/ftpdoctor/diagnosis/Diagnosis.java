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
    /** For a diagnosis made when first read: where it comes from; null once made, and for all others. */
    private volatile java.util.function.Supplier<Diagnosis> source;
    /** For a diagnosis made when first read: the diagnosis, once made. */
    private volatile Diagnosis made;
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

    private Diagnosis(java.util.function.Supplier<Diagnosis> source) {
        this.source = Objects.requireNonNull(source, "source");
        this.definition = null;
        this.reply = null;
        this.event = null;
        this.command = null;
        this.server = null;
        this.rule = null;
        this.alternatives = null;
        this.meaning = null;
        this.detail = null;
        this.phase = null;
        this.classifier = null;
    }

    /**
     * A diagnosis made when one of its methods is first called, by {@code source} (once, on that thread), and the
     * same from then on. A session returns the diagnosis of a successful step this way, so that the step does not
     * wait for the reply catalog to be read: a short command's catalog is read while its transfer runs.
     */
    public static Diagnosis whenRead(java.util.function.Supplier<Diagnosis> source) {
        return new Diagnosis(source);
    }

    /** This diagnosis, or for one made when first read, the one its source made. */
    private Diagnosis self() {
        if (source == null && made == null) {
            return this;
        }
        Diagnosis d = made;
        if (d == null) {
            synchronized (this) {
                d = made;
                if (d == null) {
                    d = Objects.requireNonNull(source.get(), "the diagnosis source returned null").self();
                    made = d;
                    source = null;
                }
            }
        }
        return d;
    }

    public Outcome outcome() {
        return self().definition.outcome();
    }

    public Category category() {
        return self().definition.category();
    }

    public boolean isFailure() {
        return self().definition.category().isFailure();
    }

    public Confidence confidence() {
        return self().rule.confidence();
    }

    /** The reply diagnosed, or null for a transport event. */
    public Reply reply() {
        return self().reply;
    }

    /** The reply code, or null for a transport event. */
    public Integer code() {
        Reply r = self().reply;
        return r == null ? null : r.code();
    }

    /** The transport event diagnosed, or null for a reply. */
    public TransportEvent event() {
        return self().event;
    }

    /** The verb of the command the reply answered ({@code CONNECT} for the greeting), or null if unknown. */
    public String command() {
        return self().command;
    }

    /** The server family's id ({@code vsftpd}, {@code serv-u}, ...), or {@code unknown}. */
    public String server() {
        String id = self().server;
        return id == null ? Server.UNKNOWN.id() : id;
    }

    /**
     * Other outcomes the same evidence could mean, most likely first; empty when the reply says plainly what
     * happened. {@code BadCredentialsOrUnknownUser} from a generic "Login incorrect." lists, for example, the
     * refusals some servers hide behind the same words.
     */
    public java.util.List<Outcome> alternatives() {
        return self().alternatives;
    }

    /** The id of the catalog rule that concluded this diagnosis. */
    public String ruleId() {
        return self().rule.id();
    }

    public Rule rule() {
        return self().rule;
    }

    /** What the reply code means in general (from the RFCs), or null for events and unknown codes. */
    public Text codeMeaning() {
        return self().meaning;
    }

    /** A detail of a transport event, such as the address that refused; never a password. May be null. */
    public String detail() {
        return self().detail;
    }

    public Text explanation() {
        return self().definition.explanation().append(self().rule.note());
    }

    public String explanation(Locale locale) {
        return explanation().in(locale);
    }

    public Text advice() {
        return self().definition.advice();
    }

    public String advice(Locale locale) {
        return self().definition.advice().in(locale);
    }

    /**
     * The catalog's retry guidance for the outcome; when the server states how long to wait ({@code try again in 5
     * minutes}, in any language of the cue lexicon) and it is longer than the catalog's delay, the server's wait is
     * the delay.
     */
    public RetryAdvice retry() {
        RetryAdvice r = self().definition.retry();
        java.util.Optional<java.time.Duration> wait = statedWait();
        return wait.isEmpty() || wait.get().compareTo(r.delay()) <= 0
                || !isFailure() && outcome() != Outcome.ServiceReadySoon ? r
                : new RetryAdvice(r.retryable(), wait.get(), r.reduceParallelSessions(), r.stopRetrying());
    }

    /** The phase of the session the reply belongs to (from the command answered), or null when unknown. */
    public Phase phase() {
        return self().phase;
    }

    /**
     * The session limit the server states in a capacity refusal ({@code Too many connections (3) from this IP}:
     * 3); empty for other outcomes or when no number is given.
     */
    public java.util.OptionalInt limit() {
        return self().definition.retry().reduceParallelSessions() ? self().stated().limit() : java.util.OptionalInt.empty();
    }

    /** A wait the server states ({@code try again in 5 minutes}, {@code 120 Service ready in 2 minutes}). */
    public java.util.Optional<java.time.Duration> statedWait() {
        return self().stated().delay();
    }

    /** An IP address the server's text names (yours, usually, in a refusal), if any. */
    public java.util.Optional<String> address() {
        return self().stated().address();
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
        Diagnosis d = self();
        StringBuilder sb = new StringBuilder(d.definition.explanation().en());
        if (d.reply != null) {
            String r = String.join(" | ", d.reply.lines());
            if (r.length() > MAX_REPLY_IN_SUMMARY) {
                r = r.substring(0, MAX_REPLY_IN_SUMMARY) + "…";
            }
            sb.append(" Server replied");
            if (d.command != null) {
                sb.append(" to ").append(d.command);
            }
            sb.append(": \"").append(r).append('"');
        } else if (d.detail != null) {
            sb.append(" (").append(d.detail).append(')');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return outcome() + " [" + ruleId() + ", " + confidence() + "]: " + summary();
    }
}
