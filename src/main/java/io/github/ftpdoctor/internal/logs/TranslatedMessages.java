package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Happening;
import java.util.ArrayList;
import java.util.List;

/**
 * FileZilla's messages about the connection in the languages it ships ({@code 连接被拒绝}, {@code Verbindung
 * verweigert}, {@code 20 秒后无活动，连接超时}), from the catalog's data ({@code reply-catalog/logs/filezilla-messages.tsv},
 * made from FileZilla's own message catalogs): read after the English phrases of {@link ClientPhrases}.
 */
final class TranslatedMessages {
    private TranslatedMessages() {
    }

    /** A translated phrase, what it says happened, and what it says of the TCP connection (null: nothing). */
    record Message(String text, Happening happening, Boolean connected) {
    }

    private static final class Table {
        static final List<Message> MESSAGES = new ArrayList<>();
        /** What a line starting a new attempt to connect starts with ({@code 正在连接}, {@code Verbinde mit}). */
        static final List<String> CONNECTING = new ArrayList<>();
        /** Which pairs of first characters a phrase may start with: most lines have none, and are passed over. */
        static final boolean[] STARTS = new boolean[1 << 16];

        static {
            for (String[] row : LogTables.read("filezilla-messages.tsv", 3)) {
                if (row[1].equals("CONNECTING")) {
                    CONNECTING.add(row[0]);
                    continue;
                }
                Boolean connected = row[2].equals("yes") ? Boolean.TRUE : row[2].equals("no") ? Boolean.FALSE : null;
                MESSAGES.add(new Message(row[0], Happening.valueOf(row[1]), connected));
                STARTS[pair(row[0], 0)] = true;
            }
            MESSAGES.sort((a, b) -> b.text().length() - a.text().length()); // the longest, most specific, first
        }
    }

    private static int pair(String s, int at) {
        return (s.charAt(at) * 31 + (at + 1 < s.length() ? s.charAt(at + 1) : 0)) & 0xFFFF;
    }

    /** Whether a line starts a new attempt to connect in one of FileZilla's languages. */
    static boolean startsConnecting(String text) {
        if (text.isEmpty() || text.charAt(0) < 0x80 && !Character.isLetter(text.charAt(0))) {
            return false;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        for (String start : Table.CONNECTING) {
            if (lower.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** The translated message a lower-cased line contains, or null. */
    static Message in(String lower) {
        boolean maybe = false;
        for (int i = 0; i + 1 < lower.length() && !maybe; i++) {
            maybe = Table.STARTS[pair(lower, i)];
        }
        if (!maybe) {
            return null;
        }
        for (Message m : Table.MESSAGES) {
            if (lower.contains(m.text())) {
                return m;
            }
        }
        return null;
    }
}
