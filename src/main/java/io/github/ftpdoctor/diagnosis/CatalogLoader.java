package io.github.ftpdoctor.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads and validates catalog JSON (with {@link JsonValue}, Jackson's streaming parser); every error names the file,
 * the entry and the problem. The index ({@code catalog.json}) names the codes, outcomes, normalization, phases, cue
 * lexicons, rules and servers, read in that order.
 */
final class CatalogLoader {
    static final String BUILT_IN_ROOT = CatalogJson.BUILT_IN_ROOT;

    private final Map<Integer, Text> codes = new TreeMap<>();
    private final Map<Outcome, OutcomeDefinition> outcomes = new EnumMap<>(Outcome.class);
    private final Map<String, Phase> commandPhases = new HashMap<>();
    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> ruleIds = new HashSet<>();
    private final List<Fingerprint.Family> servers = new ArrayList<>();
    private final LanguageReader language;
    private int layer;

    CatalogLoader() {
        this(new LanguageReader());
    }

    private CatalogLoader(LanguageReader language) {
        this.language = language;
    }

    /** A loader that starts from a catalog already read and validated. */
    private CatalogLoader(Catalog base) {
        codes.putAll(base.codes());
        for (Outcome o : Outcome.values()) {
            if (base.definition(o) != null) {
                outcomes.put(o, base.definition(o));
            }
        }
        commandPhases.putAll(base.commandPhases());
        for (Rule r : base.rules()) {
            rules.add(r);
            ruleIds.add(r.id());
            layer = Math.max(layer, r.layer());
        }
        servers.addAll(base.servers());
        language = new LanguageReader(base.normalizer(), base.lexicon());
    }

    /**
     * The built-in catalog. When the build has written the rules by part ({@link RulePartitioner}), each part is read
     * when first needed; otherwise (the catalog's sources alone) every rule file is read and validated now.
     */
    static Catalog loadBuiltIn() {
        return loadBuiltIn(RuleSet.written());
    }

    /** The built-in catalog, its rules read part by part ({@code byPart}) or all at once and validated. */
    static Catalog loadBuiltIn(boolean byPart) {
        JsonValue index = CatalogJson.resource("catalog.json");
        CatalogLoader loader = new CatalogLoader(readLanguage(index, true));
        loader.readCodes("codes.json", CatalogJson.resource("codes.json"));
        loader.readOutcomes("outcomes.json", CatalogJson.resource("outcomes.json"));
        loader.readPhases("catalog.json", index.path("phases"));
        loader.readServers("servers.json", CatalogJson.resource("servers.json"));
        RuleReader reader = loader.ruleReader();
        if (byPart) {
            return new Catalog(loader.codes, loader.outcomes, RuleSet.lazy(new PartReader(reader)), loader.servers,
                    loader.commandPhases, loader.language.normalizer(), loader.language.lexicon());
        }
        for (JsonValue file : index.path("rules")) {
            String name = file.asString();
            loader.readRules(reader, name, CatalogJson.resource(name));
        }
        return loader.finish();
    }

    /**
     * Reads one part of the built-in rules as the build wrote it: each rule with the file it comes from and its
     * position in the whole catalog. The build validated the whole; each rule is still read and checked as usual.
     */
    private static final class PartReader implements java.util.function.IntFunction<RuleSet.Part> {
        private final RuleReader reader;

        PartReader(RuleReader reader) {
            this.reader = reader;
        }

        @Override
        public RuleSet.Part apply(int part) {
            String file = RuleSet.file(part);
            List<Rule> rules = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (JsonValue entry : CatalogJson.array(file, CatalogJson.resource(file), "rules")) {
                String id = entry.path("id").asString("");
                String origin = entry.path(RuleSet.ORIGIN).asString(file);
                int position = entry.path(RuleSet.POSITION).asInt(-1);
                if (position < 0 || !positions.isEmpty() && position <= positions.get(positions.size() - 1)) {
                    throw new CatalogException(file + ": rule '" + id + "': missing or unordered position");
                }
                rules.add(reader.read(origin, origin + ": rule '" + id + "'", id, entry, 0));
                positions.add(position);
            }
            int[] at = new int[positions.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = positions.get(i);
            }
            return new RuleSet.Part(rules, at);
        }
    }

    /**
     * The normalization and the cue lexicon the index names: from the compact {@code cues.tsv} the build wrote when
     * {@code compiled} is allowed and it is there, else from the annotated JSON files.
     */
    static LanguageReader readLanguage(JsonValue index, boolean compiled) {
        LanguageReader language = new LanguageReader();
        if (index.hasNonNull("normalization")) {
            String name = index.path("normalization").asString();
            language.readNormalization(name, CatalogJson.resource(name));
        }
        java.io.InputStream tsv = compiled
                ? CatalogLoader.class.getResourceAsStream(BUILT_IN_ROOT + LexiconCompiler.COMPILED) : null;
        if (tsv != null) {
            try (java.io.InputStream in = tsv) {
                language.readCompiled(in);
            } catch (IOException e) {
                throw new CatalogException("reply-catalog/" + LexiconCompiler.COMPILED + ": cannot read: " + e.getMessage(), e);
            }
        } else {
            for (JsonValue file : index.path("cues")) {
                String name = file.asString();
                language.readLexicon(name, CatalogJson.resource(name));
            }
        }
        return language;
    }

    /** The built-in catalog (read once per JVM) plus extra rule files, each a layer above the one before. */
    static Catalog load(List<Catalog.RuleSource> extra) {
        return extend(Catalog.builtIn(), extra);
    }

    /**
     * A catalog plus extra rule files, each a layer above the one before, validated as {@link #load} does; the
     * base is not read again (the property tests load many thousands of rule files this way). A rule file may
     * bring cue terms of its own in a {@code "lexicon"} array of lexicon objects.
     */
    static Catalog extend(Catalog base, List<Catalog.RuleSource> extra) {
        CatalogLoader loader = new CatalogLoader(base);
        for (Catalog.RuleSource source : extra) {
            loader.layer++;
            JsonValue tree;
            try (InputStream in = source.open()) {
                tree = JsonValue.parse(in);
            } catch (IOException e) {
                String why = e instanceof java.nio.file.NoSuchFileException || e instanceof java.io.FileNotFoundException
                        ? "no such file" : e.getMessage();
                throw new CatalogException(source.name() + ": cannot read: " + why, e);
            }
            for (JsonValue lexicon : tree.path("lexicon")) {
                loader.language.readLexicon(source.name(), lexicon);
            }
            loader.readRules(loader.ruleReader(), source.name(), tree);
        }
        return loader.finish();
    }

    private RuleReader ruleReader() {
        return new RuleReader(language.normalizer(), language.lexicon(), this::phaseOf, outcomes);
    }

    Phase phaseOf(String command) {
        return Catalog.phaseOf(commandPhases, command);
    }

    void readCodes(String file, JsonValue root) {
        for (JsonValue entry : CatalogJson.array(file, root, "codes")) {
            int code = entry.path("code").asInt(-1);
            String where = file + ": code " + entry.path("code");
            if (code < 100 || code > 699) {
                throw new CatalogException(where + ": code must be a number from 100 to 699");
            }
            if (codes.put(code, CatalogJson.text(where, entry, "meaning")) != null) {
                throw new CatalogException(where + ": defined twice");
            }
        }
    }

    void readOutcomes(String file, JsonValue root) {
        for (JsonValue entry : CatalogJson.array(file, root, "outcomes")) {
            String name = entry.path("name").asString("");
            String where = file + ": outcome '" + name + "'";
            Outcome outcome = CatalogJson.outcome(where, name);
            Category category = CatalogJson.enumValue(where, Category.class, entry.path("category").asString(""),
                    "category");
            JsonValue retry = entry.path("retry");
            RetryAdvice advice = new RetryAdvice(retry.path("retryable").asBoolean(false),
                    java.time.Duration.ofSeconds(retry.path("waitSeconds").asLong(0)),
                    retry.path("reduceParallelSessions").asBoolean(false), retry.path("stopRetrying").asBoolean(false));
            OutcomeDefinition def = new OutcomeDefinition(outcome, category, phases(where, entry),
                    CatalogJson.text(where, entry, "explanation"), CatalogJson.text(where, entry, "advice"), advice,
                    new java.util.HashSet<>(CatalogJson.strings(where, entry, "notAfter")));
            if (outcomes.put(outcome, def) != null) {
                throw new CatalogException(where + ": defined twice");
            }
        }
    }

    /** An outcome's {@code "phases"}: {@code "ANY"} or a non-empty array of phase names. */
    static Set<Phase> phases(String where, JsonValue entry) {
        JsonValue node = entry.path("phases");
        if (node.isScalar() && "ANY".equalsIgnoreCase(node.asString())) {
            return EnumSet.allOf(Phase.class);
        }
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (JsonValue p : node) {
            phases.add(CatalogJson.enumValue(where, Phase.class, CatalogJson.string(where, p, "phases"), "phase"));
        }
        if (phases.isEmpty()) {
            throw new CatalogException(where + ": 'phases' must be \"ANY\" or a list of phases "
                    + java.util.Arrays.toString(Phase.values()));
        }
        return phases;
    }

    /** The index's {@code phases}: each phase but COMMAND lists its commands; anything else is COMMAND. */
    void readPhases(String file, JsonValue node) {
        for (Map.Entry<String, JsonValue> e : node.fields().entrySet()) {
            if (e.getKey().equals("description")) {
                continue;
            }
            Phase phase = CatalogJson.enumValue(file + ": phases", Phase.class, e.getKey(), "phase");
            for (JsonValue cmd : e.getValue()) {
                String verb = CatalogJson.string(file + ": phases." + phase, cmd, "command").trim()
                        .toUpperCase(Locale.ROOT);
                Phase before = commandPhases.put(verb, phase);
                if (before != null && before != phase) {
                    throw new CatalogException(file + ": phases: " + verb + " is listed in " + before + " and " + phase);
                }
            }
        }
    }

    void readServers(String file, JsonValue root) {
        Set<String> ids = new HashSet<>();
        for (JsonValue entry : CatalogJson.array(file, root, "servers")) {
            String id = entry.path("id").asString("").trim().toLowerCase(Locale.ROOT);
            String where = file + ": server '" + id + "'";
            if (id.isEmpty() || !ids.add(id)) {
                throw new CatalogException(where + ": missing or duplicate id");
            }
            Pattern greeting = CatalogJson.optionalPattern(where, entry, "greeting");
            Pattern syst = CatalogJson.optionalPattern(where, entry, "syst");
            if (greeting == null && syst == null) {
                throw new CatalogException(where + ": give a 'greeting' or 'syst' pattern");
            }
            servers.add(new Fingerprint.Family(id, entry.path("name").asString(id), greeting, syst,
                    entry.path("source").asString("")));
        }
    }

    void readRules(String file, JsonValue root) {
        readRules(ruleReader(), file, root);
    }

    void readRules(RuleReader reader, String file, JsonValue root) {
        for (JsonValue entry : CatalogJson.array(file, root, "rules")) {
            String id = entry.path("id").asString("");
            String where = file + ": rule '" + id + "'";
            if (id.isBlank()) {
                throw new CatalogException(file + ": a rule has no id");
            }
            if (!ruleIds.add(id)) {
                throw new CatalogException(where + ": duplicate id");
            }
            rules.add(reader.read(file, where, id, entry, layer));
        }
    }

    Catalog finish() {
        for (Outcome o : Outcome.values()) {
            if (!outcomes.containsKey(o)) {
                throw new CatalogException("outcomes.json: outcome '" + o + "' is not defined");
            }
        }
        // one pass over the rules: the unconditional ones give the fallbacks every class and event needs
        boolean[] classFallback = new boolean[7];
        java.util.EnumSet<TransportEvent> eventsCovered = java.util.EnumSet.noneOf(TransportEvent.class);
        for (Rule r : rules) {
            if (!r.isUnconditional()) {
                continue;
            }
            if (r.event() != null) {
                eventsCovered.add(r.event());
            }
            OutcomeDefinition def = outcomes.get(r.outcome());
            if (def.phases().size() == Phase.values().length && def.notAfter().isEmpty()) {
                for (int cls = 1; cls <= 6; cls++) {
                    classFallback[cls] |= r.codes().contains(cls + "xx");
                }
            }
        }
        for (int cls = 1; cls <= 6; cls++) {
            if (!classFallback[cls]) {
                throw new CatalogException("rules: no unconditional fallback rule for " + cls + "xx"
                        + " replies whose outcome can occur in every phase, after every command");
            }
        }
        for (TransportEvent e : TransportEvent.values()) {
            if (!eventsCovered.contains(e)) {
                throw new CatalogException("rules: no unconditional rule for event " + e);
            }
        }
        Set<String> known = new HashSet<>();
        servers.forEach(f -> known.add(f.id()));
        for (Rule r : rules) {
            for (String id : r.when().servers()) {
                if (!known.contains(id)) {
                    throw new CatalogException(r.origin() + ": rule '" + r.id() + "': unknown server '" + id + "'");
                }
            }
        }
        return new Catalog(codes, outcomes, rules, servers, commandPhases, language.normalizer(), language.lexicon());
    }
}
