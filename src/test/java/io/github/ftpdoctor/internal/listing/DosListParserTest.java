package io.github.ftpdoctor.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.FtpEntry.Type;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DosListParserTest {

    private static FtpEntry parse(String line) {
        FtpEntry e = DosListParser.parseLine(line);
        assertNotNull(e, line);
        return e;
    }

    @Test
    void iisDirectoryTwoDigitYearAmPm() {
        String line = "01-15-24  02:30PM       <DIR>          My Folder";
        FtpEntry e = parse(line);
        assertEquals("My Folder", e.name());
        assertEquals(Type.DIR, e.type());
        assertEquals(OptionalLong.empty(), e.size());
        assertEquals(Optional.of(Instant.parse("2024-01-15T14:30:00Z")), e.modified());
        assertEquals(line, e.raw());
        assertNull(e.permissions());
        assertNull(e.owner());
    }

    @Test
    void iisFile() {
        FtpEntry e = parse("01-15-24  09:05AM                 1234 report 2024.xlsx");
        assertEquals("report 2024.xlsx", e.name());
        assertEquals(Type.FILE, e.type());
        assertEquals(OptionalLong.of(1234), e.size());
        assertEquals(Optional.of(Instant.parse("2024-01-15T09:05:00Z")), e.modified());
    }

    @Test
    void fourDigitYear24Hour() {
        FtpEntry e = parse("01-15-2024  14:30  1234567 file name.txt");
        assertEquals("file name.txt", e.name());
        assertEquals(OptionalLong.of(1_234_567), e.size());
        assertEquals(Optional.of(Instant.parse("2024-01-15T14:30:00Z")), e.modified());
        assertEquals(Type.DIR, parse("12-31-1999  23:59       <DIR>          old").type());
        assertEquals(Optional.of(Instant.parse("1999-12-31T23:59:00Z")),
                parse("12-31-99  11:59PM       <DIR>          old").modified());
    }

    @Test
    void midnightNoonSeparateAmPmSlashesAndGrouping() {
        assertEquals(Optional.of(Instant.parse("2024-01-15T00:10:00Z")), parse("01-15-24  12:10AM 5 a").modified());
        assertEquals(Optional.of(Instant.parse("2024-01-15T12:10:00Z")), parse("01-15-24  12:10PM 5 a").modified());
        FtpEntry sep = parse("01/15/2024  02:30 PM  1,234,567 b.bin");
        assertEquals(Optional.of(Instant.parse("2024-01-15T14:30:00Z")), sep.modified());
        assertEquals(OptionalLong.of(1_234_567), sep.size());
        assertEquals("b.bin", sep.name());
    }

    @Test
    void bigSizesChineseAndLeadingSpacesAfterSize() {
        assertEquals(OptionalLong.of(5_368_709_120L), parse("01-15-24  02:30PM           5368709120 big.iso").size());
        assertEquals("中文目录", parse("01-15-24  02:30PM       <DIR>          中文目录").name());
        assertEquals(" lead", parse("01-15-24  02:30PM                    5  lead").name());
    }

    @Test
    void junctionsAreLinks() {
        FtpEntry e = parse("01-15-2024  02:30 PM    <JUNCTION>     Documents [C:\\Users\\me\\Documents]");
        assertEquals(Type.LINK, e.type());
        assertEquals("Documents", e.name());
        assertEquals("C:\\Users\\me\\Documents", e.target());
        assertEquals(Type.OTHER, parse("01-15-2024  02:30 PM    <WEIRD>     thing").type());
    }

    @Test
    void impossibleDayKeepsEntryWithoutTime() {
        FtpEntry e = parse("02-31-24  02:30PM       <DIR>          x");
        assertEquals(Optional.empty(), e.modified());
    }

    @Test
    void notDosLines() {
        assertNull(DosListParser.parseLine("13-15-24  02:30PM       <DIR>          x"));
        assertNull(DosListParser.parseLine("01-32-24  02:30PM       <DIR>          x"));
        assertNull(DosListParser.parseLine("01-15-24  13:30PM       <DIR>          x"));
        assertNull(DosListParser.parseLine("01-15-24  24:30       <DIR>          x"));
        assertNull(DosListParser.parseLine("01-15-24  02:60PM       <DIR>          x"));
        assertNull(DosListParser.parseLine("01-15-24  02:30PM       <DIR>          "));
        assertNull(DosListParser.parseLine("01-15-24  02:30PM       12a          x"));
        assertNull(DosListParser.parseLine("01-15-24  02:30PM 12"));
        assertNull(DosListParser.parseLine("01.15.24  02:30PM 12 x"));
        assertNull(DosListParser.parseLine("-rw-r--r-- 1 ftp ftp 5 Feb 03  2001 x"));
        assertNull(DosListParser.parseLine("total 0"));
        assertNull(DosListParser.parseLine(""));
        assertNull(DosListParser.parseLine(null));
    }
}
