package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import javax.net.ssl.SSLSocket;

/** Opens a {@link Session}: the TCP connection, TLS first for implicit FTPS, then the greeting and AUTH TLS. */
final class SessionOpener {
    private SessionOpener() {
    }

    static Session open(ConnectOptions options, boolean deferAuth) throws FtpException {
        SessionEvents events = new SessionEvents(options.listener());
        long started = events.now();
        try {
            return open(options, deferAuth, events, started);
        } catch (FtpException | RuntimeException e) {
            events.sessionEnd(started);
            throw e;
        }
    }

    private static Session open(ConnectOptions options, boolean deferAuth, SessionEvents events, long started)
            throws FtpException {
        Socket socket;
        ExchangeContext connecting = ExchangeContext.connecting()
                .withFailedLogins(HostHistory.recentFailedLogins(options.host(), options.port()));
        events.connectStart(options.host(), options.port());
        try {
            socket = Connector.connect(options);
        } catch (TransportFailure f) {
            FtpException e = f.toException(options.classifier(), connecting, List.of());
            events.connectFailed(options.host(), options.port(), e, started);
            throw e;
        }
        boolean tlsFirst = options.tls() != null && !options.tls().explicit();
        if (tlsFirst) {
            long tlsStarted = events.now();
            events.tlsStart();
            try {
                socket = TlsUpgrade.wrap(socket, options.host(), options.tls()); // implicit FTPS: TLS first
                events.tlsEnd((SSLSocket) socket, tlsStarted);
            } catch (TransportFailure f) {
                FtpException e = f.withCertificateHint(options).toException(options.classifier(), connecting, List.of());
                events.tlsFailed(e, tlsStarted);
                events.connectFailed(options.host(), options.port(), e, started);
                throw e;
            }
        }
        events.connectEnd((InetSocketAddress) socket.getRemoteSocketAddress(), started);
        ControlChannel channel;
        try {
            channel = new ControlChannel(socket, options.charset(), options.autoDetect(), options.transcriptLines());
        } catch (IOException e) {
            Connector.closeQuietly(socket);
            throw new TransportFailure(TransportEvent.RESET_BEFORE_GREETING, e.getMessage(), e)
                    .toException(options.classifier(), ExchangeContext.connecting(), List.of());
        }
        Session session = new Session(channel, options, events, started);
        try {
            session.start(tlsFirst, deferAuth);
            return session;
        } catch (FtpException e) {
            session.channel().close(); // sessionEnd is reported by the caller
            throw e;
        }
    }

    /** A failure while waiting for the greeting, named as such. */
    static TransportFailure greetingEvent(TransportFailure f) {
        switch (f.event()) {
            case CLOSED_MID_SESSION: // a greeting cut short is a server that crashed, not one that refuses us
                return f.getCause() instanceof ReplyReader.TruncatedReply ? f
                        : f.as(TransportEvent.CLOSED_BEFORE_GREETING);
            case RESET_MID_SESSION: return f.as(TransportEvent.RESET_BEFORE_GREETING);
            case REPLY_TIMEOUT: return f.as(TransportEvent.GREETING_TIMEOUT);
            case MALFORMED_REPLY: return f.as(TransportEvent.NOT_FTP_GREETING);
            default: return f;
        }
    }

}
