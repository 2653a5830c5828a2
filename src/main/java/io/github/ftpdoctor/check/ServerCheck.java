package io.github.ftpdoctor.check;

import io.github.ftpdoctor.FtpUrl;
import io.github.ftpdoctor.TlsMode;
import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.internal.protocol.TlsContexts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.X509TrustManager;

/**
 * A complete test of one FTP server that explains every problem it finds, in English and Chinese: name resolution,
 * connection, greeting, TLS and the certificate, login, features, passive mode (and the address a 227 reply
 * announces), a data connection (over TLS: session resumption, and whether a data connection with a fresh TLS session
 * is refused), the listing, optionally active mode and, with {@link Builder#write(boolean)}, an upload, download,
 * resume, rename and delete of a small random file that is never left behind.
 * <pre>{@code
 * CheckReport report = ServerCheck.forUrl("ftpes://bob:secret@ftp.example.com/")
 *         .timeout(Duration.ofSeconds(10)).write(true).build().run();
 * report.steps().forEach(s -> System.out.println(s.step().id() + " " + s.status().id() + " " + s.outcome()));
 * System.out.println(report.toJson());
 * }</pre>
 *
 * <p>Safety: the check connects only to the server's addresses, and its data connections only to the control
 * connection's peer, whatever address a 227 reply names (a NAT'd address is reported, never tried). Every network
 * wait is bounded by the timeout, and a watchdog ends any step that runs longer than three timeouts by closing its
 * connections; a failed step never hangs the rest. Immutable; {@link #run()} may be called again.
 */
public final class ServerCheck {
    private final CheckOptions options;

    private ServerCheck(CheckOptions options) {
        this.options = options;
    }

    /**
     * A check of an {@code ftp://}, {@code ftpes://} (explicit FTPS) or {@code ftps://} (implicit FTPS) URL with its
     * user and password (anonymous without a user); a path in the URL is the directory to work in.
     *
     * @throws IllegalArgumentException if the URL is not one of those
     */
    public static Builder forUrl(String url) {
        FtpUrl u = FtpUrl.parse(Objects.requireNonNull(url, "url"));
        return new Builder(u.host(), u.port()).credentials(u.user(), u.password()).tls(u.tlsMode())
                .directory(u.path().isEmpty() ? null : u.path());
    }

    /** A check of a host and port (anonymous login and plain FTP unless set otherwise). */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /** Runs every step and returns the report; never throws for anything the server or the network does. */
    public CheckReport run() {
        return new CheckRun(options).run();
    }

    /** The server checked, password masked. */
    @Override
    public String toString() {
        return "ServerCheck{" + options.target() + "}";
    }

    /** Builds a {@link ServerCheck}. Not thread-safe. */
    public static final class Builder {
        private final String host;
        private final int port;
        private String user;
        private String password;
        private String directory;
        private TlsMode tls = TlsMode.NONE;
        private Duration timeout = Duration.ofSeconds(10);
        private boolean write;
        private boolean active;
        private X509TrustManager trust;
        private boolean insecure;
        private Classifier classifier;

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be empty");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1 to 65535: " + port);
            }
            this.port = port;
        }

        /** The login (null user: anonymous). The password is sent only after TLS is up on ftpes:// and ftps://. */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /**
         * The directory to work in: listed, and written to with {@link #write(boolean)} (CWD after login, relative to
         * the login directory as in a URL; null: the login directory).
         */
        public Builder directory(String path) {
            if (path != null && (path.indexOf('\r') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\0') >= 0)) {
                throw new IllegalArgumentException("the directory must not contain CR, LF or NUL");
            }
            this.directory = path == null || path.isEmpty() ? null : path;
            return this;
        }

        /** Plain FTP, explicit FTPS (AUTH TLS) or implicit FTPS (default: plain, or the URL's scheme). */
        public Builder tls(TlsMode mode) {
            this.tls = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The bound of every connect, reply and data wait (default 10 s). */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("timeout must be above zero and at most a day");
            }
            this.timeout = timeout;
            return this;
        }

        /** Also test writing: upload, download, resume, rename and delete one small file (default off). */
        public Builder write(boolean on) {
            this.write = on;
            return this;
        }

        /** Also test active mode, EPRT/PORT (default off). */
        public Builder active(boolean on) {
            this.active = on;
            return this;
        }

        /** Trust exactly the certificates in a PEM or DER file (the CLI's {@code --cacert}). */
        public Builder trustCertificates(Path certificates) {
            return trustManager(TlsContexts.trusting(Objects.requireNonNull(certificates, "certificates")));
        }

        /** The trust manager that checks the server's certificate (default: the JDK's). */
        public Builder trustManager(X509TrustManager manager) {
            this.trust = Objects.requireNonNull(manager, "manager");
            this.insecure = false;
            return this;
        }

        /**
         * Go on whatever the certificate (the CLI's {@code --insecure}); the TLS step still reports, as warnings,
         * what a client that checks certificates would refuse: untrusted issuer, expiry, host name.
         */
        public Builder insecure() {
            this.trust = TlsContexts.trustingEverything();
            this.insecure = true;
            return this;
        }

        /** The classifier that names the outcomes (default: the built-in catalog). */
        public Builder classifier(Classifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        public ServerCheck build() {
            return new ServerCheck(new CheckOptions(host, port, user, password, directory, tls, timeout, write, active, trust,
                    insecure, classifier == null ? Classifier.standard() : classifier));
        }
    }
}
