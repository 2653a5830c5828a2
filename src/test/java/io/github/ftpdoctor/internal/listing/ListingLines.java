package io.github.ftpdoctor.internal.listing;

import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.FtpEntry.Type;
import io.github.ftpdoctor.testsupport.Fuzz;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;

/**
 * Generators for the listing property tests: real LIST and MLSD lines to mutate, random listing-like lines, and
 * valid {@code ls -l}, DOS and machine-listing lines together with the entry they describe.
 */
final class ListingLines {
    static final String[] REAL = {
        "-rw-r--r--    1 1000     1000            5 Feb 03  2001 hello.txt",
        "drwxr-xr-x    2 0        0            6 Nov 27 10:00 sub",
        "lrwxrwxrwx    1 0        0               9 Mar 01 10:00 link -> hello.txt",
        "-rw-r--r--   1 owner        1024 Nov 27 10:00 a.txt", "-rw-r--r-- owner group 1024 Nov 27 10:00 b.txt",
        "-rw-r--r-- 1 root root 0 1月 5 14:03 报告.doc", "-rw-r--r-- 1 ftp ftp 5 2024-01-15 14:03 iso name.txt",
        "crw-rw-rw-   1 root     tty       5,   0 Jan  1 10:00 tty", "-rw-r--r--+ 1 a Domain Users 5 Jan 1 2020 x",
        "total 12", "总用量 0", "01-15-24  02:30PM       <DIR>          My Folder",
        "01-15-2024  14:30  1,234,567 file name.txt", "01-15-2024  02:30 PM    <JUNCTION>     Docs [C:\\Users\\me]",
        "modify=20260102030405;perm=adfr;size=5;type=file;unique=FD00U1;UNIX.group=0;UNIX.mode=0644; hello.txt",
        "type=OS.unix=slink:/target;sizd=4096;modify=20260102030405;UNIX.mode=0777; link",
        "modify=20260102030405;perm=flcdmpe;type=cdir;unique=FD00U2;UNIX.group=0;UNIX.mode=0755;UNIX.owner=0; .",
        "Size=5;Modify=20260102030405.123;Type=file; hello.txt", " name without facts", "type=file;size=5 lenient",
    };
    static final String[] TOKENS = {"-rw-r--r--", "drwxr-xr-x", "lrwxrwxrwx", "crw-rw-rw-", " -> ", "Jan", "Feb",
        "Dec", "12月", " 5", "31", "2001", "10:00", "23:59", "24:00", "2024-01-15", "<DIR>", "<JUNCTION>", "PM", "AM",
        "01-15-24", "12/31/1999", "type=file;", "type=dir;", "type=cdir;", "size=5;", "modify=20260102030405;",
        "modify=99999999999999.9;", "perm=adfr;", "; ", "total", "1,234", "99999999999999999999", " [", "]"};

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private ListingLines() {
    }

    /** A real listing line mutated, or random text made of listing tokens; now and then with a CR at the end. */
    static String randomLine(Random r) {
        String line = r.nextInt(3) == 0 ? Fuzz.randomText(r, 120, TOKENS)
                : Fuzz.mutate(r, Fuzz.pick(r, REAL), 4, TOKENS);
        return r.nextInt(10) == 0 ? line + "\r" : line;
    }

    /** What every parsed entry guarantees: the raw line kept, a name and target taken from it, sane fields. */
    static FtpEntry wellFormed(FtpEntry e, String line) {
        org.junit.jupiter.api.Assertions.assertSame(line, e.raw());
        org.junit.jupiter.api.Assertions.assertNotEquals(Type.UNPARSED, e.type());
        org.junit.jupiter.api.Assertions.assertFalse(e.name().isEmpty(), "empty name");
        org.junit.jupiter.api.Assertions.assertTrue(line.contains(e.name()), () -> "name " + Fuzz.show(e.name()));
        org.junit.jupiter.api.Assertions.assertTrue(e.target() == null || !e.target().isEmpty() && line.contains(e.target()),
                () -> "target " + Fuzz.show(e.target()));
        org.junit.jupiter.api.Assertions.assertTrue(e.size().orElse(0) >= 0);
        e.facts().keySet().forEach(k -> org.junit.jupiter.api.Assertions.assertEquals(k.toLowerCase(Locale.ROOT), k));
        org.junit.jupiter.api.Assertions.assertNotNull(e.toString());
        return e;
    }

    /** A clock somewhere between 2000 and 2090. */
    static Clock clock(Random r) {
        return Clock.fixed(Instant.parse("2000-01-01T00:00:00Z").plus(Duration.ofMinutes(r.nextInt(90 * 525_600))),
                ZoneOffset.UTC);
    }

    /** A line together with the entry it must parse to. */
    record Generated(String line, FtpEntry expected) {
        @Override
        public String toString() {
            return Fuzz.show(line) + " -> " + expected;
        }
    }

    /** A file name: anything but empty or ending in CR or LF; leading spaces, ' -> ', ';' and any script allowed. */
    static String name(Random r) {
        String n = Fuzz.randomText(r, 40, " -> ", "; ", "=", " [x]", "中文 名字", "..", ".");
        while (n.endsWith("\r") || n.endsWith("\n")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.isEmpty() ? "x" : n;
    }

    private static String spaces(Random r) {
        return " ".repeat(1 + r.nextInt(r.nextBoolean() ? 2 : 12));
    }

    /** A word of 4 to 10 ASCII letters and digits, never a month name or a number. */
    private static String word(Random r) {
        StringBuilder sb = new StringBuilder().append((char) ('a' + r.nextInt(26)));
        for (int n = 3 + r.nextInt(7); n > 0; n--) {
            sb.append("abcdefghijklmnopqrstuvwxyz0123456789_.-".charAt(r.nextInt(39)));
        }
        return sb.toString();
    }

    private static long size(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(10);
            case 1 -> (long) (r.nextDouble() * 999_999_999_999_999_999L);
            default -> r.nextInt(1 << 20);
        };
    }

    // ---- ls -l

    /** A valid {@code ls -l} line: every column layout, date form and file kind the parser handles. */
    static Generated unix(Random r, Clock clock) {
        char kind = "-----dddlcbps".charAt(r.nextInt(13));
        StringBuilder perms = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            perms.append(r.nextInt(8) == 0 ? "-sStT".charAt(r.nextInt(5)) : r.nextBoolean() ? "rwx".charAt(i % 3) : '-');
        }
        String owner = r.nextBoolean() ? word(r) : Integer.toString(r.nextInt(70000));
        int layout = r.nextInt(5); // 0 links owner group, 1 links owner, 2 owner group, 3 links, 4 owner
        String group = switch (r.nextInt(4)) {
            case 0 -> Integer.toString(r.nextInt(70000));
            case 1 -> layout == 2 ? word(r) : "Domain Users"; // two words need the link count to be told apart
            default -> word(r);
        };
        if (layout == 2 || layout == 4) {
            owner = word(r); // a numeric owner without a link count would read as the link count
        }
        long size = size(r);
        boolean device = kind == 'c' || kind == 'b';
        StringBuilder line = new StringBuilder().append(kind).append(perms);
        if (r.nextInt(5) == 0) {
            line.append("+@.".charAt(r.nextInt(3)));
        }
        if (layout != 2 && layout != 4) {
            line.append(spaces(r)).append(1 + r.nextInt(9999));
        }
        if (layout != 3) {
            line.append(spaces(r)).append(owner);
        }
        if (layout == 0 || layout == 2) {
            line.append(spaces(r)).append(group);
        }
        line.append(spaces(r));
        if (device) {
            line.append(r.nextInt(256)).append(r.nextBoolean() ? "," + spaces(r) : ",").append(r.nextInt(256));
        } else {
            line.append(size);
        }
        Instant modified = appendDate(r, line.append(spaces(r)), clock);
        String name = name(r);
        String target = null;
        if (kind == 'l') {
            while ((name + " -> ").indexOf(" -> ") < name.length()) { // the first arrow must be the link's
                name = name(r);
            }
            if (r.nextInt(4) > 0) {
                target = name(r).strip();
                target = target.isEmpty() ? "t" : target;
            }
        }
        line.append(' ').append(name);
        if (kind == 'l' && target != null) {
            line.append(" -> ").append(target);
        }
        Type type = kind == '-' ? Type.FILE : kind == 'd' ? Type.DIR : kind == 'l' ? Type.LINK : Type.OTHER;
        String l = line.toString();
        FtpEntry expected = FtpEntry.builder(type, name, l).size(device ? -1 : size).modified(modified).target(target)
                .permissions(perms.toString())
                .owner(layout == 3 ? null : owner).group(layout == 0 || layout == 2 ? group : null).build();
        return new Generated(l, expected);
    }

    /** Appends a date in one of the forms of ls and returns the instant it stands for. */
    private static Instant appendDate(Random r, StringBuilder line, Clock clock) {
        int form = r.nextInt(4);
        if (form == 0) { // within five months of now: no year, the parser infers it
            Instant t = clock.instant().plus(Duration.ofMinutes(r.nextInt(2 * 150 * 1440) - 150 * 1440))
                    .truncatedTo(ChronoUnit.MINUTES);
            LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
            line.append(month(r, d.getMonthValue())).append(spaces(r)).append(day(r, d.getDayOfMonth())).append(' ')
                    .append(String.format("%02d:%02d", d.getHour(), d.getMinute()));
            return t;
        }
        LocalDateTime d = LocalDateTime.of(1900 + r.nextInt(1100), 1, 1, 0, 0).plusDays(r.nextInt(366))
                .plusMinutes(form == 1 ? r.nextInt(1440) : 0);
        if (form == 1) { // long-iso
            line.append(String.format("%04d-%02d-%02d %02d:%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                    d.getHour(), d.getMinute()));
        } else {
            line.append(month(r, d.getMonthValue())).append(spaces(r)).append(day(r, d.getDayOfMonth()))
                    .append("  ").append(d.getYear());
        }
        return d.toInstant(ZoneOffset.UTC);
    }

    private static String month(Random r, int m) {
        return switch (r.nextInt(5)) {
            case 0 -> m + "月";
            case 1 -> MONTHS[m - 1].toUpperCase(Locale.ROOT);
            case 2 -> MONTHS[m - 1].toLowerCase(Locale.ROOT);
            default -> MONTHS[m - 1];
        };
    }

    private static String day(Random r, int d) {
        return r.nextBoolean() ? String.format("%02d", d) : Integer.toString(d);
    }

    // ---- DOS / IIS

    /** A valid DOS-style line: 2- or 4-digit years, 12- or 24-hour times, sizes with or without grouping. */
    static Generated dos(Random r) {
        boolean shortYear = r.nextBoolean();
        LocalDateTime d = LocalDateTime.of(shortYear ? 1970 : 1601 + r.nextInt(400), 1, 1, 0, 0)
                .plusDays(r.nextInt(shortYear ? 100 * 365 : 365)).plusMinutes(r.nextInt(1440));
        char sep = r.nextBoolean() ? '-' : '/';
        StringBuilder line = new StringBuilder(String.format("%02d%c%02d%c", d.getMonthValue(), sep, d.getDayOfMonth(), sep))
                .append(shortYear ? String.format("%02d", d.getYear() % 100) : Integer.toString(d.getYear()))
                .append(spaces(r));
        int h = d.getHour();
        if (r.nextBoolean()) {
            line.append(String.format(r.nextBoolean() ? "%02d:%02d" : "%d:%02d", h, d.getMinute()));
        } else {
            String ampm = h < 12 ? "AM" : "PM";
            ampm = r.nextBoolean() ? ampm : r.nextBoolean() ? ampm.toLowerCase(Locale.ROOT) : ampm.charAt(0) + "m";
            line.append(String.format("%02d:%02d", h % 12 == 0 ? 12 : h % 12, d.getMinute()))
                    .append(r.nextBoolean() ? "" : " ").append(ampm);
        }
        line.append(spaces(r));
        Type type;
        long size = -1;
        String name = name(r);
        while (name.replace(" ", "").replace("\t", "").isEmpty()) { // Windows has no names of blanks only
            name = name(r);
        }
        String target = null;
        int kind = r.nextInt(6);
        if (kind < 3) {
            type = Type.FILE;
            size = size(r);
            line.append(r.nextBoolean() ? String.format(Locale.ROOT, "%,d", size) : Long.toString(size)).append(' ')
                    .append(name);
        } else {
            name = name.stripLeading();
            while (name.isEmpty() || name.charAt(0) == '\t' || name.endsWith("]")) {
                name = name(r).stripLeading();
            }
            String tag = kind == 3 ? "<DIR>" : kind == 4 ? Fuzz.pick(r, new String[] {"<JUNCTION>", "<SYMLINKD>",
                "<SYMLINK>"}) : "<WEIRD>";
            type = kind == 3 ? Type.DIR : kind == 4 ? Type.LINK : Type.OTHER;
            line.append(tag).append(spaces(r)).append(name);
            if (kind == 4 && r.nextBoolean()) {
                target = "C:\\" + name(r).replace(" [", "_").replace("\r", "_").replace("\n", "_");
                line.append(" [").append(target).append(']');
            }
        }
        String l = line.toString();
        return new Generated(l, FtpEntry.builder(type, name, l).size(size).modified(d.toInstant(ZoneOffset.UTC))
                .target(target).build());
    }

    // ---- machine listings

    private static final String[][] TYPES = {{"file", "FILE"}, {"dir", "DIR"}, {"cdir", "DIR"}, {"pdir", "DIR"},
        {"OS.unix=symlink", "LINK"}, {"OS.unix=slink", "LINK"}, {"OS.unix=slink:", "LINK"}, {"OS.unix=chr-1/3", "OTHER"},
        {"weird", "OTHER"}};
    private static final String[] OTHER_FACTS = {"unique", "lang", "media-type", "UNIX.mode", "charset", "x.y_z-1"};

    /**
     * A valid machine-listing line ({@code facts; name}), in random fact order and case; now and then with bad
     * size or modify values (which leave the field empty), without facts ({@code " name"}) or without the last ';'.
     */
    static Generated mlsx(Random r) {
        int form = r.nextInt(10); // 0: no facts, 1: no trailing ';', else standard
        java.util.List<String[]> facts = new java.util.ArrayList<>();
        Type type = Type.OTHER;
        String target = null;
        long size = -1;
        Instant modified = null;
        String perm = null;
        String[] owner = null;
        String[] group = null;
        if (r.nextInt(5) > 0) {
            String[] t = Fuzz.pick(r, TYPES);
            String value = t[0].equals("OS.unix=slink:") ? t[0] + value(r, form == 1) : t[0];
            value = r.nextBoolean() ? value : value.toUpperCase(Locale.ROOT);
            facts.add(new String[] {"type", value});
            type = Type.valueOf(t[1]);
            target = t[0].equals("OS.unix=slink:") && value.length() > t[0].length() ? value.substring(t[0].length()) : null;
        }
        long sizeValue = size(r);
        boolean sizeOk = r.nextInt(6) > 0;
        if (r.nextInt(4) > 0) {
            facts.add(new String[] {"size", sizeOk ? Long.toString(sizeValue) : "1e3"});
            size = sizeOk ? sizeValue : -1;
        }
        if (r.nextInt(4) == 0) {
            long sizd = size(r);
            facts.add(new String[] {"sizd", Long.toString(sizd)});
            size = size >= 0 ? size : sizd;
        }
        if (r.nextInt(4) > 0) {
            LocalDateTime d = LocalDateTime.of(1 + r.nextInt(9998), 1, 1, 0, 0).plusSeconds(r.nextInt(365 * 86400));
            int digits = r.nextInt(3) == 0 ? 1 + r.nextInt(9) : 0;
            int frac = digits == 0 ? 0 : r.nextInt((int) Math.pow(10, digits));
            boolean bad = r.nextInt(8) == 0;
            String v = String.format("%04d%02d%02d%02d%02d%02d", d.getYear(), bad ? 13 : d.getMonthValue(),
                    d.getDayOfMonth(), d.getHour(), d.getMinute(), d.getSecond())
                    + (digits == 0 ? "" : "." + String.format("%0" + digits + "d", frac));
            facts.add(new String[] {"modify", v});
            modified = bad ? null : d.toInstant(ZoneOffset.UTC).plusNanos(digits == 0 ? 0
                    : frac * (long) Math.pow(10, 9 - digits));
        }
        if (r.nextBoolean()) {
            perm = "acdeflmprw".substring(r.nextInt(5), 5 + r.nextInt(6));
            facts.add(new String[] {"perm", perm});
        }
        String[][] owners = {{"unix.uid", "3"}, {"unix.owner", "2"}, {"unix.ownername", "1"}};
        String[][] groups = {{"unix.gid", "3"}, {"unix.group", "2"}, {"unix.groupname", "1"}};
        for (int i = 0; i < 3; i++) {
            if (r.nextBoolean()) {
                String v = value(r, form == 1);
                facts.add(new String[] {owners[i][0], v});
                owner = owner == null || owners[i][1].compareTo(owner[1]) < 0 ? new String[] {v, owners[i][1]} : owner;
            }
            if (r.nextBoolean()) {
                String v = value(r, form == 1);
                facts.add(new String[] {groups[i][0], v});
                group = group == null || groups[i][1].compareTo(group[1]) < 0 ? new String[] {v, groups[i][1]} : group;
            }
        }
        if (r.nextBoolean()) {
            facts.add(new String[] {Fuzz.pick(r, OTHER_FACTS), value(r, form == 1)});
        }
        java.util.Collections.shuffle(facts, r);
        String name = name(r);
        if (form == 0 || facts.isEmpty()) {
            String l = " " + name;
            return new Generated(l, FtpEntry.builder(Type.OTHER, name, l).build());
        }
        while (form == 1 && name.contains("; ")) {
            name = name(r);
        }
        StringBuilder line = new StringBuilder();
        for (String[] f : facts) {
            line.append(r.nextBoolean() ? f[0] : f[0].toUpperCase(Locale.ROOT)).append('=').append(f[1]).append(';');
        }
        if (form == 1) {
            line.setLength(line.length() - 1);
        }
        String l = line.append(' ').append(name).toString();
        FtpEntry.Builder b = FtpEntry.builder(type, name, l).target(target).size(size).modified(modified)
                .permissions(perm).owner(owner == null ? null : owner[0]).group(group == null ? null : group[0]);
        facts.forEach(f -> b.fact(f[0], f[1]));
        return new Generated(l, b.build());
    }

    /** A fact value: no ';', and without spaces when the facts are not ended by "; ". */
    private static String value(Random r, boolean noSpaces) {
        String v = Fuzz.randomText(r, 16, "=", "中文", "/");
        return v.replace(";", "").replace(noSpaces ? " " : ";", noSpaces ? "_" : "");
    }
}
