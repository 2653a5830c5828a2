package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.FtpUrl;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.TransferListener;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.error.FtpException;
import java.time.Duration;

/** What every network command shares: URL, timeout, connect and log in (anonymous without a user). */
final class Connection {
    private Connection() {
    }

    /** The configuration for a URL and the shared options: timeouts, FTPS mode from the scheme, trust. */
    static FtpConfig config(FtpUrl url, NetworkOptions options, TransferListener listener) {
        FtpConfig.Builder config = builder(options.timeout, listener).tls(url.tlsMode());
        if (options.insecure) {
            config.insecure();
        } else if (options.cacert != null) {
            config.trustCertificates(options.cacert);
        }
        return config.build();
    }

    private static FtpConfig.Builder builder(Double timeoutSeconds, TransferListener listener) {
        FtpConfig.Builder config = FtpConfig.builder();
        if (timeoutSeconds != null) {
            if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) {
                throw new IllegalArgumentException("--timeout must be a number of seconds above 0");
            }
            Duration d = Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
            config.connectTimeout(d).replyTimeout(d).dataConnectTimeout(d).dataTimeout(d);
        }
        if (listener != null) {
            config.transferListener(listener);
        }
        return config;
    }

    static FtpClient open(FtpUrl target, FtpConfig config) throws FtpException {
        return FtpClient.connect(target.host(), target.port(), config);
    }

    static Diagnosis login(FtpClient ftp, FtpUrl target) throws FtpException {
        return target.user() == null ? ftp.loginAnonymous() : ftp.login(target.user(), target.password());
    }
}
