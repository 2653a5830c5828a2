package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Side;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * FileZilla's log line prefixes in every language it ships ({@code 状态:}, {@code Befehl:}, {@code Réponse :}), read
 * from the catalog's data ({@code reply-catalog/logs/filezilla-prefixes.tsv}, made from FileZilla's own message
 * catalogs), so that a log pasted from a translated client is read like an English one.
 */
final class LocalizedPrefixes {
    private LocalizedPrefixes() {
    }

    /** The prefixes, read once when first needed. */
    private static final class Table {
        static final Map<String, Side> SIDES = read();
        static final int LONGEST = SIDES.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * The side a line's prefix names ({@code 响应: 530 ...} → SERVER) and where its text starts, or null when the line
     * does not start with one: the word and its colon (ASCII or full width, a space before it allowed).
     */
    static Prefixed match(String line) {
        int limit = Math.min(line.length(), Table.LONGEST + 3);
        for (int i = 1; i < limit; i++) {
            char c = line.charAt(i);
            if (c == ':' || c == '\uFF1A') {
                String word = line.substring(0, i).replace('\u00A0', ' ').strip().toLowerCase(Locale.ROOT);
                Side side = Table.SIDES.get(word);
                return side == null ? null : new Prefixed(side, line.substring(i + 1).strip());
            }
        }
        return null;
    }

    /** A line's side and the text after its prefix. */
    record Prefixed(Side side, String text) {
    }

    static Map<String, Side> read() {
        Map<String, Side> sides = new HashMap<>();
        for (String[] row : LogTables.read("filezilla-prefixes.tsv", 2)) {
            sides.put(row[0], Side.valueOf(row[1]));
        }
        return Map.copyOf(sides);
    }
}
