package io.github.ftpdoctor.micrometer;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.error.FtpException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The listener of one session. Each diagnosis is counted once: replies at {@code commandEnd}; failures without a
 * reply at {@code connectFailed}, {@code commandFailed} and {@code tlsHandshakeFailed} (outside the connect, which
 * reports implicit TLS failures itself); at {@code transferFailed} only a transport event not counted yet (a data
 * connection that failed, a short transfer), since a refusing reply was counted at its {@code commandEnd} and a lost
 * control connection at {@code commandFailed}.
 */
final class MetricsListener implements EventListener {
    private final FtpMetrics metrics;
    private boolean connecting;
    private long transferOffset;
    private volatile Diagnosis lastCounted;

    MetricsListener(FtpMetrics metrics) {
        this.metrics = metrics;
    }

    private void count(Diagnosis d) {
        lastCounted = d;
        metrics.diagnosis(d);
    }

    @Override
    public void connectStart(String host, int port) {
        connecting = true;
    }

    @Override
    public void connectEnd(InetSocketAddress address, Duration duration) {
        connecting = false;
        metrics.time(FtpMetrics.CONNECT, "FTP connections: TCP, and TLS for implicit FTPS", duration, null);
    }

    @Override
    public void connectFailed(String host, int port, FtpException failure, Duration duration) {
        connecting = false;
        count(failure.diagnosis());
        metrics.time(FtpMetrics.CONNECT, "FTP connections: TCP, and TLS for implicit FTPS", duration,
                failure.diagnosis());
    }

    @Override
    public void tlsHandshakeEnd(String protocol, String cipherSuite, Duration duration) {
        metrics.time(FtpMetrics.TLS, "TLS handshakes on FTP control connections", duration, null);
    }

    @Override
    public void tlsHandshakeFailed(FtpException failure, Duration duration) {
        if (!connecting) {
            count(failure.diagnosis());
        }
        metrics.time(FtpMetrics.TLS, "TLS handshakes on FTP control connections", duration, failure.diagnosis());
    }

    @Override
    public void loginEnd(String user, Diagnosis diagnosis, Duration duration) {
        metrics.time(FtpMetrics.LOGIN, "FTP logins", duration, null);
    }

    @Override
    public void loginFailed(String user, FtpException failure, Duration duration) {
        metrics.time(FtpMetrics.LOGIN, "FTP logins", duration, failure.diagnosis());
    }

    @Override
    public void commandEnd(String verb, Reply reply, Diagnosis diagnosis, Duration duration) {
        count(diagnosis);
    }

    @Override
    public void commandFailed(String verb, FtpException failure, Duration duration) {
        count(failure.diagnosis());
    }

    @Override
    public void transferStart(String verb, String path, long offset, long expectedTotal) {
        transferOffset = offset;
    }

    @Override
    public void transferEnd(String verb, String path, long bytes, Duration duration) {
        metrics.transfer(verb, bytes - transferOffset, duration, null);
    }

    @Override
    public void transferFailed(String verb, String path, long bytes, FtpException failure, Duration duration) {
        Diagnosis d = failure.diagnosis();
        if (d.event() != null && d != lastCounted) {
            count(d);
        }
        metrics.transfer(verb, Math.max(0, bytes - transferOffset), duration, d);
    }
}
