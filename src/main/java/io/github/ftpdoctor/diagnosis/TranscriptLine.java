package io.github.ftpdoctor.diagnosis;

import io.github.ftpdoctor.diagnosis.LogFormat.Happening;
import io.github.ftpdoctor.diagnosis.LogFormat.Side;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a client log, recognised: a server reply line, a command, a connection marker, a transport event,
 * or nothing of interest. A {@code PASS} (or {@code ACCT}) argument is never kept.
 *
 * @param kind      what the line is
 * @param side      who wrote it, according to its prefix
 * @param text      the line without its prefixes (a reply line as the server sent it); null for commands
 * @param code      the reply code of a {@link Kind#REPLY} line, else 0
 * @param verb      the upper-case verb of a {@link Kind#COMMAND}, else null
 * @param argument  the argument of a {@code USER} command, else null
 * @param happening the transport event an {@link Kind#EVENT} line reports, else null
 */
record TranscriptLine(Kind kind, Side side, String text, int code, String verb, String argument, Happening happening) {

    enum Kind {
        /** Nothing but white space. */
        BLANK,
        /** A line starting with a reply code: {@code 220 ...}, {@code 230-...}. */
        REPLY,
        /** A server-marked line that is no reply line (a continuation line, or not FTP at all). */
        SERVER_TEXT,
        /** A command the client sent. */
        COMMAND,
        /** The client starts connecting (a new attempt). */
        CONNECTING,
        /** The TCP connection was made. */
        CONNECTED,
        /** The client reports a transport event. */
        EVENT,
        /** Anything else: commentary, status, debug output. */
        OTHER
    }

    private static final Pattern REPLY_LINE = Pattern.compile("^([1-6]\\d\\d)(?:[ -].*)?$", Pattern.DOTALL);
    private static final Pattern COMMAND_LINE = Pattern.compile("^([A-Za-z][A-Za-z0-9]{1,15})(?:\\s+(.*))?$",
            Pattern.DOTALL);
    /**
     * Verbs that make an unprefixed upper-case line a command (RFC 959, 2228, 2389, 2428, 3659, 7151 and common
     * X-commands); prefixed lines ({@code >}, {@code Command:}, {@code C:}) may carry any verb.
     */
    private static final Set<String> KNOWN_VERBS = Set.of(
            "USER", "PASS", "ACCT", "CWD", "CDUP", "SMNT", "REIN", "QUIT", "PORT", "PASV", "TYPE", "STRU", "MODE",
            "RETR", "STOR", "STOU", "APPE", "ALLO", "REST", "RNFR", "RNTO", "ABOR", "DELE", "RMD", "MKD", "PWD",
            "LIST", "NLST", "SITE", "SYST", "STAT", "HELP", "NOOP", "FEAT", "OPTS", "AUTH", "ADAT", "PBSZ", "PROT",
            "CCC", "MIC", "CONF", "ENC", "EPRT", "EPSV", "LPRT", "LPSV", "MDTM", "SIZE", "MLSD", "MLST", "LANG",
            "HOST", "CLNT", "XCWD", "XCUP", "XMKD", "XRMD", "XPWD", "MFMT", "MFCT", "MFF", "AVBL", "HASH", "CSID");
    private static final Set<String> LOGIN_VERBS = Set.of("USER", "PASS", "ACCT");
    private static final TranscriptLine BLANK = new TranscriptLine(Kind.BLANK, Side.PLAIN, "", 0, null, null, null);

    static TranscriptLine parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return BLANK;
        }
        LogFormat.Prefixed p = LogFormat.split(raw);
        String t = p.text();
        if (t.isEmpty()) {
            return BLANK;
        }
        return switch (p.side()) {
            case SERVER -> reply(p.side(), t, Kind.SERVER_TEXT);
            case PLAIN -> plain(t);
            case CLIENT -> command(p.side(), t, false);
            case STATUS -> marker(p.side(), t);
            case ERROR -> event(p.side(), t);
            case CURL -> {
                TranscriptLine m = marker(p.side(), t);
                yield m.kind() == Kind.OTHER ? event(p.side(), t) : m;
            }
            case IGNORED -> other(p.side(), t);
        };
    }

    private static TranscriptLine plain(String t) {
        TranscriptLine r = reply(Side.PLAIN, t, null);
        if (r != null) {
            return r;
        }
        TranscriptLine c = command(Side.PLAIN, t, true);
        if (c.kind() == Kind.COMMAND) {
            return c;
        }
        TranscriptLine m = marker(Side.PLAIN, t);
        return m.kind() == Kind.OTHER ? event(Side.PLAIN, t) : m;
    }

    private static TranscriptLine reply(Side side, String t, Kind otherwise) {
        Matcher m = REPLY_LINE.matcher(t);
        if (m.matches()) {
            return new TranscriptLine(Kind.REPLY, side, t, Integer.parseInt(m.group(1)), null, null, null);
        }
        return otherwise == null ? null : new TranscriptLine(otherwise, side, t, 0, null, null, null);
    }

    private static TranscriptLine command(Side side, String t, boolean strict) {
        Matcher m = COMMAND_LINE.matcher(t);
        if (!m.matches()) {
            return other(side, t);
        }
        String word = m.group(1);
        String verb = word.toUpperCase(Locale.ROOT);
        // unprefixed: a known verb in upper case (login verbs in any case, so that a password is never read as text)
        if (strict && (!KNOWN_VERBS.contains(verb) || !word.equals(verb) && !LOGIN_VERBS.contains(verb))) {
            return other(side, t);
        }
        String arg = m.group(2) == null ? null : m.group(2).strip();
        // the only argument kept is the login name; PASS and ACCT arguments are dropped here, never stored
        String kept = "USER".equals(verb) && arg != null && !arg.isEmpty() ? arg : null;
        return new TranscriptLine(Kind.COMMAND, side, null, 0, verb, kept, null);
    }

    private static TranscriptLine marker(Side side, String t) {
        if (LogFormat.CONNECTING.matcher(t).find()) {
            return new TranscriptLine(Kind.CONNECTING, side, t, 0, null, null, null);
        }
        if (LogFormat.CONNECTED.matcher(t).find()) {
            return new TranscriptLine(Kind.CONNECTED, side, t, 0, null, null, null);
        }
        return other(side, t);
    }

    private static TranscriptLine event(Side side, String t) {
        Happening h = LogFormat.happening(t);
        return h == null ? other(side, t) : new TranscriptLine(Kind.EVENT, side, t, 0, null, null, h);
    }

    private static TranscriptLine other(Side side, String t) {
        return new TranscriptLine(Kind.OTHER, side, t, 0, null, null, null);
    }

    /** Whether the line is a server line: a reply line, or text the server wrote. */
    boolean fromServer() {
        return kind == Kind.REPLY || kind == Kind.SERVER_TEXT;
    }

    /** The record's text, never with a password: commands have no text at all. */
    @Override
    public String toString() {
        return kind + (verb == null ? "" : " " + verb) + (code == 0 ? "" : " " + code);
    }
}
