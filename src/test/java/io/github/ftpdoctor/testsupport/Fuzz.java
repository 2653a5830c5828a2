package io.github.ftpdoctor.testsupport;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generators, mutators and shrinkers shared by the property tests: random and mutated bytes, text and lines,
 * biased towards what breaks parsers (line ends, NUL, Telnet IAC, invalid UTF-8, GB18030 and Big5 bytes, lone
 * surrogates, digits and separators, very long runs).
 */
public final class Fuzz {
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");

    /** Byte sequences worth inserting into a byte stream. */
    public static final byte[][] BYTE_TOKENS = {
        ascii("\r\n"), ascii("\n"), ascii("\r"), {0}, {(byte) 0xFF}, {(byte) 0xFF, (byte) 0xFF},
        {(byte) 0xFF, (byte) 0xF1}, {(byte) 0xFF, (byte) 0xFB, 1}, {(byte) 0xFF, (byte) 0xFD, 3}, {(byte) 0xFF, (byte) 0xFE},
        {(byte) 0xC3, 0x28}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xA4, (byte) 0x40}, {(byte) 0x81, 0x30},
        "中文目录".getBytes(GB18030), "中文目錄".getBytes(BIG5), "中文".getBytes(StandardCharsets.UTF_8),
        ascii("123-"), ascii("123 "), ascii("220 "), ascii("230-"), ascii("530 "), ascii("000 "), ascii("999 "),
        ascii("12 "), ascii("1234 "), ascii(" "), ascii("-"), ascii("\t"),
    };

    /** Characters and strings worth inserting into text. */
    public static final String[] TEXT_TOKENS = {
        "\r\n", "\n", "\r", "\0", "\t", " ", "  ", "-", " -> ", "->", ";", "; ", "=", ",", ".", "..", "/", "\\", "(", ")",
        "|", "|||", "[", "]", "<DIR>", ":", "0", "1", "9", "12", "255", "256", "65535", "99999", "-1",
        "\uFEFF", "\uFFFD", "\u00A0", "\u2028", "\u3000", "\uD800", "\uDC00", "\uD83D\uDE00", "中文", "目錄", "İ",
        "ß", "\u0301", "\u200B", "\u0001", "\u007F", "月", "\u0663", "\uFF11",
    };

    /** Digits that are not ASCII: Arabic-Indic, Devanagari, fullwidth. Character.isDigit and parseInt accept them. */
    private static final Character[] OTHER_DIGITS = {'\u0660', '\u0663', '\u0669', '\u0967', '\uFF10', '\uFF11', '\uFF19'};

    private Fuzz() {
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static <T> T pick(Random r, T[] items) {
        return items[r.nextInt(items.length)];
    }

    public static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /** Mostly small numbers, sometimes up to {@code max}: generated sizes should usually be small. */
    public static int size(Random r, int max) {
        int bound = switch (r.nextInt(10)) {
            case 0 -> max;
            case 1, 2 -> Math.min(max, 200);
            default -> Math.min(max, 40);
        };
        return r.nextInt(bound + 1);
    }

    /** A random character: printable ASCII most of the time, else controls, Latin-1, CJK, surrogates, specials. */
    public static char randomChar(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> (char) r.nextInt(0x20);
            case 1 -> (char) (0x80 + r.nextInt(0x180));
            case 2 -> (char) (0x4E00 + r.nextInt(0x5200));
            case 3 -> (char) (0xD800 + r.nextInt(0x800));
            case 4 -> (char) r.nextInt(0x10000);
            case 5 -> "0123456789".charAt(r.nextInt(10));
            default -> (char) (0x20 + r.nextInt(0x5F));
        };
    }

    /** Random text of up to {@code maxLen} characters, mixing random characters and tokens. */
    public static String randomText(Random r, int maxLen, String... tokens) {
        int n = size(r, maxLen);
        StringBuilder sb = new StringBuilder(n);
        while (sb.length() < n) {
            int k = r.nextInt(4);
            if (k == 0 && tokens.length > 0) {
                sb.append(pick(r, tokens));
            } else if (k == 1) {
                sb.append(pick(r, TEXT_TOKENS));
            } else {
                sb.append(randomChar(r));
            }
        }
        return sb.toString();
    }

    /** Random bytes of up to {@code maxLen}, mixing random bytes and {@link #BYTE_TOKENS}. */
    public static byte[] randomBytes(Random r, int maxLen) {
        int n = size(r, maxLen);
        ByteBuilder b = new ByteBuilder();
        while (b.length < n) {
            if (r.nextInt(3) == 0) {
                b.append(pick(r, BYTE_TOKENS));
            } else {
                b.append(new byte[] {(byte) r.nextInt(256)});
            }
        }
        return b.toArray();
    }

    /** Applies one to {@code maxMutations} random edits: deletions, insertions, duplications, truncation, noise. */
    public static String mutate(Random r, String in, int maxMutations, String... tokens) {
        StringBuilder sb = new StringBuilder(in);
        int m = 1 + r.nextInt(maxMutations);
        for (int i = 0; i < m; i++) {
            int len = sb.length();
            int at = r.nextInt(len + 1);
            int end = Math.min(len, at + 1 + r.nextInt(8));
            switch (r.nextInt(10)) {
                case 0 -> sb.delete(at, end);
                case 1 -> sb.insert(at, tokens.length > 0 && r.nextBoolean() ? pick(r, tokens) : pick(r, TEXT_TOKENS));
                case 2 -> sb.insert(at, randomChar(r));
                case 3 -> {
                    if (at < len) {
                        sb.setCharAt(at, randomChar(r));
                    }
                }
                case 4 -> sb.insert(at, sb.substring(at, end));
                case 5 -> sb.setLength(at);
                case 6 -> {
                    if (at < len) {
                        sb.setCharAt(at, Character.isDigit(sb.charAt(at)) ? r.nextInt(4) == 0 ? pick(r, OTHER_DIGITS)
                                : (char) ('0' + r.nextInt(10))
                                : Character.isUpperCase(sb.charAt(at)) ? Character.toLowerCase(sb.charAt(at))
                                : Character.toUpperCase(sb.charAt(at)));
                    }
                }
                case 7 -> sb.insert(at, (r.nextBoolean() ? pick(r, TEXT_TOKENS) : String.valueOf(randomChar(r)))
                        .repeat(1 + r.nextInt(r.nextInt(20) == 0 ? 5000 : 20)));
                case 8 -> sb.insert(at, r.nextInt(r.nextBoolean() ? 1000 : Integer.MAX_VALUE));
                default -> {
                    int other = r.nextInt(len + 1);
                    String cut = sb.substring(Math.min(at, end), end);
                    sb.delete(Math.min(at, end), end);
                    sb.insert(Math.min(other, sb.length()), cut);
                }
            }
        }
        return sb.toString();
    }

    /** Like {@link #mutate(Random, String, int, String...)} for bytes, inserting {@link #BYTE_TOKENS}. */
    public static byte[] mutate(Random r, byte[] in, int maxMutations) {
        byte[] b = in;
        int m = 1 + r.nextInt(maxMutations);
        for (int i = 0; i < m; i++) {
            int len = b.length;
            int at = r.nextInt(len + 1);
            int end = Math.min(len, at + 1 + r.nextInt(8));
            b = switch (r.nextInt(8)) {
                case 0 -> concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, end, len));
                case 1, 2 -> concat(Arrays.copyOf(b, at), pick(r, BYTE_TOKENS), Arrays.copyOfRange(b, at, len));
                case 3 -> {
                    byte[] c = b.clone();
                    if (at < len) {
                        c[at] = (byte) r.nextInt(256);
                    }
                    yield c;
                }
                case 4 -> concat(Arrays.copyOf(b, end), Arrays.copyOfRange(b, at, len));
                case 5 -> Arrays.copyOf(b, at);
                case 6 -> {
                    byte[] run = new byte[1 + r.nextInt(r.nextInt(20) == 0 ? 10_000 : 30)];
                    Arrays.fill(run, (byte) "x\u00FF\r\n\u00001".charAt(r.nextInt(6)));
                    yield concat(Arrays.copyOf(b, at), run, Arrays.copyOfRange(b, at, len));
                }
                default -> {
                    byte[] c = b.clone();
                    if (at < len) {
                        c[at] ^= (byte) (1 << r.nextInt(8));
                    }
                    yield c;
                }
            };
        }
        return b;
    }

    public static byte[] concat(byte[]... parts) {
        ByteBuilder b = new ByteBuilder();
        for (byte[] p : parts) {
            b.append(p);
        }
        return b.toArray();
    }

    // ---- shrinkers and display

    /** Halves, then drops single characters from both ends and the middle. */
    public static final Property.Shrinker<String> SHRINK_STRING = s -> {
        List<String> out = new ArrayList<>();
        int n = s.length();
        if (n > 1) {
            out.add(s.substring(0, n / 2));
            out.add(s.substring(n / 2));
        }
        for (int chunk = Math.max(1, n / 4); chunk >= 1; chunk /= 2) {
            for (int i = 0; i + chunk <= n && out.size() < 400; i += chunk) {
                out.add(s.substring(0, i) + s.substring(i + chunk));
            }
        }
        return out;
    };

    /** The same for bytes. */
    public static final Property.Shrinker<byte[]> SHRINK_BYTES = b -> {
        List<byte[]> out = new ArrayList<>();
        int n = b.length;
        if (n > 1) {
            out.add(Arrays.copyOf(b, n / 2));
            out.add(Arrays.copyOfRange(b, n / 2, n));
        }
        for (int chunk = Math.max(1, n / 4); chunk >= 1; chunk /= 2) {
            for (int i = 0; i + chunk <= n && out.size() < 400; i += chunk) {
                out.add(concat(Arrays.copyOf(b, i), Arrays.copyOfRange(b, i + chunk, n)));
            }
        }
        return out;
    };

    /** Drops lines, then shrinks single lines. */
    public static final Property.Shrinker<List<String>> SHRINK_LINES = lines -> {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> fewer = new ArrayList<>(lines);
            fewer.remove(i);
            out.add(fewer);
        }
        for (int i = 0; i < lines.size(); i++) {
            for (String smaller : SHRINK_STRING.smaller(lines.get(i))) {
                List<String> copy = new ArrayList<>(lines);
                copy.set(i, smaller);
                out.add(copy);
                if (out.size() > 600) {
                    return out;
                }
            }
        }
        return out;
    };

    /** Java-escaped, so that control characters, surrogates and line ends are visible. */
    public static String show(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                sb.append(String.format("\\u%04X", (int) c));
            }
        }
        return sb.append('"').toString();
    }

    public static String show(byte[] b) {
        StringBuilder sb = new StringBuilder("bytes[").append(b.length).append("] \"");
        for (byte x : b) {
            int c = x & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F && c != '"' && c != '\\' ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return sb.append('"').toString();
    }

    public static String show(List<String> lines) {
        StringBuilder sb = new StringBuilder("lines[").append(lines.size()).append("]");
        for (String l : lines) {
            sb.append("\n    ").append(show(l));
        }
        return sb.toString();
    }

    /** A growable byte array. */
    public static final class ByteBuilder {
        private byte[] buf = new byte[64];
        private int length;

        public ByteBuilder append(byte[] b) {
            if (length + b.length > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + b.length));
            }
            System.arraycopy(b, 0, buf, length, b.length);
            length += b.length;
            return this;
        }

        public ByteBuilder append(String s, Charset cs) {
            return append(s.getBytes(cs));
        }

        public int length() {
            return length;
        }

        public byte[] toArray() {
            return Arrays.copyOf(buf, length);
        }
    }
}
