package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepliesTest {

    private static Reply line(String line) {
        return Reply.of(Integer.parseInt(line.substring(0, 3)), List.of(line));
    }

    // ---------------------------------------------------------------- 257

    @Test
    void quotedPathWithDoubledQuotes() {
        assertEquals("/home/a \"quoted\" dir",
                Replies.quotedPath(line("257 \"/home/a \"\"quoted\"\" dir\" is current directory")));
    }

    @Test
    void quotedPathSimple() {
        assertEquals("/", Replies.quotedPath(line("257 \"/\" is the current directory")));
        assertEquals("", Replies.quotedPath(line("257 \"\" empty")));
    }

    @Test
    void quotedPathThatNoCommandCouldCarryOrThatLostBytesIsNone() {
        assertNull(Replies.quotedPath(line("257 \"/a\0b\" is the current directory")));
        assertNull(Replies.quotedPath(line("257 \"/a\rb\" is the current directory")));
        assertNull(Replies.quotedPath(line("257 \"/caf\uFFFD\" is the current directory")));
    }

    @Test
    void quotedPathWithSpacesAndChinese() {
        assertEquals("/数据/年度 报告 2026", Replies.quotedPath(line("257 \"/数据/年度 报告 2026\" 已创建")));
    }

    @Test
    void quotedPathEndingInADoubledQuote() {
        assertEquals("/a\"", Replies.quotedPath(line("257 \"/a\"\"\"")));
    }

    @Test
    void quotedPathTakesTheFirstQuotedString() {
        assertEquals("/x", Replies.quotedPath(line("257 MKD command successful: \"/x\" (was \"/y\")")));
    }

    @Test
    void noQuotes() {
        assertNull(Replies.quotedPath(line("257 /home/a is current directory")));
        assertNull(Replies.quotedPath(line("257")));
    }

    @Test
    void unterminatedQuote() {
        assertNull(Replies.quotedPath(line("257 \"/home/a is current directory")));
        assertNull(Replies.quotedPath(line("257 \"/home/a \"\"quoted")));
    }

    @Test
    void quotedPathOfAMultiLineReplyIsOnTheFirstLine() {
        Reply reply = Reply.of(257, List.of("257-\"/srv/ftp\" is your current location", "257 end"));
        assertEquals("/srv/ftp", Replies.quotedPath(reply));
    }

    // ---------------------------------------------------------------- SIZE

    @Test
    void sizeOverFourGib() {
        assertEquals(5_368_709_120L, Replies.size(line("213 5368709120")));
    }

    @Test
    void sizeSmall() {
        assertEquals(0L, Replies.size(line("213 0")));
        assertEquals(42L, Replies.size(line("213 42")));
        assertEquals(Long.MAX_VALUE, Replies.size(line("213 " + Long.MAX_VALUE)));
    }

    @Test
    void sizeWithTrailingText() {
        assertEquals(1234L, Replies.size(line("213 1234 bytes")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"213 garbage", "213 ", "213", "213 12abc", "213 1.5", "213 99999999999999999999",
        "550 Could not get file size."})
    void sizeOfGarbage(String text) {
        assertEquals(-1L, Replies.size(line(text)));
    }

    // ---------------------------------------------------------------- MDTM

    @Test
    void time() {
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), Replies.time(line("213 20260102030405")));
    }

    @Test
    void timeWithMilliseconds() {
        assertEquals(Instant.parse("2026-01-02T03:04:05.123Z"), Replies.time(line("213 20260102030405.123")));
    }

    @Test
    void timeWithOtherFractions() {
        assertEquals(Instant.parse("2026-01-02T03:04:05.500Z"), Replies.time(line("213 20260102030405.5")));
        assertEquals(Instant.parse("2026-01-02T03:04:05.123456789Z"),
                Replies.time(line("213 20260102030405.123456789")));
    }

    @Test
    void leapDay() {
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), Replies.time(line("213 20240229235959")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"213 2026010203040", "213 202601020304050", "213 2026010203040a", "213 abcdefghijklmn",
        "213 20261302030405", "213 20260002030405", "213 20260100030405", "213 20260102250405",
        "213 20260102036005", "213 20260102030460", "213 20260102030405.", "213 20260102030405.abc",
        "213 20260102030405.1234567890", "213 ", "550 No such file",
        // found by RepliesPropertiesTest: a fraction of fullwidth or Arabic-Indic digits was read as .9 and .33
        "213 20260102030405.\uFF19", "213 20260102030405.\u0663\u0663"})
    void malformedTime(String text) {
        assertNull(Replies.time(line(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"213 20260231030405", "213 20250229030405", "213 20260431000000"})
    void impossibleDayIsMalformed(String text) {
        assertNull(Replies.time(line(text)), text);
    }

    @Test
    void hour24IsMalformed() {
        assertNull(Replies.time(line("213 20260102240000")));
    }

    // ---------------------------------------------------------------- FEAT

    @Test
    void features() {
        Reply reply = Reply.of(211, List.of("211-Features:", " MDTM", " MLST type*;size*;modify*;", " UTF8",
                " AUTH TLS", " REST STREAM", "211 End"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("MDTM", "");
        expected.put("MLST", "type*;size*;modify*;");
        expected.put("UTF8", "");
        expected.put("AUTH", "TLS");
        expected.put("REST", "STREAM");
        Map<String, String> features = Replies.features(reply);
        assertEquals(expected, features);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(features.keySet()), "insertion order");
    }

    @Test
    void featureNamesAreUpperCasedButParametersAreNot() {
        Reply reply = Reply.of(211, List.of("211-Extensions supported:", " mdtm", " Lang en-US*;zh-CN", "",
                "  size  ", "211 END"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("MDTM", "");
        expected.put("LANG", "en-US*;zh-CN");
        expected.put("SIZE", "");
        assertEquals(expected, Replies.features(reply));
    }

    @Test
    void singleLineFeatHasNoFeatures() {
        assertTrue(Replies.features(line("211 No features")).isEmpty());
        assertTrue(Replies.features(Reply.of(211, List.of("211-Features:", "211 End"))).isEmpty());
    }
}
