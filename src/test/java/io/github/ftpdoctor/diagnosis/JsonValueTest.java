package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonValueTest {
    private static JsonValue parse(String json) throws IOException {
        return JsonValue.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheShapesTheCatalogUses() throws IOException {
        JsonValue v = parse("{\"code\": 530, \"text\": \"中文\", \"list\": [\"a\", 2, true, null],"
                + " \"nested\": {\"en\": \"x\"}, \"flag\": \"true\", \"num\": \"421\", \"half\": 1.5}");
        assertEquals(530, v.path("code").asInt(-1));
        assertEquals("530", v.path("code").asString());
        assertEquals("中文", v.path("text").asString());
        assertEquals("x", v.path("nested").path("en").asString());
        assertEquals(JsonValue.MISSING, v.path("nested").path("zh").path("deeper"));
        assertTrue(v.path("list").isArray());
        List<String> items = new ArrayList<>();
        v.path("list").forEach(i -> items.add(i.asString("?")));
        assertEquals(List.of("a", "2", "true", "?"), items);
        assertTrue(v.path("flag").asBoolean(false));
        assertEquals(421, v.path("num").asInt(-1));
        assertEquals(-1, v.path("half").asInt(-1), "not a whole number");
        assertFalse(v.hasNonNull("absent"));
        assertTrue(v.hasNonNull("code"));
        assertFalse(v.path("code").iterator().hasNext(), "a number has no items");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":}", "[1,]", "{} {}", "{\"a\": tru}", "\"unterminated"})
    void malformedDocumentsAreIoExceptions(String json) {
        assertThrows(IOException.class, () -> parse(json));
    }

    @Test
    void nestingIsBounded() {
        String deep = "[".repeat(JsonValue.MAX_DEPTH + 2) + "]".repeat(JsonValue.MAX_DEPTH + 2);
        IOException e = assertThrows(IOException.class, () -> parse(deep));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
    }
}
