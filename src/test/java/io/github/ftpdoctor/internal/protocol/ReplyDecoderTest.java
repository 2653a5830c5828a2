package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReplyDecoderTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private static String decode(ReplyDecoder d, byte[] bytes) {
        return d.decode(bytes, bytes.length);
    }

    @Test
    void asciiFastPath() {
        ReplyDecoder d = new ReplyDecoder(StandardCharsets.UTF_8, true);
        assertEquals("220 Service ready", decode(d, "220 Service ready".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("", d.decode(new byte[0], 0));
    }

    @Test
    void asciiWithControlCharactersAndNul() {
        ReplyDecoder d = new ReplyDecoder(StandardCharsets.UTF_8, true);
        assertEquals("a\0b\tc\u007F", decode(d, new byte[] {'a', 0, 'b', '\t', 'c', 0x7F}));
    }

    @Test
    void onlyTheGivenLengthIsDecoded() {
        ReplyDecoder d = new ReplyDecoder(StandardCharsets.UTF_8, true);
        byte[] ascii = "220 okGARBAGE".getBytes(StandardCharsets.US_ASCII);
        assertEquals("220 ok", d.decode(ascii, 6));
        byte[] utf8 = "欢迎".getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(utf8, utf8.length + 3);
        padded[utf8.length] = (byte) 0xFF;
        padded[utf8.length + 1] = (byte) 0xFE;
        assertEquals("欢迎", d.decode(padded, utf8.length));
    }

    @Test
    void validUtf8Chinese() {
        ReplyDecoder d = new ReplyDecoder(StandardCharsets.UTF_8, true);
        assertEquals("欢迎", decode(d, "欢迎".getBytes(StandardCharsets.UTF_8)));
        assertEquals("257 \"/数据/年度 报告\" created",
                decode(d, "257 \"/数据/年度 报告\" created".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void gbkBytesAreDetectedWhenPrimaryIsUtf8() {
        ReplyDecoder d = new ReplyDecoder(StandardCharsets.UTF_8, true);
        assertEquals("欢迎使用", decode(d, "欢迎使用".getBytes(GBK)));
        assertEquals("220 欢迎使用 FTP 服务器", decode(d, "220 欢迎使用 FTP 服务器".getBytes(GB18030)));
    }

    @Test
    void big5BytesThatAreAlsoValidGb18030AreReadAsBig5() {
        ReplyDecoder d = new ReplyDecoder(StandardCharsets.UTF_8, true);
        Charset big5 = Charset.forName("Big5");
        byte[] wire = "550 檔案不存在".getBytes(big5);
        assertNotEquals("550 檔案不存在", new String(wire, GB18030), "the bytes are valid GB18030 too");
        assertEquals("550 檔案不存在", decode(d, wire));
        assertEquals("550 文件不存在", decode(d, "550 文件不存在".getBytes(GBK)));
    }

    @Test
    void detectionDoesNotStickToTheLastCharset() {
        ReplyDecoder d = new ReplyDecoder(StandardCharsets.UTF_8, true);
        assertEquals("欢迎使用", decode(d, "欢迎使用".getBytes(GBK)));
        assertEquals("文件", decode(d, "文件".getBytes(StandardCharsets.UTF_8)));
        assertEquals("欢迎使用", decode(d, "欢迎使用".getBytes(GBK)));
        assertEquals("plain", decode(d, "plain".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void withoutDetectionInvalidBytesBecomeReplacementCharacters() {
        ReplyDecoder d = new ReplyDecoder(StandardCharsets.UTF_8, false);
        String s = decode(d, "欢迎使用".getBytes(GBK));
        assertNotEquals("欢迎使用", s);
        assertTrue(s.indexOf('\uFFFD') >= 0, s);
        assertEquals("a\uFFFDb", decode(d, new byte[] {'a', (byte) 0xFF, 'b'}));
    }

    @Test
    void withDetectionUndecodableBytesStillDoNotThrow() {
        ReplyDecoder d = new ReplyDecoder(StandardCharsets.UTF_8, true);
        assertEquals("a\uFFFDb", decode(d, new byte[] {'a', (byte) 0xFF, 'b'}));
    }

    @Test
    void primaryGbkDecodesGbk() {
        ReplyDecoder strict = new ReplyDecoder(GBK, false);
        assertEquals("欢迎使用", decode(strict, "欢迎使用".getBytes(GBK)));
        ReplyDecoder detecting = new ReplyDecoder(GBK, true);
        assertEquals("550 文件不存在", decode(detecting, "550 文件不存在".getBytes(GBK)));
        assertSame(GBK, detecting.primary());
    }
}
