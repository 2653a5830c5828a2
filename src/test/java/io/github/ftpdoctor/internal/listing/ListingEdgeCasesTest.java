package io.github.ftpdoctor.internal.listing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Boundaries of the listing parsers that the format examples and properties left open (found by mutation testing):
 * exact lengths, first and last characters of ranges, repeated facts, tokens at the start or end of a line.
 */
class ListingEdgeCasesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);

    // ---- ListingParser ----

    @Test
    void tokenizeGivesStartAndEndOfEachBlankSeparatedToken() {
        assertArrayEquals(new int[] {2, 4, 5, 6}, ListingParser.tokenize("  ab c \t", 5));
        assertArrayEquals(new int[] {0, 1, 2, 3}, ListingParser.tokenize("a b c", 2), "at most max tokens");
        assertArrayEquals(new int[] {0, 1, 2, 3}, ListingParser.tokenize("a b", 2), "exactly max tokens");
        assertArrayEquals(new int[0], ListingParser.tokenize(" \t ", 3));
        assertArrayEquals(new int[0], ListingParser.tokenize("", 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"total 0", "total 9", "total 4k", "total 4K", "total 1.5G", "total 1,024", "总用量 0",
        "TOTAL 12", "  total 7  "})
    void totalLines(String line) {
        assertTrue(ListingParser.isTotalLine(line), line);
        assertTrue(ListingParser.parseList(List.of(line, "-rw-r--r-- 1 a b 5 Jan 1 10:00 f"), CLOCK).size() == 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"total", "total ", "totalx 5", "total k", "total 5x", "total -5", "total 5 files", "totals 5"})
    void notTotalLines(String line) {
        assertFalse(ListingParser.isTotalLine(line), line);
    }

    @Test
    void lastComponentOfNlstPaths() {
        assertEquals("b", ListingParser.lastComponent("a/b"));
        assertEquals("b", ListingParser.lastComponent("/a/b/"));
        assertEquals("b", ListingParser.lastComponent("a/b//"));
        assertEquals("/", ListingParser.lastComponent("/"), "the root stays itself");
        assertEquals("//", ListingParser.lastComponent("//"));
        assertEquals("x", ListingParser.lastComponent("x"));
        assertEquals("a", ListingParser.lastComponent("a/"));
    }

    @Test
    void nullListsGiveEmptyLists() {
        assertTrue(ListingParser.parseList(null, CLOCK).isEmpty());
        assertTrue(ListingParser.parseMlsd(null).isEmpty());
        assertTrue(ListingParser.parseNlst(null).isEmpty());
        assertEquals(Optional.empty(), MlsxParser.parseMlstReply(null));
    }

    // ---- DosListParser ----

    @Test
    void dosLineWithLeadingBlanksParses() {
        FtpEntry e = DosListParser.parseLine("   01-15-24  10:00AM       <DIR>          sub dir");
        assertNotNull(e);
        assertEquals(FtpEntry.Type.DIR, e.type());
        assertEquals("sub dir", e.name());
        assertEquals(Instant.parse("2024-01-15T10:00:00Z"), e.modified().orElseThrow());
    }

    @Test
    void dosSizeAtTheEndOfTheLineWithoutANameIsNoEntry() {
        assertNull(DosListParser.parseLine("01-15-24 10:00 AM 123"));
        assertNull(DosListParser.parseLine("01-15-24 10:00 AM 123 "));
        FtpEntry e = DosListParser.parseLine("01-15-24 10:00 AM 123 x");
        assertNotNull(e);
        assertEquals(123L, e.size().orElseThrow());
        assertEquals(Instant.parse("2024-01-15T10:00:00Z"), e.modified().orElseThrow());
    }

    @Test
    void dosAngleBracketsNeedAKindBetweenThem() {
        assertNull(DosListParser.parseLine("01-15-24  10:00AM  <>  x"), "'<>' is neither a size nor a kind");
        FtpEntry other = DosListParser.parseLine("01-15-24  10:00AM  <X>  x");
        assertNotNull(other);
        assertEquals(FtpEntry.Type.OTHER, other.type());
    }

    @Test
    void dosSizesMayHaveGroupingCommasAnywhere() {
        assertEquals(1234567L, DosListParser.parseLine("01-15-24  10:00AM  1,234,567 f").size().orElseThrow());
        assertEquals(5L, DosListParser.parseLine("01-15-24  10:00AM  ,5 f").size().orElseThrow());
        assertEquals(5L, DosListParser.parseLine("01-15-24  10:00AM  5 f").size().orElseThrow());
    }

    @Test
    void dosJunctionTargetInBrackets() {
        FtpEntry e = DosListParser.parseLine("01-15-24  10:00AM  <JUNCTION>  Docs [C:\\Users\\Docs]");
        assertEquals(FtpEntry.Type.LINK, e.type());
        assertEquals("Docs", e.name());
        assertEquals("C:\\Users\\Docs", e.target());
    }

    // ---- MlsxParser ----

    @Test
    void mlsxTimeOfExactlyFourteenDigits() {
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), MlsxParser.parseTime("20240102030405"));
        assertNull(MlsxParser.parseTime("2024010203040"), "13 digits");
        assertNull(MlsxParser.parseTime("20240102030405."), "a dot without a fraction");
        assertEquals(Instant.parse("2024-01-02T03:04:05.5Z"), MlsxParser.parseTime("20240102030405.5"));
        assertNull(MlsxParser.parseTime("2024010203040/"), "'/' is just below '0'");
        assertNull(MlsxParser.parseTime("2024010203040:"), "':' is just above '9'");
        assertEquals(Instant.parse("2024-01-02T03:05:00Z"), MlsxParser.parseTime("20240102030460"), "leap second");
    }

    @Test
    void mlsxFactNamesAreLettersDigitsDotDashUnderscore() {
        FtpEntry e = MlsxParser.parseLine("aZ09z=1;A.b-c_d=2;type=file; name");
        assertNotNull(e);
        assertEquals("1", e.facts().get("az09z"));
        assertEquals("2", e.facts().get("a.b-c_d"));
        for (String bad : new String[] {"ty*pe=file; x", "ty/pe=file; x", "ty{pe=file; x", "ty@pe=file; x",
            "ty[pe=file; x", "ty`pe=file; x", "ty:pe=file; x"}) {
            assertNull(MlsxParser.parseLine(bad), bad);
        }
    }

    @Test
    void theFirstOwnerAndGroupOfEachRankWinsAndHigherRanksReplaceLower() {
        FtpEntry e = MlsxParser.parseLine("unix.uid=1;unix.uid=2;unix.gid=7;unix.gid=8; f");
        assertEquals("1", e.owner());
        assertEquals("7", e.group());
        e = MlsxParser.parseLine("unix.owner=a;unix.owner=b;unix.group=g;unix.group=h; f");
        assertEquals("a", e.owner());
        assertEquals("g", e.group());
        e = MlsxParser.parseLine("unix.owner=a;unix.uid=1;unix.group=g;unix.gid=7; f");
        assertEquals("a", e.owner(), "a name beats a number");
        assertEquals("g", e.group());
        e = MlsxParser.parseLine("unix.uid=1;unix.owner=a;unix.ownername=alice;unix.gid=7;unix.groupname=staff; f");
        assertEquals("alice", e.owner());
        assertEquals("staff", e.group());
    }

    @Test
    void mlstReplySkipsCodeLinesOnly() {
        assertEquals("hello.txt", MlsxParser.parseMlstReply(List.of("250-Listing /pub/hello.txt",
                " type=file;size=5; /pub/hello.txt", "250 End")).orElseThrow().name());
        assertEquals("f", MlsxParser.parseMlstReply(List.of("250", "type=file; f", "250 End")).orElseThrow().name(),
                "a bare code is a code line");
        // a code line is skipped, so the entry comes from the line after it; any other line is the entry line
        for (String code : new String[] {"250", "250-x", "250 x", "000 x", "999 x"}) {
            assertEquals("second", MlsxParser.parseMlstReply(List.of(code, "type=file; second")).orElseThrow().name(),
                    code);
        }
        for (String line : new String[] {"25", "2a0 x", "/50 x", ":50 x", "2/0 x", "25: x", "250x y", "250=1; x"}) {
            Optional<FtpEntry> e = MlsxParser.parseMlstReply(List.of(line, "type=file; second"));
            assertFalse(e.isPresent() && e.get().name().equals("second"), line + " is not a code line");
        }
        assertEquals(Optional.empty(), MlsxParser.parseMlstReply(List.of("250-Start", "250 End")));
    }

    // ---- UnixListParser ----

    @Test
    void unixPermissionColumnIsTenOrElevenCharacters() {
        assertNotNull(UnixListParser.parseLine("-rw-r--r--  1 a b 5 Jan  1 10:00 f", CLOCK));
        for (String acl : new String[] {"+", "@", "."}) {
            assertNotNull(UnixListParser.parseLine("-rw-r--r--" + acl + " 1 a b 5 Jan  1 10:00 f", CLOCK), acl);
        }
        assertNull(UnixListParser.parseLine("-rw-r--r--x 1 a b 5 Jan  1 10:00 f", CLOCK));
        assertNull(UnixListParser.parseLine("-rw-r--r-- x", CLOCK));
        assertNull(UnixListParser.parseLine("-rw-r--r 1 a b 5 Jan  1 10:00 f", CLOCK), "9 characters");
        assertNull(UnixListParser.parseLine("-rw-r--r--+- 1 a b 5 Jan  1 10:00 f", CLOCK), "12 characters");
        assertNull(UnixListParser.parseLine("-rw-r--r-q 1 a b 5 Jan  1 10:00 f", CLOCK), "the last mode character");
        assertNull(UnixListParser.parseLine("-qw-r--r-- 1 a b 5 Jan  1 10:00 f", CLOCK), "the first mode character");
        assertEquals("rwsr-Sr-T", UnixListParser.parseLine("-rwsr-Sr-T 1 a b 5 Jan  1 10:00 f", CLOCK)
                .permissions());
    }

    @Test
    void unixTimesAndDaysAtTheirLimits() {
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"),
                UnixListParser.parseLine("-rw-r--r-- 1 a b 5 Jan  1 00:00 f", CLOCK).modified().orElseThrow());
        assertEquals(Instant.parse("2024-01-31T23:59:00Z"),
                UnixListParser.parseLine("-rw-r--r-- 1 a b 5 Jan 31 23:59 f", CLOCK).modified().orElseThrow());
        assertEquals(Instant.parse("2024-01-01T09:05:00Z"),
                UnixListParser.parseLine("-rw-r--r-- 1 a b 5 Jan  1 9:05 f", CLOCK).modified().orElseThrow());
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 Jan 32 10:00 f", CLOCK));
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 Jan  0 10:00 f", CLOCK));
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 Jan  1 24:00 f", CLOCK));
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 Jan  1 10:60 f", CLOCK));
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 Jan  1 100:00 f", CLOCK));
        assertEquals(Instant.parse("1999-01-01T00:00:00Z"),
                UnixListParser.parseLine("-rw-r--r-- 1 a b 5 Jan  1  1999 f", CLOCK).modified().orElseThrow());
    }

    @Test
    void unixIsoDates() {
        FtpEntry e = UnixListParser.parseLine("-rw-r--r-- 1 a b 5 2024-02-29 23:59 f", CLOCK);
        assertEquals(Instant.parse("2024-02-29T23:59:00Z"), e.modified().orElseThrow());
        assertEquals("f", e.name());
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 2024-02-29 24:00 f", CLOCK));
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 2024/02/29 10:00 f", CLOCK));
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 2024-0x-29 10:00 f", CLOCK));
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 2024-02-2x 10:00 f", CLOCK));
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 20x4-02-29 10:00 f", CLOCK));
    }

    @Test
    void unixDateWithoutYearIsTheClosestToNowAndTiesGoToThePast() {
        Clock july = Clock.fixed(Instant.parse("2024-07-01T00:00:00Z"), ZoneOffset.UTC);
        // 1 January 2024 is 182 days back (2025: 184 ahead); 30 December 2024 182 ahead (2023: 184 back)
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), UnixListParser.inferDate(1, 1, 0, 0, july));
        assertEquals(Instant.parse("2024-12-30T00:00:00Z"), UnixListParser.inferDate(12, 30, 0, 0, july));
        // from 2 July 2024 both are 183 days away: the past wins
        Clock tie = Clock.fixed(Instant.parse("2024-07-02T00:00:00Z"), ZoneOffset.UTC);
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), UnixListParser.inferDate(1, 1, 0, 0, tie));
        // 29 February exists only in 2024 of 2023..2025
        assertEquals(Instant.parse("2024-02-29T10:00:00Z"), UnixListParser.inferDate(2, 29, 10, 0, tie));
        assertNull(UnixListParser.inferDate(2, 29, 10, 0, Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"),
                ZoneOffset.UTC)), "no leap year in 2025..2027");
    }

    @Test
    void unixDeviceSizesAndMetaColumns() {
        FtpEntry dev = UnixListParser.parseLine("crw-rw-rw- 1 root root 1, 3 Jan  1 10:00 null", CLOCK);
        assertEquals(FtpEntry.Type.OTHER, dev.type());
        assertEquals("root", dev.owner());
        assertEquals("root", dev.group());
        assertTrue(dev.size().isEmpty());
        FtpEntry one = UnixListParser.parseLine("-rw-r--r-- alice 5 Jan  1 10:00 f", CLOCK);
        assertEquals("alice", one.owner());
        assertNull(one.group());
        FtpEntry linksOnly = UnixListParser.parseLine("-rw-r--r-- 3 5 Jan  1 10:00 f", CLOCK);
        assertNull(linksOnly.owner());
        FtpEntry two = UnixListParser.parseLine("-rw-r--r-- 1 alice 5 Jan  1 10:00 f", CLOCK);
        assertEquals("alice", two.owner());
        assertNull(two.group());
        FtpEntry ownerGroup = UnixListParser.parseLine("-rw-r--r-- alice staff 5 Jan  1 10:00 f", CLOCK);
        assertEquals("alice", ownerGroup.owner());
        assertEquals("staff", ownerGroup.group());
        FtpEntry spaced = UnixListParser.parseLine("-rw-r--r-- 1 alice domain users 5 Jan  1 10:00 f", CLOCK);
        assertEquals("domain users", spaced.group(), "a group name with a blank");
    }

    @Test
    void unixNumbersAreAsciiDigitsUpToTheirLength() {
        assertEquals(-1, UnixListParser.number("", 0, 0, 2));
        assertEquals(-1, UnixListParser.number("123", 0, 3, 2), "too many digits");
        assertEquals(12, UnixListParser.number("12", 0, 2, 2));
        assertEquals(0, UnixListParser.number("0", 0, 1, 1));
        assertEquals(9, UnixListParser.number("9", 0, 1, 1));
        assertEquals(-1, UnixListParser.number("/", 0, 1, 1));
        assertEquals(-1, UnixListParser.number(":", 0, 1, 1));
        assertEquals(Integer.MAX_VALUE, UnixListParser.number("99999999999", 0, 11, 18), "capped");
        assertEquals(Integer.MAX_VALUE, UnixListParser.number("2147483647", 0, 10, 18));
    }

    @Test
    void mlsxTimesUpToFortyCharacters() {
        String forty = "20240102030405." + "1".repeat(25);
        assertEquals(40, forty.length());
        assertEquals(Instant.parse("2024-01-02T03:04:05.111111111Z"), MlsxParser.parseTime(forty));
        assertNull(MlsxParser.parseTime(forty + "1"), "41 characters");
    }

    @Test
    void unixLinesEndingInADateOrIndentedStillParseOrFailCleanly() {
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 2024-01-01", CLOCK), "a date last: no time, no name");
        assertNull(UnixListParser.parseLine("-rw-r--r-- 1 a b 5 Jan", CLOCK));
        FtpEntry indented = UnixListParser.parseLine("  -rw-r--r-- 1 a b 5 Jan  1 10:00 f", CLOCK);
        assertNotNull(indented, "blanks before the permissions");
        assertEquals("f", indented.name());
        assertEquals(5L, indented.size().orElseThrow());
    }

    @Test
    void unixDatesAtMidnightAndImpossibleDatesGiveEntriesWithoutTime() {
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), UnixListParser.parseLine(
                "-rw-r--r-- 1 a b 5 2024-01-01 00:00 f", CLOCK).modified().orElseThrow());
        assertEquals(Instant.parse("0000-01-01T00:00:00Z"), UnixListParser.parseLine(
                "-rw-r--r-- 1 a b 5 Jan  1  0000 f", CLOCK).modified().orElseThrow(), "a four-digit year as it is");
        for (String date : new String[] {"2024-00-01", "2024-01-00", "2024-02-30"}) {
            FtpEntry e = UnixListParser.parseLine("-rw-r--r-- 1 a b 5 " + date + " 10:00 f", CLOCK);
            assertNotNull(e, date);
            assertEquals("f", e.name(), date);
            assertTrue(e.modified().isEmpty(), date);
        }
        assertEquals(Instant.parse("0000-01-01T10:00:00Z"), UnixListParser.parseLine(
                "-rw-r--r-- 1 a b 5 0000-01-01 10:00 f", CLOCK).modified().orElseThrow());
    }

    @Test
    void unixDeviceNumbersRightAfterThePermissions() {
        FtpEntry e = UnixListParser.parseLine("crw-rw-rw- 1, 3 Jan  1 10:00 null", CLOCK);
        assertNotNull(e);
        assertEquals("null", e.name());
        assertNull(e.owner());
        assertNull(e.group());
    }

    @Test
    void aLinkNameThatStartsWithTheArrowIsKeptWhole() {
        FtpEntry e = UnixListParser.parseLine("lrwxrwxrwx 1 a b 5 Jan  1 10:00  -> x", CLOCK);
        assertEquals(" -> x", e.name());
        assertNull(e.target());
        FtpEntry link = UnixListParser.parseLine("lrwxrwxrwx 1 a b 5 Jan  1 10:00 l -> x", CLOCK);
        assertEquals("l", link.name());
        assertEquals("x", link.target());
    }
}
