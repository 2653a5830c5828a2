package io.github.ftpdoctor.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax of FTP client logs, as read by {@link TranscriptAnalyzer}: line prefixes (who wrote the line) and
 * the English phrases clients print for transport events. This is client-log syntax, not knowledge of server
 * replies: what a reply means is decided by the catalog alone.
 */
final class LogFormat {
    private LogFormat() {
    }

    /** Who wrote a line, according to its prefix. */
    enum Side {
        /** No prefix: a plain transcript or a CuteFTP log line. */
        PLAIN,
        /** A server line: {@code Response:}, curl {@code <}, {@code S:}. */
        SERVER,
        /** A client command: {@code Command:}, curl {@code >}, {@code C:}, CuteFTP {@code COMMAND:>}. */
        CLIENT,
        /** Client status: FileZilla {@code Status:}, CuteFTP {@code STATUS:>}. */
        STATUS,
        /** Client error: FileZilla {@code Error:}, CuteFTP {@code ERROR:}. */
        ERROR,
        /** curl {@code *} information. */
        CURL,
        /** Debug output nobody should read as a dialogue: FileZilla {@code Trace:}, {@code Listing:}. */
        IGNORED
    }

    /** FileZilla 3 log-file prefix ({@code 2026-01-02 03:04:05 1234 1 }), an ISO time, or a bare time. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^(?:\\d{4}-\\d{2}-\\d{2}[ T])?\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(?:Z|[+-]\\d{2}:?\\d{2})?"
                    + "(?:\\s+\\d+\\s+\\d+)?(?:\\s+|$)");
    /** CuteFTP and others: {@code [2/1/2026 10:00:00 AM]}. */
    private static final Pattern BRACKETED = Pattern.compile("^\\[[^\\]\\[]{1,64}]\\s*");
    /** The seed's own numbering of its situations: {@code 1.Connected.} */
    private static final Pattern SEED_NUMBER = Pattern.compile("^\\d{1,3}\\.(?=\\p{L})");
    private static final Pattern WORD_PREFIX = Pattern.compile(
            "^(status|command|response|error|warning|trace|listing|verbose|debug|info|c|s|client|server)\\s?:>?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ARROW_PREFIX = Pattern.compile("^([><*])(?=\\s|$)");

    /** A line split into the side that wrote it and what it says, without surrounding white space. */
    record Prefixed(Side side, String text) {
    }

    static Prefixed split(String raw) {
        String s = raw;
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        s = strip(TIMESTAMP, s.stripLeading());
        s = strip(BRACKETED, s);
        s = strip(SEED_NUMBER, s);
        Matcher m = WORD_PREFIX.matcher(s);
        if (m.find()) {
            String rest = strip(BRACKETED, s.substring(m.end()).stripLeading());
            return new Prefixed(side(m.group(1).toLowerCase(Locale.ROOT)), rest.strip());
        }
        m = ARROW_PREFIX.matcher(s);
        if (m.find()) {
            Side side = switch (m.group(1)) {
                case ">" -> Side.CLIENT;
                case "<" -> Side.SERVER;
                default -> Side.CURL;
            };
            return new Prefixed(side, s.substring(m.end()).strip());
        }
        return new Prefixed(Side.PLAIN, s.strip());
    }

    private static Side side(String word) {
        return switch (word) {
            case "status", "info", "verbose" -> Side.STATUS;
            case "command", "c", "client" -> Side.CLIENT;
            case "response", "s", "server" -> Side.SERVER;
            case "error", "warning" -> Side.ERROR;
            default -> Side.IGNORED;
        };
    }

    private static String strip(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? s.substring(m.end()) : s;
    }

    /** A client starting a connection: CuteFTP, FileZilla {@code Connecting to}, curl {@code Trying}. */
    static final Pattern CONNECTING = Pattern.compile(
            "^(connecting to\\b|trying\\b|resolving address\\b)", Pattern.CASE_INSENSITIVE);
    /** The TCP connection made: CuteFTP {@code Connected.}, curl {@code Connected to}, FileZilla. */
    static final Pattern CONNECTED = Pattern.compile(
            "^(connected\\b|connection established\\b)", Pattern.CASE_INSENSITIVE);

    /** What a client-log phrase says happened on the connection. */
    enum Happening {
        UNKNOWN_HOST, UNREACHABLE, REFUSED, TIMED_OUT, RESET, CLOSED
    }

    private record Phrase(String text, Happening happening) {
    }

    /**
     * THE table of client-log phrases, searched lower-cased in error lines, curl {@code *} lines and plain lines;
     * the first phrase found wins, so the more specific come first. Sources: CuteFTP (the seed, Winsock
     * {@code Socket error = #100xx}), FileZilla 3 ({@code ECONNREFUSED - Connection refused by server},
     * {@code Connection timed out after 20 seconds of inactivity}, {@code Connection closed by server}),
     * curl ({@code Could not resolve host}, {@code Failed to connect ... Connection refused},
     * {@code Recv failure: Connection reset by peer}), telnet ({@code Connection closed by foreign host}).
     */
    private static final List<Phrase> PHRASES = List.of(
            new Phrase("could not resolve", Happening.UNKNOWN_HOST),
            new Phrase("unknown host", Happening.UNKNOWN_HOST),
            new Phrase("getaddrinfo", Happening.UNKNOWN_HOST),
            new Phrase("eai_noname", Happening.UNKNOWN_HOST),
            new Phrase("eai_nodata", Happening.UNKNOWN_HOST),
            new Phrase("name or service not known", Happening.UNKNOWN_HOST),
            new Phrase("nodename nor servname", Happening.UNKNOWN_HOST),
            new Phrase("name resolution", Happening.UNKNOWN_HOST),
            new Phrase("host not found", Happening.UNKNOWN_HOST),
            new Phrase("no such host", Happening.UNKNOWN_HOST),
            new Phrase("network is unreachable", Happening.UNREACHABLE),
            new Phrase("network unreachable", Happening.UNREACHABLE),
            new Phrase("enetunreach", Happening.UNREACHABLE),
            new Phrase("no route to host", Happening.UNREACHABLE),
            new Phrase("ehostunreach", Happening.UNREACHABLE),
            new Phrase("host is unreachable", Happening.UNREACHABLE),
            new Phrase("connection refused", Happening.REFUSED),
            new Phrase("econnrefused", Happening.REFUSED),
            new Phrase("actively refused", Happening.REFUSED),
            new Phrase("#10061", Happening.REFUSED),
            new Phrase("timed out", Happening.TIMED_OUT),
            new Phrase("etimedout", Happening.TIMED_OUT),
            new Phrase("timeout", Happening.TIMED_OUT),
            new Phrase("#10060", Happening.TIMED_OUT),
            new Phrase("connection reset", Happening.RESET),
            new Phrase("reset by peer", Happening.RESET),
            new Phrase("econnreset", Happening.RESET),
            new Phrase("econnaborted", Happening.RESET),
            new Phrase("connection aborted", Happening.RESET),
            new Phrase("#10054", Happening.RESET),
            new Phrase("disconnected from server", Happening.CLOSED),
            new Phrase("connection closed by", Happening.CLOSED),
            new Phrase("remote side closed", Happening.CLOSED),
            new Phrase("server closed the connection", Happening.CLOSED),
            new Phrase("closed the connection", Happening.CLOSED),
            new Phrase("control connection closed", Happening.CLOSED));

    /** Lines naming the data connection rather than the control connection. */
    private static final String DATA_CONNECTION = "data connection";

    /** The happening a client's line reports, or null. */
    static Happening happening(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Phrase p : PHRASES) {
            if (lower.contains(p.text())) {
                return p.happening();
            }
        }
        return null;
    }

    private static final int MAX_DETAIL_CHARS = 200;
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]*:)[^@\\s]*@");
    private static final Pattern PASS_ARGUMENT = Pattern.compile("(?i)\\b(PASS|ACCT)(\\s+)\\S+");

    /** A client's message as a transport event's detail: bounded, and never with a password. */
    static String detail(String text) {
        String d = URL_PASSWORD.matcher(text).replaceAll("$1****@");
        d = PASS_ARGUMENT.matcher(d).replaceAll("$1$2****");
        return d.length() > MAX_DETAIL_CHARS ? d.substring(0, MAX_DETAIL_CHARS) + "…" : d;
    }

    /** Whether a client's line is about the data connection. */
    static boolean mentionsDataConnection(String text) {
        return text.toLowerCase(Locale.ROOT).contains(DATA_CONNECTION);
    }
}
