package io.github.ftpdoctor.internal.listing;

import io.github.ftpdoctor.FtpEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the lines of a LIST, MLSD or NLST data transfer into {@link FtpEntry} values. Pure parsing, no I/O;
 * never throws on server data.
 *
 * <p>Nothing is dropped silently: a line that no parser understands becomes an entry of type
 * {@link FtpEntry.Type#UNPARSED} with {@link FtpEntry#raw()} set and the trimmed line as its name. The only lines
 * skipped are blank lines, {@code ls}'s {@code total N} summary (also its Chinese and German forms) and the
 * entries for the listed directory and its parent ({@code type=cdir}/{@code type=pdir}, and parsed entries named
 * {@code .} or {@code ..}), which would otherwise make a recursive walk loop.
 */
public final class ListingParser {

    private static final String[] TOTAL_WORDS = {"total", "总用量", "总计", "合计", "insgesamt"};

    private ListingParser() {
    }

    /** {@link #parseList(List, Clock)} with the system UTC clock for dates without a year. */
    public static List<FtpEntry> parseList(List<String> lines) {
        return parseList(lines, Clock.systemUTC());
    }

    /**
     * LIST output, auto-detected per line: machine-listing facts ({@link MlsxParser}), then {@code ls -l}
     * ({@link UnixListParser}, which uses {@code clock} to infer missing years), then DOS/IIS
     * ({@link DosListParser}); anything else is {@link FtpEntry.Type#UNPARSED}. A null list gives an empty list.
     */
    public static List<FtpEntry> parseList(List<String> lines, Clock clock) {
        List<FtpEntry> out = new ArrayList<>();
        if (lines == null) {
            return out;
        }
        for (String line : lines) {
            FtpEntry e = parseListLine(line, clock);
            if (e != null && !isCurrentOrParent(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * One LIST line: the parsed entry, an {@link FtpEntry.Type#UNPARSED} entry, or null for a line to skip
     * (null, blank or {@code total N}). Does not drop {@code .} and {@code ..}.
     */
    public static FtpEntry parseListLine(String line, Clock clock) {
        if (line == null) {
            return null;
        }
        String l = stripCr(line);
        if (l.isBlank() || isTotalLine(l)) {
            return null;
        }
        FtpEntry e = null;
        if (MlsxParser.looksLikeFacts(l)) {
            e = MlsxParser.parseLine(line);
        }
        if (e == null) {
            e = UnixListParser.parseLine(line, clock);
        }
        if (e == null) {
            e = DosListParser.parseLine(line);
        }
        return e != null ? e : FtpEntry.unparsed(line);
    }

    /**
     * MLSD output (RFC 3659 §7): one entry per non-blank line; {@code cdir}/{@code pdir} entries are dropped,
     * lines that are not {@code facts; name} become {@link FtpEntry.Type#UNPARSED}.
     */
    public static List<FtpEntry> parseMlsd(List<String> lines) {
        List<FtpEntry> out = new ArrayList<>();
        if (lines == null) {
            return out;
        }
        for (String line : lines) {
            if (line == null || stripCr(line).isBlank()) {
                continue;
            }
            FtpEntry e = MlsxParser.parseLine(line);
            if (e == null) {
                out.add(FtpEntry.unparsed(line));
            } else if (!isCurrentOrParent(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * NLST output: names only. Each non-empty line is an entry of type {@link FtpEntry.Type#OTHER} (NLST does not
     * say what a name is) with unknown size and time; the name is the line's last path component (servers answer
     * {@code NLST dir} with {@code dir/name}), {@link FtpEntry#raw()} the line as sent. {@code .} and {@code ..} are
     * dropped. The name is not trimmed: spaces are legal in names.
     */
    public static List<FtpEntry> parseNlst(List<String> lines) {
        List<FtpEntry> out = new ArrayList<>();
        if (lines == null) {
            return out;
        }
        for (String line : lines) {
            if (line == null) {
                continue;
            }
            String l = stripCr(line);
            if (l.isEmpty()) {
                continue;
            }
            String name = lastComponent(l);
            if (!name.equals(".") && !name.equals("..")) {
                out.add(FtpEntry.builder(FtpEntry.Type.OTHER, name, line).build());
            }
        }
        return out;
    }

    /** True for {@code ls}'s summary line: {@code total 123} (also {@code total 4.0K}, {@code 总用量 0}). */
    public static boolean isTotalLine(String line) {
        if (line == null) {
            return false;
        }
        String l = stripCr(line).trim();
        for (String word : TOTAL_WORDS) {
            if (l.length() > word.length() + 1 && l.regionMatches(true, 0, word, 0, word.length())
                    && isBlank(l.charAt(word.length()))) {
                String n = l.substring(word.length()).trim();
                int end = n.length();
                if ("kmgtpKMGTP".indexOf(n.charAt(end - 1)) >= 0) {
                    end--;
                }
                boolean digit = false;
                for (int i = 0; i < end; i++) {
                    char c = n.charAt(i);
                    if (c >= '0' && c <= '9') {
                        digit = true;
                    } else if (c != '.' && c != ',') {
                        return false;
                    }
                }
                return digit;
            }
        }
        return false;
    }

    /** The listed directory or its parent: {@code cdir}/{@code pdir} facts, or a parsed entry named . or .. */
    static boolean isCurrentOrParent(FtpEntry e) {
        if (MlsxParser.isCurrentOrParent(e)) {
            return true;
        }
        return e.type() != FtpEntry.Type.UNPARSED && (e.name().equals(".") || e.name().equals(".."));
    }

    /** The line without trailing CR/LF characters. */
    static String stripCr(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\r' || line.charAt(end - 1) == '\n')) {
            end--;
        }
        return end == line.length() ? line : line.substring(0, end);
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Start/end index pairs of the first {@code max} blank-separated tokens (linear, no regex). */
    static int[] tokenize(String l, int max) {
        int[] buf = new int[2 * max];
        int count = 0;
        int i = 0;
        int n = l.length();
        while (count < max) {
            while (i < n && isBlank(l.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && !isBlank(l.charAt(i))) {
                i++;
            }
            buf[2 * count] = start;
            buf[2 * count + 1] = i;
            count++;
        }
        return count == max ? buf : Arrays.copyOf(buf, 2 * count);
    }

    static String lastComponent(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        int slash = path.lastIndexOf('/', end - 1);
        String last = path.substring(slash + 1, end);
        return last.isEmpty() ? path : last;
    }
}
