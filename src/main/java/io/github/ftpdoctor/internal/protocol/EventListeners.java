package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.TransferListener;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.error.FtpException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The listener of one session: the configured factory's, the {@link TransferListener} (as an adapter) and the DEBUG
 * transcript log ({@link TranscriptLog}), whichever are there. {@link EventListener#NONE} when none is.
 */
public final class EventListeners implements EventListener {
    private final EventListener[] all;

    private EventListeners(List<EventListener> all) {
        this.all = all.toArray(new EventListener[0]);
    }

    /** The listener for a new session to {@code host}:{@code port}. */
    public static EventListener forSession(EventListener.Factory factory, TransferListener transfers, String host,
                                           int port) {
        List<EventListener> list = new ArrayList<>(3);
        if (TranscriptLog.enabled()) {
            list.add(new TranscriptLog());
        }
        if (transfers != null && transfers != TransferListener.NONE) {
            list.add(new TransferProgress(transfers));
        }
        list.add(factory == null ? EventListener.NONE : factory.create(host, port));
        return of(list);
    }

    /** One listener telling all of these, in order ({@link EventListener#NONE}s left out). */
    public static EventListener of(List<EventListener> listeners) {
        List<EventListener> list = listeners.stream().filter(l -> l != null && l != EventListener.NONE).toList();
        return list.isEmpty() ? EventListener.NONE : list.size() == 1 ? list.get(0) : new EventListeners(list);
    }

    @Override
    public void connectStart(String host, int port) {
        for (EventListener l : all) l.connectStart(host, port);
    }

    @Override
    public void connectEnd(InetSocketAddress address, Duration duration) {
        for (EventListener l : all) l.connectEnd(address, duration);
    }

    @Override
    public void connectFailed(String host, int port, FtpException failure, Duration duration) {
        for (EventListener l : all) l.connectFailed(host, port, failure, duration);
    }

    @Override
    public void tlsHandshakeStart() {
        for (EventListener l : all) l.tlsHandshakeStart();
    }

    @Override
    public void tlsHandshakeEnd(String protocol, String cipherSuite, Duration duration) {
        for (EventListener l : all) l.tlsHandshakeEnd(protocol, cipherSuite, duration);
    }

    @Override
    public void tlsHandshakeFailed(FtpException failure, Duration duration) {
        for (EventListener l : all) l.tlsHandshakeFailed(failure, duration);
    }

    @Override
    public void loginStart(String user) {
        for (EventListener l : all) l.loginStart(user);
    }

    @Override
    public void loginEnd(String user, Diagnosis diagnosis, Duration duration) {
        for (EventListener l : all) l.loginEnd(user, diagnosis, duration);
    }

    @Override
    public void loginFailed(String user, FtpException failure, Duration duration) {
        for (EventListener l : all) l.loginFailed(user, failure, duration);
    }

    @Override
    public void commandStart(String verb, String argument) {
        for (EventListener l : all) l.commandStart(verb, argument);
    }

    @Override
    public void replyReceived(String verb, Reply reply) {
        for (EventListener l : all) l.replyReceived(verb, reply);
    }

    @Override
    public void commandEnd(String verb, Reply reply, Diagnosis diagnosis, Duration duration) {
        for (EventListener l : all) l.commandEnd(verb, reply, diagnosis, duration);
    }

    @Override
    public void commandFailed(String verb, FtpException failure, Duration duration) {
        for (EventListener l : all) l.commandFailed(verb, failure, duration);
    }

    @Override
    public void dataConnectionStart(String verb) {
        for (EventListener l : all) l.dataConnectionStart(verb);
    }

    @Override
    public void dataConnectionOpened(String verb, InetSocketAddress remote, Duration duration) {
        for (EventListener l : all) l.dataConnectionOpened(verb, remote, duration);
    }

    @Override
    public void dataConnectionFailed(String verb, FtpException failure, Duration duration) {
        for (EventListener l : all) l.dataConnectionFailed(verb, failure, duration);
    }

    @Override
    public void dataConnectionClosed(String verb, Duration duration) {
        for (EventListener l : all) l.dataConnectionClosed(verb, duration);
    }

    @Override
    public void transferStart(String verb, String path, long offset, long expectedTotal) {
        for (EventListener l : all) l.transferStart(verb, path, offset, expectedTotal);
    }

    @Override
    public void transferProgress(String verb, String path, long bytes, long expectedTotal) {
        for (EventListener l : all) l.transferProgress(verb, path, bytes, expectedTotal);
    }

    @Override
    public void transferEnd(String verb, String path, long bytes, Duration duration) {
        for (EventListener l : all) l.transferEnd(verb, path, bytes, duration);
    }

    @Override
    public void transferFailed(String verb, String path, long bytes, FtpException failure, Duration duration) {
        for (EventListener l : all) l.transferFailed(verb, path, bytes, failure, duration);
    }

    @Override
    public void sessionEnd(Duration duration) {
        for (EventListener l : all) l.sessionEnd(duration);
    }

    /**
     * A {@link TransferListener} as an event listener: progress of file transfers (not listings), and once more when
     * the transfer ends, with the count then.
     */
    static final class TransferProgress implements EventListener {
        private final TransferListener listener;
        private long total = -1;

        TransferProgress(TransferListener listener) {
            this.listener = listener;
        }

        private static boolean listing(String verb) {
            return verb.equals("LIST") || verb.equals("NLST") || verb.equals("MLSD");
        }

        @Override
        public void transferStart(String verb, String path, long offset, long expectedTotal) {
            total = expectedTotal;
        }

        @Override
        public void transferProgress(String verb, String path, long bytes, long expectedTotal) {
            total = expectedTotal;
            if (!listing(verb)) {
                listener.progress(path, bytes, expectedTotal);
            }
        }

        @Override
        public void transferEnd(String verb, String path, long bytes, Duration duration) {
            if (!listing(verb)) {
                listener.progress(path, bytes, total);
            }
        }

        @Override
        public void transferFailed(String verb, String path, long bytes, FtpException failure, Duration duration) {
            if (!listing(verb)) {
                listener.progress(path, bytes, total);
            }
        }
    }
}
