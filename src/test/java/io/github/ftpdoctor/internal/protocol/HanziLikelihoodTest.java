package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.internal.protocol.HanziLikelihood.Script;
import io.github.ftpdoctor.internal.protocol.HanziLikelihood.Table;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** The scoring rule of {@link HanziLikelihood}, piece by piece, and the table format's errors. */
class HanziLikelihoodTest {
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private static Table parse(String text) throws Exception {
        return Table.parse("test.tsv", new BufferedReader(new StringReader(text)), new BitSet());
    }

    @Test
    void listedCharactersScoreTheirRelativeFrequency() throws Exception {
        Table t = parse("# comment\ntotal\t1000\n的\t100\n了\t10\n");
        assertEquals(2, t.size());
        assertEquals(Math.log(0.1), t.logProbability('的'), 1e-12);
        assertEquals(Math.log(0.01), t.logProbability('了'), 1e-12);
        assertTrue(Double.isNaN(t.logProbability('是')));
    }

    @Test
    void malformedTablesAreRejectedWithTheLine() {
        assertTrue(assertThrows(IllegalStateException.class, () -> parse("的\t3\n")).getMessage()
                .contains("the first entry must be \"total\""));
        assertTrue(assertThrows(IllegalStateException.class, () -> parse("total\t9\n的 3\n")).getMessage()
                .contains("line 2"));
        assertTrue(assertThrows(IllegalStateException.class, () -> parse("total\t9\n的\t0\n")).getMessage()
                .contains("positive count"));
        assertTrue(assertThrows(IllegalStateException.class, () -> parse("total\t9\nab\t3\n")).getMessage()
                .contains("not one BMP ideograph"));
        assertTrue(assertThrows(IllegalStateException.class, () -> parse("total\t9\n的\t3\n的\t2\n")).getMessage()
                .contains("listed twice"));
        assertTrue(assertThrows(IllegalStateException.class, () -> parse("# nothing\n")).getMessage()
                .contains("no total"));
    }

    @Test
    void commonAreasAreTheCharsetsOwnRows() {
        BitSet gb2312 = HanziLikelihood.area("GB2312", 0xB0, 0xF7);
        BitSet big5 = HanziLikelihood.area("Big5", 0xA4, 0xC6);
        assertEquals(6763, gb2312.cardinality(), "GB2312 has 6,763 Hanzi");
        assertEquals(5401, big5.cardinality(), "Big5 level 1 has 5,401 characters");
        assertTrue(gb2312.get('录') && !gb2312.get('錄'));
        assertTrue(big5.get('錄') && !big5.get('銹'), "銹 is a Big5 level-2 character");
    }

    @Test
    void whatAWrongReadingProducesCostsMoreThanAnyChineseCharacter() throws Exception {
        Table t = parse("total\t1000\n的\t1\n");
        double rarestListed = t.logProbability('的');
        for (int cp : new int[] {'ア', 'あ', 'Ω', 'Ж', '┌', 'ㄅ', 'ā', 0xE000}) {
            assertTrue(HanziLikelihood.logProbability(cp, t) < HanziLikelihood.LOG_UNLISTED_RARE,
                    Integer.toHexString(cp));
        }
        assertEquals(HanziLikelihood.LOG_PUNCTUATION, HanziLikelihood.logProbability('，', t));
        assertEquals(HanziLikelihood.LOG_PUNCTUATION, HanziLikelihood.logProbability('（', t));
        assertEquals(HanziLikelihood.LOG_SYMBOL, HanziLikelihood.logProbability('→', t));
        assertTrue(rarestListed > HanziLikelihood.LOG_UNLISTED_COMMON);
        assertTrue(HanziLikelihood.LOG_UNLISTED_COMMON > HanziLikelihood.LOG_UNLISTED_RARE);
    }

    @Test
    void unlistedHanziScoreByTheirArea() throws Exception {
        BitSet common = new BitSet();
        common.set('錄');
        Table t = Table.parse("t", new BufferedReader(new StringReader("total\t10\n的\t1\n")), common);
        assertEquals(HanziLikelihood.LOG_UNLISTED_COMMON, HanziLikelihood.logProbability('錄', t));
        assertEquals(HanziLikelihood.LOG_UNLISTED_RARE, HanziLikelihood.logProbability('銹', t));
    }

    @Test
    void asciiCountsForNothing() {
        assertEquals(0.0, HanziLikelihood.logLikelihood("550 Permission denied.", Script.SIMPLIFIED));
        assertEquals(HanziLikelihood.logLikelihood("文件", Script.SIMPLIFIED),
                HanziLikelihood.logLikelihood("550 文件 x", Script.SIMPLIFIED), 1e-12);
    }

    @Test
    void choosesTheReadingOfTheScriptTheBytesWereWrittenIn() {
        String trad = "檔案不存在";
        byte[] big5 = trad.getBytes(BIG5);
        assertEquals(trad, HanziLikelihood.choose(new String(big5, GB18030), trad));
        String simp = "文件不存在";
        byte[] gb = simp.getBytes(GB18030);
        assertEquals(simp, HanziLikelihood.choose(simp, new String(gb, BIG5)));
    }

    @Test
    void whenNeitherReadsAsChineseTheGbReadingIsKept() {
        String gbReading = "ア┌Ж";
        String big5Reading = "Ω→あ";
        assertFalse(HanziLikelihood.readsAsChinese(
                HanziLikelihood.logLikelihood(gbReading, Script.SIMPLIFIED), 3));
        assertEquals(gbReading, HanziLikelihood.choose(gbReading, big5Reading));
        assertTrue(HanziLikelihood.readsAsChinese(HanziLikelihood.logLikelihood("的是", Script.TRADITIONAL), 2));
    }
}
