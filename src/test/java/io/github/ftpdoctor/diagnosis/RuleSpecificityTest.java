package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The order in which rules are tried ({@link Rule#specificity()}): the kind of evidence first, then the priority, the
 * context, a pattern over cue words, more cue groups, and the exact digits of the code.
 */
class RuleSpecificityTest {
    private static final Lexicon LEXICON = Catalog.builtIn().lexicon();
    private static final Phrasings EXACT = Phrasings.of(List.of("wrong name or password."));
    private static final Pattern PATTERN = Pattern.compile("wrong name");

    private static long cue(String concept) {
        return 1L << LEXICON.concept(concept);
    }

    private static Rule.Evidence cues(int groups) {
        String[] names = {"CREDENTIALS", "FAILED", "USER", "DENIED", "BANNED", "ADDRESS"};
        long[] masks = new long[groups];
        for (int i = 0; i < groups; i++) {
            masks[i] = cue(names[i]);
        }
        return new Rule.Evidence(null, null, masks, 0L, null);
    }

    private static final Rule.Evidence EXACT_EVIDENCE = new Rule.Evidence(EXACT, null, null, 0L, null);
    private static final Rule.Evidence PATTERN_EVIDENCE = new Rule.Evidence(null, PATTERN, null, 0L, null);
    private static final Rule.Conditions EVERY_CONTEXT = new Rule.Conditions(Set.of("PASS"), Set.of(Phase.LOGIN),
            false, Set.of("vsftpd"), true);

    private static Rule rule(String code, Rule.Evidence evidence, Rule.Conditions when, int priority) {
        return new Rule("t." + code, List.of(code), null, evidence, when, Outcome.BadCredentialsOrUnknownUser,
                Confidence.LIKELY, null, priority, null, "test", "test", 0, null);
    }

    private static Rule.Conditions after(String command) {
        return new Rule.Conditions(Set.of(command), null, null, null, null);
    }

    private static void assertAbove(Rule higher, Rule lower) {
        assertTrue(higher.specificity() > lower.specificity(),
                higher.specificity() + " should be above " + lower.specificity());
    }

    @Test
    void theKindOfEvidenceComesFirst() {
        Rule exact = rule("5xx", EXACT_EVIDENCE, null, 0);
        Rule pattern = rule("530", PATTERN_EVIDENCE, EVERY_CONTEXT, 9);
        Rule cue = rule("530", cues(1), null, 0);
        Rule contextOnly = rule("530", null, EVERY_CONTEXT, 9);
        Rule nothing = rule("530", null, null, 9);
        assertAbove(exact, pattern);
        assertAbove(pattern, contextOnly);
        assertAbove(cue, contextOnly);
        assertAbove(contextOnly, nothing);
        assertAbove(rule("5xx", null, after("PASS"), 0), rule("530", null, null, 0));
        assertAbove(rule("5xx", cues(1), null, 0), rule("530", null, EVERY_CONTEXT, 0));
    }

    @Test
    void withinAKindThePriorityDecidesBeforeTheContext() {
        Rule reason = rule("5xx", PATTERN_EVIDENCE, null, 1);
        Rule generic = rule("530", PATTERN_EVIDENCE, EVERY_CONTEXT, 0);
        assertAbove(reason, generic);
        assertAbove(rule("530", cues(1), null, 2), rule("530", cues(4), null, 1));
        assertAbove(rule("530", null, null, 0), rule("530", null, null, -1));
    }

    @Test
    void eachConditionOfTheContextRaisesTheRule() {
        Rule plain = rule("530", PATTERN_EVIDENCE, null, 0);
        assertAbove(rule("530", PATTERN_EVIDENCE, after("PASS"), 0), plain);
        assertAbove(rule("530", PATTERN_EVIDENCE, new Rule.Conditions(null, Set.of(Phase.LOGIN), null, null, null), 0),
                plain);
        assertAbove(rule("530", PATTERN_EVIDENCE, new Rule.Conditions(null, null, true, null, null), 0), plain);
        assertAbove(rule("530", PATTERN_EVIDENCE, new Rule.Conditions(null, null, null, Set.of("proftpd"), null), 0),
                plain);
        assertAbove(rule("530", PATTERN_EVIDENCE, new Rule.Conditions(null, null, null, null, false), 0), plain);
        // the command or phase, and the login history, weigh more than the login kind or the server
        assertAbove(rule("530", PATTERN_EVIDENCE, after("PASS"), 0),
                rule("530", PATTERN_EVIDENCE, new Rule.Conditions(null, null, true, null, null), 0));
        assertAbove(rule("530", PATTERN_EVIDENCE, new Rule.Conditions(null, null, null, null, true), 0),
                rule("530", PATTERN_EVIDENCE, new Rule.Conditions(null, null, null, Set.of("proftpd"), null), 0));
    }

    @Test
    void aPatternOutranksCueWordsAndMoreCueGroupsOutrankFewer() {
        assertAbove(rule("530", PATTERN_EVIDENCE, null, 0), rule("530", cues(1), null, 0));
        assertAbove(rule("530", PATTERN_EVIDENCE, null, 0), rule("530", cues(6), null, 0));
        assertAbove(rule("530", cues(2), null, 0), rule("530", cues(1), null, 0));
        assertAbove(rule("530", cues(4), null, 0), rule("530", cues(3), null, 0));
        assertEquals(rule("530", cues(4), null, 0).specificity(), rule("530", cues(6), null, 0).specificity(),
                "four groups and more weigh the same");
        // the context outranks the way the text is matched
        assertAbove(rule("5xx", cues(1), new Rule.Conditions(null, null, true, null, null), 0),
                rule("530", PATTERN_EVIDENCE, null, 0));
    }

    @Test
    void eachExactDigitOfTheCodeRaisesTheRule() {
        assertAbove(rule("530", null, null, 0), rule("53x", null, null, 0));
        assertAbove(rule("53x", null, null, 0), rule("5xx", null, null, 0));
        assertAbove(rule("530", PATTERN_EVIDENCE, null, 0), rule("5xx", PATTERN_EVIDENCE, null, 0));
        Rule both = new Rule("t.both", List.of("5xx", "530"), null, null, null, Outcome.NotLoggedIn,
                Confidence.LIKELY, null, 0, null, "test", "test", 0, null);
        assertEquals(rule("530", null, null, 0).specificity(), both.specificity(), "the most exact code counts");
        assertTrue(rule("5xx", null, null, 0).specificity() >= 0);
    }
}
