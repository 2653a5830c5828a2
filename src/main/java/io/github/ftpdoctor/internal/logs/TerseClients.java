package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Kind;
import io.github.ftpdoctor.internal.logs.LogLine.Side;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines of clients that write the conversation their own way, read into the common kinds: Wput's debug output
 * ({@code ---->USER bob} for a command, written after its progress words on the same line, and {@code [331]
 * 'Password required'} for a reply) and its progress line ({@code ==> STOR a.bin ... Send Failed (Disk full)}: the
 * command, then the server's text in parentheses without its code); an SSH server's banner where an FTP greeting
 * should be ({@code SSH-2.0-OpenSSH_9.2p1}, RFC 4253 §4.2), whichever client printed it; aria2's error codes
 * ({@code errorCode=3 Resource not found}, {@code aria2-errors.tsv}).
 */
final class TerseClients {
    /** Wput's debug reply: the code in brackets, the text quoted ({@code src/ftp.c}: {@code "[%d] '%s'"}). */
    private static final Pattern BRACKETED_REPLY = Pattern.compile("^\\[([1-5]\\d\\d)] '(.*)'$");
    /** Wput's debug command marker; what follows it on the line is the command sent. */
    private static final String SENT = "---->";
    /** RFC 4253 §4.2: "SSH-protoversion-softwareversion SP comments". */
    private static final Pattern SSH_BANNER = Pattern.compile("^SSH-\\d\\.\\d+-\\S+");
    /** Wput's progress line: the command, " ... ", then what came of it. */
    private static final Pattern PROGRESS = Pattern.compile("^==> ([A-Z]{3,4})\\b.{0,300}? \\.\\.\\. (.*)$");

    /** aria2's error line, the innermost one naming the cause ({@code -> [File.cc:885] errorCode=3 Resource not found}). */
    private static final Pattern ARIA2 = Pattern.compile("\\berrorCode=(\\d{1,3}) (?!URI=)(\\S.*)$");
    /** aria2's error codes ({@code aria2-errors.tsv}): a reply restated, or what happened on the connection. */
    private static final java.util.Map<String, String[]> ARIA2_CODES = new java.util.HashMap<>();

    /** Wput's words before a reply text in parentheses, in every language it ships, and the command answered. */
    private static final java.util.List<String[]> WPUT = new java.util.ArrayList<>(LogTables.read("wput-messages.tsv", 4));

    static {
        WPUT.sort((a, b) -> b[0].length() - a[0].length()); // the longest words first: "send failed" before "failed"
    }

    static {
        for (String[] row : LogTables.read("aria2-errors.tsv", 4)) {
            ARIA2_CODES.put(row[0], row);
        }
    }

    /**
     * The reply text Wput quotes after one of its messages ({@code wput-messages.tsv}), or null; {@code verb} is the
     * command its progress line names, for the messages that stand for the command of that line.
     */
    private static LogLine wput(String t, String verb, boolean indented) {
        String lower = t.toLowerCase(Locale.ROOT);
        for (String[] row : WPUT) {
            boolean ofTheLine = row[1].equals("*");
            int at = ofTheLine && verb == null ? -1 : lower.indexOf(row[0]);
            int open = at < 0 ? -1 : at + row[0].length();
            while (open >= 0 && open < t.length() && t.charAt(open) == ' ') {
                open++;
            }
            if (open < 0 || open >= t.length() || t.charAt(open) != '(' && t.charAt(open) != '\uFF08') {
                continue;
            }
            int depth = 0;
            for (int k = open; k < t.length() && k < open + 400; k++) {
                char c = t.charAt(k);
                depth += c == '(' || c == '\uFF08' ? 1 : c == ')' || c == '\uFF09' ? -1 : 0;
                if (depth == 0) {
                    String text = t.substring(open + 1, k).strip();
                    return text.isEmpty() || ClientPhrases.said(text).happening() != null ? null
                            : new LogLine(Kind.QUOTED_TEXT, Side.MESSAGE, Format.EMBEDDED, text, 0,
                                    ofTheLine ? verb : row[1].equals("CONNECT") ? null : row[1], null, null,
                                    Boolean.TRUE, indented);
                }
            }
        }
        return null;
    }

    private TerseClients() {
    }

    /** The line as one of these clients' lines, or null. */
    static LogLine read(String t, boolean indented) {
        Matcher m = t.charAt(0) == '[' ? BRACKETED_REPLY.matcher(t) : null;
        if (m != null && m.matches()) {
            return LineReader.reply(Side.SERVER, Format.PLAIN, m.group(1) + " " + m.group(2), indented,
                    Kind.SERVER_TEXT);
        }
        int sent = t.indexOf(SENT);
        if (sent >= 0 && sent + SENT.length() < t.length() && t.charAt(sent + SENT.length()) != ' ') {
            return LineReader.command(Side.CLIENT, Format.PLAIN, t.substring(sent + SENT.length()), false, indented);
        }
        if (t.charAt(0) == 'S' && SSH_BANNER.matcher(t).find()) {
            return LogLine.of(Kind.SERVER_TEXT, Side.SERVER, Format.PLAIN, t, indented);
        }
        Matcher aria2 = t.indexOf("errorCode=") >= 0 ? ARIA2.matcher(t) : null;
        String[] known = aria2 != null && aria2.find() ? ARIA2_CODES.get(aria2.group(1)) : null;
        if (known != null && Character.isDigit(known[1].charAt(0))) {
            return new LogLine(Kind.RESTATED, Side.MESSAGE, Format.EMBEDDED, known[1] + " " + aria2.group(2).strip(),
                    Integer.parseInt(known[1]), known[2], null, null, Boolean.TRUE, indented);
        }
        if (known != null) {
            return new LogLine(Kind.EVENT, Side.MESSAGE, Format.PLAIN, aria2.group(2).strip(), 0, null, null,
                    LogLine.Happening.valueOf(known[1]), null, indented);
        }
        Matcher progress = t.startsWith("==> ") ? PROGRESS.matcher(t) : null;
        String verb = progress != null && progress.matches() ? progress.group(1).toUpperCase(Locale.ROOT) : null;
        return t.indexOf('(') > 0 || t.indexOf('\uFF08') > 0 ? wput(t, verb, indented) : null;
    }
}

