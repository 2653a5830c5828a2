package io.github.ftpdoctor.diagnosis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one rule of a rule file and checks it against the rest of the catalog: the outcome exists and can occur in
 * the phases of the commands the rule answers, the cue concepts exist in the lexicon, a rule resting on cue words
 * alone does not claim certainty. Exact phrasings, patterns and cue terms are folded like reply texts.
 */
final class RuleReader {
    private static final Pattern CODE_PATTERN = Pattern.compile("[1-6][0-9x][0-9x]");

    private final Normalizer normalizer;
    private final Lexicon lexicon;
    private final Function<String, Phase> phaseOf;
    private final Map<Outcome, OutcomeDefinition> outcomes;

    RuleReader(Normalizer normalizer, Lexicon lexicon, Function<String, Phase> phaseOf,
               Map<Outcome, OutcomeDefinition> outcomes) {
        this.normalizer = normalizer;
        this.lexicon = lexicon;
        this.phaseOf = phaseOf;
        this.outcomes = outcomes;
    }

    Rule read(String file, String where, String id, JsonValue entry, int layer) {
        List<String> codes = new ArrayList<>();
        for (String c : CatalogJson.strings(where, entry, "code")) {
            codes.add(c.toLowerCase(Locale.ROOT));
        }
        TransportEvent event = entry.hasNonNull("event")
                ? CatalogJson.enumValue(where, TransportEvent.class,
                        CatalogJson.string(where, entry.path("event"), "event"), "event") : null;
        if (codes.isEmpty() == (event == null)) {
            throw new CatalogException(where + ": give exactly one of 'code' and 'event'");
        }
        for (String code : codes) {
            if (!CODE_PATTERN.matcher(code).matches()) {
                throw new CatalogException(where + ": code '" + code
                        + "' must be a digit from 1 to 6, then two digits or x, like 530, 53x or 5xx");
            }
        }
        Outcome outcome = CatalogJson.outcome(where, entry.path("outcome").asString(""));
        Rule.Evidence evidence = evidence(where, entry);
        Rule.Conditions when = conditions(where, entry, outcome);
        List<Outcome> alternatives = new ArrayList<>();
        for (JsonValue alt : entry.path("alternatives")) {
            alternatives.add(CatalogJson.outcome(where + " alternatives", alt.asString("")));
        }
        Confidence confidence = entry.hasNonNull("confidence")
                ? CatalogJson.enumValue(where, Confidence.class,
                        CatalogJson.string(where, entry.path("confidence"), "confidence"), "confidence")
                : evidence.exact() != null ? Confidence.CERTAIN : Confidence.LIKELY;
        if (evidence.cuesOnly() && confidence == Confidence.CERTAIN) {
            throw new CatalogException(where + ": a rule that rests on cue words alone cannot be CERTAIN "
                    + "(give LIKELY or POSSIBLE, or an exact 'text' or a 'pattern')");
        }
        Text note = entry.hasNonNull("note") ? CatalogJson.text(where, entry, "note") : null;
        Set<String> families = new HashSet<>();
        for (String f : CatalogJson.strings(where, entry, "family")) {
            families.add(f.trim().toLowerCase(Locale.ROOT));
        }
        return new Rule(id, codes, event, evidence, when, outcome, confidence, alternatives,
                CatalogJson.wholeNumber(where, entry, "priority"), note, entry.path("source").asString(""), file, layer,
                families);
    }

    private Rule.Evidence evidence(String where, JsonValue entry) {
        Phrasings exact = null;
        List<String> texts = CatalogJson.strings(where, entry, "text");
        if (!texts.isEmpty()) {
            List<String> normalized = new ArrayList<>();
            for (String t : texts) {
                String n = normalizer.normalize(t.strip());
                if (n.isEmpty()) {
                    throw new CatalogException(where + ": an exact 'text' is empty");
                }
                normalized.add(n);
            }
            exact = Phrasings.of(normalized);
        }
        Pattern pattern = null;
        if (entry.hasNonNull("pattern")) {
            String regex = CatalogJson.string(where, entry.path("pattern"), "pattern");
            pattern = CatalogJson.compile(where, normalizer.foldScript(regex), "pattern");
        }
        List<String> cueText = CatalogJson.strings(where, entry, "cues");
        long[] cues = new long[cueText.size()];
        for (int i = 0; i < cues.length; i++) {
            cues[i] = concepts(where, cueText.get(i));
        }
        long unless = 0L;
        for (String u : CatalogJson.strings(where, entry, "unless")) {
            unless |= concepts(where, u);
        }
        return new Rule.Evidence(exact, pattern, cues, unless, cueText);
    }

    /** {@code "SESSIONS|USERS"} as a bit mask of the lexicon's concepts. */
    private long concepts(String where, String group) {
        long mask = 0L;
        for (String name : group.split("\\|")) {
            int c = lexicon.concept(name.trim());
            if (c < 0) {
                throw new CatalogException(where + ": unknown cue concept '" + name.trim()
                        + "' (no cues/*.json file defines it)");
            }
            mask |= 1L << c;
        }
        return mask;
    }

    private Rule.Conditions conditions(String where, JsonValue entry, Outcome outcome) {
        OutcomeDefinition def = outcomes.get(outcome);
        Set<String> after = new HashSet<>();
        for (String cmd : CatalogJson.strings(where, entry, "after")) {
            String verb = cmd.trim().toUpperCase(Locale.ROOT);
            after.add(verb);
            Phase p = phaseOf.apply(verb);
            if (def != null && !def.occursIn(p)) {
                throw new CatalogException(where + ": answers " + verb + " (phase " + p + "), but " + outcome
                        + " cannot occur in that phase (it occurs in " + def.phases() + ")");
            }
            if (def != null && !def.concludableAfter(verb)) {
                throw new CatalogException(where + ": answers " + verb + ", but " + outcome
                        + " is never concluded in answer to it (its 'notAfter')");
            }
        }
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (String p : CatalogJson.strings(where, entry, "phase")) {
            Phase phase = CatalogJson.enumValue(where, Phase.class, p, "phase");
            phases.add(phase);
            if (def != null && !def.occursIn(phase)) {
                throw new CatalogException(where + ": is limited to phase " + phase + ", but " + outcome
                        + " cannot occur in it (it occurs in " + def.phases() + ")");
            }
        }
        Set<String> servers = new HashSet<>();
        for (String s : CatalogJson.strings(where, entry, "server")) {
            servers.add(s.trim().toLowerCase(Locale.ROOT));
        }
        return new Rule.Conditions(after, phases, CatalogJson.optionalBoolean(where, entry, "anonymous"), servers,
                CatalogJson.optionalBoolean(where, entry, "afterFailedLogins"));
    }
}
