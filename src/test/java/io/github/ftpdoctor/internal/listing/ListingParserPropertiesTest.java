package io.github.ftpdoctor.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.FtpEntry.Type;
import io.github.ftpdoctor.testsupport.Fuzz;
import io.github.ftpdoctor.testsupport.Property;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ListingParser}: any line gives an entry (parsed or UNPARSED) or is skipped as blank or {@code total};
 * whole listings keep every line but the directory itself and its parent, in order; generated lines of all three
 * formats are recognised and read back exactly.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ListingParserPropertiesTest {
    private static final String SUBJECT = "ListingParser";

    private record Input(List<String> lines, Clock clock) {
        @Override
        public String toString() {
            return Fuzz.show(lines) + "\n  at " + clock.instant();
        }
    }

    private static List<String> randomLines(Random r) {
        List<String> lines = new ArrayList<>();
        for (int n = Fuzz.size(r, 30); n > 0; n--) {
            lines.add(switch (r.nextInt(8)) {
                case 0 -> ListingLines.unix(r, ListingLines.clock(r)).line();
                case 1 -> ListingLines.dos(r).line();
                case 2 -> ListingLines.mlsx(r).line();
                case 3 -> Fuzz.pick(r, new String[] {"", " ", "\r", "total 0", "total 4.0K", "insgesamt 12", ".", ".."});
                case 4 -> null;
                default -> ListingLines.randomLine(r);
            });
        }
        return lines;
    }

    @Test
    void everyLineIsAnEntryOrSkipped() {
        Property.forAll(SUBJECT, "random and mutated lines", r -> ListingLines.randomLine(r))
                .seed(0x1157_0001L).tries(40_000).shrinkWith(Fuzz.SHRINK_STRING).showWith(Fuzz::show)
                .check(line -> {
                    FtpEntry e = ListingParser.parseListLine(line, Clock.systemUTC());
                    boolean total = ListingParser.isTotalLine(line);
                    if (e == null) {
                        assertTrue(line.strip().isEmpty() || total || ListingParser.stripCr(line).isBlank());
                    } else if (e.type() == Type.UNPARSED) {
                        assertSame(line, e.raw());
                        assertEquals(line.trim(), e.name());
                    } else {
                        ListingLines.wellFormed(e, line);
                    }
                });
    }

    @Test
    void wholeListingsKeepEveryLineInOrder() {
        Property.forAll(SUBJECT, "random listings", r -> new Input(randomLines(r), ListingLines.clock(r)))
                .seed(0x1157_0002L).tries(25_000)
                .check(in -> {
                    checkSubsequence(in.lines(), ListingParser.parseList(in.lines(), in.clock()), true);
                    checkSubsequence(in.lines(), ListingParser.parseMlsd(in.lines()), true);
                    List<FtpEntry> names = ListingParser.parseNlst(in.lines());
                    checkSubsequence(in.lines(), names, false);
                    for (FtpEntry e : names) {
                        assertEquals(Type.OTHER, e.type());
                        assertFalse(e.name().isEmpty() || e.name().equals(".") || e.name().equals(".."), e::name);
                    }
                });
        assertTrue(ListingParser.parseList(null).isEmpty());
    }

    /** The entries' raw lines are input lines, in order; no entry is the directory itself or its parent. */
    private static void checkSubsequence(List<String> lines, List<FtpEntry> entries, boolean dropsDots) {
        assertNotNull(entries);
        int at = 0;
        for (FtpEntry e : entries) {
            assertNotNull(e);
            while (at < lines.size() && lines.get(at) != e.raw()) {
                at++;
            }
            assertTrue(at < lines.size(), () -> "entry not from the input, or out of order: " + e);
            at++;
            if (dropsDots && e.type() != Type.UNPARSED) {
                assertFalse(e.name().equals(".") || e.name().equals(".."), e::toString);
                assertFalse(MlsxParser.isCurrentOrParent(e), e::toString);
            }
        }
    }

    @Test
    void generatedLinesOfEveryFormatReadBackExactly() {
        Property.forAll(SUBJECT, "round trip", r -> {
            Clock clock = ListingLines.clock(r);
            ListingLines.Generated g = switch (r.nextInt(3)) {
                case 0 -> ListingLines.unix(r, clock);
                case 1 -> ListingLines.dos(r);
                default -> ListingLines.mlsx(r);
            };
            return new Object[] {g, clock};
        }).seed(0x1157_0003L).tries(30_000).showWith(o -> o[0] + " at " + ((Clock) o[1]).instant())
                .check(o -> {
                    ListingLines.Generated g = (ListingLines.Generated) o[0];
                    FtpEntry got = ListingParser.parseListLine(g.line(), (Clock) o[1]);
                    boolean facts = !g.expected().facts().isEmpty() || g.line().startsWith(" ");
                    if (facts && !MlsxParser.looksLikeFacts(g.line())) {
                        return; // facts without a ';' or no facts at all: LIST cannot tell, MLSD can
                    }
                    assertEquals(g.expected(), got);
                    List<FtpEntry> list = ListingParser.parseList(List.of(g.line()), (Clock) o[1]);
                    boolean dropped = ListingParser.isCurrentOrParent(got);
                    assertEquals(dropped ? List.of() : List.of(got), list);
                });
    }

    @Test
    void totalLinesAreRecognisedAndNothingElseThrows() {
        Property.forAll(SUBJECT, "total lines", r -> r.nextBoolean() ? ListingLines.randomLine(r)
                        : Fuzz.mutate(r, Fuzz.pick(r, new String[] {"total 12", "总用量 0", "合计 4.0K", "insgesamt 1,5M"}), 2))
                .seed(0x1157_0004L).tries(15_000).shrinkWith(Fuzz.SHRINK_STRING).showWith(Fuzz::show)
                .check(line -> {
                    if (ListingParser.isTotalLine(line)) {
                        assertNull(ListingParser.parseListLine(line, Clock.systemUTC()));
                    }
                    assertFalse(ListingParser.isTotalLine(null));
                });
    }
}
