package io.github.ftpdoctor.internal.listing;

import io.github.ftpdoctor.FtpEntry;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * {@code ls -l} style LIST lines, as sent by vsftpd, ProFTPD, Pure-FTPd and most Unix servers:
 * {@code drwxr-xr-x  2 user group 4096 Jan  5 14:03 name}.
 *
 * <p>Handled: the year form ({@code Feb 03  2001}), {@code long-iso} dates ({@code 2024-01-15 14:03}), Chinese
 * month names ({@code 1月}), numeric owners, a missing group or link-count column, symbolic links
 * ({@code name -> target}), devices ({@code 1, 3} instead of a size: size unknown), ACL markers ({@code +}, {@code @},
 * {@code .}) and sizes beyond 4 GiB. The name starts exactly one space after the date, so leading spaces are kept.
 *
 * <p>Times are read as UTC: the server's time zone is unknown. A date without a year gets the year (now - 1, now or
 * now + 1, from the given clock) that puts it closest to now, hence never more than about six months in the future,
 * as {@code ls} shows the time instead of the year only for files modified within the last six months.
 * Returns null (never throws) for a line it does not understand, and for {@code total N} lines.
 */
public final class UnixListParser {

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final int MAX_TOKENS = 16;

    private UnixListParser() {
    }

    /** One LIST line, or null when it is not an {@code ls -l} line. */
    public static FtpEntry parseLine(String line, Clock clock) {
        if (line == null) {
            return null;
        }
        String l = ListingParser.stripCr(line);
        int[] tok = ListingParser.tokenize(l, MAX_TOKENS);
        int count = tok.length / 2;
        if (count < 4 || !isPermissions(l, tok[0], tok[1])) {
            return null;
        }
        char kind = l.charAt(tok[0]);
        for (int i = 2; i + 1 < count; i++) {
            int dateEnd;
            Instant modified;
            int month = month(l, tok[2 * i], tok[2 * i + 1]);
            if (month > 0 && i + 2 < count) {
                int day = number(l, tok[2 * i + 2], tok[2 * i + 3], 2);
                int ts = tok[2 * i + 4];
                int tEnd = tok[2 * i + 5];
                if (day < 1 || day > 31) {
                    continue;
                }
                int year = tEnd - ts == 4 ? number(l, ts, tEnd, 4) : -1;
                int hm = hourMinute(l, ts, tEnd);
                if (year < 0 && hm < 0) {
                    continue;
                }
                modified = year >= 0 ? dateOrNull(year, month, day, 0, 0)
                        : inferDate(month, day, hm / 60, hm % 60, clock);
                dateEnd = tEnd;
            } else if (tok[2 * i + 1] - tok[2 * i] == 10 && isIsoDate(l, tok[2 * i])) {
                int hm = hourMinute(l, tok[2 * i + 2], tok[2 * i + 3]);
                if (hm < 0) {
                    continue;
                }
                int s = tok[2 * i];
                modified = dateOrNull(number(l, s, s + 4, 4), number(l, s + 5, s + 7, 2), number(l, s + 8, s + 10, 2),
                        hm / 60, hm % 60);
                dateEnd = tok[2 * i + 3];
            } else {
                continue;
            }
            FtpEntry entry = build(l, line, tok, i, dateEnd, kind, modified);
            if (entry != null) {
                return entry;
            }
        }
        return null;
    }

    /**
     * The date for a listing without a year: of the years around the clock's, the one closest to now (ties go to
     * the past). Null if the date exists in none of them (29 February far from a leap year, 31 April).
     */
    static Instant inferDate(int month, int day, int hour, int minute, Clock clock) {
        Instant now = clock.instant();
        int year = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
        Instant best = null;
        Duration bestDistance = null;
        for (int y = year - 1; y <= year + 1; y++) {
            Instant candidate = dateOrNull(y, month, day, hour, minute);
            if (candidate == null) {
                continue;
            }
            Duration d = Duration.between(candidate, now).abs();
            if (best == null || d.compareTo(bestDistance) < 0) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    private static FtpEntry build(String l, String raw, int[] tok, int dateIndex, int dateEnd, char kind,
                                  Instant modified) {
        int nameStart = dateEnd + 1;
        if (nameStart >= l.length() || !ListingParser.isBlank(l.charAt(dateEnd))) {
            return null;
        }
        // columns between the permissions and the date: [links] [owner] [group] size (or "major, minor")
        int last = dateIndex - 1;
        long size = -1;
        int metaEnd;
        if (kind == 'c' || kind == 'b') {
            boolean twoTokens = last >= 2 && l.charAt(tok[2 * last - 1] - 1) == ',';
            metaEnd = twoTokens ? last - 2 : last - 1;
        } else {
            size = MlsxParser.parseSize(l.substring(tok[2 * last], tok[2 * last + 1]));
            if (size < 0) {
                return null;
            }
            metaEnd = last - 1;
        }
        String owner = null;
        String group = null;
        int metaCount = metaEnd;                               // tokens 1..metaEnd
        boolean firstNumeric = metaCount >= 1 && number(l, tok[2], tok[3], 18) >= 0;
        int ownerIndex = -1;
        int groupIndex = -1;
        if (metaCount == 1) {
            ownerIndex = firstNumeric ? -1 : 1;
        } else if (metaCount == 2) {
            ownerIndex = firstNumeric ? 2 : 1;
            groupIndex = firstNumeric ? -1 : 2;
        } else if (metaCount >= 3) {
            ownerIndex = 2;
            groupIndex = 3;
        }
        if (ownerIndex > 0) {
            owner = l.substring(tok[2 * ownerIndex], tok[2 * ownerIndex + 1]);
        }
        if (groupIndex > 0) {
            group = l.substring(tok[2 * groupIndex], tok[2 * metaEnd + 1]);
        }
        String name = l.substring(nameStart);
        String target = null;
        FtpEntry.Type type;
        switch (kind) {
            case '-': type = FtpEntry.Type.FILE; break;
            case 'd': type = FtpEntry.Type.DIR; break;
            case 'l': type = FtpEntry.Type.LINK; break;
            default: type = FtpEntry.Type.OTHER; break;
        }
        if (type == FtpEntry.Type.LINK) {
            int arrow = name.indexOf(" -> ");
            if (arrow > 0) {
                target = name.substring(arrow + 4);
                name = name.substring(0, arrow);
                if (target.isEmpty()) {
                    target = null;
                }
            }
        }
        return FtpEntry.builder(type, name, raw).size(size).modified(modified).target(target)
                .permissions(l.substring(tok[0] + 1, tok[0] + 10)).owner(owner).group(group).build();
    }

    private static boolean isPermissions(String l, int s, int e) {
        int n = e - s;
        if (n < 10 || n > 11 || "-dlpsbcD".indexOf(l.charAt(s)) < 0) {
            return false;
        }
        for (int i = s + 1; i < s + 10; i++) {
            if ("rwxsStTlL-".indexOf(l.charAt(i)) < 0) {
                return false;
            }
        }
        return n == 10 || "+@.".indexOf(l.charAt(s + 10)) >= 0;
    }

    /** 1..12 for Jan..Dec (any case) or "1月".."12月"; 0 otherwise. */
    private static int month(String l, int s, int e) {
        int n = e - s;
        if (n == 3 && Character.isLetter(l.charAt(s))) {
            String m = l.substring(s, e).toLowerCase(Locale.ROOT);
            int idx = MONTHS.indexOf(m);
            return idx >= 0 && idx % 3 == 0 ? idx / 3 + 1 : 0;
        }
        if ((n == 2 || n == 3) && l.charAt(e - 1) == '月') {
            int m = number(l, s, e - 1, 2);
            return m >= 1 && m <= 12 ? m : 0;
        }
        return 0;
    }

    /** hour * 60 + minute for "H:MM" or "HH:MM" (0:00 to 23:59); -1 otherwise. */
    private static int hourMinute(String l, int s, int e) {
        int n = e - s;
        if ((n != 4 && n != 5) || l.charAt(e - 3) != ':') {
            return -1;
        }
        int h = number(l, s, e - 3, 2);
        int m = number(l, e - 2, e, 2);
        return h < 0 || h > 23 || m < 0 || m > 59 ? -1 : h * 60 + m;
    }

    private static boolean isIsoDate(String l, int s) {
        return l.charAt(s + 4) == '-' && l.charAt(s + 7) == '-' && number(l, s, s + 4, 4) >= 0
                && number(l, s + 5, s + 7, 2) >= 0 && number(l, s + 8, s + 10, 2) >= 0;
    }

    /** The decimal value of l[s, e) if it is 1..maxDigits ASCII digits, else -1. */
    static int number(String l, int s, int e, int maxDigits) {
        if (e <= s || e - s > maxDigits) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            char c = l.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
    }

    static Instant dateOrNull(int year, int month, int day, int hour, int minute) {
        try {
            return LocalDate.of(year, month, day).atTime(hour, minute).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
