package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandWriterTest {
    private static final Charset GBK = Charset.forName("GBK");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void writesVerbAndArgument() throws IOException {
        new CommandWriter(out, StandardCharsets.UTF_8).write("USER", "anonymous");
        assertArrayEquals(ascii("USER anonymous\r\n"), out.toByteArray());
    }

    @Test
    void writesVerbAlone() throws IOException {
        new CommandWriter(out, StandardCharsets.UTF_8).write("NOOP", null);
        assertArrayEquals(ascii("NOOP\r\n"), out.toByteArray());
    }

    @Test
    void emptyArgumentKeepsTheSpace() throws IOException {
        new CommandWriter(out, StandardCharsets.UTF_8).write("PASS", "");
        assertArrayEquals(ascii("PASS \r\n"), out.toByteArray());
    }

    @Test
    void writesCommandsOneAfterAnother() throws IOException {
        CommandWriter w = new CommandWriter(out, StandardCharsets.UTF_8);
        w.write("TYPE", "I");
        w.write("PASV", null);
        w.write("RETR", "my file.txt");
        assertArrayEquals(ascii("TYPE I\r\nPASV\r\nRETR my file.txt\r\n"), out.toByteArray());
    }

    @Test
    void encodesArgumentInTheControlCharset() throws IOException {
        CommandWriter w = new CommandWriter(out, StandardCharsets.UTF_8);
        w.write("STOR", "文件.txt");
        assertArrayEquals("STOR 文件.txt\r\n".getBytes(StandardCharsets.UTF_8), out.toByteArray());

        out.reset();
        w.setCharset(GBK);
        assertEquals(GBK, w.charset());
        w.write("STOR", "文件.txt");
        assertArrayEquals("STOR 文件.txt\r\n".getBytes(GBK), out.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nDELE b", "a\rb", "a\nb", "a\0b", "\r", "\n", "\0", "name\r\n"})
    void argumentsThatWouldEndTheCommandAreRefusedBeforeWriting(String argument) {
        CommandWriter w = new CommandWriter(out, StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> CommandWriter.validate("RETR", argument));
        assertThrows(IllegalArgumentException.class, () -> w.write("RETR", argument));
        assertEquals(0, out.size(), "nothing may be written");
    }

    @Test
    void messageNamesTheOffendingCharacter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CommandWriter.validate("DELE", "a\r\nDELE b"));
        assertTrue(e.getMessage().contains("CR"), e.getMessage());
        assertTrue(e.getMessage().contains("index 1"), e.getMessage());
    }

    @Test
    void passwordIsNotInTheMessage() {
        CommandWriter w = new CommandWriter(out, StandardCharsets.UTF_8);
        for (String verb : new String[] {"PASS", "pass", "ACCT"}) {
            IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
                    () -> CommandWriter.validate(verb, "pw\r\nX"));
            assertFalse(v.getMessage().contains("pw"), v.getMessage());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write(verb, "pw\r\nX"));
            assertFalse(e.getMessage().contains("pw"), e.getMessage());
        }
        assertEquals(0, out.size());
    }

    @Test
    void unmappableArgumentInUsAsciiIsRefused() {
        CommandWriter w = new CommandWriter(out, StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write("RETR", "文件"));
        assertTrue(e.getMessage().contains("US-ASCII"), e.getMessage());
        assertEquals(0, out.size(), "no '?' substitute may be written");
    }

    @Test
    void unmappableArgumentInGbkIsRefused() {
        // "€" is mappable in Java's GBK (0x80), but an emoji outside the BMP is not
        assertTrue(GBK.newEncoder().canEncode("€"));
        assertFalse(GBK.newEncoder().canEncode("😀"));
        CommandWriter w = new CommandWriter(out, GBK);
        assertThrows(IllegalArgumentException.class, () -> w.write("STOR", "photo😀.jpg"));
        assertEquals(0, out.size());
    }

    @Test
    void unmappablePasswordIsNotInTheMessage() {
        CommandWriter w = new CommandWriter(out, StandardCharsets.US_ASCII);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.write("PASS", "pw密码"));
        assertFalse(e.getMessage().contains("pw"), e.getMessage());
        assertFalse(e.getMessage().contains("密码"), e.getMessage());
        assertEquals(0, out.size());
    }

    @Test
    void writerStaysUsableAfterARefusal() throws IOException {
        CommandWriter w = new CommandWriter(out, StandardCharsets.US_ASCII);
        assertThrows(IllegalArgumentException.class, () -> w.write("RETR", "文件"));
        w.write("NOOP", null);
        assertArrayEquals(ascii("NOOP\r\n"), out.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "US ER", "USER\r", "USER\n", "US\0ER", " USER", "USÉR", "USER;", "ABCDEFGHIJKLMNOPQ"})
    void badVerbsAreRefused(String verb) {
        CommandWriter w = new CommandWriter(out, StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> CommandWriter.validate(verb, null));
        assertThrows(IllegalArgumentException.class, () -> w.write(verb, "x"));
        assertEquals(0, out.size());
    }

    @Test
    void nullVerbIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CommandWriter.validate(null, "x"));
    }

    @Test
    void goodVerbsAreAccepted() throws IOException {
        CommandWriter w = new CommandWriter(out, StandardCharsets.UTF_8);
        w.write("ABCDEFGHIJKLMNOP", null); // 16 letters: the longest allowed
        w.write("pass", null);
        w.write("X509", null);
        assertArrayEquals(ascii("ABCDEFGHIJKLMNOP\r\npass\r\nX509\r\n"), out.toByteArray());
    }
}
