package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.Fuzz;
import io.github.ftpdoctor.testsupport.Property;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ReplyDecoder} on random bytes in every charset an FTP server is likely to use: never throws, never
 * makes more characters than bytes, and decodes exactly what the configured charset encoded.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplyDecoderPropertiesTest {
    private static final String SUBJECT = "ReplyDecoder";
    private static final Charset[] CHARSETS = {StandardCharsets.UTF_8, Charset.forName("GB18030"),
        Charset.forName("GBK"), Charset.forName("Big5"), StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"),
        Charset.forName("Shift_JIS"), Charset.forName("EUC-KR"), StandardCharsets.US_ASCII};

    private record Input(Charset charset, boolean autoDetect, byte[] bytes) {
        @Override
        public String toString() {
            return charset + (autoDetect ? " auto " : " ") + Fuzz.show(bytes);
        }
    }

    @Test
    void randomBytesAlwaysDecode() {
        Property.forAll(SUBJECT, "random bytes", r -> new Input(Fuzz.pick(r, CHARSETS), r.nextBoolean(),
                        r.nextBoolean() ? Fuzz.randomBytes(r, 300) : Fuzz.mutate(r, Fuzz.pick(r, Fuzz.BYTE_TOKENS), 5)))
                .seed(0xDEC0_0001L).tries(50_000)
                .check(in -> {
                    ReplyDecoder d = new ReplyDecoder(in.charset(), in.autoDetect());
                    byte[] padded = java.util.Arrays.copyOf(in.bytes(), in.bytes().length + 7); // length is honoured
                    String s = d.decode(padded, in.bytes().length);
                    assertNotNull(s);
                    assertTrue(s.length() <= in.bytes().length, () -> s.length() + " chars from " + in.bytes().length);
                    assertEquals(s, d.decode(in.bytes(), in.bytes().length), "the decoder is reusable");
                });
    }

    @Test
    void textInTheConfiguredCharsetDecodesExactly() {
        Property.forAll(SUBJECT, "round trip", ReplyDecoderPropertiesTest::encodableText)
                .seed(0xDEC0_0002L).tries(50_000)
                .check(in -> {
                    String expected = new String(in.bytes(), in.charset());
                    assertEquals(expected, new ReplyDecoder(in.charset(), in.autoDetect())
                            .decode(in.bytes(), in.bytes().length));
                });
    }

    /** Text the charset encodes and decodes back unchanged, as its bytes. */
    private static Input encodableText(Random r) {
        Charset cs = Fuzz.pick(r, CHARSETS);
        while (true) {
            String text = Fuzz.randomText(r, 80, "中文目录", "檔案", "ファイル", "파일", "é");
            byte[] bytes = text.getBytes(cs);
            if (new String(bytes, cs).equals(text)) {
                return new Input(cs, r.nextBoolean(), bytes);
            }
            if (r.nextInt(3) == 0) { // keep the encodable part only
                StringBuilder sb = new StringBuilder();
                text.codePoints().filter(cp -> cs.newEncoder().canEncode(new String(Character.toChars(cp))))
                        .forEach(sb::appendCodePoint);
                bytes = sb.toString().getBytes(cs);
                if (new String(bytes, cs).contentEquals(sb)) {
                    return new Input(cs, r.nextBoolean(), bytes);
                }
            }
        }
    }
}
