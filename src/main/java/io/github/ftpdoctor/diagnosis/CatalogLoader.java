package io.github.ftpdoctor.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads and validates catalog JSON (with {@link JsonValue}, Jackson's streaming parser); every error names the file,
 * the entry and the problem.
 */
final class CatalogLoader {
    static final String BUILT_IN_ROOT = "/io/github/ftpdoctor/reply-catalog/";
    private static final Pattern CODE_PATTERN = Pattern.compile("[1-6][0-9x][0-9x]");
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff]");

    private final Map<Integer, Text> codes = new TreeMap<>();
    private final Map<Outcome, OutcomeDefinition> outcomes = new EnumMap<>(Outcome.class);
    private final List<Rule> rules = new ArrayList<>();
    private final Set<String> ruleIds = new HashSet<>();
    private final List<Fingerprint.Family> servers = new ArrayList<>();
    private int layer;

    CatalogLoader() {
    }

    /** A loader that starts from a catalog already read and validated. */
    private CatalogLoader(Catalog base) {
        codes.putAll(base.codes());
        for (Outcome o : Outcome.values()) {
            if (base.definition(o) != null) {
                outcomes.put(o, base.definition(o));
            }
        }
        for (Rule r : base.rules()) {
            rules.add(r);
            ruleIds.add(r.id());
            layer = Math.max(layer, r.layer());
        }
        servers.addAll(base.servers());
    }

    static Catalog loadBuiltIn() {
        CatalogLoader loader = new CatalogLoader();
        JsonValue index = loader.readResource("catalog.json");
        loader.readCodes("codes.json", loader.readResource("codes.json"));
        loader.readOutcomes("outcomes.json", loader.readResource("outcomes.json"));
        loader.readServers("servers.json", loader.readResource("servers.json"));
        for (JsonValue file : index.path("rules")) {
            String name = file.asString();
            loader.readRules(name, loader.readResource(name));
        }
        return loader.finish();
    }

    /** The built-in catalog (read once per JVM) plus extra rule files, each a layer above the one before. */
    static Catalog load(List<Catalog.RuleSource> extra) {
        return extend(Catalog.builtIn(), extra);
    }

    /**
     * A catalog plus extra rule files, each a layer above the one before, validated as {@link #load} does; the
     * base is not read again (the property tests load many thousands of rule files this way).
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
            loader.readRules(source.name(), tree);
        }
        return loader.finish();
    }

    private JsonValue readResource(String name) {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(BUILT_IN_ROOT + name)) {
            if (in == null) {
                throw new CatalogException("reply-catalog/" + name + ": not found on the class path");
            }
            return JsonValue.parse(in);
        } catch (IOException e) {
            throw new CatalogException("reply-catalog/" + name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private void readCodes(String file, JsonValue root) {
        for (JsonValue entry : array(file, root, "codes")) {
            int code = entry.path("code").asInt(-1);
            String where = file + ": code " + entry.path("code");
            if (code < 100 || code > 699) {
                throw new CatalogException(where + ": code must be a number from 100 to 699");
            }
            if (codes.put(code, text(where, entry, "meaning")) != null) {
                throw new CatalogException(where + ": defined twice");
            }
        }
    }

    private void readOutcomes(String file, JsonValue root) {
        for (JsonValue entry : array(file, root, "outcomes")) {
            String name = entry.path("name").asString("");
            String where = file + ": outcome '" + name + "'";
            Outcome outcome = outcome(where, name);
            Category category = enumValue(where, Category.class, entry.path("category").asString(""), "category");
            JsonValue retry = entry.path("retry");
            RetryAdvice advice = new RetryAdvice(retry.path("retryable").asBoolean(false),
                    java.time.Duration.ofSeconds(retry.path("waitSeconds").asLong(0)),
                    retry.path("reduceParallelSessions").asBoolean(false), retry.path("stopRetrying").asBoolean(false));
            OutcomeDefinition def = new OutcomeDefinition(outcome, category, text(where, entry, "explanation"),
                    text(where, entry, "advice"), advice);
            if (outcomes.put(outcome, def) != null) {
                throw new CatalogException(where + ": defined twice");
            }
        }
    }

    private void readServers(String file, JsonValue root) {
        Set<String> ids = new HashSet<>();
        for (JsonValue entry : array(file, root, "servers")) {
            String id = entry.path("id").asString("").trim().toLowerCase(Locale.ROOT);
            String where = file + ": server '" + id + "'";
            if (id.isEmpty() || !ids.add(id)) {
                throw new CatalogException(where + ": missing or duplicate id");
            }
            Pattern greeting = optionalPattern(where, entry, "greeting");
            Pattern syst = optionalPattern(where, entry, "syst");
            if (greeting == null && syst == null) {
                throw new CatalogException(where + ": give a 'greeting' or 'syst' pattern");
            }
            servers.add(new Fingerprint.Family(id, entry.path("name").asString(id), greeting, syst,
                    entry.path("source").asString("")));
        }
    }

    private static Pattern optionalPattern(String where, JsonValue entry, String field) {
        if (!entry.hasNonNull(field)) {
            return null;
        }
        try {
            return Pattern.compile(string(where, entry.path(field), field), Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new CatalogException(where + ": bad " + field + " pattern: " + e.getDescription() + " near index "
                    + e.getIndex(), e);
        }
    }

    void readRules(String file, JsonValue root) {
        for (JsonValue entry : array(file, root, "rules")) {
            String id = entry.path("id").asString("");
            String where = file + ": rule '" + id + "'";
            if (id.isBlank()) {
                throw new CatalogException(file + ": a rule has no id");
            }
            if (!ruleIds.add(id)) {
                throw new CatalogException(where + ": duplicate id");
            }
            rules.add(rule(file, where, id, entry));
        }
    }

    private Rule rule(String file, String where, String id, JsonValue entry) {
        List<String> codes = new ArrayList<>();
        JsonValue codeNode = entry.path("code");
        for (JsonValue c : codeNode.isArray() ? codeNode : List.of(codeNode)) {
            if (!c.isMissingOrNull()) {
                codes.add(string(where, c, "code").toLowerCase(Locale.ROOT));
            }
        }
        TransportEvent event = entry.hasNonNull("event")
                ? enumValue(where, TransportEvent.class, string(where, entry.path("event"), "event"), "event") : null;
        if (codes.isEmpty() == (event == null)) {
            throw new CatalogException(where + ": give exactly one of 'code' and 'event'");
        }
        for (String code : codes) {
            if (!CODE_PATTERN.matcher(code).matches()) {
                throw new CatalogException(where + ": code '" + code
                        + "' must be a digit from 1 to 6, then two digits or x, like 530, 53x or 5xx");
            }
        }
        Pattern pattern = optionalPattern(where, entry, "pattern");
        Set<String> after = new HashSet<>();
        for (JsonValue cmd : entry.path("after")) {
            after.add(string(where, cmd, "after").trim().toUpperCase(Locale.ROOT));
        }
        Boolean anonymous = optionalBoolean(where, entry, "anonymous");
        Set<String> serverIds = new HashSet<>();
        for (JsonValue serverId : entry.path("server")) {
            serverIds.add(string(where, serverId, "server").trim().toLowerCase(Locale.ROOT));
        }
        Outcome outcome = outcome(where, entry.path("outcome").asString(""));
        List<Outcome> alternatives = new ArrayList<>();
        for (JsonValue alt : entry.path("alternatives")) {
            alternatives.add(outcome(where + " alternatives", alt.asString("")));
        }
        Confidence confidence = entry.hasNonNull("confidence")
                ? enumValue(where, Confidence.class, string(where, entry.path("confidence"), "confidence"), "confidence")
                : Confidence.LIKELY;
        Text note = entry.hasNonNull("note") ? text(where, entry, "note") : null;
        Boolean afterFailedLogins = optionalBoolean(where, entry, "afterFailedLogins");
        return new Rule(id, codes, event, pattern, after, anonymous, serverIds, afterFailedLogins, outcome, confidence, alternatives,
                wholeNumber(where, entry, "priority"), note, entry.path("source").asString(""), file, layer);
    }

    private Catalog finish() {
        for (Outcome o : Outcome.values()) {
            if (!outcomes.containsKey(o)) {
                throw new CatalogException("outcomes.json: outcome '" + o + "' is not defined");
            }
        }
        for (int cls = 1; cls <= 6; cls++) {
            int c = cls * 100;
            if (rules.stream().noneMatch(r -> r.coversCode(c) && r.pattern() == null && r.after().isEmpty()
                    && r.anonymous() == null)) {
                throw new CatalogException("rules: no unconditional fallback rule for " + cls + "xx replies");
            }
        }
        for (TransportEvent e : TransportEvent.values()) {
            if (rules.stream().noneMatch(r -> r.event() == e && r.pattern() == null && r.after().isEmpty())) {
                throw new CatalogException("rules: no unconditional rule for event " + e);
            }
        }
        Set<String> known = new HashSet<>();
        servers.forEach(f -> known.add(f.id()));
        for (Rule r : rules) {
            for (String id : r.servers()) {
                if (!known.contains(id)) {
                    throw new CatalogException(r.origin() + ": rule '" + r.id() + "': unknown server '" + id + "'");
                }
            }
        }
        return new Catalog(codes, outcomes, rules, servers);
    }

    private static Iterable<JsonValue> array(String file, JsonValue root, String field) {
        JsonValue node = root.path(field);
        if (!node.isArray()) {
            throw new CatalogException(file + ": expected an array '" + field + "' at the top level");
        }
        return node;
    }

    /** A value as text; an object or an array is a CatalogException naming the field. */
    private static String string(String where, JsonValue node, String field) {
        if (!node.isScalar()) {
            throw new CatalogException(where + ": '" + field + "' must be a string, not " + kind(node));
        }
        return node.asString();
    }

    private static Boolean optionalBoolean(String where, JsonValue entry, String field) {
        if (!entry.hasNonNull(field)) {
            return null;
        }
        JsonValue node = entry.path(field);
        if (!node.isBoolean()) {
            throw new CatalogException(where + ": '" + field + "' must be true or false, not " + kind(node));
        }
        return node.asBoolean(false);
    }

    /** An optional whole number (0 when absent); anything else is a CatalogException naming the field. */
    private static int wholeNumber(String where, JsonValue entry, String field) {
        if (!entry.hasNonNull(field)) {
            return 0;
        }
        JsonValue node = entry.path(field);
        int value = node.isNumber() ? node.asInt(Integer.MIN_VALUE) : Integer.MIN_VALUE;
        if (value == Integer.MIN_VALUE) {
            throw new CatalogException(where + ": '" + field + "' must be a whole number, not " + kind(node));
        }
        return value;
    }

    private static String kind(JsonValue node) {
        return node.isArray() ? "an array" : node.isObject() ? "an object" : node.toString();
    }

    private static Text text(String where, JsonValue entry, String field) {
        JsonValue node = entry.path(field);
        String en = node.path("en").asString("").trim();
        String zh = node.path("zh").asString("").trim();
        if (en.isEmpty()) {
            throw new CatalogException(where + ": missing English text '" + field + ".en'");
        }
        if (zh.isEmpty() || !CJK.matcher(zh).find()) {
            throw new CatalogException(where + ": missing Chinese text '" + field + ".zh'");
        }
        return new Text(en, zh);
    }

    private static Outcome outcome(String where, String name) {
        try {
            return Outcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(where + ": unknown outcome '" + name + "'", e);
        }
    }

    private static <E extends Enum<E>> E enumValue(String where, Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(where + ": unknown " + field + " '" + value + "'", e);
        }
    }
}
