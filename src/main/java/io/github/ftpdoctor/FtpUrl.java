package io.github.ftpdoctor;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An FTP URL, {@code ftp://[user[:password]@]host[:port]/[path]}, also {@code ftpes://} (explicit FTPS) and
 * {@code ftps://} (implicit FTPS), percent-decoded as UTF-8. {@link #toString()} never shows the password.
 *
 * <p>URLs are read as people type them, the way browsers and Python's {@code urllib} do: the <em>last</em>
 * {@code @} before the host ends the user information, so {@code ftp://anonymous:guest@example.com@host/} is the
 * user {@code anonymous} with the password {@code guest@example.com} on {@code host}; the first {@code :} in the
 * user information ends the user name, so a password may contain {@code :}. A {@code %} that does not start two hex
 * digits is kept as it is, and {@code +} is a plus sign. What cannot be typed as it is: {@code /}, {@code ?} and
 * {@code #} in the user name or password (write {@code %2F}, {@code %3F}, {@code %23}), {@code :} in the user name
 * ({@code %3A}), {@code ?} and {@code #} in the path ({@code %3F}, {@code %23}: FTP URLs have no query or fragment),
 * and {@code %} before two hex digits ({@code %25}). Every error names the part that is wrong and how to write it,
 * and never repeats the password.
 *
 * @param user     the user, or null for anonymous
 * @param password the password, or null
 * @param host     host name or address (IPv6 without brackets, a zone after {@code %})
 * @param port     port, 21 by default (990 for {@code ftps})
 * @param path     the decoded path after the first slash, or "" for none
 * @param scheme   {@code ftp}, {@code ftpes} (explicit FTPS) or {@code ftps} (implicit FTPS)
 */
public record FtpUrl(String user, String password, String host, int port, String path, String scheme) {

    private static final String FORM = "ftp://[user[:password]@]host[:port]/path";

    /**
     * Parses a URL (surrounding blanks are ignored).
     *
     * @throws IllegalArgumentException if it is not an ftp, ftpes or ftps URL with a host; the message names the
     *                                  part that is wrong and how to write it, never the password
     */
    public static FtpUrl parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no URL: expected " + FORM);
        }
        String url = text.strip();
        int sep = url.indexOf("://");
        String scheme = sep < 0 ? "" : url.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!scheme.equals("ftp") && !scheme.equals("ftps") && !scheme.equals("ftpes")) {
            throw new IllegalArgumentException("the URL must start with ftp://, ftpes:// (explicit FTPS) or ftps:// "
                    + "(implicit FTPS)" + (sep > 0 && url.substring(0, sep).matches("[A-Za-z][A-Za-z0-9+.-]{0,15}")
                    ? ", not '" + url.substring(0, sep) + "://'" : ""));
        }
        String rest = url.substring(sep + 3);
        int control = firstControl(rest);
        if (control >= 0) {
            throw new IllegalArgumentException("the URL contains the control character U+"
                    + String.format(Locale.ROOT, "%04X", (int) rest.charAt(control))
                    + ": remove it, or write it percent-encoded (e.g. %0A) if it is really part of a name");
        }
        int authorityEnd = indexOfAny(rest, "/?#", 0);
        String authority = authorityEnd < 0 ? rest : rest.substring(0, authorityEnd);
        String tail = authorityEnd < 0 ? "" : rest.substring(authorityEnd);
        // an '@' after the host may mean that the user information itself contained '/', '?' or '#': then no
        // message repeats text from the host part, which may be the start of a password
        boolean atLater = tail.indexOf('@') >= 0;
        String hint = atLater ? "; if the URL has a user name or password that contains '/', '?' or '#', write them"
                + " as %2F, %3F and %23 (the user information ends at the last '@' before the host)" : "";

        String user = null;
        String password = null;
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            hostPort = authority.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon), "user name", true);
            if (user.isEmpty()) {
                throw new IllegalArgumentException("the user name before " + (colon < 0 ? "'@'" : "':'")
                        + " is empty: write ftp://user:password@host/, or no user information for anonymous login"
                        + hint);
            }
            password = colon < 0 ? null : decode(info.substring(colon + 1), "password", false);
        }
        int defaultPort = scheme.equals("ftps") ? 990 : 21;
        String host;
        int port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("the IPv6 address has no closing ']': expected ftp://[::1]:21/"
                        + hint);
            }
            host = ipv6(hostPort.substring(1, close), hint);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw new IllegalArgumentException("unexpected text after the IPv6 address ']': expected"
                        + " [address]:port" + hint);
            }
            port = port(after.isEmpty() ? "" : after.substring(1), defaultPort, !atLater, hint);
        } else {
            int colon = hostPort.indexOf(':');
            if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException("an IPv6 address in a URL must be in brackets: ftp://["
                        + (atLater ? "address" : safe(hostPort)) + "]:21/" + hint);
            }
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = port(colon < 0 ? "" : hostPort.substring(colon + 1), defaultPort, !atLater, hint);
            checkHostName(host, hint);
        }
        String path = tail.startsWith("/") ? tail.substring(1) : tail;
        int bad = indexOfAny(path, "?#", 0);
        if (bad >= 0) {
            char c = path.charAt(bad);
            throw new IllegalArgumentException("the path contains '" + c + "': write it as " + escape(c)
                    + " (FTP URLs have no query or fragment)" + (atLater ? hint : ""));
        }
        return new FtpUrl(user, password, host, port, decode(path, "path", !atLater), scheme);
    }

    /**
     * Connects to the URL's host and logs in with its user and password (anonymous when it has none). The scheme's
     * TLS mode applies unless the configuration already sets one.
     */
    public FtpClient open(FtpConfig config) throws io.github.ftpdoctor.error.FtpException {
        FtpConfig c = config.tlsMode() == TlsMode.NONE ? config.toBuilder().tls(tlsMode()).build() : config;
        FtpClient client = FtpClient.connect(host, port, c);
        try {
            if (user == null) {
                client.loginAnonymous();
            } else {
                client.login(user, password);
            }
            return client;
        } catch (io.github.ftpdoctor.error.FtpException e) {
            client.close();
            throw e;
        }
    }

    /** The TLS mode the scheme asks for. */
    public TlsMode tlsMode() {
        return switch (scheme) {
            case "ftps" -> TlsMode.IMPLICIT;
            case "ftpes" -> TlsMode.EXPLICIT;
            default -> TlsMode.NONE;
        };
    }

    /**
     * {@code scheme://user:****@host:port/path}: the password masked, {@code %}, {@code :}, {@code @} and
     * {@code /} in the user name percent-encoded, an IPv6 host in brackets (its zone as {@code %25}).
     */
    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host.replace("%", "%25") + "]" : host;
        String u = user == null ? "" : encodeUser(user) + (password == null ? "" : ":****") + "@";
        return scheme + "://" + u + h + ":" + port + "/" + path;
    }

    private static String encodeUser(String user) {
        StringBuilder b = new StringBuilder(user.length());
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            b.append("%:@/".indexOf(c) >= 0 ? escape(c) : String.valueOf(c));
        }
        return b.toString();
    }

    private static int port(String digits, int defaultPort, boolean echo, String hint) {
        if (digits.isEmpty()) {
            return defaultPort;
        }
        int value = -1;
        if (digits.length() <= 5 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            value = Integer.parseInt(digits);
        }
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException("the port " + (echo ? "'" + safe(digits) + "' " : "")
                    + "is not a number from 1 to 65535" + hint);
        }
        return value;
    }

    private static String ipv6(String literal, String hint) {
        String address = literal;
        String zone = "";
        int pct = literal.indexOf('%');
        if (pct >= 0) {
            address = literal.substring(0, pct);
            zone = literal.startsWith("25", pct + 1) ? literal.substring(pct + 3) : literal.substring(pct + 1);
            if (zone.isEmpty() || !zone.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
                    || c == '-' || c == '_' || c == '.'))) {
                throw new IllegalArgumentException("the IPv6 zone after '%' must be an interface name or number,"
                        + " written as %25 followed by it: ftp://[fe80::1%25eth0]/" + hint);
            }
        }
        boolean valid = address.indexOf(':') >= 0 && !address.isEmpty()
                && address.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0 && c < 128);
        if (!valid) {
            throw new IllegalArgumentException("'[" + safe(address) + "]' is not an IPv6 address: expected"
                    + " hex groups and ':', e.g. ftp://[2001:db8::1]/ or ftp://[::1]/" + hint);
        }
        return zone.isEmpty() ? address : address + "%" + zone;
    }

    private static void checkHostName(String host, String hint) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the URL has no host: expected " + FORM + hint);
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == ' ' || c == '%' || c == '\\' || c == '[' || c == ']' || c == '"' || c == '<' || c == '>') {
                throw new IllegalArgumentException("the host contains '" + c + "'"
                        + (hint.isEmpty() ? ": a host is a name, an IPv4 address or an IPv6 address in brackets"
                        : hint));
            }
        }
    }

    /**
     * Decodes {@code %XX} escapes as UTF-8; a {@code %} not followed by two hex digits stays as it is. In the user
     * name a raw {@code :} cannot occur (it ends the name); in the user information '/', '?' and '#' cannot occur
     * (they end the host part before the parser gets here).
     */
    private static String decode(String s, String part, boolean mayEcho) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            if (isEscape(s, i)) {
                bytes.reset();
                int start = i;
                while (isEscape(s, i)) {
                    bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                    i += 3;
                }
                try {
                    out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes.toByteArray())));
                } catch (CharacterCodingException e) {
                    throw new IllegalArgumentException("the " + part + " has percent-escapes that are not UTF-8"
                            + (mayEcho ? " (" + s.substring(start, i) + ")" : "")
                            + ": write each character as the %XX escapes of its UTF-8 bytes (é is %C3%A9), or"
                            + " type it as it is");
                }
            } else {
                out.append(s.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isEscape(String s, int i) {
        return i + 2 < s.length() && s.charAt(i) == '%' && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2));
    }

    private static boolean isHex(char c) {
        return c < 128 && Character.digit(c, 16) >= 0;
    }

    private static String escape(char c) {
        return String.format(Locale.ROOT, "%%%02X", (int) c);
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    /** At most 40 characters of user text for a message. */
    private static String safe(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
