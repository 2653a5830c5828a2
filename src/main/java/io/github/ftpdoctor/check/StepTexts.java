package io.github.ftpdoctor.check;

import io.github.ftpdoctor.diagnosis.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check's own sentences (what an ok step found, why a step was skipped), in English and Chinese, from the catalog
 * file {@code reply-catalog/check-steps.json}: {@code {name}} placeholders are filled with facts such as addresses.
 */
final class StepTexts {
    static final String RESOURCE = "/io/github/ftpdoctor/reply-catalog/check-steps.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final StepTexts BUILT_IN = load();

    private final Map<String, Text> texts;

    private StepTexts(Map<String, Text> texts) {
        this.texts = texts;
    }

    static StepTexts builtIn() {
        return BUILT_IN;
    }

    private static StepTexts load() {
        try (InputStream in = StepTexts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("reply-catalog/check-steps.json: not found on the class path");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, Text> m = new HashMap<>();
            for (Map.Entry<String, JsonNode> e : root.path("texts").properties()) {
                String en = e.getValue().path("en").asString("");
                String zh = e.getValue().path("zh").asString("");
                if (en.isBlank() || zh.isBlank()) {
                    throw new IllegalStateException("reply-catalog/check-steps.json: text '" + e.getKey()
                            + "' needs both 'en' and 'zh'");
                }
                m.put(e.getKey(), new Text(en, zh));
            }
            return new StepTexts(Map.copyOf(m));
        } catch (IOException e) {
            throw new UncheckedIOException("reply-catalog/check-steps.json: " + e.getMessage(), e);
        }
    }

    /** The keys defined (for tests). */
    java.util.Set<String> keys() {
        return texts.keySet();
    }

    /**
     * The text under {@code key} with its placeholders filled from {@code args} (name, value, name, value ...).
     *
     * @throws IllegalStateException for an unknown key or a placeholder without a value
     */
    Text get(String key, Object... args) {
        Text t = texts.get(key);
        if (t == null) {
            throw new IllegalStateException("reply-catalog/check-steps.json: no text '" + key + "'");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            values.put(String.valueOf(args[i]), String.valueOf(args[i + 1]));
        }
        return new Text(fill(key, t.en(), values), fill(key, t.zh(), values));
    }

    private static String fill(String key, String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("check-steps.json '" + key + "': no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
