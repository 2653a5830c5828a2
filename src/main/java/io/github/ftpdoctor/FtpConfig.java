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

    private final Duration connectTimeout;
    private final Duration replyTimeout;
    private final Charset controlEncoding;
    private final boolean autoDetectEncoding;
    private final boolean negotiateUtf8;
    private final Classifier classifier;
    private final SocketFactory socketFactory;
    private final int transcriptLines;
    private final String anonymousPassword;

    private FtpConfig(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.replyTimeout = b.replyTimeout;
        this.controlEncoding = b.controlEncoding;
        this.autoDetectEncoding = b.autoDetectEncoding;
        this.negotiateUtf8 = b.negotiateUtf8;
        this.classifier = b.classifier;
        this.socketFactory = b.socketFactory;
        this.transcriptLines = b.transcriptLines;
        this.anonymousPassword = b.anonymousPassword;
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
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.replyTimeout = replyTimeout;
        b.controlEncoding = controlEncoding;
        b.autoDetectEncoding = autoDetectEncoding;
        b.negotiateUtf8 = negotiateUtf8;
        b.classifier = classifier;
        b.socketFactory = socketFactory;
        b.transcriptLines = transcriptLines;
        b.anonymousPassword = anonymousPassword;
        return b;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration replyTimeout() {
        return replyTimeout;
    }

    public Charset controlEncoding() {
        return controlEncoding;
    }

    public boolean autoDetectEncoding() {
        return autoDetectEncoding;
    }

    public boolean negotiateUtf8() {
        return negotiateUtf8;
    }

    public Classifier classifier() {
        return classifier;
    }

    public SocketFactory socketFactory() {
        return socketFactory;
    }

    public int transcriptLines() {
        return transcriptLines;
    }

    String anonymousPassword() {
        return anonymousPassword;
    }

    @Override
    public String toString() {
        return "FtpConfig{connectTimeout=" + connectTimeout + ", replyTimeout=" + replyTimeout
                + ", controlEncoding=" + controlEncoding + ", autoDetectEncoding=" + autoDetectEncoding
                + ", negotiateUtf8=" + negotiateUtf8 + ", transcriptLines=" + transcriptLines + "}";
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

        public FtpConfig build() {
            if (classifier == null) {
                classifier = Classifier.standard();
            }
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
