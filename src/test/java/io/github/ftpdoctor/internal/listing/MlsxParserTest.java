package io.github.ftpdoctor.internal.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.FtpEntry.Type;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MlsxParserTest {

    @Test
    void proftpdFile() {
        String line = "modify=20260102030405;perm=adfr;size=5;type=file;unique=FD00U1;UNIX.group=0;UNIX.mode=0644;"
                + "UNIX.owner=0; hello.txt";
        FtpEntry e = MlsxParser.parseLine(line);
        assertNotNull(e);
        assertEquals("hello.txt", e.name());
        assertEquals(Type.FILE, e.type());
        assertEquals(OptionalLong.of(5), e.size());
        assertEquals(Optional.of(Instant.parse("2026-01-02T03:04:05Z")), e.modified());
        assertEquals("adfr", e.permissions());
        assertEquals("0", e.owner());
        assertEquals("0", e.group());
        assertEquals("0644", e.facts().get("unix.mode"));
        assertEquals("FD00U1", e.facts().get("unique"));
        assertEquals(line, e.raw());
        assertNull(e.target());
        assertFalse(MlsxParser.isCurrentOrParent(e));
    }

    @Test
    void proftpdCdirAndPdirAreRecognisable() {
        FtpEntry cdir = MlsxParser.parseLine(
                "modify=20260102030405;perm=flcdmpe;type=cdir;unique=FD00U2;UNIX.group=0;UNIX.mode=0755;UNIX.owner=0; .");
        FtpEntry pdir = MlsxParser.parseLine(
                "modify=20260102030405;perm=flcdmpe;type=pdir;unique=FD00U3;UNIX.group=0;UNIX.mode=0755;UNIX.owner=0; ..");
        assertEquals(Type.DIR, cdir.type());
        assertEquals(Type.DIR, pdir.type());
        assertTrue(MlsxParser.isCurrentOrParent(cdir));
        assertTrue(MlsxParser.isCurrentOrParent(pdir));
        assertTrue(MlsxParser.isCurrentOrParent(MlsxParser.parseLine("Type=CDir; /pub")));
    }

    @Test
    void proftpdSymlink() {
        FtpEntry e = MlsxParser.parseLine("modify=20260102030405;perm=adfr;size=9;type=OS.unix=symlink;unique=FD00U4;"
                + "UNIX.group=0;UNIX.mode=0777;UNIX.owner=0; link");
        assertEquals(Type.LINK, e.type());
        assertEquals("link", e.name());
        assertNull(e.target());
        assertEquals("OS.unix=symlink", e.facts().get("type"));
    }

    @Test
    void pureFtpdSlinkWithTarget() {
        FtpEntry e = MlsxParser.parseLine("type=OS.unix=slink:/target;sizd=4096;modify=20260102030405;UNIX.mode=0777;"
                + "UNIX.uid=1000;UNIX.gid=1000;unique=803g1a2b; link");
        assertEquals(Type.LINK, e.type());
        assertEquals("/target", e.target());
        assertEquals("link", e.name());
        assertEquals(OptionalLong.of(4096), e.size());
        assertEquals("1000", e.owner());
        assertEquals("1000", e.group());
    }

    @Test
    void pureFtpdFileAndDir() {
        FtpEntry f = MlsxParser.parseLine(
                "type=file;size=5;modify=20260102030405;UNIX.mode=0644;UNIX.uid=1000;UNIX.gid=1000;unique=803g1a2c; hello.txt");
        assertEquals(Type.FILE, f.type());
        assertEquals(OptionalLong.of(5), f.size());
        FtpEntry d = MlsxParser.parseLine("type=dir;sizd=4096;modify=20260102030405;UNIX.mode=0755; sub");
        assertEquals(Type.DIR, d.type());
        assertEquals(OptionalLong.of(4096), d.size());
    }

    @Test
    void minaFtpServerMixedCaseFactsAndMillis() {
        FtpEntry e = MlsxParser.parseLine("Size=5;Modify=20260102030405.123;Type=file; hello.txt");
        assertEquals(Type.FILE, e.type());
        assertEquals(OptionalLong.of(5), e.size());
        assertEquals(Optional.of(Instant.parse("2026-01-02T03:04:05.123Z")), e.modified());
        assertEquals("5", e.facts().get("size"));
        assertEquals("file", e.facts().get("type"));
        assertEquals(List.of("size", "modify", "type"), List.copyOf(e.facts().keySet()));
        FtpEntry dir = MlsxParser.parseLine("Size=0;Modify=20260102030405.000;Type=dir; sub");
        assertEquals(Type.DIR, dir.type());
    }

    @Test
    void nameMayContainSemicolonEqualsAndSpaces() {
        assertEquals("a; b=c;d.txt", MlsxParser.parseLine("type=file;size=1; a; b=c;d.txt").name());
        assertEquals("my file.txt", MlsxParser.parseLine("type=file;size=1; my file.txt").name());
        assertEquals("  two leading", MlsxParser.parseLine("type=file;size=1;   two leading").name());
        assertEquals("trailing ", MlsxParser.parseLine("type=file;size=1; trailing ").name());
        assertEquals("中文文件名.txt", MlsxParser.parseLine("type=file;size=12; 中文文件名.txt").name());
    }

    @Test
    void hugeSizeAndUnixOwnerNames() {
        FtpEntry e = MlsxParser.parseLine(
                "type=file;size=5368709120;UNIX.owner=1000;UNIX.ownername=alice;UNIX.groupname=staff;UNIX.group=50; big.iso");
        assertEquals(OptionalLong.of(5_368_709_120L), e.size());
        assertEquals("alice", e.owner());
        assertEquals("staff", e.group());
    }

    @Test
    void impossibleOrMalformedModifyLeavesTimeEmptyButKeepsEntry() {
        for (String bad : new String[] {"20261302030405", "20260230030405", "20260102250405", "2026010203040",
                                        "20260102030405.", "20260102030405x1", "abcdefghijklmn", "", "20260102030461"}) {
            FtpEntry e = MlsxParser.parseLine("type=file;modify=" + bad + "; f");
            assertNotNull(e, bad);
            assertEquals(Optional.empty(), e.modified(), bad);
            assertEquals(bad, e.facts().get("modify"));
        }
        assertNull(MlsxParser.parseTime("20240229000000.1234567890123456789012345678901"));
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), MlsxParser.parseTime("20240229000000"));
        assertEquals(Instant.parse("2016-12-31T23:59:59.5Z"), MlsxParser.parseTime("20161231235959.5"));
        assertEquals(Instant.parse("2017-01-01T00:00:00Z"), MlsxParser.parseTime("20161231235960"), "leap second");
    }

    @Test
    void unknownTypesAndBadSizes() {
        FtpEntry dev = MlsxParser.parseLine("type=OS.unix=chr-1/3;UNIX.mode=0666; null");
        assertEquals(Type.OTHER, dev.type());
        FtpEntry noType = MlsxParser.parseLine("size=3; x");
        assertEquals(Type.OTHER, noType.type());
        assertEquals(OptionalLong.empty(), MlsxParser.parseLine("type=file;size=-1; x").size());
        assertEquals(OptionalLong.empty(), MlsxParser.parseLine("type=file;size=99999999999999999999; x").size());
    }

    @Test
    void noFactsAndLenientMissingSemicolon() {
        FtpEntry bare = MlsxParser.parseLine(" name only");
        assertEquals("name only", bare.name());
        assertEquals(Type.OTHER, bare.type());
        assertTrue(bare.facts().isEmpty());
        FtpEntry lenient = MlsxParser.parseLine("type=file;size=7 f.txt");
        assertEquals("f.txt", lenient.name());
        assertEquals(OptionalLong.of(7), lenient.size());
    }

    @Test
    void garbageIsNull() {
        assertNull(MlsxParser.parseLine("type=file;size=5;"));
        assertNull(MlsxParser.parseLine("type=file; "));
        assertNull(MlsxParser.parseLine("-rw-r--r-- 1 ftp ftp 5 Jan 1 2020 x"));
        assertNull(MlsxParser.parseLine("bad fact;type=file; x"));
        assertNull(MlsxParser.parseLine("=x;type=file; x"));
        assertNull(MlsxParser.parseLine(""));
        assertNull(MlsxParser.parseLine(null));
    }

    @Test
    void looksLikeFacts() {
        assertTrue(MlsxParser.looksLikeFacts("type=file;size=5; x"));
        assertTrue(MlsxParser.looksLikeFacts("Size=5;Modify=20260102030405.123;Type=file; hello.txt"));
        assertFalse(MlsxParser.looksLikeFacts("-rw-r--r-- 1 ftp ftp 5 Jan 1 2020 a=b;c"));
        assertFalse(MlsxParser.looksLikeFacts("01-15-24  02:30PM       <DIR>          x=y;"));
        assertFalse(MlsxParser.looksLikeFacts(" name"));
        assertFalse(MlsxParser.looksLikeFacts("type=file"));
        assertFalse(MlsxParser.looksLikeFacts(null));
    }

    @Test
    void mlstLineWithLeadingSpaceAndPath() {
        String line = " modify=20260102030405;perm=adfr;size=5;type=file;unique=FD00U1;UNIX.group=0;UNIX.mode=0644;"
                + "UNIX.owner=0; /pub/hello world.txt";
        FtpEntry e = MlsxParser.parseMlstLine(line);
        assertEquals("hello world.txt", e.name());
        assertEquals(Type.FILE, e.type());
        assertEquals(OptionalLong.of(5), e.size());
        assertEquals(line, e.raw());
        assertEquals("/", MlsxParser.parseMlstLine(" type=dir; /").name());
        assertEquals("pub", MlsxParser.parseMlstLine(" type=dir; /pub/").name());
        assertEquals("x", MlsxParser.parseMlstLine("type=file; x").name(), "no leading space: accepted");
        assertNull(MlsxParser.parseMlstLine(" garbage"));
    }

    @Test
    void mlstReply() {
        List<String> reply = List.of("250-Start of list for /pub/hello.txt",
                " modify=20260102030405;perm=adfr;size=5;type=file; /pub/hello.txt",
                "250 End of list");
        FtpEntry e = MlsxParser.parseMlstReply(reply).orElseThrow();
        assertEquals("hello.txt", e.name());
        assertEquals(OptionalLong.of(5), e.size());
        assertEquals(Optional.empty(), MlsxParser.parseMlstReply(List.of("250-x", "250 End")));
        assertEquals(Optional.empty(), MlsxParser.parseMlstReply(null));
        assertEquals("a.txt", MlsxParser.parseMlstReply(List.of("250-Listing a.txt", "type=file;size=1; a.txt", "250 End"))
                .orElseThrow().name());
    }

    @Test
    void trailingCarriageReturnIsIgnored() {
        FtpEntry e = MlsxParser.parseLine("type=file;size=5; hello.txt\r");
        assertEquals("hello.txt", e.name());
    }
}
