package io.github.ftpdoctor;

import io.github.ftpdoctor.diagnosis.Classifier;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * Immutable client configuration. Every timeout is finite: nothing in ftpdoctor waits forever.
 * <pre>{@code
 * FtpConfig config = FtpConfig.builder()
 *         .connectTimeout(Duration.ofSeconds(5))
 *         .controlEncoding(Charset.forName("GBK"))
 *         .build();
 * }</pre>
 */
public final class FtpConfig {
    private static final FtpConfig DEFAULTS = builder().build();
    private final Builder s; // a snapshot of the builder, never handed out

    private FtpConfig(Builder b) {
        this.s = b.copy();
    }

    /** Connect 15 s, reply 60 s, UTF-8 with detection of GB18030/Big5 replies, OPTS UTF8 ON when offered. */
    public static FtpConfig defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return s.copy();
    }

    // The settings, as the builder methods of the same names describe them.
    public Duration connectTimeout() { return s.connectTimeout; }
    public Duration replyTimeout() { return s.replyTimeout; }
    public Charset controlEncoding() { return s.controlEncoding; }
    public boolean autoDetectEncoding() { return s.autoDetectEncoding; }
    public boolean negotiateUtf8() { return s.negotiateUtf8; }
    public Classifier classifier() { return s.classifier != null ? s.classifier : Classifier.standard(); }

    /** The classifier given to the builder, or null for the built-in one (read when a session first needs it). */
    Classifier classifierOrNull() { return s.classifier; }
    public SocketFactory socketFactory() { return s.socketFactory; }
    public int transcriptLines() { return s.transcriptLines; }
    public DataConnectionMode dataConnectionMode() { return s.dataConnectionMode; }
    public boolean trustPassiveAddress() { return s.trustPassiveAddress; }
    public int activePortLow() { return s.activePortLow; }
    public int activePortHigh() { return s.activePortHigh; }
    public java.net.InetAddress activeAddress() { return s.activeAddress; }
    public Duration dataConnectTimeout() { return s.dataConnectTimeout; }
    public Duration dataTimeout() { return s.dataTimeout; }
    public Duration keepAliveInterval() { return s.keepAliveInterval; }
    public TransferListener transferListener() { return s.transferListener; }
    public EventListener.Factory eventListenerFactory() { return s.eventListenerFactory; }
    public int bufferSize() { return s.bufferSize; }
    public boolean verifySize() { return s.verifySize; }
    public boolean keepPartialDownloads() { return s.keepPartialDownloads; }
    public TlsMode tlsMode() { return s.tlsMode; }

    /** The FTPS settings for the internal layer, or null for plain FTP. */
    io.github.ftpdoctor.internal.protocol.TlsOptions tlsOptions() {
        if (s.tlsMode == TlsMode.NONE) {
            return null;
        }
        var probe = s.tlsTrust.probeForSession();
        return new io.github.ftpdoctor.internal.protocol.TlsOptions(s.tlsMode == TlsMode.EXPLICIT,
                s.tlsTrust.contextForSession(probe), probe,
                s.verifyHostname, s.protectData, s.tlsProtocols == null ? null : s.tlsProtocols.clone());
    }

    String anonymousPassword() {
        return s.anonymousPassword;
    }

    @Override
    public String toString() {
        return "FtpConfig{connectTimeout=" + s.connectTimeout + ", replyTimeout=" + s.replyTimeout
                + ", controlEncoding=" + s.controlEncoding + ", autoDetectEncoding=" + s.autoDetectEncoding
                + ", negotiateUtf8=" + s.negotiateUtf8 + ", transcriptLines=" + s.transcriptLines
                + ", dataConnectionMode=" + s.dataConnectionMode + ", trustPassiveAddress=" + s.trustPassiveAddress
                + ", dataConnectTimeout=" + s.dataConnectTimeout + ", dataTimeout=" + s.dataTimeout
                + ", keepAliveInterval=" + s.keepAliveInterval + ", bufferSize=" + s.bufferSize + "}";
    }

    /** Builds an {@link FtpConfig}. Not thread-safe. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration replyTimeout = Duration.ofSeconds(60);
        private Charset controlEncoding = StandardCharsets.UTF_8;
        private boolean autoDetectEncoding = true;
        private boolean negotiateUtf8 = true;
        private Classifier classifier;
        private SocketFactory socketFactory = SocketFactory.getDefault();
        private int transcriptLines = 100;
        private String anonymousPassword = "anonymous@";
        private TlsMode tlsMode = TlsMode.NONE;
        private io.github.ftpdoctor.internal.protocol.TlsTrust tlsTrust =
                io.github.ftpdoctor.internal.protocol.TlsTrust.SYSTEM;
        private boolean verifyHostname = true;
        private boolean protectData = true;
        private String[] tlsProtocols = null;
        private DataConnectionMode dataConnectionMode = DataConnectionMode.PASSIVE;
        private boolean trustPassiveAddress = false;
        private int activePortLow = 0;
        private int activePortHigh = 0;
        private java.net.InetAddress activeAddress = null;
        private Duration dataConnectTimeout = Duration.ofSeconds(15);
        private Duration dataTimeout = Duration.ofSeconds(60);
        private Duration keepAliveInterval = null;
        private TransferListener transferListener = TransferListener.NONE;
        private EventListener.Factory eventListenerFactory = EventListener.Factory.NONE;
        private int bufferSize = 1024 * 1024;
        private boolean verifySize = true;
        private boolean keepPartialDownloads = false;

        private Builder() {
        }

        /** How long the TCP connect may take (default 15 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for each reply, the greeting included (default 60 s). */
        public Builder replyTimeout(Duration timeout) {
            this.replyTimeout = positive(timeout, "replyTimeout");
            return this;
        }

        /** The control connection's encoding (default UTF-8; GBK or GB18030 for legacy Chinese servers). */
        public Builder controlEncoding(Charset charset) {
            this.controlEncoding = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /** Decode replies that are invalid in the control encoding as UTF-8, GB18030 or Big5 (default on). */
        public Builder autoDetectEncoding(boolean on) {
            this.autoDetectEncoding = on;
            return this;
        }

        /** Send {@code OPTS UTF8 ON} after login when FEAT lists UTF8 and the encoding is UTF-8 (default on). */
        public Builder negotiateUtf8(boolean on) {
            this.negotiateUtf8 = on;
            return this;
        }

        /** The classifier to diagnose with (default: the built-in catalog). */
        public Builder classifier(Classifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** Creates the control socket (default: plain sockets). */
        public Builder socketFactory(SocketFactory factory) {
            this.socketFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** How many lines of the session's transcript exceptions carry (default 100). */
        public Builder transcriptLines(int lines) {
            if (lines < 1) {
                throw new IllegalArgumentException("transcriptLines must be at least 1");
            }
            this.transcriptLines = lines;
            return this;
        }

        /** The password sent by {@link FtpClient#loginAnonymous()} (default {@code anonymous@}). */
        public Builder anonymousPassword(String password) {
            this.anonymousPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Passive (default: EPSV, then PASV) or active (EPRT, then PORT) data connections. */
        public Builder dataConnectionMode(DataConnectionMode mode) {
            this.dataConnectionMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Connect to the address a 227 reply names instead of the control connection's peer (default off: a
         * hostile or NATed server cannot send the client elsewhere).
         */
        public Builder trustPassiveAddress(boolean trust) {
            this.trustPassiveAddress = trust;
            return this;
        }

        /** Local ports to listen on in active mode (default: any free port). */
        public Builder activePortRange(int low, int high) {
            if (low < 1 || high > 65535 || low > high) {
                throw new IllegalArgumentException("active port range must be within 1-65535, low <= high");
            }
            this.activePortLow = low;
            this.activePortHigh = high;
            return this;
        }

        /** The address announced in EPRT/PORT, e.g. the public address of a NAT (default: the control connection's local address). */
        public Builder activeAddress(java.net.InetAddress address) {
            this.activeAddress = address;
            return this;
        }

        /** How long connecting a data connection may take, either way (default 15 s). */
        public Builder dataConnectTimeout(Duration timeout) {
            this.dataConnectTimeout = positive(timeout, "dataConnectTimeout");
            return this;
        }

        /** The longest silence allowed on a data connection (default 60 s). */
        public Builder dataTimeout(Duration timeout) {
            this.dataTimeout = positive(timeout, "dataTimeout");
            return this;
        }

        /** Send NOOP on the control connection this often during long transfers (default off). */
        public Builder keepAliveInterval(Duration interval) {
            this.keepAliveInterval = interval == null ? null : positive(interval, "keepAliveInterval");
            return this;
        }

        /** Told of every transfer's progress (default: nobody); an {@link EventListener} adapter underneath. */
        public Builder transferListener(TransferListener listener) {
            this.transferListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Gives each session an {@link EventListener} (default: none, which costs nothing). */
        public Builder eventListenerFactory(EventListener.Factory factory) {
            this.eventListenerFactory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** Copy buffer size for transfers (default 1 MiB). */
        public Builder bufferSize(int bytes) {
            if (bytes < 1024 || bytes > 64 * 1024 * 1024) {
                throw new IllegalArgumentException("bufferSize must be 1 KiB to 64 MiB");
            }
            this.bufferSize = bytes;
            return this;
        }

        /** Ask SIZE before binary downloads and fail when fewer bytes arrive (default on). */
        public Builder verifySize(boolean on) {
            this.verifySize = on;
            return this;
        }

        /** Keep the {@code .part} file of a failed download so that it can be resumed (default off). */
        public Builder keepPartialDownloads(boolean keep) {
            this.keepPartialDownloads = keep;
            return this;
        }

        /** FTPS: {@link TlsMode#EXPLICIT} (AUTH TLS) or {@link TlsMode#IMPLICIT} (TLS from the start); default none. */
        public Builder tls(TlsMode mode) {
            this.tlsMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * One SSL context for every FTPS session made with this configuration. By default, and with
         * {@link #trustManager}, {@link #keyManager}, {@link #trustCertificates} or {@link #insecure}, each session
         * gets a new context instead: JSSE caches one session per server host and port in a context, so sessions
         * running at the same time against one server would resume each other's TLS session on their data
         * connections, which servers requiring session reuse (vsftpd {@code require_ssl_reuse}, TLS 1.2) refuse.
         * Use a shared context only for one session at a time per server.
         */
        public Builder sslContext(javax.net.ssl.SSLContext context) {
            this.tlsTrust = io.github.ftpdoctor.internal.protocol.TlsTrust.shared(Objects.requireNonNull(context));
            return this;
        }

        /** The trust manager that checks servers' certificates (default: the JDK's, its cacerts). */
        public Builder trustManager(javax.net.ssl.X509TrustManager manager) {
            this.tlsTrust = tlsTrust.trust(Objects.requireNonNull(manager, "manager"));
            return this;
        }

        /** The key manager offering a client certificate, for servers that ask for one (default: none). */
        public Builder keyManager(javax.net.ssl.X509KeyManager manager) {
            this.tlsTrust = tlsTrust.keys(Objects.requireNonNull(manager, "manager"));
            return this;
        }

        /** Trust exactly the certificates in a PEM or DER file (the CLI's {@code --cacert}). */
        public Builder trustCertificates(java.nio.file.Path certificates) {
            return trustManager(io.github.ftpdoctor.internal.protocol.TlsContexts.trusting(certificates));
        }

        /** Trust any certificate and skip the host name check: only for servers you control (CLI {@code --insecure}). */
        public Builder insecure() {
            this.verifyHostname = false;
            return trustManager(io.github.ftpdoctor.internal.protocol.TlsContexts.trustingEverything());
        }

        /** Check that the server's certificate names the host (default on). */
        public Builder verifyHostname(boolean on) {
            this.verifyHostname = on;
            return this;
        }

        /** PROT P, encrypted data connections (default), or PROT C when false. */
        public Builder protectData(boolean on) {
            this.protectData = on;
            return this;
        }

        /** The TLS versions to allow, e.g. {@code "TLSv1.3"} (default: the JDK's). */
        public Builder tlsProtocols(String... protocols) {
            this.tlsProtocols = protocols == null || protocols.length == 0 ? null : protocols.clone();
            return this;
        }

        private Builder copy() {
            Builder c = new Builder();
            c.connectTimeout = connectTimeout;
            c.replyTimeout = replyTimeout;
            c.controlEncoding = controlEncoding;
            c.autoDetectEncoding = autoDetectEncoding;
            c.negotiateUtf8 = negotiateUtf8;
            c.classifier = classifier;
            c.socketFactory = socketFactory;
            c.transcriptLines = transcriptLines;
            c.anonymousPassword = anonymousPassword;
            c.tlsMode = tlsMode;
            c.tlsTrust = tlsTrust;
            c.verifyHostname = verifyHostname;
            c.protectData = protectData;
            c.tlsProtocols = tlsProtocols;
            c.dataConnectionMode = dataConnectionMode;
            c.trustPassiveAddress = trustPassiveAddress;
            c.activePortLow = activePortLow;
            c.activePortHigh = activePortHigh;
            c.activeAddress = activeAddress;
            c.dataConnectTimeout = dataConnectTimeout;
            c.dataTimeout = dataTimeout;
            c.keepAliveInterval = keepAliveInterval;
            c.transferListener = transferListener;
            c.eventListenerFactory = eventListenerFactory;
            c.bufferSize = bufferSize;
            c.verifySize = verifySize;
            c.keepPartialDownloads = keepPartialDownloads;
            return c;
        }

        public FtpConfig build() {
            return new FtpConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: a zero timeout would wait forever");
            }
            return d;
        }
    }
}
