package io.github.ftpdoctor.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reply catalog: what each reply code means, what each outcome means and what to do about it, and the rules
 * that map replies and transport events to outcomes. The built-in catalog is read from the jar once.
 */
public final class Catalog {
    private final Map<Integer, Text> codes;
    private final Map<Outcome, OutcomeDefinition> outcomes;
    private final RuleSet rules;
    private final List<Fingerprint.Family> servers;
    private final Map<String, Phase> commandPhases;
    private final Normalizer normalizer;
    private final Lexicon lexicon;

    Catalog(Map<Integer, Text> codes, Map<Outcome, OutcomeDefinition> outcomes, List<Rule> rules,
            List<Fingerprint.Family> servers, Map<String, Phase> commandPhases, Normalizer normalizer, Lexicon lexicon) {
        this(codes, outcomes, RuleSet.of(rules), servers, commandPhases, normalizer, lexicon);
    }

    Catalog(Map<Integer, Text> codes, Map<Outcome, OutcomeDefinition> outcomes, RuleSet rules,
            List<Fingerprint.Family> servers, Map<String, Phase> commandPhases, Normalizer normalizer, Lexicon lexicon) {
        this.codes = Collections.unmodifiableMap(codes);
        this.outcomes = Collections.unmodifiableMap(outcomes);
        this.rules = rules;
        this.servers = List.copyOf(servers);
        this.commandPhases = Map.copyOf(commandPhases);
        this.normalizer = normalizer;
        this.lexicon = lexicon;
    }

    /**
     * The phase of a session a reply to the command belongs to ({@code RETR} → {@link Phase#TRANSFER}); a command
     * the catalog does not list is {@link Phase#COMMAND}; null (unknown) stays null.
     */
    public Phase phaseOf(String command) {
        return phaseOf(commandPhases, command);
    }

    static Phase phaseOf(Map<String, Phase> commandPhases, String command) {
        if (command == null || command.isBlank()) {
            return null;
        }
        Phase p = commandPhases.get(command.trim().toUpperCase(java.util.Locale.ROOT));
        return p == null ? Phase.COMMAND : p;
    }

    Map<String, Phase> commandPhases() {
        return commandPhases;
    }

    Normalizer normalizer() {
        return normalizer;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    /** How many cue terms the catalog's lexicon holds, in every language. */
    public int lexiconSize() {
        return lexicon.terms().size();
    }

    /**
     * A text folded as the classifier folds it before matching: lower case, full-width forms as ASCII, white space
     * runs as one space, Traditional Chinese as Simplified (see {@code reply-catalog/normalization.json}).
     */
    public String normalize(String text) {
        return normalizer.normalize(text);
    }

    /**
     * This catalog without the rules and cue terms tied to one server family or translation ({@code "vsftpd"},
     * {@code "pure-ftpd/de"}): what the classifier would know had it never seen that server's own replies. Used to
     * measure how the catalog generalizes (leave one family out); a family alone ({@code "pure-ftpd"}) covers all
     * of its translations, and a translation covers the rules tied to its family without a language.
     */
    public Catalog withoutFamily(String family) {
        String unit = java.util.Objects.requireNonNull(family, "family").trim().toLowerCase(java.util.Locale.ROOT);
        List<Rule> kept = new ArrayList<>();
        for (Rule r : rules()) {
            if (r.families().stream().noneMatch(f -> tiedTo(f, unit))) {
                kept.add(r);
            }
        }
        Lexicon lex = lexicon.without(t -> t.family() != null && tiedTo(t.family() + "/" + t.lang(), unit));
        return new Catalog(codes, outcomes, kept, servers, commandPhases, normalizer, lex);
    }

    /** Whether a rule or term tagged {@code family[/lang]} is tied to the held-out {@code family[/lang]}. */
    static boolean tiedTo(String tag, String unit) {
        int t = tag.indexOf('/');
        int u = unit.indexOf('/');
        String tagFamily = t < 0 ? tag : tag.substring(0, t);
        String unitFamily = u < 0 ? unit : unit.substring(0, u);
        if (!tagFamily.equals(unitFamily)) {
            return false;
        }
        if (t < 0 || u < 0) {
            return true;
        }
        String a = tag.substring(t + 1).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        String b = unit.substring(u + 1).toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return a.equals(b) || a.startsWith(b + "-") || b.startsWith(a + "-");
    }

    /** The server families the catalog recognises, in matching order. */
    public List<Fingerprint.Family> servers() {
        return servers;
    }

    /** The catalog packaged with the library. */
    public static Catalog builtIn() {
        return BuiltIn.INSTANCE;
    }

    /**
     * The built-in catalog plus the rules of extra files (paths), which take precedence over the built-in ones and,
     * file by file, over the files before them. Every file is validated; a problem throws a
     * {@link CatalogException} naming the file, the rule and what is wrong.
     */
    public static Catalog withRules(Path... ruleFiles) {
        List<RuleSource> sources = new ArrayList<>();
        for (Path p : ruleFiles) {
            sources.add(new RuleSource(p.toString(), () -> Files.newInputStream(p)));
        }
        return CatalogLoader.load(sources);
    }

    /** Like {@link #withRules(Path...)}, for rule files on the class path (e.g. {@code "ftp-rules/site.json"}). */
    public static Catalog withClasspathRules(ClassLoader loader, String... resources) {
        List<RuleSource> sources = new ArrayList<>();
        for (String r : resources) {
            sources.add(new RuleSource("classpath:" + r, () -> {
                InputStream in = loader.getResourceAsStream(r);
                if (in == null) {
                    throw new java.io.FileNotFoundException("not on the class path");
                }
                return in;
            }));
        }
        return CatalogLoader.load(sources);
    }

    /** A rule file to read: its name for messages, and how to open it. */
    record RuleSource(String name, Opener opener) {
        InputStream open() throws IOException {
            return opener.open();
        }
    }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** The definition of an outcome: category, explanation, advice, retry guidance. */
    public OutcomeDefinition definition(Outcome outcome) {
        return outcomes.get(outcome);
    }

    /** What a reply code means in general, if the catalog knows the code. */
    public Optional<Text> codeMeaning(int code) {
        return Optional.ofNullable(codes.get(code));
    }

    /** Every known reply code with its meaning, in code order. */
    public Map<Integer, Text> codes() {
        return codes;
    }

    /** Every rule, in the order read. */
    public List<Rule> rules() {
        return rules.all();
    }

    /**
     * The rules of one part, in the order read: {@link RuleSet#EVENTS} for the transport-event rules, 1 to 60 for the
     * rules of reply codes {@code 10x} to {@code 69x}. The built-in catalog reads a part when it is first asked for.
     */
    List<Rule> rulesOfPart(int part) {
        return rules.part(part);
    }

    /** The parts of the rules read so far, one bit each (see {@link RuleSet}). */
    long partsRead() {
        return rules.partsRead();
    }

    private static final class BuiltIn {
        static final Catalog INSTANCE = CatalogLoader.loadBuiltIn();
    }
}
