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
        if (source != null || made != null) {
            return self().outcome();
        }
        return definition.outcome();
    }

    public Category category() {
        if (source != null || made != null) {
            return self().category();
        }
        return definition.category();
    }

    public boolean isFailure() {
        if (source != null || made != null) {
            return self().isFailure();
        }
        return definition.category().isFailure();
    }

    public Confidence confidence() {
        if (source != null || made != null) {
            return self().confidence();
        }
        return rule.confidence();
    }

    /** The reply diagnosed, or null for a transport event. */
    public Reply reply() {
        if (source != null || made != null) {
            return self().reply();
        }
        return reply;
    }

    /** The reply code, or null for a transport event. */
    public Integer code() {
        if (source != null || made != null) {
            return self().code();
        }
        return reply == null ? null : reply.code();
    }

    /** The transport event diagnosed, or null for a reply. */
    public TransportEvent event() {
        if (source != null || made != null) {
            return self().event();
        }
        return event;
    }

    /** The verb of the command the reply answered ({@code CONNECT} for the greeting), or null if unknown. */
    public String command() {
        if (source != null || made != null) {
            return self().command();
        }
        return command;
    }

    /** The server family's id ({@code vsftpd}, {@code serv-u}, ...), or {@code unknown}. */
    public String server() {
        if (source != null || made != null) {
            return self().server();
        }
        return server == null ? Server.UNKNOWN.id() : server;
    }

    /**
     * Other outcomes the same evidence could mean, most likely first; empty when the reply says plainly what
     * happened. {@code BadCredentialsOrUnknownUser} from a generic "Login incorrect." lists, for example, the
     * refusals some servers hide behind the same words.
     */
    public java.util.List<Outcome> alternatives() {
        if (source != null || made != null) {
            return self().alternatives();
        }
        return alternatives;
    }

    /** The id of the catalog rule that concluded this diagnosis. */
    public String ruleId() {
        if (source != null || made != null) {
            return self().ruleId();
        }
        return rule.id();
    }

    public Rule rule() {
        if (source != null || made != null) {
            return self().rule();
        }
        return rule;
    }

    /** What the reply code means in general (from the RFCs), or null for events and unknown codes. */
    public Text codeMeaning() {
        if (source != null || made != null) {
            return self().codeMeaning();
        }
        return meaning;
    }

    /** A detail of a transport event, such as the address that refused; never a password. May be null. */
    public String detail() {
        if (source != null || made != null) {
            return self().detail();
        }
        return detail;
    }

    public Text explanation() {
        if (source != null || made != null) {
            return self().explanation();
        }
        return definition.explanation().append(rule.note());
    }

    public String explanation(Locale locale) {
        if (source != null || made != null) {
            return self().explanation(locale);
        }
        return explanation().in(locale);
    }

    public Text advice() {
        if (source != null || made != null) {
            return self().advice();
        }
        return definition.advice();
    }

    public String advice(Locale locale) {
        if (source != null || made != null) {
            return self().advice(locale);
        }
        return definition.advice().in(locale);
    }

    /**
     * The catalog's retry guidance for the outcome; when the server states how long to wait ({@code try again in 5
     * minutes}, in any language of the cue lexicon) and it is longer than the catalog's delay, the server's wait is
     * the delay.
     */
    public RetryAdvice retry() {
        if (source != null || made != null) {
            return self().retry();
        }
        RetryAdvice r = definition.retry();
        java.util.Optional<java.time.Duration> wait = statedWait();
        return wait.isEmpty() || wait.get().compareTo(r.delay()) <= 0
                || !isFailure() && outcome() != Outcome.ServiceReadySoon ? r
                : new RetryAdvice(r.retryable(), wait.get(), r.reduceParallelSessions(), r.stopRetrying());
    }

    /** The phase of the session the reply belongs to (from the command answered), or null when unknown. */
    public Phase phase() {
        if (source != null || made != null) {
            return self().phase();
        }
        return phase;
    }

    /**
     * The session limit the server states in a capacity refusal ({@code Too many connections (3) from this IP}:
     * 3); empty for other outcomes or when no number is given.
     */
    public java.util.OptionalInt limit() {
        if (source != null || made != null) {
            return self().limit();
        }
        return definition.retry().reduceParallelSessions() ? stated().limit() : java.util.OptionalInt.empty();
    }

    /** A wait the server states ({@code try again in 5 minutes}, {@code 120 Service ready in 2 minutes}). */
    public java.util.Optional<java.time.Duration> statedWait() {
        if (source != null || made != null) {
            return self().statedWait();
        }
        return stated().delay();
    }

    /** An IP address the server's text names (yours, usually, in a refusal), if any. */
    public java.util.Optional<String> address() {
        if (source != null || made != null) {
            return self().address();
        }
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
        if (source != null || made != null) {
            return self().summary();
        }
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
        if (source != null || made != null) {
            return self().toString();
        }
        return outcome() + " [" + rule.id() + ", " + confidence() + "]: " + summary();
    }
}
