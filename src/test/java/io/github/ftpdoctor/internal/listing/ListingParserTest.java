package io.github.ftpdoctor.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.FtpEntry.Type;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ListingParserTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-03T12:00:00Z"), ZoneOffset.UTC);

    private static final List<String> REAL_LINES = List.of(
            "total 8",
            "-rw-r--r--    1 1000     1000            5 Feb 03  2001 hello.txt",
            "drwxr-xr-x    2 0        0            6 Nov 27 10:00 sub",
            "lrwxrwxrwx    1 0        0               9 Nov 27 10:00 link -> hello.txt",
            "-rw-r--r--   1 ftp      ftp          1024 Nov 27 10:00 file",
            "-rw-r--r--    1 1000       1000              5 Dec 30 10:00 pure.txt",
            "crw-rw-rw- 1 root root 1, 3 Jan 1 2020 null",
            "-rw-r--r--+ 1 ftp ftp 5368709120 Jan  2 23:59  leading space.iso",
            "-rw-r--r-- 1 ftp ftp 12 Feb 03  2001 中文 名字.txt",
            "01-15-24  02:30PM       <DIR>          My Folder",
            "01-15-2024  14:30  1234567 file name.txt",
            "modify=20260102030405;perm=adfr;size=5;type=file;unique=FD00U1;UNIX.group=0;UNIX.mode=0644;UNIX.owner=0;"
                    + " hello.txt",
            "type=OS.unix=slink:/target;sizd=4096;modify=20260102030405;UNIX.mode=0777; link",
            "modify=20260102030405;perm=adfr;size=9;type=OS.unix=symlink;unique=FD00U4; symlink",
            "Size=5;Modify=20260102030405.123;Type=file; a;b=c d.txt",
            "type=cdir;modify=20260102030405; .",
            "type=pdir;modify=20260102030405; ..",
            "drwxr-xr-x    2 0        0            6 Nov 27 10:00 .",
            "01-15-24  02:30PM                 1234 file.txt");

    @Test
    void mixedRealListingKeepsEveryLine() {
        List<String> lines = new ArrayList<>(REAL_LINES);
        lines.add("");
        lines.add("   ");
        lines.add("this is not a listing line");
        lines.add("total 0");
        List<FtpEntry> entries = ListingParser.parseList(lines, CLOCK);
        List<String> names = entries.stream().map(FtpEntry::name).collect(Collectors.toList());
        assertEquals(List.of("hello.txt", "sub", "link", "file", "pure.txt", "null", " leading space.iso",
                "中文 名字.txt", "My Folder", "file name.txt", "hello.txt", "link", "symlink", "a;b=c d.txt",
                "file.txt", "this is not a listing line"), names);
        assertEquals(Type.UNPARSED, entries.get(entries.size() - 1).type());
        assertEquals(Instant.parse("2025-11-27T10:00:00Z"), entries.get(1).modified().orElseThrow());
        assertEquals(Instant.parse("2025-12-30T10:00:00Z"), entries.get(4).modified().orElseThrow());
        assertEquals(Instant.parse("2026-01-02T23:59:00Z"), entries.get(6).modified().orElseThrow());
        assertEquals(OptionalLong.of(5_368_709_120L), entries.get(6).size());
        assertEquals("/target", entries.get(11).target());
        assertEquals(Type.LINK, entries.get(12).type());
        for (FtpEntry e : entries) {
            assertTrue(lines.contains(e.raw()), e.raw());
        }
    }

    @Test
    void totalLinesAreSkippedNotUnparsed() {
        assertEquals(List.of(), ListingParser.parseList(List.of("total 0"), CLOCK));
        for (String t : new String[] {"total 0", "total 123", "Total 8", "  total 4.0K", "total 1,2G", "总用量 0",
                                      "总计 16", "insgesamt 12", "total 0\r"}) {
            assertTrue(ListingParser.isTotalLine(t), t);
        }
        for (String t : new String[] {"total", "total x", "total 1 2", "totally 5", "total K", null}) {
            assertFalse(ListingParser.isTotalLine(t), String.valueOf(t));
        }
        List<FtpEntry> notTotal = ListingParser.parseList(List.of("total fail"), CLOCK);
        assertEquals(Type.UNPARSED, notTotal.get(0).type());
    }

    @Test
    void garbageBecomesUnparsedWithTrimmedName() {
        List<String> lines = List.of("  Permission denied  ", "drwx", "-rw-r--r-- 1 ftp ftp 5", "ls: cannot open",
                "550 No files found", "\u0000\u0001binary", "01-15-24", ";;;;", "= ; =");
        List<FtpEntry> entries = ListingParser.parseList(lines, CLOCK);
        assertEquals(lines.size(), entries.size());
        for (int i = 0; i < lines.size(); i++) {
            FtpEntry e = entries.get(i);
            assertEquals(Type.UNPARSED, e.type(), lines.get(i));
            assertEquals(lines.get(i), e.raw());
            assertEquals(lines.get(i).trim(), e.name());
            assertEquals(OptionalLong.empty(), e.size());
            assertEquals(Optional.empty(), e.modified());
        }
    }

    @Test
    void parseListLineSkipsOnlyBlankAndTotal() {
        assertNull(ListingParser.parseListLine("", CLOCK));
        assertNull(ListingParser.parseListLine(" \t ", CLOCK));
        assertNull(ListingParser.parseListLine("total 0", CLOCK));
        assertNull(ListingParser.parseListLine(null, CLOCK));
        assertEquals(".", ListingParser.parseListLine("drwxr-xr-x 2 0 0 6 Nov 27 10:00 .", CLOCK).name());
        assertEquals(Type.UNPARSED, ListingParser.parseListLine("?", CLOCK).type());
    }

    @Test
    void parseListWithDefaultClockAndNull() {
        assertEquals(1, ListingParser.parseList(List.of("-rw-r--r-- 1 ftp ftp 5 Nov 27 10:00 file")).size());
        assertEquals(List.of(), ListingParser.parseList(null, CLOCK));
        assertEquals(List.of(), ListingParser.parseList(Arrays.asList(null, "", "total 0"), CLOCK));
    }

    @Test
    void mlsdDropsCdirPdirAndKeepsBadLines() {
        List<FtpEntry> entries = ListingParser.parseMlsd(List.of(
                "modify=20260102030405;perm=flcdmpe;type=cdir;unique=FD00U2;UNIX.group=0;UNIX.mode=0755;UNIX.owner=0; .",
                "modify=20260102030405;perm=flcdmpe;type=pdir;unique=FD00U3;UNIX.group=0;UNIX.mode=0755;UNIX.owner=0; ..",
                "modify=20260102030405;perm=adfr;size=5;type=file;unique=FD00U1;UNIX.group=0;UNIX.mode=0644;UNIX.owner=0;"
                        + " hello.txt",
                "type=dir;modify=20260102030405; my dir",
                "",
                "not an mlsd line",
                "type=file;size=1;  中文; name"));
        assertEquals(List.of("hello.txt", "my dir", "not an mlsd line", " 中文; name"),
                entries.stream().map(FtpEntry::name).collect(Collectors.toList()));
        assertEquals(List.of(Type.FILE, Type.DIR, Type.UNPARSED, Type.FILE),
                entries.stream().map(FtpEntry::type).collect(Collectors.toList()));
        assertEquals(List.of(), ListingParser.parseMlsd(null));
    }

    @Test
    void nlstGivesNamesOnly() {
        List<FtpEntry> entries = ListingParser.parseNlst(
                Arrays.asList("hello.txt", "sub/inner.txt", " leading", "with space", "中文.txt", ".", "..", "", null,
                        "dir/", "a.txt\r"));
        assertEquals(List.of("hello.txt", "inner.txt", " leading", "with space", "中文.txt", "dir", "a.txt"),
                entries.stream().map(FtpEntry::name).collect(Collectors.toList()));
        for (FtpEntry e : entries) {
            assertEquals(Type.OTHER, e.type());
            assertEquals(OptionalLong.empty(), e.size());
            assertEquals(Optional.empty(), e.modified());
        }
        assertEquals("sub/inner.txt", entries.get(1).raw());
        assertEquals(List.of(), ListingParser.parseNlst(null));
    }

    @Test
    void ftpEntryValueSemantics() {
        FtpEntry a = FtpEntry.builder(Type.FILE, "a", "raw").size(5).modified(Instant.EPOCH).fact("Size", "5")
                .permissions("rw-r--r--").owner("o").group("g").build();
        FtpEntry b = FtpEntry.builder(Type.FILE, "a", "raw").size(5).modified(Instant.EPOCH).fact("SIZE", "5")
                .permissions("rw-r--r--").owner("o").group("g").build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("5", a.facts().get("size"));
        assertNotEquals(a, FtpEntry.builder(Type.FILE, "a", "raw").build());
        assertThrows(UnsupportedOperationException.class, () -> a.facts().put("x", "y"));
        assertTrue(a.toString().contains("FILE") && a.toString().contains("\"a\"") && a.toString().contains("size=5"));
        FtpEntry link = FtpEntry.builder(Type.LINK, "l", "raw").target("t").size(-7).build();
        assertEquals(OptionalLong.empty(), link.size());
        assertTrue(link.toString().contains("-> \"t\""));
        FtpEntry u = FtpEntry.unparsed("  junk  ");
        assertEquals(Type.UNPARSED, u.type());
        assertEquals("junk", u.name());
        assertEquals("  junk  ", u.raw());
        assertThrows(NullPointerException.class, () -> FtpEntry.builder(Type.FILE, null, "raw").build());
        assertThrows(NullPointerException.class, () -> FtpEntry.builder(Type.FILE, "n", null).build());
    }

    /** 10,000 random and mutated lines from a fixed seed: no parser ever throws, and no line is lost. */
    @Test
    void fuzzedLinesNeverThrowAndAreNeverDropped() {
        Random random = new Random(20260103L);
        String alphabet = " \t-rwxdlspbcD+@.0123456789:;=,/<>[]AMPJanFebDecNovtotalsizemodifytype中文月\r";
        List<String> seeds = new ArrayList<>(REAL_LINES);
        seeds.add(" type=file;size=5; /pub/x");
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < 10_000; n++) {
            String line;
            switch (random.nextInt(5)) {
                case 0: {
                    StringBuilder sb = new StringBuilder();
                    int len = random.nextInt(80);
                    for (int i = 0; i < len; i++) {
                        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    line = sb.toString();
                    break;
                }
                case 1: {
                    StringBuilder sb = new StringBuilder();
                    int len = random.nextInt(60);
                    for (int i = 0; i < len; i++) {
                        sb.append((char) random.nextInt(0x10000));
                    }
                    line = sb.toString();
                    break;
                }
                default: {
                    StringBuilder sb = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
                    int mutations = 1 + random.nextInt(4);
                    for (int m = 0; m < mutations && sb.length() > 0; m++) {
                        int at = random.nextInt(sb.length());
                        char c = alphabet.charAt(random.nextInt(alphabet.length()));
                        switch (random.nextInt(4)) {
                            case 0: sb.setCharAt(at, c); break;
                            case 1: sb.deleteCharAt(at); break;
                            case 2: sb.insert(at, c); break;
                            default: sb.setLength(at); break;
                        }
                    }
                    line = sb.toString();
                    break;
                }
            }
            lines.add(line);
            FtpEntry entry = ListingParser.parseListLine(line, CLOCK);
            if (entry == null) {
                String stripped = ListingParser.stripCr(line);
                assertTrue(stripped.isBlank() || ListingParser.isTotalLine(stripped), line);
            } else {
                assertEquals(line, entry.raw());
                assertNotNull(entry.name());
                assertNotNull(entry.type());
                assertTrue(entry.type() == Type.UNPARSED || !entry.name().isEmpty(), line);
            }
            UnixListParser.parseLine(line, CLOCK);
            DosListParser.parseLine(line);
            MlsxParser.parseLine(line);
            MlsxParser.parseMlstLine(line);
        }
        List<FtpEntry> all = ListingParser.parseList(lines, CLOCK);
        long kept = lines.stream().map(l -> ListingParser.parseListLine(l, CLOCK))
                .filter(e -> e != null && !ListingParser.isCurrentOrParent(e)).count();
        assertEquals(kept, all.size());
        assertNotNull(ListingParser.parseMlsd(lines));
        assertNotNull(ListingParser.parseNlst(lines));
        assertNotNull(MlsxParser.parseMlstReply(lines));
    }

    /**
     * Long pathological lines each come back as exactly one entry, the line kept whole, read as what it is. How the
     * time grows with the length is measured by {@code bench/ListingLinearityBench.java}, not asserted here; the
     * timeout is only a safety net against a hang.
     */
    @Test
    void longPathologicalLinesComeBackWhole() {
        String spaces = " ".repeat(200_000);
        String many = "Jan 1 ".repeat(50_000);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
            FtpEntry blanks = only(spaces + "x");
            assertEquals(FtpEntry.Type.UNPARSED, blanks.type());

            FtpEntry dates = only("-rw-r--r-- " + many + "x");
            assertEquals(FtpEntry.Type.UNPARSED, dates.type(), "no owner, group or size: not an ls -l line");
            assertNull(MlsxParser.parseLine("-rw-r--r-- " + many + "x"));

            FtpEntry facts = only("a=b;".repeat(50_000) + " x");
            assertEquals(FtpEntry.Type.OTHER, facts.type(), "50,000 unknown facts, no type fact");
            assertEquals("x", facts.name());

            FtpEntry dos = only("01-15-24 " + spaces);
            assertEquals(FtpEntry.Type.UNPARSED, dos.type(), "a DOS date without time, size or name");

            FtpEntry file = only("-rw-r--r-- 1 a b 5 Jan 1 10:00" + spaces);
            assertEquals(FtpEntry.Type.FILE, file.type());
            assertEquals(5L, file.size().orElseThrow());
            assertEquals(spaces.substring(1), file.name(), "after the one separating blank, blanks are the name");
        });
    }

    private static FtpEntry only(String line) {
        List<FtpEntry> entries = ListingParser.parseList(List.of(line), CLOCK);
        assertEquals(1, entries.size(), "one line, one entry");
        assertEquals(line, entries.get(0).raw(), "the raw line is kept whole");
        return entries.get(0);
    }
}
