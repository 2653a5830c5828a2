package io.github.ftpdoctor.diagnosis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a reply or a transport event into a {@link Diagnosis} using a {@link Catalog}'s rules: the most
 * specific matching rule wins, and wildcard rules ({@code 53x}, {@code 5xx}) are the fallback by code class.
 * Thread-safe and allocation-light; knows nothing about sockets, so anyone can call it on a reply from a log.
 */
public final class Classifier {
    private static final int FIRST_CODE = 100;
    private static final int LAST_CODE = 699;

    private final Catalog catalog;
    private final Rule[][] byCode = new Rule[LAST_CODE - FIRST_CODE + 1][];
    private final boolean[] textMatters = new boolean[LAST_CODE - FIRST_CODE + 1];
    private final Map<TransportEvent, Rule[]> byEvent = new EnumMap<>(TransportEvent.class);
    /** The parts of the catalog indexed so far, one bit each (see {@link #ready(int)}). */
    private volatile long ready;
    private final Normalizer normalizer;
    private final Lexicon lexicon;
    /**
     * Servers repeat the same phrasings all day, so the rule chosen for (code, text, context) is remembered;
     * bounded, and simply emptied when full.
     */
    private final Map<CacheKey, Match> memo = new ConcurrentHashMap<>();
    private static final int MEMO_LIMIT = 4096;
    private final boolean memoize;
    private static final int MEMO_TEXT_LIMIT = 1024;
    /**
     * Patterns see at most the first {@value #HEAD} and the last {@value #TAIL} characters of a text: servers state
     * the reason in the first or the last line, and a hostile server's 8 MB reply (1,000 lines of 8 KiB, the most the
     * reader accepts) would otherwise cost seconds of CPU per diagnosis.
     */
    static final int HEAD = 4096;
    static final int TAIL = 1024;

    /**
     * The memo's key. Its equals and hashCode are written out: a record's generated ones are bootstrapped through
     * {@code java.lang.runtime.ObjectMethods} on first use, about 10 ms of a cold JVM's time, at the end of every
     * short command that prints a diagnosis.
     */
    private record CacheKey(int code, String text, String command, Boolean anonymous, String server, boolean failed) {
        @Override
        public boolean equals(Object o) {
            return o instanceof CacheKey k && code == k.code && failed == k.failed && text.equals(k.text)
                    && Objects.equals(command, k.command) && Objects.equals(anonymous, k.anonymous)
                    && Objects.equals(server, k.server);
        }

        @Override
        public int hashCode() {
            int h = code * 31 + text.hashCode();
            h = h * 31 + Objects.hashCode(command);
            h = h * 31 + Objects.hashCode(anonymous);
            h = h * 31 + Objects.hashCode(server);
            return h * 2 + (failed ? 1 : 0);
        }
    }

    /** What one classification works from: the context, its phase and the normalized text. */
    private record Input(ExchangeContext ctx, Phase phase, Subject subject) {
    }

    /** The winning rule and the other outcomes the evidence could mean. */
    private record Match(Rule rule, List<Outcome> alternatives) {
    }

    public Classifier(Catalog catalog) {
        this(catalog, true);
    }

    /** A classifier that remembers phrasings ({@code memoize}) or decides every reply afresh (for tests). */
    Classifier(Catalog catalog, boolean memoize) {
        this.memoize = memoize;
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.normalizer = catalog.normalizer();
        this.lexicon = catalog.lexicon();
    }

    /**
     * Makes the rules of one part of the catalog ready to try (see {@link RuleSet}): the transport events (part 0) or
     * one class of reply codes. Each part is indexed when a reply or event first needs it, so a session that meets
     * only positive replies never reads the rules of the negative ones.
     */
    private void ready(int part) {
        if ((ready & (1L << part)) == 0) {
            index(part);
        }
    }

    private synchronized void index(int part) {
        if ((ready & (1L << part)) != 0) {
            return;
        }
        // the rules of a part keep the catalog's order, so the precedence within it is the catalog's precedence
        List<Rule> ordered = byPrecedence(catalog.rulesOfPart(part));
        if (part == RuleSet.EVENTS) {
            Map<TransportEvent, List<Rule>> perEvent = new EnumMap<>(TransportEvent.class);
            for (Rule r : ordered) {
                perEvent.computeIfAbsent(r.event(), e -> new ArrayList<>()).add(r);
            }
            for (TransportEvent e : TransportEvent.values()) {
                byEvent.put(e, perEvent.getOrDefault(e, List.of()).toArray(new Rule[0]));
            }
        } else {
            // Plain loops, no streams: this runs once per JVM, usually on its first diagnosis, in the interpreter.
            int first = RuleSet.firstCode(part) - FIRST_CODE;
            List<List<Rule>> perCode = new ArrayList<>(10);
            for (int i = 0; i < 10; i++) {
                perCode.add(new ArrayList<>());
            }
            int[] lastRule = new int[LAST_CODE - FIRST_CODE + 1]; // the rule (counted from 1) that last covered a code
            int[] codes = new int[LAST_CODE - FIRST_CODE + 1];
            int count = 0;
            for (Rule r : ordered) {
                count++;
                int n = coveredCodes(r, count, lastRule, codes);
                boolean text = !r.evidence().isNone();
                for (int i = 0; i < n; i++) {
                    int at = codes[i] - first;
                    if (at >= 0 && at < 10) {
                        perCode.get(at).add(r);
                        textMatters[codes[i]] |= text;
                    }
                }
            }
            for (int i = 0; i < 10; i++) {
                byCode[first + i] = perCode.get(i).toArray(new Rule[0]);
            }
        }
        ready |= 1L << part;
    }

    /**
     * The rules from first to last tried: extra rule files (higher layers) first, then the most specific; equal
     * rules keep their file order. Each rule's key is computed once (a comparator would compute it per comparison).
     */
    static List<Rule> byPrecedence(List<Rule> rules) {
        int n = rules.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            Rule r = rules.get(i);
            // specificity within +-2^25 (priorities beyond about +-300,000 rank as equals), layers below 2^15
            long specificity = Math.max(-(1L << 25), Math.min((1L << 25) - 1, r.specificity()));
            long rank = ((long) Math.min(r.layer(), (1 << 15) - 1) << 26) | (specificity + (1L << 25));
            keys[i] = rank << 22 | ((1L << 22) - 1 - i);
        }
        java.util.Arrays.sort(keys);
        List<Rule> ordered = new ArrayList<>(n);
        for (int i = n - 1; i >= 0; i--) {
            ordered.add(rules.get((int) ((1L << 22) - 1 - (keys[i] & ((1L << 22) - 1)))));
        }
        return ordered;
    }

    /**
     * Writes into {@code codes} the reply codes (less {@value #FIRST_CODE}) a rule's code patterns ({@code 530},
     * {@code 53x}, {@code 5xx}) cover, each once, and returns how many; {@code lastRule} remembers which rule last
     * wrote each code, so nothing needs clearing between rules.
     */
    private static int coveredCodes(Rule r, int ruleNumber, int[] lastRule, int[] codes) {
        int n = 0;
        for (String c : r.codes()) {
            int first = c.charAt(0) - '0';
            int s0 = c.charAt(1) == 'x' ? 0 : c.charAt(1) - '0';
            int s1 = c.charAt(1) == 'x' ? 9 : s0;
            int t0 = c.charAt(2) == 'x' ? 0 : c.charAt(2) - '0';
            int t1 = c.charAt(2) == 'x' ? 9 : t0;
            for (int second = s0; second <= s1; second++) {
                for (int third = t0; third <= t1; third++) {
                    int code = first * 100 + second * 10 + third - FIRST_CODE;
                    if (lastRule[code] != ruleNumber) {
                        lastRule[code] = ruleNumber;
                        codes[n++] = code;
                    }
                }
            }
        }
        return n;
    }

    /** A classifier over the built-in catalog. */
    public static Classifier standard() {
        return Standard.INSTANCE;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Diagnoses a reply whose context is unknown. */
    public Diagnosis classify(Reply reply) {
        return classify(reply, ExchangeContext.unknown());
    }

    /** Diagnoses a reply to the command named in the context. */
    public Diagnosis classify(Reply reply, ExchangeContext context) {
        Objects.requireNonNull(reply, "reply");
        ExchangeContext ctx = context == null ? ExchangeContext.unknown() : context;
        Phase phase = catalog.phaseOf(ctx.command());
        Match match = matchFor(reply, ctx, phase);
        return new Diagnosis(catalog.definition(match.rule().outcome()), reply, null, ctx, phase, match.rule(),
                match.alternatives(), catalog.codeMeaning(reply.code()).orElse(null), null, this);
    }

    /**
     * Diagnoses a transport event.
     *
     * @param event   what happened on the connection
     * @param context the command under way ({@code CONNECT} while connecting)
     * @param detail  a human-readable detail such as the address, never a password; may be null
     * @param reply   a reply involved in the event (an unexpected one), or null; rules' patterns are searched in
     *                its text, or else in the detail
     */
    public Diagnosis classify(TransportEvent event, ExchangeContext context, String detail, Reply reply) {
        Objects.requireNonNull(event, "event");
        ExchangeContext ctx = context == null ? ExchangeContext.unknown() : context;
        Phase phase = catalog.phaseOf(ctx.command());
        ready(RuleSet.EVENTS);
        Rule[] rules = byEvent.get(event);
        String text = normalizer.normalize(clip(reply == null ? detail : reply.text()));
        Match match = firstMatch(rules, new Input(ctx, phase, new Subject(text, lexicon)));
        if (match == null) {
            // an event is a fact about the connection, whatever the phase: its unconditional rule stands
            match = firstMatch(rules, new Input(ctx, null, new Subject(text, lexicon)));
        }
        Text meaning = reply == null ? null : catalog.codeMeaning(reply.code()).orElse(null);
        return new Diagnosis(catalog.definition(match.rule().outcome()), reply, event, ctx, phase, match.rule(),
                match.alternatives(), meaning, detail, this);
    }

    /** Diagnoses a transport event with no reply involved. */
    public Diagnosis classify(TransportEvent event, ExchangeContext context, String detail) {
        return classify(event, context, detail, null);
    }

    private Match matchFor(Reply reply, ExchangeContext ctx, Phase phase) {
        ready(RuleSet.partOfCode(reply.code()));
        Rule[] candidates = byCode[reply.code() - FIRST_CODE];
        if (!textMatters[reply.code() - FIRST_CODE]) {
            return orFail(firstMatch(candidates, new Input(ctx, phase, new Subject(null, lexicon))));
        }
        String text = normalizer.normalize(ctx.maskArgument(clip(reply.text())));
        Input input = new Input(ctx, phase, new Subject(text, lexicon));
        if (!memoize || text.length() > MEMO_TEXT_LIMIT) {
            return orFail(firstMatch(candidates, input)); // too long to keep in memory
        }
        CacheKey key = new CacheKey(reply.code(), text, ctx.command(), ctx.anonymous(), ctx.server(),
                ctx.failedLogins() > 0);
        Match match = memo.get(key);
        if (match == null) {
            match = orFail(firstMatch(candidates, input));
            if (memo.size() >= MEMO_LIMIT) {
                memo.clear();
            }
            memo.put(key, match);
        }
        return match;
    }

    private static Match orFail(Match m) {
        if (m == null) {
            // The loader guarantees an unconditional rule of an any-phase outcome for every code class.
            throw new IllegalStateException("catalog has no fallback rule");
        }
        return m;
    }

    /** The text as the rules see it: masked, clipped and normalized (for tests and the evaluation). */
    String subjectText(Reply reply, ExchangeContext ctx) {
        return normalizer.normalize(ctx.maskArgument(clip(reply.text())));
    }

    /** The text patterns are matched against: all of it, or its head and tail when it is long. */
    static String clip(String text) {
        if (text == null || text.length() <= HEAD + TAIL) {
            return text;
        }
        return text.substring(0, HEAD) + "\n" + text.substring(text.length() - TAIL);
    }

    /**
     * The most specific matching rule whose outcome can occur in the phase, and as alternatives the rule's own list
     * followed by the outcomes of the other matching rules that have a condition (and the alternatives of those that
     * conclude the same: a server's exact words keep the doubts the general rule knows); class fallbacks are not
     * alternatives; null when no rule matches.
     */
    private Match firstMatch(Rule[] candidates, Input in) {
        for (int i = 0; i < candidates.length; i++) {
            Rule r = candidates[i];
            if (allowed(r, in) && r.matches(in.subject(), in.ctx(), in.phase())) {
                java.util.LinkedHashSet<Outcome> alternatives = new java.util.LinkedHashSet<>(r.alternatives());
                for (int j = i + 1; j < candidates.length; j++) {
                    Rule other = candidates[j];
                    if (!other.isUnconditional() && allowed(other, in)
                            && other.matches(in.subject(), in.ctx(), in.phase())) {
                        // another reading of the evidence; a rule of the same outcome brings the doubts it knows
                        alternatives.add(other.outcome());
                        if (other.outcome() == r.outcome()) {
                            alternatives.addAll(other.alternatives());
                        }
                    }
                }
                alternatives.remove(r.outcome());
                alternatives.removeIf(o -> !catalog.definition(o).occursIn(in.phase())
                        || !catalog.definition(o).concludableAfter(in.ctx().command()));
                return new Match(r, List.copyOf(alternatives));
            }
        }
        return null;
    }

    private boolean allowed(Rule r, Input in) {
        OutcomeDefinition def = catalog.definition(r.outcome());
        return (in.phase() == null || def.occursIn(in.phase())) && def.concludableAfter(in.ctx().command());
    }

    /** The concepts of the cue lexicon a normalized text mentions (for the diagnosis and tests). */
    List<String> cueConcepts(String normalizedText) {
        return lexicon.names(lexicon.scan(normalizedText));
    }

    /** How many choices of a rule the classifier remembers now (for tests of the memo's bounds). */
    int remembered() {
        return memo.size();
    }

    Lexicon lexicon() {
        return lexicon;
    }

    Normalizer normalizer() {
        return normalizer;
    }

    private static final class Standard {
        static final Classifier INSTANCE = new Classifier(Catalog.builtIn());
    }
}
