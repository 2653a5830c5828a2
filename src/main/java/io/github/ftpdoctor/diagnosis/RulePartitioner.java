package io.github.ftpdoctor.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Build step: validates the whole built-in catalog (every rule file the index names, as {@link Catalog#builtIn()}
 * reads it from the sources), then writes its rules again as 61 parts ({@link RuleSet}): {@code rules-by-part/events.json}
 * for the transport events and {@code 10x.json} to {@code 69x.json} for the reply codes by their first two digits
 * (a rule for {@code 5xx} is in the ten files of {@code 50x} to {@code 59x}). Each rule is copied as written,
 * with two fields added: the file it comes from ({@code origin}) and its position in the whole catalog
 * ({@code position}), which keeps ties between equal rules in the catalog's order. The rule files stay the source
 * of truth; without the parts the loader reads them all.
 *
 * <p>Usage: {@code RulePartitioner OUTPUT_DIRECTORY} (run by Maven in {@code process-classes}, after the lexicon's
 * compact form, with the catalog on the class path).
 */
final class RulePartitioner {
    private RulePartitioner() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RulePartitioner OUTPUT_DIRECTORY");
        }
        int whole = CatalogLoader.loadBuiltIn(false).rules().size(); // validates, or throws naming the problem
        JsonMapper mapper = JsonMapper.builder().build();
        List<ArrayNode> parts = new ArrayList<>();
        for (int i = 0; i < RuleSet.PARTS; i++) {
            parts.add(mapper.createArrayNode());
        }
        int position = 0;
        for (JsonNode file : read(mapper, "catalog.json").path("rules")) {
            String name = file.asString();
            for (JsonNode rule : read(mapper, name).path("rules")) {
                ObjectNode copy = ((ObjectNode) rule).deepCopy();
                copy.put(RuleSet.ORIGIN, name);
                copy.put(RuleSet.POSITION, position++);
                for (int part : partsOf(rule)) {
                    parts.get(part).add(copy);
                }
            }
        }
        if (position != whole) {
            throw new IllegalStateException("read " + position + " rules, but the catalog has " + whole);
        }
        Path out = Path.of(args[0]).resolve(RuleSet.DIRECTORY);
        Files.createDirectories(out);
        try (java.util.stream.Stream<Path> old = Files.list(out)) { // parts of an earlier layout must not linger
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        int[] sizes = new int[RuleSet.PARTS];
        for (int i = 0; i < RuleSet.PARTS; i++) {
            ObjectNode root = mapper.createObjectNode();
            root.put("description", "Generated at build time from the rule files by RulePartitioner; do not edit. "
                    + (i == RuleSet.EVENTS ? "The transport-event rules."
                            : "The rules of " + RuleSet.firstCode(i) / 10 + "x replies."));
            root.set("rules", parts.get(i));
            String name = RuleSet.file(i).substring(RuleSet.DIRECTORY.length());
            try (OutputStream o = Files.newOutputStream(out.resolve(name))) {
                mapper.writeValue(o, root);
            }
            sizes[i] = parts.get(i).size();
        }
        System.out.println("[RulePartitioner] " + whole + " rules -> " + out + " (events, 10x..69x: "
                + java.util.Arrays.toString(sizes) + ")");
    }

    /** The parts a rule belongs to: its event's, or those its codes cover. */
    static List<Integer> partsOf(JsonNode rule) {
        List<Integer> parts = new ArrayList<>();
        if (rule.hasNonNull("event")) {
            parts.add(RuleSet.EVENTS);
        }
        JsonNode code = rule.path("code");
        List<JsonNode> codes = new ArrayList<>();
        if (code.isArray()) {
            code.forEach(codes::add);
        } else if (!code.isMissingNode() && !code.isNull()) {
            codes.add(code);
        }
        for (JsonNode c : codes) {
            String written = c.asString().toLowerCase(java.util.Locale.ROOT);
            boolean any = false;
            for (int part = 1; part < RuleSet.PARTS; part++) {
                if (RuleSet.covers(written, part)) {
                    any = true;
                    if (!parts.contains(part)) {
                        parts.add(part);
                    }
                }
            }
            if (!any) {
                throw new IllegalStateException("rule '" + rule.path("id").asString() + "': code " + c);
            }
        }
        return parts;
    }

    private static JsonNode read(JsonMapper mapper, String name) throws IOException {
        try (InputStream in = CatalogJson.open(name)) {
            return mapper.readTree(in);
        }
    }
}
