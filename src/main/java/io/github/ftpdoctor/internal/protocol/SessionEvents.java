package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.error.FtpException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session's {@link EventListener}, called only when there is one: with {@link EventListener#NONE} every method
 * returns at once, {@link #now()} reads no clock and nothing is allocated. A listener that throws is logged and
 * ignored. Timestamps are {@link System#nanoTime()} values taken with {@link #now()}.
 */
public final class SessionEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SessionEvents.class);

    private final EventListener l;
    private final boolean on;

    public SessionEvents(EventListener listener) {
        this.l = listener == null ? EventListener.NONE : listener;
        this.on = l != EventListener.NONE;
    }

    /** Whether anyone listens: when false, callers may skip preparing event arguments. */
    public boolean on() {
        return on;
    }

    /** A start time for a later duration: the clock when listening, else 0. */
    public long now() {
        return on ? System.nanoTime() : 0;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void failed(RuntimeException e) {
        LOG.warn("event listener {} failed: {}", l.getClass().getName(), e.toString());
    }

    public void connectStart(String host, int port) {
        if (on) {
            try { l.connectStart(host, port); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void connectEnd(InetSocketAddress address, long start) {
        if (on) {
            try { l.connectEnd(address, since(start)); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void connectFailed(String host, int port, FtpException failure, long start) {
        if (on) {
            try { l.connectFailed(host, port, failure, since(start)); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void tlsStart() {
        if (on) {
            try { l.tlsHandshakeStart(); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void tlsEnd(javax.net.ssl.SSLSocket socket, long start) {
        if (on) {
            try {
                var s = socket.getSession();
                l.tlsHandshakeEnd(s.getProtocol(), s.getCipherSuite(), since(start));
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    public void tlsFailed(FtpException failure, long start) {
        if (on) {
            try { l.tlsHandshakeFailed(failure, since(start)); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void loginStart(String user) {
        if (on) {
            try { l.loginStart(user); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void loginEnd(String user, Diagnosis diagnosis, long start) {
        if (on) {
            try { l.loginEnd(user, diagnosis, since(start)); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void loginFailed(String user, FtpException failure, long start) {
        if (on) {
            try { l.loginFailed(user, failure, since(start)); } catch (RuntimeException e) { failed(e); }
        }
    }

    /** A command sent; secrets (PASS, ACCT) are masked here, before any listener sees them. */
    public void commandStart(String verb, String argument) {
        if (on) {
            String shown = argument == null ? null : Transcript.isSecret(verb) ? "****" : argument;
            try { l.commandStart(verb, shown); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void replyReceived(String verb, Reply reply) {
        if (on) {
            try { l.replyReceived(verb, reply); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void commandEnd(String verb, Reply reply, Diagnosis diagnosis, long start) {
        if (on) {
            try { l.commandEnd(verb, reply, diagnosis, since(start)); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void commandFailed(String verb, FtpException failure, long start) {
        if (on) {
            try { l.commandFailed(verb, failure, since(start)); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void dataStart(String verb) {
        if (on) {
            try { l.dataConnectionStart(verb); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void dataOpened(String verb, java.net.Socket socket, long start) {
        if (on) {
            try {
                l.dataConnectionOpened(verb, (InetSocketAddress) socket.getRemoteSocketAddress(), since(start));
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    public void dataFailed(String verb, FtpException failure, long start) {
        if (on) {
            try { l.dataConnectionFailed(verb, failure, since(start)); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void dataClosed(String verb, long opened) {
        if (on) {
            try { l.dataConnectionClosed(verb, since(opened)); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void transferStart(String verb, String path, long offset, long expectedTotal) {
        if (on) {
            try { l.transferStart(verb, path, offset, expectedTotal); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void transferProgress(String verb, String path, long bytes, long expectedTotal) {
        if (on) {
            try { l.transferProgress(verb, path, bytes, expectedTotal); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void transferEnd(String verb, String path, long bytes, long start) {
        if (on) {
            try { l.transferEnd(verb, path, bytes, since(start)); } catch (RuntimeException e) { failed(e); }
        }
    }

    public void transferFailed(String verb, String path, long bytes, FtpException failure, long start) {
        if (on) {
            try {
                l.transferFailed(verb, path, bytes, failure, since(start));
            } catch (RuntimeException e) {
                failed(e);
            }
        }
    }

    public void sessionEnd(long start) {
        if (on) {
            try { l.sessionEnd(since(start)); } catch (RuntimeException e) { failed(e); }
        }
    }
}
