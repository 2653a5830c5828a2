package io.github.ftpdoctor.internal.data;

import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.protocol.Session;
import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A data connection about to be used: already connected (passive) or waiting for the server (active). */
public final class PendingData implements Closeable {
    private final Socket socket;
    private final ServerSocket listener;
    private final int acceptMillis;
    private final int readMillis;
    private final Session session;
    private final String verb;
    private final String hint;

    private PendingData(Socket socket, ServerSocket listener, int acceptMillis, int readMillis, Session session,
                        String verb, String hint) {
        this.socket = socket;
        this.listener = listener;
        this.acceptMillis = acceptMillis;
        this.readMillis = readMillis;
        this.session = session;
        this.verb = verb;
        this.hint = hint;
    }

    static PendingData connected(Socket socket, String hint) {
        return new PendingData(socket, null, 0, 0, null, null, hint);
    }

    static PendingData listening(ServerSocket listener, int acceptMillis, int readMillis, Session session, String verb) {
        return new PendingData(null, listener, acceptMillis, readMillis, session, verb, null);
    }

    /** A NAT hint from the 227 reply, or null. */
    public String hint() {
        return hint;
    }

    /** The connected data socket; in active mode, waits (bounded) for the server to connect. */
    public Socket open() throws FtpException {
        if (socket != null) {
            return socket;
        }
        try (ServerSocket l = listener) {
            l.setSoTimeout(acceptMillis);
            Socket s = l.accept();
            s.setSoTimeout(readMillis);
            return s;
        } catch (SocketTimeoutException e) {
            throw session.failure(TransportEvent.DATA_ACCEPT_TIMEOUT, verb, "the server did not connect to "
                    + listener.getInetAddress().getHostAddress() + " port " + listener.getLocalPort() + " within "
                    + acceptMillis + " ms", null, e);
        } catch (IOException e) {
            throw session.failure(TransportEvent.DATA_CONNECT_REFUSED, verb, e.getMessage(), null, e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            DataChannelOpener.close(socket);
        }
        if (listener != null) {
            DataChannelOpener.close(listener);
        }
    }
}
