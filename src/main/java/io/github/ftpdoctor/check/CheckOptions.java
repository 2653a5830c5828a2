package io.github.ftpdoctor.check;

import io.github.ftpdoctor.FtpUrl;
import io.github.ftpdoctor.TlsMode;
import io.github.ftpdoctor.diagnosis.Classifier;
import java.time.Duration;
import javax.net.ssl.X509TrustManager;

/**
 * What a check was asked to do.
 *
 * @param directory the directory to work in (CWD after login, relative to the login directory as in a URL), or null
 * @param trust     the trust manager, or null for the JDK's
 * @param insecure  whether certificate problems are only reported (the run goes on)
 */
record CheckOptions(String host, int port, String user, String password, String directory, TlsMode tls,
                    Duration timeout, boolean write, boolean active, X509TrustManager trust, boolean insecure,
                    Classifier classifier) {

    int timeoutMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** The login name actually used: {@code anonymous} without a user. */
    String loginName() {
        return user == null ? "anonymous" : user;
    }

    String scheme() {
        return tls == TlsMode.EXPLICIT ? "ftpes" : tls == TlsMode.IMPLICIT ? "ftps" : "ftp";
    }

    /** The target as a URL, password masked. */
    String target() {
        return new FtpUrl(user, password, host, port, directory == null ? "" : directory, scheme()).toString();
    }

    /** Any text with the password replaced by {@code ****} (for passwords long enough not to hit ordinary words). */
    String mask(String text) {
        if (text == null || password == null || password.length() < 4) {
            return text;
        }
        return text.replace(password, "****");
    }

    @Override
    public String toString() {
        return target();
    }
}
