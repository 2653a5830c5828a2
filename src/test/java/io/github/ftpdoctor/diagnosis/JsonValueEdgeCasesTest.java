package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalog's JSON reader at its edges, and the typed readers built on it that name what is wrong. */
class JsonValueEdgeCasesTest {
    private static JsonValue parse(String text) throws IOException {
        return JsonValue.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonValue value(String text) {
        try {
            return parse("{\"v\":" + text + "}").path("v");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String nested(String open, String close, int levels) {
        return open.repeat(levels) + close.repeat(levels);
    }

    @Test
    void nestingOfExactlyTheLimitIsAcceptedAndOneMoreIsNot() throws IOException {
        // the root is level 0: MAX_DEPTH + 1 nested arrays reach level MAX_DEPTH
        parse(nested("[", "]", JsonValue.MAX_DEPTH + 1));
        assertThrows(IOException.class, () -> parse(nested("[", "]", JsonValue.MAX_DEPTH + 2)));
        String objects = "{\"a\":".repeat(JsonValue.MAX_DEPTH + 1) + "1" + "}".repeat(JsonValue.MAX_DEPTH + 1);
        IOException e = assertThrows(IOException.class, () -> parse(objects));
        assertTrue(e.getMessage().startsWith("nested deeper than 64 levels"), e.getMessage());
        parse("{\"a\":".repeat(JsonValue.MAX_DEPTH) + "1" + "}".repeat(JsonValue.MAX_DEPTH));
    }

    @Test
    void booleansAreTrueFalseOrTheirStringsInAnyCase() {
        assertTrue(value("true").asBoolean(false));
        assertFalse(value("false").asBoolean(true));
        assertTrue(value("\"TRUE\"").asBoolean(false));
        assertFalse(value("\"False\"").asBoolean(true));
        assertTrue(value("\"yes\"").asBoolean(true));
        assertFalse(value("\"yes\"").asBoolean(false));
        assertFalse(value("1").asBoolean(false));
        assertTrue(value("[]").asBoolean(true));
        assertTrue(value("true").isBoolean());
        assertFalse(value("\"true\"").isBoolean());
    }

    @Test
    void wholeNumbersFromNumbersOrStringsWithinRange() {
        assertEquals(12L, value("\" 12 \"").asLong(-1));
        assertEquals(-1L, value("\"twelve\"").asLong(-1));
        assertEquals(7L, value("\"x\"").asLong(7));
        assertEquals(7L, value("{}").asLong(7));
        assertEquals(7L, value("null").asLong(7));
        assertEquals(Integer.MAX_VALUE, value(Integer.toString(Integer.MAX_VALUE)).asInt(0));
        assertEquals(Integer.MIN_VALUE, value(Integer.toString(Integer.MIN_VALUE)).asInt(0));
        assertEquals(5, value(Long.toString(Integer.MAX_VALUE + 1L)).asInt(5));
        assertEquals(5, value(Long.toString(Integer.MIN_VALUE - 1L)).asInt(5));
        assertEquals(3, value("3.0").asInt(5));
    }

    @Test
    void kindsOfValues() {
        assertTrue(value("3").isNumber());
        assertTrue(value("2.5").isNumber());
        assertFalse(value("\"3\"").isNumber());
        assertFalse(value("null").isNumber());
        assertTrue(value("null").isMissingOrNull());
        assertFalse(value("null").isScalar());
        assertTrue(value("false").isScalar());
    }

    @Test
    void longValuesAreShortenedInMessagesAtSixtyCharacters() {
        String fiftyEight = "x".repeat(58);
        assertEquals('"' + fiftyEight + '"', value('"' + fiftyEight + '"').toString());
        String fiftyNine = "x".repeat(59);
        assertEquals('"' + "x".repeat(56) + "...", value('"' + fiftyNine + '"').toString());
        assertEquals("(missing)", JsonValue.MISSING.toString());
    }

    @Test
    void wholeNumberFieldsAreNumbersOrAbsent() throws IOException {
        JsonValue entry = parse("{\"a\":42,\"b\":\"42\",\"c\":1.5,\"d\":null,\"e\":0}");
        assertEquals(42, CatalogJson.wholeNumber("f.json: rule 'r'", entry, "a"));
        assertEquals(0, CatalogJson.wholeNumber("f.json: rule 'r'", entry, "absent"));
        assertEquals(0, CatalogJson.wholeNumber("f.json: rule 'r'", entry, "d"));
        assertEquals(0, CatalogJson.wholeNumber("f.json: rule 'r'", entry, "e"));
        assertEquals("f.json: rule 'r': 'b' must be a whole number, not \"42\"", assertThrows(CatalogException.class,
                () -> CatalogJson.wholeNumber("f.json: rule 'r'", entry, "b")).getMessage());
        assertEquals("f.json: rule 'r': 'c' must be a whole number, not 1.5", assertThrows(CatalogException.class,
                () -> CatalogJson.wholeNumber("f.json: rule 'r'", entry, "c")).getMessage());
    }

    @Test
    void optionalBooleansAndPatterns() throws IOException {
        JsonValue entry = parse("{\"t\":true,\"f\":false,\"s\":\"true\",\"p\":\"Disk +Full\",\"bad\":\"(\",\"n\":null}");
        assertEquals(Boolean.TRUE, CatalogJson.optionalBoolean("w", entry, "t"));
        assertEquals(Boolean.FALSE, CatalogJson.optionalBoolean("w", entry, "f"));
        assertNull(CatalogJson.optionalBoolean("w", entry, "absent"));
        assertEquals("w: 's' must be true or false, not \"true\"",
                assertThrows(CatalogException.class, () -> CatalogJson.optionalBoolean("w", entry, "s")).getMessage());

        Pattern p = CatalogJson.optionalPattern("w", entry, "p");
        assertTrue(p.matcher("the DISK   full").find(), "patterns are case-insensitive");
        assertTrue(CatalogJson.compile("w", "ÄRGER", "pattern").matcher("ärger").matches());
        assertNull(CatalogJson.optionalPattern("w", entry, "absent"));
        assertNull(CatalogJson.optionalPattern("w", entry, "n"));
        String m = assertThrows(CatalogException.class, () -> CatalogJson.optionalPattern("w", entry, "bad")).getMessage();
        assertTrue(m.startsWith("w: bad bad pattern: "), m);
    }
}
