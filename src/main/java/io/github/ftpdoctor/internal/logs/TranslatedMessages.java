package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Happening;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients' messages about the connection in the languages they are run in, from the catalog's data (made from the
 * clients' own message catalogs): FileZilla's ({@code 连接被拒绝}, {@code Verbindung verweigert}, {@code 20 秒后无活动，
 * 连接超时}; {@code reply-catalog/logs/filezilla-messages.tsv}), GNU libc's system errors that every client prints
 * ({@code 拒绝连接}, {@code Verbindungsaufbau abgelehnt}; {@code libc-errors.tsv}), and lftp's error prefixes
 * ({@code 登录失败}, {@code Fataler Fehler}; {@code lftp-errors.tsv}) and debug messages ({@code Verbinde mit},
 * {@code 对端关闭连接}; {@code lftp-messages.tsv}). Read after the English phrases of
 * {@link ClientPhrases}.
 */
final class TranslatedMessages {
    /** The longest name a Wget line may quote. */
    private static final int MAX_NAME = 512;

    private TranslatedMessages() {
    }

    /** A translated phrase, what it says happened, and what it says of the TCP connection (null: nothing). */
    record Message(String text, Happening happening, Boolean connected) {
    }

    /**
     * A line of GNU Wget that restates a failed reply: the reply code and command it stands for, and Wget's English
     * line with the name the line quoted ({@code No such file ‘a.txt’.}); or, with code 0, what it says happened to
     * the control connection ({@code happening}).
     */
    record Restated(int code, String command, String english, Happening happening) {
    }

    /** One of Wget's lines that quotes a name: the lower-cased text before and after it. */
    private record WgetLine(String before, String after, Restated restated) {
    }

    private static final class Table {
        static final List<Message> MESSAGES = new ArrayList<>();
        /** What a line starting a new attempt to connect starts with ({@code 正在连接}, {@code Verbinde mit}). */
        static final List<String> CONNECTING = new ArrayList<>();
        /** Which pairs of first characters a phrase may start with: most lines have none, and are passed over. */
        static final boolean[] STARTS = new boolean[1 << 16];

        /**
         * GNU Wget's lines that restate a failed reply, in every language it ships ({@code wget-messages.tsv}): those
         * without a quoted name by their whole text; the others by the first character of the text before the name,
         * or, when the name comes first, by the last character after it (most lines of a log are passed over at once).
         */
        static final java.util.Map<String, Restated> WGET_WHOLE = new java.util.HashMap<>();
        static final java.util.Map<Character, List<WgetLine>> WGET_BY_FIRST = new java.util.HashMap<>();
        static final java.util.Map<Character, List<WgetLine>> WGET_BY_LAST = new java.util.HashMap<>();
        /** lftp's translated error prefixes, and the English prefix each stands for. */
        static final java.util.Map<String, String> LFTP = new java.util.HashMap<>();

        static {
            for (String[] row : LogTables.read("lftp-errors.tsv", 2)) {
                LFTP.put(row[0], row[1]);
            }
            for (String[] row : LogTables.read("wget-messages.tsv", 4)) {
                int hole = row[0].indexOf("%s");
                boolean reply = !row[1].isEmpty() && Character.isDigit(row[1].charAt(0));
                Restated r = reply ? new Restated(Integer.parseInt(row[1]), row[2], row[3], null)
                        : new Restated(0, null, row[3], Happening.valueOf(row[1]));
                if (hole < 0) {
                    WGET_WHOLE.put(row[0], r);
                    continue;
                }
                WgetLine w = new WgetLine(row[0].substring(0, hole), row[0].substring(hole + 2), r);
                if (!w.before().isEmpty()) {
                    WGET_BY_FIRST.computeIfAbsent(w.before().charAt(0), k -> new ArrayList<>()).add(w);
                } else if (!w.after().isEmpty()) {
                    WGET_BY_LAST.computeIfAbsent(w.after().charAt(w.after().length() - 1), k -> new ArrayList<>())
                            .add(w);
                }
            }
            java.util.Comparator<WgetLine> longestFirst = // "no such file or directory %s" before "no such file %s"
                    (a, b) -> (b.before().length() + b.after().length()) - (a.before().length() + a.after().length());
            WGET_BY_FIRST.values().forEach(l -> l.sort(longestFirst));
            WGET_BY_LAST.values().forEach(l -> l.sort(longestFirst));
            List<String[]> rows = new ArrayList<>(LogTables.read("filezilla-messages.tsv", 3));
            rows.addAll(LogTables.read("lftp-messages.tsv", 3));
            rows.addAll(LogTables.read("libc-errors.tsv", 3));
            rows.addAll(LogTables.read("windows-socket-errors.tsv", 3)); // 由于目标计算机积极拒绝, ...
            for (String[] row : rows) {
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

    static int pair(String s, int at) {
        return (s.charAt(at) * 31 + (at + 1 < s.length() ? s.charAt(at + 1) : 0)) & 0xFFFF;
    }

    /** The English lftp error prefix ({@code Login failed}) a translated one stands for, or null. */
    static String lftpError(String prefix) {
        return Table.LFTP.get(prefix.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The failed reply a line of GNU Wget restates, or null: what Wget prints of a failure without {@code -d}, in
     * any language it ships ("Login incorrect.", "登录不正确。", "Die Datei »a.txt« existiert nicht."). The whole
     * line must be Wget's sentence; the name it quotes is kept.
     */
    static Restated wget(String line) {
        if (line.length() > 600) {
            return null;
        }
        String s = line.strip();
        while (!s.isEmpty() && (s.endsWith(".") || s.endsWith("\u3002"))) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (s.isEmpty()) {
            return null;
        }
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        Restated whole = Table.WGET_WHOLE.get(lower);
        if (whole != null) {
            return whole;
        }
        Restated r = named(s, lower, Table.WGET_BY_FIRST.get(lower.charAt(0)));
        return r != null ? r : named(s, lower, Table.WGET_BY_LAST.get(lower.charAt(lower.length() - 1)));
    }

    /** Whether a name is quoted as Wget's quote() writes it in some locale (‘x’, »x«, “x”, `x', 「x」, « x »). */
    private static boolean quoted(String name) {
        return name.length() >= 2 && QUOTES_OPEN.indexOf(name.charAt(0)) >= 0
                && QUOTES_CLOSE.indexOf(name.charAt(name.length() - 1)) >= 0;
    }

    private static final String QUOTES_OPEN = "\u2018\u201c\u201e\u201a\u00bb\u00ab\u2039\u203a\u300c\u300e'\"`";
    private static final String QUOTES_CLOSE = "\u2019\u201d\u201c\u2018\u00ab\u00bb\u203a\u2039\u300d\u300f'\"";

    /** The first of the lines whose text surrounds a name in {@code lower}, with that name, or null. */
    private static Restated named(String s, String lower, List<WgetLine> candidates) {
        if (candidates == null) {
            return null;
        }
        for (WgetLine w : candidates) {
            int nameLength = lower.length() - w.before().length() - w.after().length();
            if (nameLength >= 1 && nameLength <= MAX_NAME && lower.startsWith(w.before())
                    && lower.endsWith(w.after())) {
                String from = lower.length() == s.length() ? s : lower; // a case mapping that changed the length
                String name = from.substring(w.before().length(), w.before().length() + nameLength).strip();
                if (name.indexOf('\n') < 0 && quoted(name)) {
                    Restated r = w.restated();
                    return new Restated(r.code(), r.command(), r.english().replace("%s", name), r.happening());
                }
            }
        }
        return null;
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
