package io.github.ftpdoctor.internal.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Tells a GB18030 reading of a reply from a Big5 reading of the same bytes by how likely each is as Chinese text.
 * Almost every Big5 byte string is also valid GBK, and GB2312 text is often valid Big5, so validity alone cannot
 * decide; the text each reading produces can.
 *
 * <p><b>The rule.</b> Each reading is scored by its log-likelihood under a unigram model of its own script: the GB18030
 * reading under Simplified Chinese, the Big5 reading under Traditional Chinese. ASCII is ignored (both charsets keep
 * it, and both pair the bytes of double-byte characters alike, so both readings have the same number of non-ASCII
 * characters). Each other character adds the natural log of its probability:
 * <ul>
 * <li>a Han character listed in the script's frequency table: its count over the corpus total;</li>
 * <li>a Han character not listed but in the charset's common area (GB2312's Hanzi; Big5's level 1, A440–C67E):
 *     {@code 1e-6}, about what an unlisted level-1 character has in the traditional corpus (its 1,983 unlisted
 *     level-1 characters share 0.24 % of the text);</li>
 * <li>a Han character outside the common area (GBK's extension; Big5's level 2): {@code 1e-7}, about what an
 *     unlisted level-2 character has there (7,610 of them share 0.07 %);</li>
 * <li>ordinary punctuation and full-width forms: {@code 1e-2}; other symbols (arrows, shapes, Roman numerals...):
 *     {@code 1e-6};</li>
 * <li>what a wrong reading produces and Chinese text does not contain: kana, Greek, Cyrillic, bopomofo, accented
 *     Latin letters, box drawing, private use, anything else: {@code 1e-8}.</li>
 * </ul>
 * The reading with the higher total wins, GB18030 on a tie. When neither reads as Chinese (the average per character
 * is below an unlisted common character's), the GB18030 reading is kept, as the decoder did before scoring existed.
 *
 * <p><b>The data</b> is in {@code reply-catalog/hanzi-frequency/} ({@code simplified.tsv} from Unihan's kHanyuPinlu
 * counts, {@code traditional.tsv} from McBopomofo's counts over a Taiwanese text pool; sources and derivation in its
 * README). It is loaded on first use, which happens only for a reply whose bytes are valid in both charsets and are
 * not UTF-8.
 */
final class HanziLikelihood {
    static final double LOG_UNLISTED_COMMON = Math.log(1e-6);
    static final double LOG_UNLISTED_RARE = Math.log(1e-7);
    static final double LOG_PUNCTUATION = Math.log(1e-2);
    static final double LOG_SYMBOL = Math.log(1e-6);
    static final double LOG_FOREIGN = Math.log(1e-8);
    static final String ROOT = "/io/github/ftpdoctor/reply-catalog/hanzi-frequency/";

    /** A script, its frequency table, and the charset whose common area it belongs to. */
    enum Script {
        SIMPLIFIED("simplified.tsv"), TRADITIONAL("traditional.tsv");

        final String file;

        Script(String file) {
            this.file = file;
        }

        Table table() {
            return this == SIMPLIFIED ? Tables.SIMPLIFIED : Tables.TRADITIONAL;
        }
    }

    private HanziLikelihood() {
    }

    /**
     * The reading to keep when the same bytes decode strictly as both: the Big5 one only when it is the more likely
     * Chinese text.
     */
    static String choose(String gb18030, String big5) {
        double gb = logLikelihood(gb18030, Script.SIMPLIFIED);
        double b5 = logLikelihood(big5, Script.TRADITIONAL);
        int n = nonAscii(gb18030);
        if (!readsAsChinese(gb, n) && !readsAsChinese(b5, n)) {
            return gb18030;
        }
        return b5 > gb ? big5 : gb18030;
    }

    /** Whether a total log-likelihood over {@code chars} characters is at least that of unlisted common Hanzi. */
    static boolean readsAsChinese(double logLikelihood, int chars) {
        return chars > 0 && logLikelihood >= chars * LOG_UNLISTED_COMMON;
    }

    static int nonAscii(CharSequence text) {
        return (int) text.codePoints().filter(cp -> cp >= 0x80).count();
    }

    /** The natural log of the probability of the text's non-ASCII characters under the script's model. */
    static double logLikelihood(CharSequence text, Script script) {
        Table table = script.table();
        double sum = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (cp >= 0x80) {
                sum += logProbability(cp, table);
            }
        }
        return sum;
    }

    static double logProbability(int cp, Table table) {
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN && Character.isIdeographic(cp)) {
            double listed = table.logProbability(cp);
            if (!Double.isNaN(listed)) {
                return listed;
            }
            return table.common.get(cp) ? LOG_UNLISTED_COMMON : LOG_UNLISTED_RARE;
        }
        if (cp >= 0xFF01 && cp <= 0xFF5E || cp == 0x3000 || isPunctuation(cp)) {
            return LOG_PUNCTUATION;
        }
        if (isForeign(cp)) {
            return LOG_FOREIGN;
        }
        return isSymbol(cp) ? LOG_SYMBOL : LOG_FOREIGN;
    }

    private static boolean isPunctuation(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isForeign(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA
                || s == Character.UnicodeScript.GREEK || s == Character.UnicodeScript.CYRILLIC
                || s == Character.UnicodeScript.BOPOMOFO || s == Character.UnicodeScript.LATIN
                || s == Character.UnicodeScript.HANGUL
                || cp >= 0x2500 && cp <= 0x259F // box drawing, block elements
                || Character.getType(cp) == Character.PRIVATE_USE || Character.getType(cp) == Character.UNASSIGNED;
    }

    private static boolean isSymbol(int cp) {
        return switch (Character.getType(cp)) {
            case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** A script's frequency table: sorted characters and their log-probabilities, and its charset's common area. */
    static final class Table {
        final String name;
        final long total;
        private final char[] chars;
        private final double[] logProbabilities;
        final BitSet common;

        Table(String name, long total, char[] chars, double[] logProbabilities, BitSet common) {
            this.name = name;
            this.total = total;
            this.chars = chars;
            this.logProbabilities = logProbabilities;
            this.common = common;
        }

        int size() {
            return chars.length;
        }

        /** The listed log-probability, or NaN for a character the table does not list. */
        double logProbability(int cp) {
            if (cp > Character.MAX_VALUE) {
                return Double.NaN;
            }
            int i = Arrays.binarySearch(chars, (char) cp);
            return i >= 0 ? logProbabilities[i] : Double.NaN;
        }

        /** Reads a table: "total TAB n" once, then "character TAB count" lines; '#' starts a comment line. */
        static Table parse(String name, BufferedReader in, BitSet common) throws IOException {
            long total = -1;
            StringBuilder keys = new StringBuilder();
            long[] counts = new long[4096];
            int n = 0;
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                long value = f.length == 2 ? parseCount(f[1]) : -1;
                if (value <= 0) {
                    throw new IllegalStateException(name + " line " + lineNo + ": expected \"key<TAB>positive count\": "
                            + line);
                }
                if (total < 0) {
                    if (!f[0].equals("total")) {
                        throw new IllegalStateException(name + " line " + lineNo + ": the first entry must be \"total\"");
                    }
                    total = value;
                    continue;
                }
                if (f[0].length() != 1 || !Character.isIdeographic(f[0].charAt(0))) {
                    throw new IllegalStateException(name + " line " + lineNo + ": not one BMP ideograph: " + f[0]);
                }
                if (n == counts.length) {
                    counts = Arrays.copyOf(counts, n * 2);
                }
                keys.append(f[0]);
                counts[n++] = value;
            }
            if (total < 0 || n == 0) {
                throw new IllegalStateException(name + ": no total or no entries");
            }
            Integer[] order = new Integer[n];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> Character.compare(keys.charAt(a), keys.charAt(b)));
            char[] chars = new char[n];
            double[] logs = new double[n];
            for (int i = 0; i < n; i++) {
                chars[i] = keys.charAt(order[i]);
                if (i > 0 && chars[i] == chars[i - 1]) {
                    throw new IllegalStateException(name + ": " + chars[i] + " is listed twice");
                }
                logs[i] = Math.log((double) counts[order[i]] / total);
            }
            return new Table(name, total, chars, logs, common);
        }

        private static long parseCount(String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** Loaded on first use only: a UTF-8 or ASCII reply never needs them. */
    private static final class Tables {
        static final Table SIMPLIFIED = load(Script.SIMPLIFIED, area("GB2312", 0xB0, 0xF7));
        static final Table TRADITIONAL = load(Script.TRADITIONAL, area("Big5", 0xA4, 0xC6));

        private static Table load(Script script, BitSet common) {
            String path = ROOT + script.file;
            try (InputStream in = HanziLikelihood.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException(path + ": not found on the class path");
                }
                return Table.parse(path, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), common);
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": cannot be read", e);
            }
        }
    }

    /**
     * The Han characters of a double-byte charset's rows {@code firstLead..lastLead}: GB2312 rows B0–F7 are its
     * Hanzi; Big5 rows A4–C6 its level 1 (the row C6 ends at C67E, after which come symbols, not Han).
     */
    static BitSet area(String charset, int firstLead, int lastLead) {
        CharsetDecoder d = Charset.forName(charset).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BitSet set = new BitSet(0x10000);
        byte[] pair = new byte[2];
        for (int lead = firstLead; lead <= lastLead; lead++) {
            for (int trail = 0x40; trail <= 0xFE; trail++) {
                pair[0] = (byte) lead;
                pair[1] = (byte) trail;
                try {
                    String s = d.reset().decode(ByteBuffer.wrap(pair)).toString();
                    if (s.length() == 1 && Character.isIdeographic(s.charAt(0))) {
                        set.set(s.charAt(0));
                    }
                } catch (CharacterCodingException e) {
                    // not a character of this charset
                }
            }
        }
        return set;
    }
}
