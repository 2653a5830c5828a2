package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Parsers for the payload of positive replies: quoted paths, SIZE, MDTM, FEAT. */
public final class Replies {
    private static final DateTimeFormatter MDTM = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private Replies() {
    }

    /**
     * The path of the 257 reply to PWD; a 257 without a quoted path the client could use is a malformed reply,
     * raised as the session's failure.
     */
    public static String pwdPath(Session session, Reply reply) throws FtpException {
        String path = quotedPath(reply);
        if (path == null) {
            throw session.failure(TransportEvent.MALFORMED_REPLY, "PWD", "257 reply without a usable quoted path"
                    + " (none, not closed, or with NUL, CR or bytes not valid in the control encoding)", reply, null);
        }
        return path;
    }

    /**
     * The path in a 257 reply (RFC 959 Appendix II): the text between the first quote and the closing quote,
     * with doubled quotes {@code ""} standing for one. Null if the reply has no quoted path, or one that cannot be
     * used: with NUL or CR (no command may carry them) or bytes the control encoding could not decode.
     */
    public static String quotedPath(Reply reply) {
        String text = reply.lines().get(0);
        text = text.length() > 4 ? text.substring(4) : "";
        int start = text.indexOf('"');
        if (start < 0) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    path.append('"');
                    i++;
                } else {
                    return usable(path) ? path.toString() : null;
                }
            } else {
                path.append(c);
            }
        }
        return null; // no closing quote
    }

    private static boolean usable(CharSequence path) {
        return path.chars().noneMatch(c -> c == '\0' || c == '\r' || c == '\uFFFD');
    }

    /**
     * The number in a 213 SIZE reply (RFC 3659 5.3: ASCII digits, then the end or a blank), or -1 if it is not one:
     * no sign, no other script's digits (which {@code Long.parseLong} would accept), at most {@code Long.MAX_VALUE}.
     */
    public static long size(Reply reply) {
        String t = reply.text().trim();
        int end = 0;
        while (end < t.length() && t.charAt(end) >= '0' && t.charAt(end) <= '9') {
            end++;
        }
        if (end == 0 || end < t.length() && " \t\n\u000B\f\r".indexOf(t.charAt(end)) < 0) {
            return -1;
        }
        try {
            return Long.parseLong(t, 0, end, 10);
        } catch (NumberFormatException e) {
            return -1; // too large
        }
    }

    private static final java.util.regex.Pattern ANNOUNCED = java.util.regex.Pattern.compile("\\((\\d{1,18}) bytes?\\)");

    /**
     * The size a 150 reply announces, as many servers do ({@code 150 Opening BINARY mode data connection for x
     * (1024 bytes).}), or -1.
     */
    public static long announcedSize(Reply reply) {
        java.util.regex.Matcher m = ANNOUNCED.matcher(reply.text());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The time in a 213 MDTM reply (RFC 3659 §2.3: YYYYMMDDHHMMSS[.sss], UTC), or null if malformed. */
    public static Instant time(Reply reply) {
        String t = reply.text().trim().split("\\s+")[0];
        String whole = t;
        int nanos = 0;
        int dot = t.indexOf('.');
        if (dot > 0) {
            whole = t.substring(0, dot);
            String frac = t.substring(dot + 1);
            if (frac.isEmpty() || frac.length() > 9 || !frac.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            nanos = Integer.parseInt((frac + "000000000").substring(0, 9));
        }
        if (whole.length() != 14) {
            return null;
        }
        try {
            return LocalDateTime.parse(whole, MDTM).toInstant(ZoneOffset.UTC).plusNanos(nanos);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The features of a 211 FEAT reply (RFC 2389): each inner line is a feature name, upper-cased, then its
     * parameters. Insertion order is kept.
     */
    public static Map<String, String> features(Reply reply) {
        Map<String, String> features = new LinkedHashMap<>();
        var lines = reply.lines();
        for (int i = 1; i < lines.size() - 1; i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            int sp = line.indexOf(' ');
            String name = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
            features.put(name, sp < 0 ? "" : line.substring(sp + 1).trim());
        }
        return features;
    }
}
