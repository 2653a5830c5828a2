package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * How one rule matches: its code patterns ({@code 530}, {@code 53x}, {@code 5xx}), its evidence (exact phrasing,
 * pattern, cue groups, {@code unless}) and its context (command, phase, login kind, server, failed logins).
 */
class RuleMatchingTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Lexicon LEXICON = CATALOG.lexicon();

    private static long cue(String concept) {
        return 1L << LEXICON.concept(concept);
    }

    private static Subject subject(String raw) {
        return new Subject(raw == null ? null : CATALOG.normalize(raw), LEXICON);
    }

    private static Rule rule(List<String> codes, Rule.Evidence evidence, Rule.Conditions when) {
        return new Rule("t.rule", codes, null, evidence, when, Outcome.LikelyBanned, Confidence.LIKELY, null, 0, null,
                "test", "test", 0, null);
    }

    @Test
    void codePatternsCoverTheirCodesOnly() {
        Rule exact = rule(List.of("530"), null, null);
        assertTrue(exact.coversCode(530));
        assertFalse(exact.coversCode(531));
        assertFalse(exact.coversCode(520));
        assertFalse(exact.coversCode(430));
        Rule tens = rule(List.of("53x"), null, null);
        assertTrue(tens.coversCode(530));
        assertTrue(tens.coversCode(539));
        assertFalse(tens.coversCode(549));
        Rule any = rule(List.of("5xx"), null, null);
        assertTrue(any.coversCode(599));
        assertTrue(any.coversCode(500));
        assertFalse(any.coversCode(499));
        Rule two = rule(List.of("421", "530"), null, null);
        assertTrue(two.coversCode(421));
        assertTrue(two.coversCode(530));
        assertFalse(two.coversCode(425));
        assertFalse(new Rule("t.event", null, TransportEvent.CONNECT_REFUSED, null, null, Outcome.ConnectionRefused,
                Confidence.CERTAIN, null, 0, null, "test", "test", 0, null).coversCode(421), "an event rule has no code");
    }

    @Test
    void theRecordsCopyWhatTheyAreGivenAndReadNullAsNothing() {
        Pattern p = Pattern.compile("banned");
        List<Outcome> alternatives = new ArrayList<>(List.of(Outcome.NotLoggedIn));
        Rule r = new Rule("t.full", List.of("530"), null, new Rule.Evidence(null, p, null, 0L, null),
                new Rule.Conditions(Set.of("PASS"), null, null, null, null), Outcome.LikelyBanned, Confidence.LIKELY,
                alternatives, 0, null, "test", "test", 0, Set.of("vsftpd"));
        alternatives.clear();
        assertEquals(List.of(Outcome.NotLoggedIn), r.alternatives());
        assertEquals(Set.of("vsftpd"), r.families());
        assertSame(p, r.pattern());
        assertEquals(Set.of("PASS"), r.after());

        Rule bare = new Rule("t.bare", null, TransportEvent.CONNECT_REFUSED, null, null, Outcome.ConnectionRefused,
                Confidence.CERTAIN, null, 0, null, "test", "test", 0, null);
        assertEquals(List.of(), bare.codes());
        assertEquals(List.of(), bare.alternatives());
        assertEquals(Set.of(), bare.families());
        assertEquals(Set.of(), bare.after());
        assertNull(bare.pattern());
        assertTrue(bare.isUnconditional());

        long[] groups = {cue("BANNED"), cue("ADDRESS")};
        List<String> cueText = new ArrayList<>(List.of("BANNED", "ADDRESS"));
        Rule.Evidence e = new Rule.Evidence(null, null, groups, 0L, cueText);
        groups[0] = 0L;
        cueText.clear();
        assertArrayEquals(new long[] {cue("BANNED"), cue("ADDRESS")}, e.cues());
        assertEquals(List.of("BANNED", "ADDRESS"), e.cueText());
        Rule.Evidence none = new Rule.Evidence(null, null, null, 0L, null);
        assertEquals(0, none.cues().length);
        assertEquals(List.of(), none.cueText());
        assertTrue(none.isNone());

        Set<Phase> phases = new java.util.HashSet<>(Set.of(Phase.LOGIN));
        Set<String> servers = new java.util.HashSet<>(Set.of("proftpd"));
        Set<String> commands = new java.util.HashSet<>(Set.of("USER"));
        Rule.Conditions c = new Rule.Conditions(commands, phases, null, servers, null);
        phases.clear();
        servers.clear();
        commands.clear();
        assertEquals(Set.of(Phase.LOGIN), c.phases());
        assertEquals(Set.of("proftpd"), c.servers());
        assertEquals(Set.of("USER"), c.after());
        Rule.Conditions empty = new Rule.Conditions(null, null, null, null, null);
        assertEquals(Set.of(), empty.after());
        assertEquals(Set.of(), empty.phases());
        assertEquals(Set.of(), empty.servers());
    }

    @Test
    void cueWordsAloneOnlyWithoutPhrasingOrPattern() {
        long[] one = {cue("BANNED")};
        assertTrue(new Rule.Evidence(null, null, one, 0L, null).cuesOnly());
        assertFalse(new Rule.Evidence(Phrasings.of(List.of("you are banned")), null, one, 0L, null).cuesOnly());
        assertFalse(new Rule.Evidence(null, Pattern.compile("banned"), one, 0L, null).cuesOnly());
        assertFalse(new Rule.Evidence(null, null, null, cue("TLS"), null).cuesOnly(), "'unless' alone is no cue");
        assertFalse(new Rule.Evidence(null, Pattern.compile("banned"), null, 0L, null).cuesOnly());
    }

    @Test
    void evidenceNeedsATextUnlessItAsksForNone() {
        Rule.Evidence pattern = new Rule.Evidence(null, Pattern.compile("banned"), null, 0L, null);
        assertFalse(pattern.matches(subject(null)), "no text shows no pattern");
        assertTrue(pattern.matches(subject("You are banned.")));
        assertFalse(pattern.matches(subject("You are welcome.")));
        Rule.Evidence exact = new Rule.Evidence(Phrasings.of(List.of("you are banned.")), null, null, 0L, null);
        assertTrue(exact.matches(subject("You are BANNED.")));
        assertFalse(exact.matches(subject("You are banned. Bye.")));
        assertTrue(Rule.Evidence.NONE.matches(subject(null)));
        assertTrue(Rule.Evidence.NONE.matches(subject("anything")));
    }

    @Test
    void everyCueGroupMustBeMentionedAndNoUnlessConcept() {
        Rule.Evidence bannedAddress = new Rule.Evidence(null, null, new long[] {cue("BANNED"), cue("ADDRESS")}, 0L,
                null);
        assertTrue(bannedAddress.matches(subject("Your IP address is blocked")));
        assertFalse(bannedAddress.matches(subject("You are blocked")), "the second group is missing");
        assertFalse(bannedAddress.matches(subject("Unknown address")), "the first group is missing");
        Rule.Evidence eitherWord = new Rule.Evidence(null, null, new long[] {cue("BANNED") | cue("DENIED")}, 0L, null);
        assertTrue(eitherWord.matches(subject("Entry refused")));

        Rule.Evidence bannedNotTls = new Rule.Evidence(null, null, new long[] {cue("BANNED")}, cue("TLS"), null);
        assertTrue(bannedNotTls.matches(subject("You are blocked")));
        assertFalse(bannedNotTls.matches(subject("Plain logins are blocked, use TLS")));

        Rule.Evidence onlyUnless = new Rule.Evidence(null, null, null, cue("TLS"), null);
        assertFalse(onlyUnless.isNone());
        assertTrue(onlyUnless.matches(subject("Wrong name or password.")));
        assertFalse(onlyUnless.matches(subject("Use TLS first")), "'unless' alone still stops the rule");

        Rule.Evidence patternAndCue = new Rule.Evidence(null, Pattern.compile("^sorry"), new long[] {cue("BANNED")},
                0L, null);
        assertTrue(patternAndCue.matches(subject("Sorry, you are blocked")));
        assertFalse(patternAndCue.matches(subject("Sorry, try later")), "the pattern alone is not enough");
        assertFalse(patternAndCue.matches(subject("You are blocked, sorry")), "the cue alone is not enough");
    }

    @Test
    void theContextMustFitEveryCondition() {
        Rule.Conditions onVsftpd = new Rule.Conditions(null, null, null, Set.of("vsftpd"), null);
        assertTrue(onVsftpd.matches(new ExchangeContext("PASS", false, "vsftpd"), Phase.LOGIN));
        assertFalse(onVsftpd.matches(new ExchangeContext("PASS", false, "proftpd"), Phase.LOGIN));
        assertFalse(onVsftpd.matches(new ExchangeContext("PASS", false), Phase.LOGIN), "an unknown server");
        assertTrue(Rule.Conditions.NONE.matches(new ExchangeContext("PASS", false, "proftpd"), Phase.LOGIN));

        Rule.Conditions afterPass = new Rule.Conditions(Set.of("PASS"), null, null, null, null);
        assertTrue(afterPass.matches(ExchangeContext.after("pass"), Phase.LOGIN));
        assertFalse(afterPass.matches(ExchangeContext.after("USER"), Phase.LOGIN));
        assertFalse(afterPass.matches(ExchangeContext.unknown(), null));

        Rule.Conditions inTransfer = new Rule.Conditions(null, Set.of(Phase.TRANSFER), null, null, null);
        assertTrue(inTransfer.matches(ExchangeContext.after("RETR"), Phase.TRANSFER));
        assertFalse(inTransfer.matches(ExchangeContext.after("CWD"), Phase.COMMAND));
        assertFalse(inTransfer.matches(ExchangeContext.unknown(), null));

        Rule.Conditions anonymous = new Rule.Conditions(null, null, true, null, null);
        assertTrue(anonymous.matches(new ExchangeContext("USER", true), Phase.LOGIN));
        assertFalse(anonymous.matches(new ExchangeContext("USER", false), Phase.LOGIN));
        assertFalse(anonymous.matches(new ExchangeContext("USER", null), Phase.LOGIN));

        Rule.Conditions afterFailures = new Rule.Conditions(null, null, null, null, true);
        Rule.Conditions withoutFailures = new Rule.Conditions(null, null, null, null, false);
        ExchangeContext failed = ExchangeContext.connecting().withFailedLogins(3);
        assertTrue(afterFailures.matches(failed, Phase.CONNECT));
        assertFalse(afterFailures.matches(ExchangeContext.connecting(), Phase.CONNECT));
        assertFalse(withoutFailures.matches(failed, Phase.CONNECT));
        assertTrue(withoutFailures.matches(ExchangeContext.connecting(), Phase.CONNECT));

        Rule r = rule(List.of("530"), new Rule.Evidence(null, Pattern.compile("banned"), null, 0L, null), onVsftpd);
        assertTrue(r.matches(subject("You are banned"), new ExchangeContext("PASS", false, "vsftpd"), Phase.LOGIN));
        assertFalse(r.matches(subject("You are banned"), new ExchangeContext("PASS", false, "proftpd"), Phase.LOGIN));
        assertFalse(r.matches(subject("Wrong name or password"), new ExchangeContext("PASS", false, "vsftpd"), Phase.LOGIN));
    }
}
