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
    private final List<Rule> rules;
    private final List<Fingerprint.Family> servers;

    Catalog(Map<Integer, Text> codes, Map<Outcome, OutcomeDefinition> outcomes, List<Rule> rules,
            List<Fingerprint.Family> servers) {
        this.codes = Collections.unmodifiableMap(codes);
        this.outcomes = Collections.unmodifiableMap(outcomes);
        this.rules = List.copyOf(rules);
        this.servers = List.copyOf(servers);
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
        return rules;
    }

    private static final class BuiltIn {
        static final Catalog INSTANCE = CatalogLoader.loadBuiltIn();
    }
}
