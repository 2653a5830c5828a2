package io.github.ftpdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.Property;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link FtpUrl#parse} on URLs built from generated parts: user names and passwords with {@code @ : / ? # %}, blanks
 * and non-ASCII (each character either typed as it is, where that is allowed, or percent-encoded by this test's own
 * encoder), host names, IPv4 addresses, IPv6 literals with and without a zone, ports and paths. The parse must give
 * back exactly the generated parts, and {@code toString()} must mask the password. Broken URLs must be refused
 * with a message that names the part and its escape, and never contains the password.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FtpUrlPropertiesTest {
    private static final String SUBJECT = "FtpUrl";
    /** Characters of names and passwords: ASCII letters and signs, blanks, and BMP and non-BMP non-ASCII. */
    private static final String[] CHARS = {"a", "b", "Z", "0", "7", "-", ".", "_", "~", "!", "$", "&", "'", "(",
        ")", "*", "+", ",", ";", "=", " ", "@", ":", "/", "?", "#", "%", "é", "ü", "中", "文", "ж", "😀"};
    private static final String HEX = "0123456789abcdef";

    /** The parts of one URL and the text typed for it. */
    record Case(String scheme, String user, String password, String host, String hostText, Integer port,
                String path, String text) {
        int expectedPort() {
            return port != null ? port : scheme.equalsIgnoreCase("ftps") ? 990 : 21;
        }
    }

    @Test
    void parsesBackTheGeneratedParts() {
        Property.forAll(SUBJECT, "URL round trip", FtpUrlPropertiesTest::generate)
                .seed(0x0F7B_0001L).tries(100_000).showWith(Case::text)
                .check(c -> {
                    FtpUrl url = FtpUrl.parse(c.text());
                    assertEquals(c.scheme().toLowerCase(Locale.ROOT), url.scheme(), "scheme");
                    assertEquals(c.user(), url.user(), "user");
                    assertEquals(c.password(), url.password(), "password");
                    assertEquals(c.host(), url.host(), "host");
                    assertEquals(c.expectedPort(), url.port(), "port");
                    assertEquals(c.path(), url.path(), "path");
                    String shown = url.toString();
                    String expected = url.scheme() + "://" + (c.user() == null ? ""
                            : displayUser(c.user()) + (c.password() == null ? "" : ":****") + "@")
                            + (c.host().contains(":") ? "[" + c.host().replace("%", "%25") + "]" : c.host())
                            + ":" + c.expectedPort() + "/" + c.path();
                    assertEquals(expected, shown, "toString");
                    // the expected text has the mask where the password was: the password shows only where it
                    // happens to be part of the rest (a password "ftp" in "ftp://...")
                    assertEquals(c.password() != null, shown.contains(":****@"), shown);
                    if (c.password() != null && !c.password().isEmpty() && !expected.contains(c.password())) {
                        assertFalse(shown.contains(c.password()), "password shown: " + shown);
                    }
                });
    }

    @Test
    void aPasswordWithSlashQuestionMarkOrHashTypedAsItIsIsRefusedWithItsEscape() {
        Property.forAll(SUBJECT, "user information with / ? # typed raw", r -> {
            Case c = generate(r);
            String delimiter = pick(r, "/", "?", "#");
            // a password whose first part is not a port number, then the delimiter typed as it is
            String password = "p" + word(r, 3, 8) + delimiter + word(r, 1, 8);
            String user = c.user() == null ? "u" + word(r, 1, 6) : c.user();
            String text = c.scheme() + "://" + encode(r, user, ":/?#%") + ":" + password + "@" + c.hostText()
                    + (c.port() == null ? "" : ":" + c.port()) + "/" + encode(r, c.path(), "?#%");
            return new Case(c.scheme(), user, password, c.host(), c.hostText(), c.port(), delimiter, text);
        }).seed(0x0F7B_0002L).tries(20_000).showWith(Case::text)
                .check(c -> {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> FtpUrl.parse(c.text()));
                    assertTrue(e.getMessage().contains("%2F") && e.getMessage().contains("%3F")
                            && e.getMessage().contains("%23"), e.getMessage());
                    assertFalse(e.getMessage().contains(c.password()), e.getMessage());
                });
    }

    @Test
    void brokenUrlsNameThePartAndHowToWriteIt() {
        Property.forAll(SUBJECT, "broken URLs", r -> {
            Case c = generate(r);
            String user = c.user() == null ? "u" + word(r, 1, 6) : c.user();
            String password = "Pw" + word(r, 6, 10);
            String info = encode(r, user, ":/?#%") + ":" + encode(r, password, "/?#%") + "@";
            String path = encode(r, c.path(), "?#%@"); // no '@' after the host: the port is named
            int kind = r.nextInt(6);
            String expected;
            String text;
            switch (kind) {
                case 0 -> { // a port out of range or not a number
                    String port = pick(r, "0", "65536", "99999", "123456", "x21", "21a", "-1");
                    text = c.scheme() + "://" + info + c.hostText() + ":" + port + "/" + path;
                    expected = "port '" + port + "' is not a number from 1 to 65535";
                }
                case 1 -> { // '?' or '#' typed in the path
                    String sign = pick(r, "?", "#");
                    text = c.scheme() + "://" + info + c.hostText() + "/" + path + sign + word(r, 0, 5);
                    expected = "path contains '" + sign + "': write it as " + (sign.equals("?") ? "%3F" : "%23");
                }
                case 2 -> { // an IPv6 address without brackets
                    text = c.scheme() + "://" + info + ipv6(r) + "/" + path;
                    expected = "must be in brackets";
                }
                case 3 -> { // another scheme, or none
                    String scheme = pick(r, "http://", "sftp://", "", "ftp:/", "file://");
                    text = scheme + info + c.hostText() + "/" + path;
                    expected = "must start with ftp://, ftpes:// (explicit FTPS) or ftps://";
                }
                case 4 -> { // no host
                    text = c.scheme() + "://" + info + pick(r, "", ":21") + "/" + path;
                    expected = "has no host";
                }
                default -> { // percent-escapes that are not UTF-8 in the password
                    text = c.scheme() + "://" + encode(r, user, ":/?#%") + ":" + password + "%"
                            + pick(r, "FF", "C3", "80", "ED%A0%80") + "@" + c.hostText() + "/" + path;
                    expected = "password has percent-escapes that are not UTF-8";
                }
            }
            return new Case(c.scheme(), user, password, c.host(), c.hostText(), c.port(), expected, text);
        }).seed(0x0F7B_0003L).tries(20_000).showWith(Case::text)
                .check(c -> {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> FtpUrl.parse(c.text()));
                    assertTrue(e.getMessage().contains(c.path()), () -> "expected '" + c.path() + "' in: "
                            + e.getMessage());
                    assertFalse(e.getMessage().contains(c.password()), e.getMessage());
                });
    }

    // ---- generators: the URL text is built here, with this test's own percent-encoder ----

    static Case generate(Random r) {
        String scheme = pick(r, "ftp", "ftps", "ftpes", "FTP", "Ftpes", "FTPS");
        String user = null;
        String password = null;
        StringBuilder text = new StringBuilder(scheme).append("://");
        if (r.nextInt(4) > 0) {
            user = text(r, 1, 12);
            text.append(encode(r, user, ":/?#%")); // '@' may stay: the last '@' ends the user information
            if (r.nextInt(4) > 0) {
                password = r.nextInt(20) == 0 ? "" : text(r, 1, 16);
                text.append(':').append(encode(r, password, "/?#%")); // ':' and '@' may stay
            }
            text.append('@');
        }
        String host;
        String hostText;
        switch (r.nextInt(4)) {
            case 0 -> {
                host = r.nextInt(1 + r.nextInt(256)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
                hostText = host;
            }
            case 1 -> {
                String address = ipv6(r);
                if (r.nextBoolean()) {
                    host = address;
                    hostText = "[" + address + "]";
                } else {
                    String zone = r.nextBoolean() ? "eth" + r.nextInt(4) : String.valueOf(1 + r.nextInt(99));
                    host = address + "%" + zone;
                    boolean raw = Character.isLetter(zone.charAt(0)) && r.nextBoolean(); // %e is no escape
                    hostText = "[" + address + (raw ? "%" : "%25") + zone + "]";
                }
            }
            default -> {
                StringBuilder name = new StringBuilder();
                for (int labels = 1 + r.nextInt(4), i = 0; i < labels; i++) {
                    name.append(i == 0 ? "" : ".").append(label(r));
                }
                host = name.toString();
                hostText = host;
            }
        }
        text.append(hostText);
        Integer port = null;
        int p = r.nextInt(4);
        if (p == 1) {
            text.append(':'); // an empty port is the default one
        } else if (p >= 2) {
            port = 1 + r.nextInt(65535);
            text.append(':').append(port);
        }
        String path = "";
        if (r.nextInt(5) > 0) {
            StringBuilder raw = new StringBuilder();
            for (int segments = r.nextInt(4), i = 0; i < segments; i++) {
                raw.append(i == 0 ? "" : "/").append(text(r, 0, 10));
            }
            path = raw.toString();
            // a '/' inside the generated text is a separator either way; '?', '#' and '%' must be escaped
            text.append('/').append(encode(r, path, "?#%"));
        }
        return new Case(scheme, user, password, host, hostText, port, path, text.toString());
    }

    /** Random text from {@link #CHARS}, {@code min} to {@code max} characters (code points). */
    private static String text(Random r, int min, int max) {
        StringBuilder b = new StringBuilder();
        for (int n = min + r.nextInt(max - min + 1), i = 0; i < n; i++) {
            b.append(CHARS[r.nextInt(CHARS.length)]);
        }
        return b.toString();
    }

    /** Letters and digits only. */
    private static String word(Random r, int min, int max) {
        StringBuilder b = new StringBuilder();
        for (int n = min + r.nextInt(max - min + 1), i = 0; i < n; i++) {
            b.append("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".charAt(r.nextInt(57)));
        }
        return b.toString();
    }

    private static String label(Random r) {
        String alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder b = new StringBuilder().append(alnum.charAt(r.nextInt(alnum.length())));
        for (int n = r.nextInt(10), i = 0; i < n; i++) {
            b.append((alnum + "-").charAt(r.nextInt(alnum.length() + 1)));
        }
        return b.append(alnum.charAt(r.nextInt(alnum.length()))).toString();
    }

    /** Eight groups of 0 to 4 hex digits in random case, a run of groups sometimes shortened to '::'. */
    static String ipv6(Random r) {
        String[] groups = new String[8];
        for (int i = 0; i < 8; i++) {
            StringBuilder g = new StringBuilder();
            for (int n = 1 + r.nextInt(4), j = 0; j < n; j++) {
                char c = HEX.charAt(r.nextInt(16));
                g.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
            }
            groups[i] = g.toString();
        }
        if (r.nextBoolean()) {
            int from = r.nextInt(8);
            int to = from + 1 + r.nextInt(8 - from);
            return String.join(":", java.util.Arrays.copyOfRange(groups, 0, from)) + "::"
                    + String.join(":", java.util.Arrays.copyOfRange(groups, to, 8));
        }
        return String.join(":", groups);
    }

    /**
     * Percent-encodes the UTF-8 bytes of each character in {@code must}, and of any other character with
     * probability 1/4 ('/' in a path decodes to '/' either way). Hex digits in random case; a trailing blank is
     * always encoded.
     */
    static String encode(Random r, String s, String must) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            if (must.indexOf(cp) < 0 && r.nextInt(4) > 0) {
                b.append(ch);
                return;
            }
            for (byte x : ch.getBytes(StandardCharsets.UTF_8)) {
                String hex = String.format(Locale.ROOT, "%02x", x & 0xFF);
                b.append('%').append(r.nextBoolean() ? hex.toUpperCase(Locale.ROOT) : hex);
            }
        });
        if (b.length() > 0 && b.charAt(b.length() - 1) == ' ') { // a trailing blank would be taken as padding
            b.setLength(b.length() - 1);
            b.append("%20");
        }
        return b.toString();
    }

    /** The user as toString() shows it: '%', ':', '@' and '/' percent-encoded in upper case. */
    private static String displayUser(String user) {
        return user.replace("%", "%25").replace(":", "%3A").replace("@", "%40").replace("/", "%2F");
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... items) {
        return items[r.nextInt(items.length)];
    }
}
