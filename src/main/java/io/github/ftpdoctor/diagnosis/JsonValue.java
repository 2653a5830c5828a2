package io.github.ftpdoctor.diagnosis;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A read-only JSON tree for the catalog, parsed with Jackson's streaming parser. The catalog needs nothing of data
 * binding, and building a {@code JsonMapper} costs several hundred milliseconds of class loading on a cold JVM, which
 * every program would pay on its first diagnosis. Missing fields read as {@link #MISSING}, so lookups chain like
 * Jackson's {@code path()}. Bounded: nesting deeper than {@value #MAX_DEPTH} is an error.
 */
final class JsonValue implements Iterable<JsonValue> {
    static final JsonValue MISSING = new JsonValue(null);
    static final int MAX_DEPTH = 64;
    private static final JsonValue NULL = new JsonValue(null);
    private static final JsonFactory FACTORY = new JsonFactory();

    private final Object value; // Map<String, JsonValue>, List<JsonValue>, String, Number, Boolean, or null

    private JsonValue(Object value) {
        this.value = value;
    }

    /** Parses one JSON document; a syntax error or trailing content is an IOException naming the position. */
    static JsonValue parse(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
            if (p.nextToken() == null) {
                throw new IOException("empty document");
            }
            JsonValue root = read(p, 0);
            if (p.nextToken() != null) {
                throw new IOException("unexpected content after the document at " + p.currentLocation());
            }
            return root;
        } catch (JacksonException e) {
            throw new IOException(e.getOriginalMessage() + " at " + e.getLocation(), e);
        }
    }

    private static JsonValue read(JsonParser p, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("nested deeper than " + MAX_DEPTH + " levels at " + p.currentLocation());
        }
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, JsonValue> fields = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    p.nextToken();
                    fields.put(name, read(p, depth + 1));
                }
                return new JsonValue(Collections.unmodifiableMap(fields));
            }
            case START_ARRAY: {
                List<JsonValue> items = new ArrayList<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_ARRAY; k = p.nextToken()) {
                    items.add(read(p, depth + 1));
                }
                return new JsonValue(Collections.unmodifiableList(items));
            }
            case VALUE_STRING:
                return new JsonValue(p.getString());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonValue(p.getNumberValue());
            case VALUE_TRUE:
                return new JsonValue(Boolean.TRUE);
            case VALUE_FALSE:
                return new JsonValue(Boolean.FALSE);
            case VALUE_NULL:
                return NULL;
            default:
                throw new IOException("unexpected " + t + " at " + p.currentLocation());
        }
    }

    /** The field of an object, or {@link #MISSING}. */
    JsonValue path(String field) {
        if (value instanceof Map<?, ?> m) {
            Object v = m.get(field);
            return v == null ? MISSING : (JsonValue) v;
        }
        return MISSING;
    }

    /** The fields of an object in the order written; empty for anything else. */
    @SuppressWarnings("unchecked")
    Map<String, JsonValue> fields() {
        return value instanceof Map<?, ?> m ? (Map<String, JsonValue>) m : Map.of();
    }

    /** Whether the field is present and not null. */
    boolean hasNonNull(String field) {
        JsonValue v = path(field);
        return v != MISSING && v != NULL;
    }

    boolean isArray() {
        return value instanceof List;
    }

    boolean isObject() {
        return value instanceof Map;
    }

    /** A string, number or boolean. */
    boolean isScalar() {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
    }

    boolean isNumber() {
        return value instanceof Number;
    }

    /** {@code true} or {@code false} (not the strings). */
    boolean isBoolean() {
        return value instanceof Boolean;
    }

    boolean isMissingOrNull() {
        return this == MISSING || this == NULL;
    }

    /** Text of a string, number or boolean; {@code otherwise} for anything else. */
    String asString(String otherwise) {
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString()
                : otherwise;
    }

    String asString() {
        return asString("");
    }

    /** A whole number, or a string holding one; {@code otherwise} for anything else. */
    long asLong(long otherwise) {
        if (value instanceof Number n) {
            return n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue() : otherwise;
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }

    int asInt(int otherwise) {
        long v = asLong(Long.MIN_VALUE);
        return v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? otherwise : (int) v;
    }

    /** A boolean, or the string {@code "true"}/{@code "false"}; {@code otherwise} for anything else. */
    boolean asBoolean(boolean otherwise) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        return otherwise;
    }

    /** The items of an array; nothing for anything else. */
    @Override
    @SuppressWarnings("unchecked")
    public Iterator<JsonValue> iterator() {
        return value instanceof List<?> l ? ((List<JsonValue>) l).iterator() : Collections.emptyIterator();
    }

    /** For error messages: the value as it would be written in JSON, shortened. */
    @Override
    public String toString() {
        String s = this == MISSING ? "(missing)" : value instanceof String str ? '"' + str + '"' : String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
