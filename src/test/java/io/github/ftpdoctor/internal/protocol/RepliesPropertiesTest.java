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

    @Test
    void randomRepliesNeverThrow() {
        Property.forAll(SUBJECT, "random and mutated replies", r -> r.nextBoolean() ? Fuzz.randomText(r, 100, REAL)
                        : Fuzz.mutate(r, Fuzz.pick(r, REAL), 4, "\"", "\"\"", ".", "(", " bytes)", "\n "))
                .seed(0x4E9_0001L).tries(60_000).shrinkWith(Fuzz.SHRINK_STRING).showWith(Fuzz::show)
                .check(text -> {
                    Replies.quotedPath(Reply.of(257, text));
                    assertTrue(Replies.size(Reply.of(213, text)) >= -1);
                    assertTrue(Replies.announcedSize(Reply.of(150, text)) >= -1);
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
