package io.github.ftpdoctor.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading typed values from catalog JSON; every problem is a {@link CatalogException} naming where it is. */
final class CatalogJson {
    static final String BUILT_IN_ROOT = "/io/github/ftpdoctor/reply-catalog/";
    private static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff]");

    private CatalogJson() {
    }

    static JsonValue resource(String name) {
        try (InputStream in = open(name)) {
            return JsonValue.parse(in);
        } catch (IOException e) {
            throw new CatalogException("reply-catalog/" + name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A built-in catalog file; the caller closes it. */
    static InputStream open(String name) {
        InputStream in = CatalogJson.class.getResourceAsStream(BUILT_IN_ROOT + name);
        if (in == null) {
            throw new CatalogException("reply-catalog/" + name + ": not found on the class path");
        }
        return in;
    }

    static Iterable<JsonValue> array(String file, JsonValue root, String field) {
        JsonValue node = root.path(field);
        if (!node.isArray()) {
            throw new CatalogException(file + ": expected an array '" + field + "' at the top level");
        }
        return node;
    }

    /** A value as text; an object or an array is a CatalogException naming the field. */
    static String string(String where, JsonValue node, String field) {
        if (!node.isScalar()) {
            throw new CatalogException(where + ": '" + field + "' must be a string, not " + kind(node));
        }
        return node.asString();
    }

    /** A string or an array of strings (absent: empty). */
    static List<String> strings(String where, JsonValue entry, String field) {
        JsonValue node = entry.path(field);
        List<String> out = new ArrayList<>();
        for (JsonValue v : node.isArray() ? node : List.of(node)) {
            if (!v.isMissingOrNull()) {
                out.add(string(where, v, field));
            }
        }
        return out;
    }

    static Boolean optionalBoolean(String where, JsonValue entry, String field) {
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
    static int wholeNumber(String where, JsonValue entry, String field) {
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

    static String kind(JsonValue node) {
        return node.isArray() ? "an array" : node.isObject() ? "an object" : node.toString();
    }

    static Text text(String where, JsonValue entry, String field) {
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

    static Outcome outcome(String where, String name) {
        try {
            return Outcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(where + ": unknown outcome '" + name + "'", e);
        }
    }

    static <E extends Enum<E>> E enumValue(String where, Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CatalogException(where + ": unknown " + field + " '" + value + "'", e);
        }
    }

    static Pattern optionalPattern(String where, JsonValue entry, String field) {
        if (!entry.hasNonNull(field)) {
            return null;
        }
        return compile(where, string(where, entry.path(field), field), field);
    }

    static Pattern compile(String where, String regex, String field) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new CatalogException(where + ": bad " + field + " pattern: " + e.getDescription() + " near index "
                    + e.getIndex(), e);
        }
    }
}
