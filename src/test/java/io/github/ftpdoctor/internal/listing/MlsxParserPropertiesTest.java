package io.github.ftpdoctor.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.testsupport.Fuzz;
import io.github.ftpdoctor.testsupport.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link MlsxParser} on random and mutated lines and MLST replies, and on generated machine listings read back
 * exactly: facts in any order and case, names with spaces, ';' and '='.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MlsxParserPropertiesTest {
    private static final String SUBJECT = "MlsxParser";

    @Test
    void randomLinesGiveNullOrAnEntry() {
        Property.forAll(SUBJECT, "random and mutated lines", ListingLines::randomLine)
                .seed(0x315_0001L).tries(45_000).shrinkWith(Fuzz.SHRINK_STRING).showWith(Fuzz::show)
                .check(line -> {
                    MlsxParser.looksLikeFacts(line);
                    FtpEntry e = MlsxParser.parseLine(line);
                    if (e != null) {
                        ListingLines.wellFormed(e, line);
                    }
                    FtpEntry m = MlsxParser.parseMlstLine(line);
                    if (m != null) {
                        ListingLines.wellFormed(m, line);
                        assertTrue(m.name().indexOf('/') < 0 || m.name().replace("/", "").isEmpty(), m::name);
                    }
                });
    }

    @Test
    void randomMlstRepliesGiveAnEntryOrNothing() {
        Property.forAll(SUBJECT, "random MLST replies", r -> {
            List<String> lines = new ArrayList<>();
            for (int n = Fuzz.size(r, 6); n > 0; n--) {
                lines.add(r.nextBoolean() ? "250" + (r.nextBoolean() ? "-" : " ") + Fuzz.randomText(r, 20)
                        : r.nextBoolean() ? " " + ListingLines.randomLine(r) : ListingLines.randomLine(r));
            }
            if (r.nextInt(10) == 0) {
                lines.add(r.nextInt(lines.size() + 1), null);
            }
            return lines;
        }).seed(0x315_0002L).tries(15_000).shrinkWith(Fuzz.SHRINK_LINES).showWith(Fuzz::show)
                .check(lines -> {
                    Optional<FtpEntry> e = MlsxParser.parseMlstReply(lines);
                    assertNotNull(e);
                    e.ifPresent(entry -> assertTrue(lines.contains(entry.raw())));
                });
    }

    @Test
    void generatedLinesReadBackExactly() {
        Property.forAll(SUBJECT, "round trip", ListingLines::mlsx).seed(0x315_0003L).tries(30_000)
                .check(g -> assertEquals(g.expected(), MlsxParser.parseLine(g.line())));
    }

    @Test
    void generatedMlstRepliesReadBackTheLastPathComponent() {
        Property.forAll(SUBJECT, "MLST round trip", r -> {
            ListingLines.Generated g = ListingLines.mlsx(r);
            while (g.line().startsWith(" ") || g.expected().name().contains("/")
                    || g.expected().name().replace(" ", "").isEmpty()) {
                g = ListingLines.mlsx(r);
            }
            return g;
        }).seed(0x315_0004L).tries(15_000)
                .check(g -> {
                    FtpEntry want = g.expected();
                    String path = "/pub/dir one/" + want.name();
                    String line = " " + g.line().substring(0, g.line().length() - want.name().length()) + path;
                    List<String> reply = List.of("250-Listing " + path, line, "250 End");
                    FtpEntry got = MlsxParser.parseMlstReply(reply).orElseThrow();
                    assertEquals(line, got.raw());
                    assertEquals(want.name(), got.name());
                    assertEquals(want.type(), got.type());
                    assertEquals(want.size(), got.size());
                    assertEquals(want.modified(), got.modified());
                    assertEquals(want.target(), got.target());
                    assertEquals(want.facts(), got.facts());
                    assertEquals(want.owner(), got.owner());
                    assertEquals(want.group(), got.group());
                    assertEquals(want.permissions(), got.permissions());
                });
    }
}
