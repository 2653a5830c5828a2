package io.github.ftpdoctor.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.testsupport.Fuzz;
import io.github.ftpdoctor.testsupport.Property;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link UnixListParser} on random and mutated lines, and on generated {@code ls -l} lines read back exactly. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnixListParserPropertiesTest {
    private static final String SUBJECT = "UnixListParser";

    private record Input(String line, Clock clock) {
        @Override
        public String toString() {
            return Fuzz.show(line) + " at " + clock.instant();
        }
    }

    @Test
    void randomLinesGiveNullOrAnEntry() {
        Property.forAll(SUBJECT, "random and mutated lines", r -> new Input(ListingLines.randomLine(r), ListingLines.clock(r)))
                .seed(0x115_0001L).tries(60_000)
                .check(in -> {
                    FtpEntry e = UnixListParser.parseLine(in.line(), in.clock());
                    if (e != null) {
                        ListingLines.wellFormed(e, in.line());
                        assertEquals(9, e.permissions().length(), e.permissions());
                    }
                });
    }

    @Test
    void generatedLinesReadBackExactly() {
        Property.forAll(SUBJECT, "round trip", r -> {
            Clock clock = ListingLines.clock(r);
            return new Object[] {ListingLines.unix(r, clock), clock};
        }).seed(0x115_0002L).tries(40_000).showWith(o -> o[0] + " at " + ((Clock) o[1]).instant())
                .check(o -> {
                    ListingLines.Generated g = (ListingLines.Generated) o[0];
                    assertEquals(g.expected(), UnixListParser.parseLine(g.line(), (Clock) o[1]));
                });
    }
}
