package io.github.ftpdoctor.diagnosis;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One catalog rule: when a reply (or transport event) looks like this, in this context, the outcome is that.
 * Rules are data: they are read from {@code reply-catalog/rules/*.json} and from users' extra rule files.
 *
 * @param id         unique identifier, reported in every diagnosis the rule produces
 * @param codes      code patterns, three characters of digits or {@code x} wildcards ({@code "530"}, {@code "53x"});
 *                   empty for an event rule
 * @param event      the transport event matched instead of a code; null for a reply rule
 * @param pattern    searched in the reply text; null matches any text
 * @param after      the commands the reply may answer (upper case); empty matches any
 * @param anonymous  true/false to require an anonymous/named login; null matches both
 * @param servers    server family ids the rule is limited to; empty matches any server
 * @param afterFailedLogins true to match only after recent failed logins to the host, false only without; null both
 * @param outcome    the outcome this rule concludes
 * @param confidence how sure the conclusion is
 * @param priority   added to the computed specificity
 * @param alternatives other outcomes the same evidence could mean, most likely first
 * @param note       optional extra explanation appended to the outcome's own; may be null
 * @param source     where the rule's text comes from (server source file, documentation)
 * @param origin     the file the rule was read from
 * @param layer      0 for the built-in catalog; extra rule files get higher layers and take precedence
 */
public record Rule(String id, List<String> codes, TransportEvent event, Pattern pattern, Set<String> after, Boolean anonymous,
                   Set<String> servers, Boolean afterFailedLogins, Outcome outcome, Confidence confidence, List<Outcome> alternatives, int priority,
                   Text note, String source, String origin, int layer) {

    public Rule {
        after = after == null ? Set.of() : Set.copyOf(after);
        codes = codes == null ? List.of() : List.copyOf(codes);
        servers = servers == null ? Set.of() : Set.copyOf(servers);
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** Whether the rule has no condition beyond its code or event: a class fallback. */
    public boolean isUnconditional() {
        return pattern == null && after.isEmpty() && anonymous == null && servers.isEmpty() && afterFailedLogins == null;
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

    /** Whether the rule's conditions other than the code or event hold. */
    public boolean matches(String text, ExchangeContext context) {
        if (!after.isEmpty() && (context.command() == null || !after.contains(context.command()))) {
            return false;
        }
        if (anonymous != null && !anonymous.equals(context.anonymous())) {
            return false;
        }
        if (!servers.isEmpty() && (context.server() == null || !servers.contains(context.server()))) {
            return false;
        }
        if (afterFailedLogins != null && afterFailedLogins != (context.failedLogins() > 0)) {
            return false;
        }
        return pattern == null || (text != null && pattern.matcher(text).find());
    }

    /**
     * How specific the rule is: a text pattern weighs most, then the command, then the anonymous flag, then
     * each exact digit of the code; {@link #priority()} is added.
     */
    public int specificity() {
        int s = priority;
        if (pattern != null) {
            s += 1000;
        }
        if (!after.isEmpty()) {
            s += 100;
        }
        if (anonymous != null) {
            s += 50;
        }
        if (!servers.isEmpty()) {
            s += 50;
        }
        if (afterFailedLogins != null) {
            s += 100;
        }
        int exact = 0;
        for (String code : codes) {
            exact = Math.max(exact, code.replace("x", "").length());
        }
        s += 10 * exact;
        return s;
    }
}
