package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.TransportEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Opens the TCP connection, trying each address of the host in turn, and names what went wrong. */
final class Connector {
    private Connector() {
    }

    static Socket connect(ConnectOptions o) throws TransportFailure {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(o.host());
        } catch (UnknownHostException e) {
            throw new TransportFailure(TransportEvent.UNKNOWN_HOST, "cannot resolve " + o.host(), e);
        }
        TransportFailure last = null;
        for (InetAddress address : addresses) {
            try {
                return open(o, address);
            } catch (TransportFailure f) {
                last = f;
            }
        }
        throw last;
    }

    private static Socket open(ConnectOptions o, InetAddress address) throws TransportFailure {
        String where = address.getHostAddress() + " port " + o.port();
        Socket socket = null;
        try {
            socket = o.socketFactory().createSocket();
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(address, o.port()),
                    (int) Math.max(1, Math.min(Integer.MAX_VALUE, o.connectTimeout().toMillis())));
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, o.replyTimeout().toMillis())));
            return socket;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new TransportFailure(TransportEvent.CONNECT_TIMEOUT, "no answer from " + where + " within "
                    + o.connectTimeout().toMillis() + " ms", e);
        } catch (NoRouteToHostException e) {
            closeQuietly(socket);
            throw new TransportFailure(TransportEvent.NETWORK_UNREACHABLE, "no route to " + where, e);
        } catch (ConnectException e) {
            closeQuietly(socket);
            String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (msg.contains("unreachable")) {
                throw new TransportFailure(TransportEvent.NETWORK_UNREACHABLE, where + ": " + e.getMessage(), e);
            }
            if (msg.contains("timed out")) {
                throw new TransportFailure(TransportEvent.CONNECT_TIMEOUT, where + ": " + e.getMessage(), e);
            }
            throw new TransportFailure(TransportEvent.CONNECT_REFUSED, "connection refused by " + where, e);
        } catch (IOException e) {
            closeQuietly(socket);
            String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            TransportEvent event = msg.contains("unreachable") ? TransportEvent.NETWORK_UNREACHABLE
                    : TransportEvent.CONNECT_REFUSED;
            throw new TransportFailure(event, where + ": " + e.getMessage(), e);
        }
    }

    static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
