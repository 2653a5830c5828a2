package io.github.ftpdoctor.internal.listing;

import io.github.ftpdoctor.FtpEntry;
import java.time.Instant;
import java.util.Locale;

/**
 * Windows / IIS ("MS-DOS" style) LIST lines: {@code 01-15-24  02:30PM       <DIR>          My Folder} and
 * {@code 01-15-2024  14:30  1234567 file name.txt}.
 *
 * <p>Dates are month-day-year with 2- or 4-digit years ('-' or '/'); two-digit years 70-99 are 19xx, 00-69 20xx.
 * Times are 12-hour with AM/PM (attached or separate) or 24-hour, read as UTC (the server's zone is unknown).
 * After a size the name starts exactly one space later (leading spaces kept); after {@code <DIR>} the padding is
 * skipped, so a directory name's leading spaces cannot be recovered. {@code <JUNCTION>}/{@code <SYMLINK>}/
 * {@code <SYMLINKD>} entries are links, with the target taken from a trailing {@code [target]}.
 * Returns null (never throws) for a line it does not understand.
 */
public final class DosListParser {

    private DosListParser() {
    }

    /** One LIST line, or null when it is not a DOS-style line. */
    public static FtpEntry parseLine(String line) {
        if (line == null) {
            return null;
        }
        String l = ListingParser.stripCr(line);
        int[] tok = ListingParser.tokenize(l, 5);
        int count = tok.length / 2;
        if (count < 4) {
            return null;
        }
        int[] date = date(l, tok[0], tok[1]);
        if (date == null) {
            return null;
        }
        int ts = tok[2];
        int te = tok[3];
        int next = 2;
        int ampm = ampm(l, te - 2, te);
        if (ampm >= 0) {
            te -= 2;
        } else {
            ampm = ampm(l, tok[4], tok[5]);
            if (ampm >= 0) {
                next = 3;
            }
        }
        if (te - ts != 4 && te - ts != 5 || l.charAt(te - 3) != ':') {
            return null;
        }
        int hour = UnixListParser.number(l, ts, te - 3, 2);
        int minute = UnixListParser.number(l, te - 2, te, 2);
        if (minute < 0 || minute > 59 || hour < 0) {
            return null;
        }
        if (ampm >= 0) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (ampm == 1 ? 12 : 0);
        } else if (hour > 23) {
            return null;
        }
        if (next >= count) {
            return null;
        }
        int ss = tok[2 * next];
        int se = tok[2 * next + 1];
        String sizeToken = l.substring(ss, se);
        FtpEntry.Type type;
        long size = -1;
        String name;
        if (sizeToken.length() > 2 && sizeToken.charAt(0) == '<' && sizeToken.charAt(sizeToken.length() - 1) == '>') {
            String kind = sizeToken.toUpperCase(Locale.ROOT);
            type = kind.equals("<DIR>") ? FtpEntry.Type.DIR
                    : kind.contains("JUNCTION") || kind.contains("SYMLINK") ? FtpEntry.Type.LINK : FtpEntry.Type.OTHER;
            int s = se;
            while (s < l.length() && ListingParser.isBlank(l.charAt(s))) {
                s++;
            }
            name = l.substring(s);
        } else {
            size = MlsxParser.parseSize(withoutGrouping(sizeToken));
            if (size < 0 || se + 1 >= l.length() || !ListingParser.isBlank(l.charAt(se))) {
                return null;
            }
            type = FtpEntry.Type.FILE;
            name = l.substring(se + 1);
        }
        String target = null;
        if (type == FtpEntry.Type.LINK && name.endsWith("]")) {
            int open = name.lastIndexOf(" [");
            if (open > 0) {
                target = name.substring(open + 2, name.length() - 1);
                name = name.substring(0, open);
            }
        }
        if (name.isEmpty()) {
            return null;
        }
        Instant modified = UnixListParser.dateOrNull(date[0], date[1], date[2], hour, minute);
        return FtpEntry.builder(type, name, line).size(size).modified(modified)
                .target(target == null || target.isEmpty() ? null : target).build();
    }

    /** {year, month, day} from MM-DD-YY or MM-DD-YYYY ('-' or '/'), or null. */
    private static int[] date(String l, int s, int e) {
        int n = e - s;
        if (n != 8 && n != 10) {
            return null;
        }
        char sep = l.charAt(s + 2);
        if ((sep != '-' && sep != '/') || l.charAt(s + 5) != sep) {
            return null;
        }
        int month = UnixListParser.number(l, s, s + 2, 2);
        int day = UnixListParser.number(l, s + 3, s + 5, 2);
        int year = UnixListParser.number(l, s + 6, e, 4);
        if (month < 1 || month > 12 || day < 1 || day > 31 || year < 0) {
            return null;
        }
        if (n == 8) {
            year += year < 70 ? 2000 : 1900;
        }
        return new int[] {year, month, day};
    }

    /** 0 for AM, 1 for PM (any case), -1 otherwise. */
    private static int ampm(String l, int s, int e) {
        if (e - s != 2 || s < 0 || (l.charAt(s + 1) != 'M' && l.charAt(s + 1) != 'm')) {
            return -1;
        }
        char c = l.charAt(s);
        return c == 'A' || c == 'a' ? 0 : c == 'P' || c == 'p' ? 1 : -1;
    }

    /** "1,234,567" to "1234567"; anything else unchanged (and then rejected by the size check if not digits). */
    private static String withoutGrouping(String s) {
        return s.indexOf(',') < 0 ? s : s.replace(",", "");
    }
}
