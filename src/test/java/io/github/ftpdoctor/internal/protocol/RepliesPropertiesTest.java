package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.testsupport.Fuzz;
import io.github.ftpdoctor.testsupport.Property;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The payload parsers of {@link Replies} (257 paths, SIZE, MDTM, FEAT, the size a 150 announces) on random and
 * mutated replies, and on generated ones read back exactly.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RepliesPropertiesTest {
    private static final String SUBJECT = "Replies";
    private static final String[] REAL = {"\"/home/a \"\"quoted\"\" dir\" is current directory", "\"/\" created",
        "20260102030405", "20260102030405.123", "1024", "Opening BINARY mode data connection for x (1024 bytes).",
        "Features:\n EPSV\n MLST type*;size*;\n UTF8\nEnd", "\"/数据/年度 报告 2026\" 已创建"};
    private static final Pattern MDTM = Pattern.compile("[0-9]{14}(\\.[0-9]{1,9})?");

    /**
     * Random and mutated replies read as an independent reading of each format says: the 257 path by a regular
     * expression for RFC 959's quoting, SIZE and the 150 size by scanning for ASCII digits (RFC 3659 5.3: 1*DIGIT).
     */
    @Test
    void randomRepliesReadAsTheFormatsSay() {
        Property.forAll(SUBJECT, "random and mutated replies", r -> r.nextBoolean() ? Fuzz.randomText(r, 100, REAL)
                        : Fuzz.mutate(r, Fuzz.pick(r, REAL), 4, "\"", "\"\"", ".", "(", " bytes)", " byte)", "\n ",
                                "+", "-", "0"))
                .seed(0x4E9_0001L).tries(100_000).shrinkWith(Fuzz.SHRINK_STRING).showWith(Fuzz::show)
                .check(text -> {
                    Reply r257 = Reply.of(257, text);
                    assertEquals(expectedQuotedPath(r257.lines().get(0)), Replies.quotedPath(r257), "257 path");
                    Reply r213 = Reply.of(213, text);
                    assertEquals(expectedSize(r213.text()), Replies.size(r213), "SIZE");
                    Reply r150 = Reply.of(150, text);
                    assertEquals(expectedAnnouncedSize(r150.text()), Replies.announcedSize(r150), "150 size");
                    Reply mdtm = Reply.of(213, text);
                    Instant t = Replies.time(mdtm);
                    if (t != null) { // only RFC 3659 time-vals: 14 digits, a fraction of ASCII digits
                        assertTrue(MDTM.matcher(mdtm.text().trim().split("\\s+")[0]).matches(), () -> "read as " + t);
                    }
                    assertNotNull(Replies.features(Reply.of(211, text)));
                });
    }

    @Test
    void quotedPathsReadBack() {
        Property.forAll(SUBJECT, "257 round trip", r -> Fuzz.randomText(r, 60, "\"", "\"\"", "/", " ", "中文")
                        .replace("\n", "_"))
                .seed(0x4E9_0002L).tries(10_000).shrinkWith(Fuzz.SHRINK_STRING).showWith(Fuzz::show)
                .check(path -> assertEquals(path.matches("[^\u0000\r\uFFFD]*") ? path : null, // unusable: null
                        Replies.quotedPath(Reply.of(257, "\"" + path.replace("\"", "\"\"")
                                + "\" is the current directory"))));
    }

    @Test
    void sizesReadBack() {
        Property.forAll(SUBJECT, "SIZE and 150 round trip", r -> r.nextBoolean() ? r.nextInt(1000)
                        : (long) (r.nextDouble() * 999_999_999_999_999_999L))
                .seed(0x4E9_0003L).tries(10_000)
                .check(n -> {
                    assertEquals(n, Replies.size(Reply.of(213, n.toString())));
                    assertEquals(n, Replies.announcedSize(Reply.of(150,
                            "Opening BINARY mode data connection for f (" + n + (n == 1 ? " byte)." : " bytes)."))));
                });
    }

    @Test
    void mdtmTimesReadBack() {
        Property.forAll(SUBJECT, "MDTM round trip", r -> {
            LocalDateTime d = LocalDateTime.of(1 + r.nextInt(9998), 1, 1, 0, 0).plusSeconds(r.nextInt(365 * 86400));
            int digits = r.nextInt(10);
            StringBuilder frac = new StringBuilder();
            for (int i = 0; i < digits; i++) {
                frac.append((char) ('0' + r.nextInt(10)));
            }
            return String.format("%04d%02d%02d%02d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                    d.getHour(), d.getMinute(), d.getSecond()) + (digits == 0 ? "" : "." + frac);
        }).seed(0x4E9_0004L).tries(10_000)
                .check(v -> {
                    LocalDateTime d = LocalDateTime.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
                            Integer.parseInt(v.substring(6, 8)), Integer.parseInt(v.substring(8, 10)),
                            Integer.parseInt(v.substring(10, 12)), Integer.parseInt(v.substring(12, 14)));
                    int nanos = v.length() > 15 ? Integer.parseInt((v.substring(15) + "000000000").substring(0, 9)) : 0;
                    assertEquals(d.toInstant(ZoneOffset.UTC).plusNanos(nanos), Replies.time(Reply.of(213, v)));
                });
    }

    @Test
    void featuresReadBack() {
        Property.forAll(SUBJECT, "FEAT round trip", RepliesPropertiesTest::features)
                .seed(0x4E9_0005L).tries(10_000)
                .check(features -> {
                    List<String> lines = new ArrayList<>();
                    lines.add("211-Features:");
                    features.forEach((k, v) -> lines.add(" " + (k.hashCode() % 2 == 0 ? k : k.toLowerCase(Locale.ROOT))
                            + (v.isEmpty() ? "" : " " + v)));
                    lines.add("211 End");
                    assertEquals(features, Replies.features(Reply.of(211, lines)));
                });
    }

    /** RFC 959 Appendix II: after the code, text without quotes, then a quoted path in which "" stands for ". */
    private static final Pattern QUOTED = Pattern.compile("[^\"]*+\"((?:[^\"]++|\"\")*+)\"(?!\")");

    static String expectedQuotedPath(String firstLine) {
        Matcher m = QUOTED.matcher(firstLine.length() > 4 ? firstLine.substring(4) : "");
        if (!m.lookingAt()) {
            return null;
        }
        String path = m.group(1).replace("\"\"", "\"");
        boolean usable = path.indexOf('\0') < 0 && path.indexOf('\r') < 0 && path.indexOf('\uFFFD') < 0;
        return usable ? path : null;
    }

    /** The first word of the text (blanks and control characters around it ignored) if it is ASCII digits only. */
    static long expectedSize(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && text.charAt(from) <= ' ') {
            from++;
        }
        while (to > from && text.charAt(to - 1) <= ' ') {
            to--;
        }
        int end = from;
        while (end < to && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        if (end == from || end < to && " \t\n\u000B\f\r".indexOf(text.charAt(end)) < 0) {
            return -1;
        }
        java.math.BigInteger n = new java.math.BigInteger(text.substring(from, end));
        return n.bitLength() < 64 ? n.longValue() : -1;
    }

    /** The leftmost "(N bytes)" or "(N byte)" with 1 to 18 ASCII digits, or -1. */
    static long expectedAnnouncedSize(String text) {
        for (int open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
            int end = open + 1;
            while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            int digits = end - open - 1;
            if (digits >= 1 && digits <= 18 && (text.startsWith(" bytes)", end) || text.startsWith(" byte)", end))) {
                return Long.parseLong(text.substring(open + 1, end));
            }
        }
        return -1;
    }

    @Test
    void signsAndNonAsciiDigitsAreNoSize() {
        for (String text : new String[] {"+5", "-0", "-1", "\u0663\u0663", "\uFF11\uFF10", "1\u0663", "12a", "",
            "99999999999999999999", "0x10"}) {
            assertEquals(-1, Replies.size(Reply.of(213, text)), text);
        }
        assertEquals(5, Replies.size(Reply.of(213, " 0005 bytes")));
        assertEquals(Long.MAX_VALUE, Replies.size(Reply.of(213, String.valueOf(Long.MAX_VALUE))));
        assertEquals(-1, Replies.announcedSize(Reply.of(150, "for f (\uFF11 bytes)")));
        assertEquals(-1, Replies.announcedSize(Reply.of(150, "for f (1234567890123456789 bytes)")), "19 digits");
        assertEquals(7, Replies.announcedSize(Reply.of(150, "x (a bytes) (7 byte) (8 bytes)")));
    }

    private static Map<String, String> features(Random r) {
        Map<String, String> features = new LinkedHashMap<>();
        String[] names = {"EPSV", "MLST", "UTF8", "REST", "SIZE", "MDTM", "AUTH", "PBSZ", "PROT", "TVFS", "X-FUZZ"};
        for (int n = r.nextInt(8); n > 0; n--) {
            features.put(Fuzz.pick(r, names), Fuzz.randomText(r, 20, "type*;size*;", "STREAM", "TLS", "  ")
                    .replace('\n', ' ').trim());
        }
        return features;
    }
}
