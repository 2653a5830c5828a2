package io.github.ftpdoctor.internal.protocol;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes reply lines. Pure ASCII takes a fast path. Otherwise the configured charset is tried strictly; when
 * automatic detection is on and the bytes are not valid in it, the other likely charsets of FTP servers are tried:
 * UTF-8, then the two legacy Chinese encodings. Pure-FTPd's Chinese builds send GB2312 (mainland) or Big5 (Taiwan,
 * Hong Kong), and so does ProFTPD with {@code UseEncoding UTF-8 GBK} or {@code Big5}; most byte strings of either
 * are valid in the other. When both decode, {@link HanziLikelihood} keeps the reading that is the more likely
 * Chinese text under character frequencies of its own script (GB18030 when neither reads as Chinese). The
 * configured charset with replacement comes last.
 * Not thread-safe: one per connection.
 */
public final class ReplyDecoder {
    /** The legacy Chinese charsets, looked up at the first reply that is not ASCII (their tables are large). */
    private static final class Legacy {
        static final Charset BIG5 = Charset.forName("Big5");
        static final Charset GB18030 = Charset.forName("GB18030");
    }

    private final Charset primary;
    private final boolean autoDetect;
    /** The strict decoders, tried in order; made at the first reply that is not ASCII (most sessions see none). */
    private List<CharsetDecoder> strict;
    private CharsetDecoder lenient;

    public ReplyDecoder(Charset primary, boolean autoDetect) {
        this.primary = java.util.Objects.requireNonNull(primary, "primary");
        this.autoDetect = autoDetect;
    }

    private List<CharsetDecoder> strict() {
        if (strict == null) {
            List<CharsetDecoder> decoders = new ArrayList<>();
            decoders.add(strictDecoder(primary));
            if (autoDetect) {
                for (Charset c : List.of(StandardCharsets.UTF_8, Legacy.GB18030, Legacy.BIG5)) {
                    if (!c.equals(primary)) {
                        decoders.add(strictDecoder(c));
                    }
                }
            }
            lenient = primary.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            strict = decoders;
        }
        return strict;
    }

    public Charset primary() {
        return primary;
    }

    public String decode(byte[] bytes, int length) {
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        String gb = null;
        String big5 = null;
        for (CharsetDecoder d : strict()) {
            String text;
            try {
                text = run(d, bytes, length);
            } catch (CharacterCodingException e) {
                continue; // try the next candidate
            }
            Charset c = d.charset();
            if (!c.equals(Legacy.GB18030) && !c.equals(Legacy.BIG5) || c.equals(primary)) {
                return text;
            }
            if (c.equals(Legacy.GB18030)) {
                gb = text;
            } else {
                big5 = text;
            }
        }
        if (gb != null && big5 != null) {
            return HanziLikelihood.choose(gb, big5);
        }
        if (gb != null) {
            return gb;
        }
        if (big5 != null) {
            return big5;
        }
        try {
            return run(lenient, bytes, length);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    private static String run(CharsetDecoder d, byte[] bytes, int length) throws CharacterCodingException {
        d.reset();
        CharBuffer out = d.decode(ByteBuffer.wrap(bytes, 0, length));
        return out.toString();
    }

    private static CharsetDecoder strictDecoder(Charset c) {
        return c.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
