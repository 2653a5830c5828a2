package io.github.ftpdoctor;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An FTP URL, {@code ftp://[user[:password]@]host[:port]/[path]}, also {@code ftpes://} (explicit FTPS) and
 * {@code ftps://} (implicit FTPS), percent-decoded. {@link #toString()} never shows the password.
 *
 * @param user     the user, or null for anonymous
 * @param password the password, or null
 * @param host     host name or address (IPv6 without brackets)
 * @param port     port, 21 by default
 * @param path     the decoded path after the first slash, or "" for none
 * @param scheme   {@code ftp}, {@code ftpes} (explicit FTPS) or {@code ftps} (implicit FTPS, port 990 by default)
 */
public record FtpUrl(String user, String password, String host, int port, String path, String scheme) {

    /**
     * Parses a URL.
     *
     * @throws IllegalArgumentException if it is not an ftp, ftpes or ftps URL with a host
     */
    public static FtpUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ftp") && !scheme.equals("ftps") && !scheme.equals("ftpes")) {
            throw new IllegalArgumentException("the URL must start with ftp://, ftpes:// (explicit FTPS) or ftps:// "
                    + "(implicit FTPS), not '" + scheme + "'");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("the URL has no host: expected ftp://[user[:password]@]host[:port]/");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String path = rawPath.startsWith("/") ? decode(rawPath.substring(1)) : decode(rawPath);
        int defaultPort = scheme.equals("ftps") ? 990 : 21;
        return new FtpUrl(user, password, host, uri.getPort() < 0 ? defaultPort : uri.getPort(), path, scheme);
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

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        String u = user == null ? "" : user + (password == null ? "" : ":****") + "@";
        return scheme + "://" + u + h + ":" + port + "/" + path;
    }
}
