package io.github.ftpdoctor.diagnosis;

import java.util.function.Supplier;

/**
 * Folds a text before matching, as {@code reply-catalog/normalization.json} says: lower case, runs of white space as
 * one space (lines kept, each trimmed), full-width forms to ASCII, typographic and CJK punctuation to ASCII, and
 * Traditional Chinese characters to Simplified. Patterns, exact texts and cue terms are folded the same way when the
 * catalog is read, so one rule covers every form; the diagnosis keeps the original text.
 *
 * <p>The character tables (accented letters, a few thousand Traditional characters) are read on the first text
 * that needs them: ASCII replies never pay for them. Thread-safe.
 */
final class Normalizer {
    /** Where the lazily read tables start: every non-ASCII character may be in one. */
    private static final char TABLES_FROM = '\u0080';

    private final boolean lowerCase;
    private final boolean collapseWhitespace;
    /** Per BMP character: its replacement, or 0 when it stays; built from the small eager tables. */
    private final char[] map;
    /** Replacements longer than one character ({@code …} → {@code ...}), or null. */
    private final String[] longer;
    private final boolean[] whitespace;
    private final Supplier<char[]> tables;
    /** Per language, the other spellings of letters its writers use ({@code de}: ü as ue); never null. */
    private final java.util.Map<String, java.util.List<String[]>> spellings;
    private volatile char[] folded;

    /**
     * @param lowerCase          fold to lower case
     * @param collapseWhitespace one space for each run of white space
     * @param map                eager single-character replacements (0: none), 65,536 entries
     * @param longer             eager multi-character replacements, 65,536 entries or null
     * @param whitespace         characters that count as white space besides space, 65,536 entries
     * @param tables             reads the large character tables ({@code TRADITIONAL → SIMPLIFIED}) on first use:
     *                           65,536 entries, 0 for none
     */
    Normalizer(boolean lowerCase, boolean collapseWhitespace, char[] map, String[] longer, boolean[] whitespace,
               Supplier<char[]> tables) {
        this(lowerCase, collapseWhitespace, map, longer, whitespace, tables, java.util.Map.of());
    }

    private Normalizer(boolean lowerCase, boolean collapseWhitespace, char[] map, String[] longer,
                       boolean[] whitespace, Supplier<char[]> tables,
                       java.util.Map<String, java.util.List<String[]>> spellings) {
        this.lowerCase = lowerCase;
        this.collapseWhitespace = collapseWhitespace;
        this.map = map;
        this.longer = longer;
        this.whitespace = whitespace;
        this.tables = tables;
        this.spellings = spellings;
    }

    /** This normalizer with the alternate spellings of {@code normalization.json} (language → letter pairs). */
    Normalizer withSpellings(java.util.Map<String, java.util.List<String[]>> bySpelling) {
        return new Normalizer(lowerCase, collapseWhitespace, map, longer, whitespace, tables,
                java.util.Map.copyOf(bySpelling));
    }

    /**
     * A cue term of the language as its writers also spell it without some letters ({@code verschlüsselt} as
     * {@code verschluesselt} where a keyboard or a server's code has no umlauts), or null when nothing changes.
     */
    String respelled(String lang, String term) {
        java.util.List<String[]> pairs = spellings.get(lang);
        if (pairs == null) {
            return null;
        }
        String out = term;
        for (String[] pair : pairs) {
            out = out.replace(pair[0], pair[1]);
        }
        return out.equals(term) ? null : out;
    }

    /** A normalizer that only folds case and white space (for catalogs without a normalization file). */
    static Normalizer basic() {
        boolean[] ws = new boolean[65536];
        ws['\t'] = true;
        return new Normalizer(true, true, new char[65536], null, ws, () -> new char[65536]);
    }

    /** The folded text; null stays null. */
    String normalize(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append('\n');
                pendingSpace = false;
                lineStart = true;
                continue;
            }
            String many = null;
            char m = c;
            if (c >= 0x80) {
                m = fold(c);
                many = longer == null ? null : longer[c];
            }
            if (m == ' ' || m == '\r' || whitespace[m]) {
                if (collapseWhitespace) {
                    pendingSpace = !lineStart;
                    continue;
                }
                m = ' ';
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            if (many != null) {
                for (int k = 0; k < many.length(); k++) {
                    out.append(lower(many.charAt(k)));
                }
            } else {
                out.append(lower(m));
            }
            lineStart = false;
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == '\n') {
            end--; // empty last lines say nothing
        }
        out.setLength(end);
        return out.toString(); // spaces are only written before a character, so no line ends in one
    }

    /**
     * A regular expression's literal non-ASCII characters folded by the tables the way {@link #normalize} folds
     * texts (accents, Traditional Chinese); everything else (operators, escapes, case) is left alone, since patterns
     * are compiled case-insensitive.
     */
    String foldScript(String pattern) {
        if (pattern == null) {
            return null;
        }
        char[] chars = pattern.toCharArray();
        boolean changed = false;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= TABLES_FROM) {
                char m = folded()[chars[i]];
                if (m != 0) {
                    chars[i] = m;
                    changed = true;
                }
            }
        }
        return changed ? new String(chars) : pattern;
    }

    private char fold(char c) {
        char m = map[c];
        if (m != 0) {
            return m;
        }
        if (c >= TABLES_FROM) {
            m = folded()[c];
            if (m != 0) {
                return m;
            }
        }
        return c;
    }

    private char lower(char c) {
        if (!lowerCase) {
            return c;
        }
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(c);
    }

    private char[] folded() {
        char[] f = folded;
        if (f == null) {
            synchronized (this) {
                f = folded;
                if (f == null) {
                    f = tables.get();
                    folded = f;
                }
            }
        }
        return f;
    }
}
