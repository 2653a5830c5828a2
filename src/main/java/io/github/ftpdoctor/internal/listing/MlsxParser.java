package io.github.ftpdoctor.internal.listing;

import io.github.ftpdoctor.FtpEntry;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * RFC 3659 §7 machine listings: {@code fact=value;fact=value; name}.
 *
 * <p>The facts end at the first {@code "; "}; everything after it is the name, so names may contain ';', '=' and
 * spaces. Fact names are case-insensitive (stored lower-case). {@code modify} is {@code YYYYMMDDHHMMSS[.sss]} UTC;
 * an impossible date leaves {@link FtpEntry#modified()} empty. This parser keeps {@code cdir}/{@code pdir} entries
 * (as {@link FtpEntry.Type#DIR}, with the {@code type} fact intact); {@link #isCurrentOrParent(FtpEntry)} tells them
 * apart and {@link ListingParser#parseMlsd(List)} drops them. Methods return null (never throw) for lines that are
 * not machine listings.
 */
public final class MlsxParser {

    private MlsxParser() {
    }

    /** True when the line starts like {@code name=value;}: worth handing to {@link #parseLine(String)}. */
    public static boolean looksLikeFacts(String line) {
        if (line == null) {
            return false;
        }
        int n = line.length();
        int i = 0;
        while (i < n && isFactNameChar(line.charAt(i))) {
            i++;
        }
        if (i == 0 || i >= n || line.charAt(i) != '=') {
            return false;
        }
        return line.indexOf(';', i) >= 0;
    }

    /**
     * One MLSD line ({@code facts; name}, or {@code " name"} without facts). Returns null when the line is not
     * a machine listing entry. The name is kept exactly (after the single separating space).
     */
    public static FtpEntry parseLine(String line) {
        if (line == null) {
            return null;
        }
        String l = ListingParser.stripCr(line);
        String factsPart;
        String name;
        if (l.startsWith(" ")) {
            factsPart = "";
            name = l.substring(1);
        } else {
            int boundary = l.indexOf("; ");
            if (boundary >= 0) {
                factsPart = l.substring(0, boundary + 1);
                name = l.substring(boundary + 2);
            } else {
                int space = l.indexOf(' ');          // lenient: facts without the trailing ';'
                if (space < 0) {
                    return null;
                }
                factsPart = l.substring(0, space);
                name = l.substring(space + 1);
            }
        }
        if (name.isEmpty()) {
            return null;
        }
        return build(factsPart, name, line);
    }

    /**
     * The entry line of an MLST reply: the inner line of the 250 multi-line reply, which starts with one space
     * ({@code " type=file;size=5; /pub/hello.txt"}). The name is the last path component; {@link FtpEntry#raw()}
     * keeps the whole line. A line without the leading space is accepted too. Returns null if not understood.
     */
    public static FtpEntry parseMlstLine(String line) {
        if (line == null) {
            return null;
        }
        String l = ListingParser.stripCr(line);
        if (l.startsWith(" ")) {
            l = l.substring(1);
        }
        FtpEntry parsed = parseLine(l);
        if (parsed == null) {
            return null;
        }
        String name = ListingParser.lastComponent(parsed.name());
        FtpEntry.Builder b = FtpEntry.builder(parsed.type(), name, line)
                .target(parsed.target()).permissions(parsed.permissions())
                .owner(parsed.owner()).group(parsed.group());
        parsed.size().ifPresent(b::size);
        parsed.modified().ifPresent(b::modified);
        parsed.facts().forEach(b::fact);
        return b.build();
    }

    /**
     * The entry of a whole MLST reply as its lines ({@code 250-...}, {@code " facts; path"}, {@code 250 End}):
     * the first line that is not a code line. Empty when there is none or it cannot be parsed.
     */
    public static Optional<FtpEntry> parseMlstReply(List<String> replyLines) {
        if (replyLines == null) {
            return Optional.empty();
        }
        for (String line : replyLines) {
            if (line == null || line.isEmpty() || isCodeLine(line)) {
                continue;
            }
            return Optional.ofNullable(parseMlstLine(line));
        }
        return Optional.empty();
    }

    /** True for the {@code type=cdir} and {@code type=pdir} entries (the listed directory and its parent). */
    public static boolean isCurrentOrParent(FtpEntry entry) {
        String t = entry.facts().get("type");
        return t != null && (t.equalsIgnoreCase("cdir") || t.equalsIgnoreCase("pdir"));
    }

    /**
     * {@code YYYYMMDDHHMMSS[.s...]} as a UTC instant; null if malformed or impossible (month 13, 30 February).
     * Second 60 (a leap second, allowed by RFC 3659) is read as the next minute's first second.
     */
    static Instant parseTime(String v) {
        int n = v.length();
        if (n < 14 || n == 15 || (n > 15 && v.charAt(14) != '.') || n > 40) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (i != 14 && (c < '0' || c > '9')) {
                return null;
            }
        }
        int nanos = 0;
        if (n > 15) {
            String frac = (v.substring(15) + "000000000").substring(0, 9);
            nanos = Integer.parseInt(frac);
        }
        int second = Integer.parseInt(v.substring(12, 14));
        boolean leap = second == 60;
        try {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
                    Integer.parseInt(v.substring(6, 8)), Integer.parseInt(v.substring(8, 10)),
                    Integer.parseInt(v.substring(10, 12)), leap ? 59 : second, nanos);
            return t.plusSeconds(leap ? 1 : 0).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static FtpEntry build(String factsPart, String name, String raw) {
        String[] segments = factsPart.split(";", -1);
        String[][] facts = new String[segments.length][];
        int count = 0;
        for (String seg : segments) {
            if (seg.isEmpty()) {
                continue;
            }
            int eq = seg.indexOf('=');
            if (eq <= 0) {
                return null;
            }
            for (int i = 0; i < eq; i++) {
                if (!isFactNameChar(seg.charAt(i))) {
                    return null;
                }
            }
            facts[count++] = new String[] {seg.substring(0, eq).toLowerCase(Locale.ROOT), seg.substring(eq + 1)};
        }
        String typeValue = null;
        for (int i = 0; i < count; i++) {
            if (facts[i][0].equals("type")) {
                typeValue = facts[i][1];
                break;
            }
        }
        FtpEntry.Type type = FtpEntry.Type.OTHER;
        String target = null;
        if (typeValue != null) {
            String t = typeValue.toLowerCase(Locale.ROOT);
            if (t.equals("file")) {
                type = FtpEntry.Type.FILE;
            } else if (t.equals("dir") || t.equals("cdir") || t.equals("pdir")) {
                type = FtpEntry.Type.DIR;
            } else if (t.equals("os.unix=symlink") || t.equals("os.unix=slink")) {
                type = FtpEntry.Type.LINK;
            } else if (t.startsWith("os.unix=slink:")) {
                type = FtpEntry.Type.LINK;
                String tg = typeValue.substring("os.unix=slink:".length());
                target = tg.isEmpty() ? null : tg;
            }
        }
        FtpEntry.Builder b = FtpEntry.builder(type, name, raw).target(target);
        long size = -1;
        long sizd = -1;
        String owner = null;
        int ownerRank = 0;
        String group = null;
        int groupRank = 0;
        for (int i = 0; i < count; i++) {
            String k = facts[i][0];
            String v = facts[i][1];
            b.fact(k, v);
            switch (k) {
                case "size": size = parseSize(v); break;
                case "sizd": sizd = parseSize(v); break;
                case "modify": b.modified(parseTime(v)); break;
                case "perm": b.permissions(v); break;
                case "unix.ownername": owner = v; ownerRank = 3; break;
                case "unix.owner": if (ownerRank < 2) { owner = v; ownerRank = 2; } break;
                case "unix.uid": if (ownerRank < 1) { owner = v; ownerRank = 1; } break;
                case "unix.groupname": group = v; groupRank = 3; break;
                case "unix.group": if (groupRank < 2) { group = v; groupRank = 2; } break;
                case "unix.gid": if (groupRank < 1) { group = v; groupRank = 1; } break;
                default: break;
            }
        }
        return b.size(size >= 0 ? size : sizd).owner(owner).group(group).build();
    }

    static long parseSize(String v) {
        int n = v.length();
        if (n == 0 || n > 18) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Long.parseLong(v);
    }

    private static boolean isFactNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '-' || c == '_';
    }

    private static boolean isCodeLine(String line) {
        if (line.length() < 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return line.length() == 3 || line.charAt(3) == '-' || line.charAt(3) == ' ';
    }
}
