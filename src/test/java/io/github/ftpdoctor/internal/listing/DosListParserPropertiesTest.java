package io.github.ftpdoctor.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.testsupport.Fuzz;
import io.github.ftpdoctor.testsupport.Property;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link DosListParser} on random and mutated lines, and on generated DOS/IIS lines read back exactly. */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DosListParserPropertiesTest {
    private static final String SUBJECT = "DosListParser";

    @Test
    void randomLinesGiveNullOrAnEntry() {
        Property.forAll(SUBJECT, "random and mutated lines", ListingLines::randomLine)
                .seed(0xD05_0001L).tries(60_000).shrinkWith(Fuzz.SHRINK_STRING).showWith(Fuzz::show)
                .check(line -> {
                    FtpEntry e = DosListParser.parseLine(line);
                    if (e != null) {
                        ListingLines.wellFormed(e, line);
                        assertNull(e.permissions());
                    }
                });
    }

    @Test
    void generatedLinesReadBackExactly() {
        Property.forAll(SUBJECT, "round trip", ListingLines::dos).seed(0xD05_0002L).tries(40_000)
                .check(g -> assertEquals(g.expected(), DosListParser.parseLine(g.line())));
    }
}
