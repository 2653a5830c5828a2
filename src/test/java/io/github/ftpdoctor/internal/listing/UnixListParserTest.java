package io.github.ftpdoctor.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.FtpEntry.Type;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UnixListParserTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    private static FtpEntry parse(String line) {
        FtpEntry e = UnixListParser.parseLine(line, CLOCK);
        assertNotNull(e, line);
        return e;
    }

    private static FtpEntry parseAt(String line, String now) {
        return UnixListParser.parseLine(line, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    @Test
    void vsftpdYearFormWithNumericOwners() {
        String line = "-rw-r--r--    1 1000     1000            5 Feb 03  2001 hello.txt";
        FtpEntry e = parse(line);
        assertEquals("hello.txt", e.name());
        assertEquals(Type.FILE, e.type());
        assertEquals(OptionalLong.of(5), e.size());
        assertEquals(Optional.of(Instant.parse("2001-02-03T00:00:00Z")), e.modified());
        assertEquals("rw-r--r--", e.permissions());
        assertEquals("1000", e.owner());
        assertEquals("1000", e.group());
        assertEquals(line, e.raw());
        assertEquals(0, e.facts().size());
    }

    @Test
    void vsftpdDirectoryWithTime() {
        FtpEntry e = parseAt("drwxr-xr-x    2 0        0            6 Nov 27 10:00 sub", "2026-01-15T00:00:00Z");
        assertEquals("sub", e.name());
        assertEquals(Type.DIR, e.type());
        assertEquals(OptionalLong.of(6), e.size());
        assertEquals(Optional.of(Instant.parse("2025-11-27T10:00:00Z")), e.modified());
        assertEquals("rwxr-xr-x", e.permissions());
        assertEquals("0", e.owner());
        assertEquals("0", e.group());
    }

    @Test
    void vsftpdSymlink() {
        FtpEntry e = parse("lrwxrwxrwx    1 0        0               9 Mar 01 10:00 link -> hello.txt");
        assertEquals(Type.LINK, e.type());
        assertEquals("link", e.name());
        assertEquals("hello.txt", e.target());
        FtpEntry spaced = parse("lrwxrwxrwx 1 u g 20 Mar 01 10:00 my link -> ../some dir/x");
        assertEquals("my link", spaced.name());
        assertEquals("../some dir/x", spaced.target());
    }

    @Test
    void proftpdFile() {
        FtpEntry e = parse("-rw-r--r--   1 ftp      ftp          1024 Nov 27 10:00 file");
        assertEquals("file", e.name());
        assertEquals(OptionalLong.of(1024), e.size());
        assertEquals("ftp", e.owner());
        assertEquals("ftp", e.group());
        assertEquals(Optional.of(Instant.parse("2025-11-27T10:00:00Z")), e.modified());
    }

    @Test
    void pureFtpd() {
        FtpEntry f = parse("-rw-r--r--    1 1000       1000              5 Mar  9 10:00 hello.txt");
        assertEquals("hello.txt", f.name());
        assertEquals(Optional.of(Instant.parse("2026-03-09T10:00:00Z")), f.modified());
        FtpEntry d = parse("drwxr-xr-x    2 1000       1000             4096 Mar  9 10:00 sub");
        assertEquals(Type.DIR, d.type());
        assertEquals(OptionalLong.of(4096), d.size());
    }

    @Test
    void missingGroupOrLinkColumn() {
        FtpEntry noGroup = parse("-rw-r--r--   1 owner        1024 Nov 27 10:00 a.txt");
        assertEquals("owner", noGroup.owner());
        assertNull(noGroup.group());
        assertEquals(OptionalLong.of(1024), noGroup.size());
        FtpEntry noLinks = parse("-rw-r--r-- owner group 1024 Nov 27 10:00 b.txt");
        assertEquals("owner", noLinks.owner());
        assertEquals("group", noLinks.group());
        FtpEntry sizeOnly = parse("-rw-r--r-- 77 Nov 27 10:00 c.txt");
        assertEquals(OptionalLong.of(77), sizeOnly.size());
        assertNull(sizeOnly.owner());
    }

    @Test
    void namesWithSpacesAndLeadingSpacesAreKeptExactly() {
        assertEquals("my file name.txt", parse("-rw-r--r-- 1 ftp ftp 5 Nov 27 10:00 my file name.txt").name());
        assertEquals(" leading", parse("-rw-r--r-- 1 ftp ftp 5 Nov 27 10:00  leading").name());
        assertEquals("   three", parse("-rw-r--r-- 1 ftp ftp 5 Feb 03  2001    three").name());
        assertEquals("trailing  ", parse("-rw-r--r-- 1 ftp ftp 5 Feb 03  2001 trailing  ").name());
        assertEquals("Jan 5 10:00 x", parse("-rw-r--r-- 1 ftp ftp 5 Feb 03  2001 Jan 5 10:00 x").name());
    }

    @Test
    void chineseNamesAndChineseMonths() {
        assertEquals("中文 文件.txt", parse("-rw-r--r--    1 1000     1000         5 Feb 03  2001 中文 文件.txt").name());
        FtpEntry e = parse("-rw-r--r-- 1 root root 0 1月 5 14:03 报告.doc");
        assertEquals("报告.doc", e.name());
        assertEquals(Optional.of(Instant.parse("2026-01-05T14:03:00Z")), e.modified());
        assertEquals("a", parse("-rw-r--r-- 1 root root 0 12月 25  2019 a").name());
    }

    @Test
    void sizesOverFourGib() {
        assertEquals(OptionalLong.of(5_368_709_120L),
                parse("-rw-r--r--    1 1000     1000     5368709120 Feb 03  2001 big.iso").size());
        assertEquals(OptionalLong.of(Long.parseLong("999999999999999999")),
                parse("-rw-r--r-- 1 a b 999999999999999999 Feb 03  2001 huge").size());
    }

    @Test
    void devicesHaveNoSize() {
        FtpEntry c = parse("crw-rw-rw- 1 root root 1, 3 Jan 1 2020 null");
        assertEquals(Type.OTHER, c.type());
        assertEquals("null", c.name());
        assertEquals(OptionalLong.empty(), c.size());
        assertEquals("root", c.owner());
        assertEquals("root", c.group());
        assertEquals(Optional.of(Instant.parse("2020-01-01T00:00:00Z")), c.modified());
        FtpEntry b = parse("brw-rw----  1 root disk 8,   0 Jan 1 2020 sda");
        assertEquals("sda", b.name());
        assertEquals("disk", b.group());
        assertEquals(OptionalLong.empty(), b.size());
        assertEquals("tty", parse("crw--w---- 1 root tty 4,1 Jan 1 2020 tty").name());
    }

    @Test
    void aclMarkersAndAllTypes() {
        assertEquals("rw-r--r--", parse("-rw-r--r--+ 1 ftp ftp 5 Feb 03  2001 acl").permissions());
        assertEquals(Type.FILE, parse("-rw-r--r--@ 1 ftp ftp 5 Feb 03  2001 mac").type());
        assertEquals(Type.FILE, parse("-rw-r--r--. 1 ftp ftp 5 Feb 03  2001 selinux").type());
        assertEquals(Type.OTHER, parse("prw-r--r-- 1 ftp ftp 0 Feb 03  2001 fifo").type());
        assertEquals(Type.OTHER, parse("srwxrwxrwx 1 ftp ftp 0 Feb 03  2001 sock").type());
        assertEquals("rwsr-sr-t", parse("-rwsr-sr-t 1 ftp ftp 0 Feb 03  2001 sticky").permissions());
    }

    @Test
    void longIsoDates() {
        FtpEntry e = parse("-rw-r--r-- 1 ftp ftp 5 2024-01-15 14:03 iso name.txt");
        assertEquals("iso name.txt", e.name());
        assertEquals(Optional.of(Instant.parse("2024-01-15T14:03:00Z")), e.modified());
    }

    @Test
    void impossibleDateKeepsEntryWithoutTime() {
        FtpEntry e = parse("-rw-r--r-- 1 ftp ftp 5 Feb 31  2001 x");
        assertEquals("x", e.name());
        assertEquals(Optional.empty(), e.modified());
    }

    @Test
    void yearInferenceAtYearBoundary() {
        String now = "2026-01-03T12:00:00Z";
        assertEquals(Instant.parse("2025-12-30T10:00:00Z"),
                parseAt("-rw-r--r-- 1 ftp ftp 5 Dec 30 10:00 old", now).modified().orElseThrow());
        assertEquals(Instant.parse("2026-01-02T10:00:00Z"),
                parseAt("-rw-r--r-- 1 ftp ftp 5 Jan  2 10:00 new", now).modified().orElseThrow());
        // server clock ahead of ours on new year's eve: a small step into the future, not a year back
        assertEquals(Instant.parse("2026-01-01T00:30:00Z"),
                parseAt("-rw-r--r-- 1 ftp ftp 5 Jan  1 00:30 ahead", "2025-12-31T23:00:00Z").modified().orElseThrow());
        // far more than six months ahead: last year
        assertEquals(Instant.parse("2025-11-20T10:00:00Z"),
                parseAt("-rw-r--r-- 1 ftp ftp 5 Nov 20 10:00 x", "2026-03-01T00:00:00Z").modified().orElseThrow());
        // today
        assertEquals(Instant.parse("2026-07-01T08:00:00Z"),
                parseAt("-rw-r--r-- 1 ftp ftp 5 Jul  1 08:00 x", "2026-07-01T09:00:00Z").modified().orElseThrow());
    }

    @Test
    void yearInferenceNeverMoreThanAboutSixMonthsAhead() {
        Instant now = Instant.parse("2026-05-17T06:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        for (int month = 1; month <= 12; month++) {
            for (int day = 1; day <= 28; day++) {
                Instant t = UnixListParser.inferDate(month, day, 12, 0, clock);
                long days = java.time.Duration.between(now, t).toDays();
                assertEquals(true, days <= 184 && days >= -184, month + "/" + day + " -> " + t);
            }
        }
    }

    @Test
    void february29PicksALeapYear() {
        assertEquals(Instant.parse("2024-02-29T12:00:00Z"),
                parseAt("-rw-r--r-- 1 ftp ftp 5 Feb 29 12:00 leap", "2025-03-01T00:00:00Z").modified().orElseThrow());
    }

    @Test
    void notUnixLines() {
        Clock c = CLOCK;
        assertNull(UnixListParser.parseLine("total 0", c));
        assertNull(UnixListParser.parseLine("total 123", c));
        assertNull(UnixListParser.parseLine("", c));
        assertNull(UnixListParser.parseLine(null, c));
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 ftp ftp 5 Feb 03  2001", c), "no name");
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 ftp ftp 5 Feb 03  2001 ", c), "nothing after the space");
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 ftp ftp five Feb 03  2001 x", c), "size not a number");
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 ftp ftp 5 Foo 03  2001 x", c));
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 ftp ftp 5 Feb 32  2001 x", c));
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 ftp ftp 5 Feb 03 25:00 x", c));
        assertNull(UnixListParser.parseLine("xrw-r--r-- 1 ftp ftp 5 Feb 03  2001 x", c));
        assertNull(UnixListParser.parseLine("-rw-r--r--xyz 1 ftp ftp 5 Feb 03  2001 x", c));
        assertNull(UnixListParser.parseLine("01-15-24  02:30PM       <DIR>          My Folder", c));
        assertNull(UnixListParser.parseLine("type=file;size=5; x", c));
    }

    @Test
    void trailingCarriageReturnIsNotPartOfTheName() {
        assertEquals("a.txt", parse("-rw-r--r-- 1 ftp ftp 5 Feb 03  2001 a.txt\r").name());
    }
}
