package io.github.ftpdoctor.diagnosis;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One catalog rule: when a reply (or transport event) looks like this, in this context, the outcome is that.
 * Rules are data: they are read from {@code reply-catalog/rules/*.json} and from users' extra rule files.
 *
 * @param id           unique identifier, reported in every diagnosis the rule produces
 * @param codes        code patterns, three characters of digits or {@code x} wildcards ({@code "530"}, {@code "53x"});
 *                     empty for an event rule
 * @param event        the transport event matched instead of a code; null for a reply rule
 * @param evidence     what the reply's text must show: an exact phrasing, a pattern, cue concepts, or nothing
 * @param when         the context the reply must come in: the command answered, the phase, the login, the server
 * @param outcome      the outcome this rule concludes
 * @param confidence   how sure the conclusion is
 * @param alternatives other outcomes the same evidence could mean, most likely first
 * @param priority     added to the computed specificity
 * @param note         optional extra explanation appended to the outcome's own; may be null
 * @param source       where the rule's text comes from (server source file, documentation)
 * @param origin       the file the rule was read from
 * @param layer        0 for the built-in catalog; extra rule files get higher layers and take precedence
 * @param families     the server families (or translations, {@code family/lang}) whose own replies the rule's
 *                     phrasing was taken from; the leave-one-family-out evaluation drops the rule for them
 */
public record Rule(String id, List<String> codes, TransportEvent event, Evidence evidence, Conditions when,
                   Outcome outcome, Confidence confidence, List<Outcome> alternatives, int priority, Text note,
                   String source, String origin, int layer, Set<String> families) {

    /**
     * What a reply's text must show, matched against its normalized form (lower case, folded width, white space
     * and script; see {@code reply-catalog/normalization.json}). Several kinds may be combined; all must hold.
     *
     * @param exact   the whole text must be one of a server's exact phrasings (with its placeholders); or null
     * @param pattern a regular expression searched in the text; or null
     * @param cues    concept groups of the lexicon, one bit per concept: every group must have a concept the text
     *                mentions; empty for none
     * @param unless  concepts that, when mentioned, stop the rule from matching; 0 for none
     * @param cueText the cue groups as written, for messages
     */
    public record Evidence(Phrasings exact, Pattern pattern, long[] cues, long unless, List<String> cueText) {
        static final Evidence NONE = new Evidence(null, null, new long[0], 0L, List.of());

        public Evidence {
            cues = cues == null ? new long[0] : cues.clone();
            cueText = cueText == null ? List.of() : List.copyOf(cueText);
        }

        /** Whether the rule rests on no text at all. */
        public boolean isNone() {
            return exact == null && pattern == null && cues.length == 0 && unless == 0L;
        }

        /** Whether cue words alone decide (no exact phrasing, no pattern). */
        public boolean cuesOnly() {
            return exact == null && pattern == null && cues.length > 0;
        }

        boolean matches(Subject subject) {
            if (isNone()) {
                return true;
            }
            String text = subject.text();
            if (text == null) {
                return false;
            }
            if (exact != null && !exact.matches(text)) {
                return false;
            }
            if (pattern != null && !pattern.matcher(text).find()) {
                return false;
            }
            if (cues.length > 0 || unless != 0L) {
                long seen = subject.cues();
                if ((seen & unless) != 0L) {
                    return false;
                }
                for (long group : cues) {
                    if ((seen & group) == 0L) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /**
     * The context a reply must come in; empty sets and nulls match anything.
     *
     * @param after             the commands the reply may answer (upper case)
     * @param phases            the phases the reply may belong to
     * @param anonymous         true/false to require an anonymous/named login; null matches both
     * @param servers           server family ids the rule is limited to
     * @param afterFailedLogins true to match only after recent failed logins to the host, false only without
     */
    public record Conditions(Set<String> after, Set<Phase> phases, Boolean anonymous, Set<String> servers,
                             Boolean afterFailedLogins) {
        static final Conditions NONE = new Conditions(Set.of(), Set.of(), null, Set.of(), null);

        public Conditions {
            after = after == null ? Set.of() : Set.copyOf(after);
            phases = phases == null ? Set.of() : Set.copyOf(phases);
            servers = servers == null ? Set.of() : Set.copyOf(servers);
        }

        boolean isNone() {
            return after.isEmpty() && phases.isEmpty() && anonymous == null && servers.isEmpty()
                    && afterFailedLogins == null;
        }

        boolean matches(ExchangeContext context, Phase phase) {
            if (!after.isEmpty() && (context.command() == null || !after.contains(context.command()))) {
                return false;
            }
            if (!phases.isEmpty() && (phase == null || !phases.contains(phase))) {
                return false;
            }
            if (anonymous != null && !anonymous.equals(context.anonymous())) {
                return false;
            }
            if (!servers.isEmpty() && (context.server() == null || !servers.contains(context.server()))) {
                return false;
            }
            return afterFailedLogins == null || afterFailedLogins == (context.failedLogins() > 0);
        }
    }

    public Rule {
        codes = codes == null ? List.of() : List.copyOf(codes);
        evidence = evidence == null ? Evidence.NONE : evidence;
        when = when == null ? Conditions.NONE : when;
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
        families = families == null ? Set.of() : Set.copyOf(families);
    }

    /** The rule's pattern, or null. */
    public Pattern pattern() {
        return evidence.pattern();
    }

    /** The commands the reply may answer; empty for any. */
    public Set<String> after() {
        return when.after();
    }

    /** Whether the rule has no condition beyond its code or event: a class fallback. */
    public boolean isUnconditional() {
        return evidence.isNone() && when.isNone();
    }

    /** Whether this rule's code pattern covers the code. */
    public boolean coversCode(int replyCode) {
        String digits = Integer.toString(replyCode);
        for (String code : codes) {
            if (code.charAt(0) == digits.charAt(0) && matchesDigit(code, digits, 1) && matchesDigit(code, digits, 2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesDigit(String code, String digits, int i) {
        return code.charAt(i) == 'x' || code.charAt(i) == digits.charAt(i);
    }

    /** Whether the rule's conditions other than the code or event hold for this text in this context and phase. */
    boolean matches(Subject subject, ExchangeContext context, Phase phase) {
        return when.matches(context, phase) && evidence.matches(subject);
    }

    /**
     * How specific the rule is. First the kind of evidence: an exact phrasing, then text evidence (a pattern or cue
     * concepts), then context alone (the command or phase, the login kind, the server, the login history), then
     * nothing. Within a kind, {@link #priority()} decides (a specific reason such as a ban or a session limit
     * outranks a generic one such as a failed login when a reply states both), then the context, a pattern over cue
     * words, more cue groups, and each exact digit of the code.
     */
    public int specificity() {
        int tier = evidence.exact() != null ? 3 : evidence.pattern() != null || evidence.cues().length > 0 ? 2
                : when.isNone() ? 0 : 1;
        int s = tier * 100_000 + priority * 100;
        if (!when.after().isEmpty() || !when.phases().isEmpty()) {
            s += 20;
        }
        if (when.anonymous() != null) {
            s += 10;
        }
        if (!when.servers().isEmpty()) {
            s += 10;
        }
        if (when.afterFailedLogins() != null) {
            s += 20;
        }
        s += evidence.pattern() != null ? 5 : Math.min(evidence.cues().length, 4);
        int exact = 0;
        for (String code : codes) {
            exact = Math.max(exact, code.replace("x", "").length());
        }
        return s + exact;
    }
}
