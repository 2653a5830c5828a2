package io.github.ftpdoctor;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.error.FtpException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Told what one session does, step by step, with timings: for metrics, tracing and logs. Every method does nothing
 * by default; override the ones you need. A {@link Factory} gives each session a listener of its own
 * ({@link FtpConfig.Builder#eventListenerFactory}), so a listener may keep per-session state without locking.
 *
 * <p>Steps come in pairs: a {@code ...Start} is followed by its {@code ...End} or, when it failed, its
 * {@code ...Failed}, which carries the diagnosed {@link FtpException} the caller sees (or will see). The order of a
 * session is: {@code connectStart} → {@code connectEnd} (TCP, plus TLS for implicit FTPS) → the greeting, reported
 * as the reply to a pseudo-command {@code CONNECT} (as diagnoses name it) → for explicit FTPS the {@code AUTH}
 * command and the TLS handshake → {@code loginStart} with its USER/PASS commands → {@code loginEnd} → commands and
 * transfers → {@code sessionEnd}, exactly once, also after a failed connect.
 *
 * <p>Methods are called on the thread using the session (an {@link FtpClient#abort()} from another thread reports
 * its {@code ABOR} there). They must be quick and must not call back into the session. A listener that throws is
 * logged at WARN and otherwise ignored: it never breaks a transfer.
 *
 * <p>No argument ever holds a password: the argument of {@code PASS} and {@code ACCT} is given as {@code ****}.
 * Remote paths and the user name do appear (in {@link #commandStart}, {@link #loginStart} and the transfer
 * methods); keep them out of metric tags.
 *
 * <p>{@link #NONE}, the default, costs nothing measurable: when a session has no listener (and neither a
 * {@link TransferListener} nor the DEBUG transcript log is on), no timing is taken, no reply is diagnosed for the
 * listener and nothing is allocated for events; progress events come at most once per 256 KiB moved, never per read.
 */
public interface EventListener {
    /** A listener that ignores everything; sessions with it do no event work at all. */
    EventListener NONE = new EventListener() {
        @Override
        public String toString() {
            return "EventListener.NONE";
        }
    };

    /** Makes one listener per session. Called on the connecting thread, before the connection is opened. */
    @FunctionalInterface
    interface Factory {
        /** A factory that gives every session {@link EventListener#NONE}. */
        Factory NONE = (host, port) -> EventListener.NONE;

        /** The listener of a new session to {@code host} and {@code port}. */
        EventListener create(String host, int port);

        /** A factory giving every session the same listener, which must then be thread-safe. */
        static Factory of(EventListener listener) {
            java.util.Objects.requireNonNull(listener, "listener");
            return (host, port) -> listener;
        }

        /** A factory whose sessions tell each of these factories' listeners, in this order. */
        static Factory all(java.util.List<Factory> factories) {
            java.util.List<Factory> list = java.util.List.copyOf(factories);
            return (host, port) -> io.github.ftpdoctor.internal.protocol.EventListeners.of(
                    list.stream().map(f -> f.create(host, port)).toList());
        }
    }

    /** The TCP connection to {@code host} is about to be opened (each of its addresses is tried in turn). */
    default void connectStart(String host, int port) {
    }

    /** The connection is open (and, for implicit FTPS, TLS is up); the greeting comes next. */
    default void connectEnd(InetSocketAddress address, Duration duration) {
    }

    /** The connection could not be made (refused, timed out, unknown host, TLS failed for implicit FTPS). */
    default void connectFailed(String host, int port, FtpException failure, Duration duration) {
    }

    /** A TLS handshake on the control connection begins (implicit FTPS, or after {@code 234} to AUTH TLS). */
    default void tlsHandshakeStart() {
    }

    /** TLS is up on the control connection. */
    default void tlsHandshakeEnd(String protocol, String cipherSuite, Duration duration) {
    }

    /** The TLS handshake failed (untrusted certificate, name mismatch, ...). */
    default void tlsHandshakeFailed(FtpException failure, Duration duration) {
    }

    /** Login begins: USER, then PASS and ACCT as the server asks. */
    default void loginStart(String user) {
    }

    /** Logged in; {@code diagnosis} is that of the reply that completed the login (usually 230). */
    default void loginEnd(String user, Diagnosis diagnosis, Duration duration) {
    }

    /** The login was refused or the connection was lost during it. */
    default void loginFailed(String user, FtpException failure, Duration duration) {
    }

    /**
     * A command is sent ({@code CONNECT}, the pseudo-command of the greeting, is "sent" when the connection opens).
     *
     * @param argument the argument as sent, {@code ****} for PASS and ACCT, or null for none
     */
    default void commandStart(String verb, String argument) {
    }

    /**
     * A reply arrived: every reply, preliminary (1xx) ones included, in the order read. Called before
     * {@link #commandEnd} for a final reply.
     */
    default void replyReceived(String verb, Reply reply) {
    }

    /**
     * The final reply to a command, positive or negative, with its diagnosis; the duration runs from
     * {@code commandStart}. For a transfer command this comes after the data. Replies to the NOOPs and the ABOR sent
     * while a transfer runs are reported under the transfer's verb.
     */
    default void commandEnd(String verb, Reply reply, Diagnosis diagnosis, Duration duration) {
    }

    /** No reply came: the connection was lost, timed out or the reply was malformed. */
    default void commandFailed(String verb, FtpException failure, Duration duration) {
    }

    /** A data connection is being negotiated (EPSV, PASV, EPRT or PORT) for a transfer command. */
    default void dataConnectionStart(String verb) {
    }

    /** The data connection is open (TLS included for PROT P). */
    default void dataConnectionOpened(String verb, InetSocketAddress remote, Duration duration) {
    }

    /** The data connection could not be negotiated or opened. */
    default void dataConnectionFailed(String verb, FtpException failure, Duration duration) {
    }

    /** The data connection was closed; {@code duration} is how long it was open. */
    default void dataConnectionClosed(String verb, Duration duration) {
    }

    /**
     * A transfer begins: {@code RETR}, {@code STOR}, {@code APPE}, {@code STOU}, or a listing ({@code LIST},
     * {@code NLST}, {@code MLSD}).
     *
     * @param offset        the restart offset (REST), 0 for a whole file
     * @param expectedTotal the size the file will have when complete, or -1 when unknown
     */
    default void transferStart(String verb, String path, long offset, long expectedTotal) {
    }

    /** Data moved: called at most once per 256 KiB, never per read. {@code bytes} includes the restart offset. */
    default void transferProgress(String verb, String path, long bytes, long expectedTotal) {
    }

    /** The transfer completed and the server confirmed it. */
    default void transferEnd(String verb, String path, long bytes, Duration duration) {
    }

    /** The transfer failed; {@code bytes} were moved (restart offset included). */
    default void transferFailed(String verb, String path, long bytes, FtpException failure, Duration duration) {
    }

    /** The session is over (QUIT, close, or a failure that closed it); called once. */
    default void sessionEnd(Duration duration) {
    }
}
