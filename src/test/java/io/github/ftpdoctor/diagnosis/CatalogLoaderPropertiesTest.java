package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.Fuzz;
import io.github.ftpdoctor.testsupport.Property;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Users' rule files, random and mutated (keys deleted, wrong types, bad patterns, unknown outcomes, deep
 * nesting, huge strings, broken JSON): the catalog loads, or a {@link CatalogException} names the file; never
 * any other exception. Loaded catalogs classify without throwing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CatalogLoaderPropertiesTest {
    private static final String SUBJECT = "CatalogLoader";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Catalog BASE = Catalog.builtIn();
    private static final String NAME = "fuzz-rules.json";
    private static final String[] KEYS = {"id", "code", "event", "pattern", "after", "anonymous", "server",
        "afterFailedLogins", "outcome", "alternatives", "confidence", "priority", "note", "source", "unknown"};
    private static final String[] BAD_PATTERNS = {"(", "[a-", "*", "\\", "a{2,1}", "(?<name", "\\p{Nope}", "(?z)",
        "x".repeat(100_000), "(a|b)*c", "\\Q"};
    private static final List<JsonNode> FILES = new ArrayList<>();
    /** Every rule of the built-in catalog and the test's site rules. */
    private static final List<JsonNode> RULES = new ArrayList<>();

    static {
        for (JsonNode name : read("/io/github/ftpdoctor/reply-catalog/catalog.json").path("rules")) {
            FILES.add(read("/io/github/ftpdoctor/reply-catalog/" + name.asString()));
        }
        FILES.add(read("/ftp-rules/site.json"));
        FILES.forEach(f -> f.path("rules").forEach(RULES::add));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CatalogLoaderPropertiesTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the bytes as an extra rule file over the built-in catalog; checks what the loader promises. */
    private static void loadOrCatalogException(byte[] json) {
        Catalog.RuleSource source = new Catalog.RuleSource(NAME, () -> new ByteArrayInputStream(json));
        try {
            Catalog c = CatalogLoader.extend(BASE, List.of(source));
            assertTrue(c.rules().size() >= BASE.rules().size());
            c.rules().stream().filter(r -> r.layer() > 0).forEach(r -> assertEquals(NAME, r.origin()));
        } catch (CatalogException e) {
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().contains(NAME), () -> "the message names the file: " + e.getMessage());
        }
    }

    private record Json(byte[] bytes) {
        @Override
        public String toString() {
            return Fuzz.show(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    @Test
    void mutatedRuleFilesLoadOrFailWithCatalogException() {
        Property.forAll(SUBJECT, "mutated rule trees", r -> new Json(JSON.writeValueAsBytes(mutatedTree(r))))
                .seed(0xCA7_0001L).tries(60_000)
                .shrinkWith(j -> Fuzz.SHRINK_BYTES.smaller(j.bytes()).stream().map(Json::new).toList())
                .check(j -> loadOrCatalogException(j.bytes()));
    }

    @Test
    void brokenJsonFailsWithCatalogException() {
        Property.forAll(SUBJECT, "mutated JSON text", r -> {
            String text = JSON.writeValueAsString(r.nextBoolean() ? mutatedTree(r) : Fuzz.pick(r, FILES));
            return new Json(Fuzz.mutate(r, text, 4, "{", "}", "[", "]", "\"", ":", ",", "null", "\\u0000", "1e999")
                    .getBytes(StandardCharsets.UTF_8));
        }).seed(0xCA7_0002L).tries(30_000)
                .shrinkWith(j -> Fuzz.SHRINK_BYTES.smaller(j.bytes()).stream().map(Json::new).toList())
                .check(j -> loadOrCatalogException(j.bytes()));
    }

    @Test
    void randomBytesAndDeepNestingFailWithCatalogException() {
        Property.forAll(SUBJECT, "random bytes and deep nesting", r -> {
            if (r.nextBoolean()) {
                return new Json(Fuzz.randomBytes(r, 400));
            }
            int depth = 1 + r.nextInt(r.nextBoolean() ? 3000 : 50);
            String open = r.nextBoolean() ? "[" : "{\"rules\":[";
            String close = open.equals("[") ? "]" : "]}";
            return new Json(("{\"rules\":" + open.repeat(depth) + close.repeat(r.nextInt(depth + 1)) + "]}")
                    .getBytes(StandardCharsets.UTF_8));
        }).seed(0xCA7_0003L).tries(10_000).check(j -> loadOrCatalogException(j.bytes()));
    }

    @Test
    void loadedCatalogsClassifyEveryReply(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        Property.forAll(SUBJECT, "rule files on disk", r -> new Json(JSON.writeValueAsBytes(mutatedTree(r))))
                .seed(0xCA7_0004L).tries(100)
                .check(j -> {
                    Files.write(file, j.bytes());
                    Catalog c;
                    try {
                        c = Catalog.withRules(file);
                    } catch (CatalogException e) {
                        assertTrue(e.getMessage().contains(file.toString()), e::getMessage);
                        return;
                    }
                    Classifier classifier = new Classifier(c);
                    Random r = new Random(j.bytes().length);
                    for (int i = 0; i < 20; i++) {
                        Reply reply = Reply.of(100 + r.nextInt(600), Fuzz.randomText(r, 80, "Login incorrect"));
                        assertNotNull(classifier.classify(reply, new ExchangeContext(Fuzz.pick(r, KEYS), null)).outcome());
                    }
                    assertNotNull(classifier.classify(Fuzz.pick(r, TransportEvent.values()), null, "x").outcome());
                });
    }

    // ---- mutations of real rule files

    /** One to six real rules, with fresh ids (mostly), and zero to five mutations. */
    static JsonNode mutatedTree(Random r) {
        ObjectNode root = NODES.objectNode();
        ArrayNode rules = root.putArray("rules");
        for (int i = 1 + r.nextInt(6); i > 0; i--) {
            ObjectNode rule = (ObjectNode) Fuzz.pick(r, RULES).deepCopy();
            rules.add(r.nextInt(10) > 0 ? rule.put("id", "fuzz." + i) : rule);
        }
        for (int n = r.nextInt(6); n > 0 && !rules.isEmpty(); n--) {
            ObjectNode rule = (ObjectNode) rules.get(r.nextInt(rules.size()));
            String key = Fuzz.pick(r, KEYS);
            switch (r.nextInt(8)) {
                case 0 -> rule.remove(key);
                case 1 -> rule.set(key, randomValue(r, 3));
                case 2 -> rule.put("pattern", r.nextInt(4) > 0 ? Fuzz.pick(r, BAD_PATTERNS) : deepPattern(r));
                case 3 -> rule.put("outcome", Fuzz.mutate(r, Fuzz.pick(r, Outcome.values()).name(), 2));
                case 4 -> rule.set("code", r.nextBoolean() ? NODES.stringNode(Fuzz.mutate(r, "53x", 2))
                        : NODES.arrayNode().add("530").add(randomValue(r, 1)));
                case 5 -> rule.put("event", r.nextBoolean() ? Fuzz.pick(r, TransportEvent.values()).name().toLowerCase()
                        : Fuzz.randomText(r, 20));
                case 6 -> rule.set("server", NODES.arrayNode().add(r.nextBoolean() ? "vsftpd" : Fuzz.randomText(r, 10)));
                default -> rules.add(rule.deepCopy()); // a duplicate id
            }
        }
        if (r.nextInt(50) == 0) {
            root.set("rules", randomValue(r, 2));
        }
        return root;
    }

    /** Groups nested up to 30,000 deep, mostly balanced. */
    private static String deepPattern(Random r) {
        int depth = 1 + r.nextInt(r.nextBoolean() ? 30_000 : 1000);
        String open = Fuzz.pick(r, new String[] {"(", "(?:", "[", "(?i:"});
        String close = open.equals("[") ? "]" : ")";
        return open.repeat(depth) + "x" + close.repeat(r.nextBoolean() ? depth : r.nextInt(depth + 1));
    }

    /** Any JSON value: scalars of every type, huge strings, arrays and objects nested up to {@code depth}. */
    static JsonNode randomValue(Random r, int depth) {
        return switch (r.nextInt(depth > 0 ? 10 : 7)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(r.nextInt());
            case 3 -> NODES.numberNode(r.nextBoolean() ? r.nextDouble() * 1e300 : Long.MAX_VALUE);
            case 4 -> NODES.numberNode(new java.math.BigInteger(200, r));
            case 5 -> NODES.stringNode(r.nextInt(30) == 0 ? "x".repeat(200_000) : Fuzz.randomText(r, 20, "530", "5xx"));
            case 6 -> NODES.stringNode(Fuzz.pick(r, Outcome.values()).name());
            case 7, 8 -> {
                ArrayNode a = NODES.arrayNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    a.add(randomValue(r, depth - 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = NODES.objectNode();
                for (int i = r.nextInt(4); i > 0; i--) {
                    o.set(Fuzz.pick(r, new String[] {"en", "zh", "x", "id"}), randomValue(r, depth - 1));
                }
                yield o;
            }
        };
    }
}
