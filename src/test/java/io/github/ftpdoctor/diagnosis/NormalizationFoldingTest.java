package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How the normalizer folds texts and patterns: case (ASCII by table, the rest by Unicode), white space, empty last
 * lines, and the lazily read character tables that every non-ASCII character may be in.
 */
class NormalizationFoldingTest {
    /** A normalizer whose only table maps U+0080 to 'q' and Traditional 體 to Simplified 体; counts table reads. */
    private static Normalizer withTable(boolean lowerCase, AtomicInteger reads) {
        boolean[] ws = new boolean[65536];
        return new Normalizer(lowerCase, true, new char[65536], null, ws, () -> {
            reads.incrementAndGet();
            char[] t = new char[65536];
            t['\u0080'] = 'q';
            t['體'] = '体';
            return t;
        });
    }

    @Test
    void asciiLettersAreLoweredExactlyFromAToZ() {
        Normalizer n = Normalizer.basic();
        assertEquals("az@[`{", n.normalize("AZ@[`{"));
        assertEquals("abc xyz", n.normalize("AbC XyZ"));
    }

    @Test
    void otherLettersAreLoweredByUnicode() {
        Normalizer n = Normalizer.basic();
        assertEquals("été ωμέγα привет", n.normalize("ÉTÉ ΩΜΈΓΑ ПРИВЕТ"));
    }

    @Test
    void caseIsKeptWhenTheFileSaysSo() {
        Normalizer n = withTable(false, new AtomicInteger());
        assertEquals("AbC ÉTÉ", n.normalize("AbC ÉTÉ"));
    }

    @Test
    void theBasicNormalizerFoldsOnlyCaseAndWhiteSpace() {
        Normalizer n = Normalizer.basic();
        assertEquals("tab here ï\nnext", n.normalize("Tab\there  Ï\r\n  Next  "));
        assertEquals("full\uFF41", n.normalize("Full\uFF21"), "full-width forms need the catalog's tables");
        assertNull(n.normalize(null));
    }

    @Test
    void emptyLastLinesSayNothing() {
        Normalizer n = Normalizer.basic();
        assertEquals("disk full", n.normalize("disk full\n\n\n"));
        assertEquals("a\n\nb", n.normalize("a\n\nb\n"));
        assertEquals("", n.normalize("\n\n"));
    }

    @Test
    void everyNonAsciiCharacterMayBeInATableAndTablesAreReadOnce() {
        AtomicInteger reads = new AtomicInteger();
        Normalizer n = withTable(true, reads);
        assertEquals("plain ascii", n.normalize("Plain ASCII"));
        assertEquals(0, reads.get(), "ASCII texts never read the tables");
        assertEquals("q", n.normalize("\u0080"));
        assertEquals("身体", n.normalize("身體"));
        assertEquals(1, reads.get());
    }

    @Test
    void patternsHaveTheirLiteralCharactersFoldedAndNothingElse() {
        AtomicInteger reads = new AtomicInteger();
        Normalizer n = withTable(true, reads);
        String ascii = "Disk (Full|Quota)\\.";
        assertSame(ascii, n.foldScript(ascii), "a pattern with nothing to fold is returned as it is");
        String unchanged = "Größe [ä-ö]";
        assertSame(unchanged, n.foldScript(unchanged));
        assertEquals("身体 (q|x)", n.foldScript("身體 (\u0080|x)"));
        assertEquals("q", n.foldScript("\u0080"));
        assertEquals("A体", n.foldScript("A體"));
        assertNull(n.foldScript(null));
        assertEquals("", n.foldScript(""));
    }
}
