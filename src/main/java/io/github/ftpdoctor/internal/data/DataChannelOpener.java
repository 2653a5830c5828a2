package io.github.ftpdoctor.internal.data;

import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.protocol.Session;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens data connections for one session: EPSV first, then PASV (remembering what worked), or EPRT/PORT in active
 * mode. By default a passive connection goes to the control connection's peer, whatever address a 227 names: a
 * hostile or NATed server cannot make the client connect elsewhere.
 */
public final class DataChannelOpener {
    private static final Logger LOG = LoggerFactory.getLogger(DataChannelOpener.class);

    private final Session session;
    private final DataOptions options;
    private boolean epsvRefused;
    private boolean eprtRefused;

    public DataChannelOpener(Session session, DataOptions options) {
        this.session = session;
        this.options = options;
    }

    public DataOptions options() {
        return options;
    }

    /** Negotiates the data connection; the transfer command is sent next, then {@link PendingData#open()}. */
    public PendingData prepare(String forVerb) throws FtpException {
        return options.active() ? active(forVerb) : passive(forVerb);
    }

    private PendingData passive(String forVerb) throws FtpException {
        Socket control = session.channel().socket();
        InetAddress peer = control.getInetAddress();
        String hint = null;
        int port = -1;
        InetAddress target = peer;
        if (!epsvRefused || peer instanceof Inet6Address) {
            Reply r = session.send("EPSV", null);
            if (r.code() == 229) {
                port = DataAddresses.parse229(r);
                if (port < 1) {
                    throw session.failure(TransportEvent.MALFORMED_REPLY, "EPSV",
                            "229 reply without (|||port|) naming a port from 1 to 65535", r, null);
                }
                return connect(forVerb, target, port, null);
            }
            if (r.codeClass() != 5 || peer instanceof Inet6Address) {
                throw session.failure(r, session.context("EPSV"));
            }
            epsvRefused = true;
        }
        Reply r = session.expect("PASV", null, c -> c == 227);
        DataAddresses.Passive announced = DataAddresses.parse227(r);
        if (announced == null) {
            throw session.failure(TransportEvent.MALFORMED_REPLY, "PASV",
                    "227 reply without h1,h2,h3,h4,p1,p2 (each 0 to 255, port not 0)", r, null);
        }
        port = announced.port();
        if (!announced.address().equals(peer)) {
            hint = "the server announced " + announced.address().getHostAddress() + ":" + port
                    + (DataAddresses.isPrivate(announced.address()) ? " (a private address: the server is likely behind NAT)" : "")
                    + (options.trustPassiveAddress() ? "" : "; connected to the control address "
                    + peer.getHostAddress() + " instead");
            LOG.info("PASV: {}", hint);
            if (options.trustPassiveAddress()) {
                target = announced.address();
            }
        }
        return connect(forVerb, target, port, hint);
    }

    private PendingData connect(String forVerb, InetAddress address, int port, String hint) throws FtpException {
        Socket s;
        try {
            s = SocketChannel.open().socket(); // the channel reads into direct buffers when the data goes to a file
        } catch (IOException e) {
            throw session.failure(TransportEvent.DATA_CONNECT_REFUSED, forVerb, "cannot open a socket: " + e.getMessage(), null, e);
        }
        String where = address.getHostAddress() + " port " + port + (hint == null ? "" : "; " + hint);
        try {
            s.connect(new InetSocketAddress(address, port), options.connectMillis());
            s.setSoTimeout(options.readMillis());
            return PendingData.connected(s, hint);
        } catch (SocketTimeoutException e) {
            close(s);
            throw session.failure(TransportEvent.DATA_CONNECT_TIMEOUT, forVerb, "no answer from passive " + where, null, e);
        } catch (ConnectException e) {
            close(s);
            throw session.failure(TransportEvent.DATA_CONNECT_REFUSED, forVerb, "refused by passive " + where, null, e);
        } catch (IOException e) {
            close(s);
            throw session.failure(TransportEvent.DATA_CONNECT_REFUSED, forVerb, where + ": " + e.getMessage(), null, e);
        }
    }

    private PendingData active(String forVerb) throws FtpException {
        Socket control = session.channel().socket();
        InetAddress local = options.activeAddress() != null ? options.activeAddress() : control.getLocalAddress();
        ServerSocket listener = listen(control.getLocalAddress(), forVerb);
        try {
            int port = listener.getLocalPort();
            boolean sent = false;
            if (!eprtRefused || local instanceof Inet6Address) {
                Reply r = session.send("EPRT", DataAddresses.eprtArgument(local, port));
                if (r.codeClass() == 2) {
                    sent = true;
                } else if (r.codeClass() != 5 || local instanceof Inet6Address) {
                    throw session.failure(r, session.context("EPRT"));
                } else {
                    eprtRefused = true;
                }
            }
            if (!sent && local instanceof Inet4Address) {
                session.expect("PORT", DataAddresses.portArgument(local, port), c -> c / 100 == 2);
            }
            return PendingData.listening(listener, options.connectMillis(), options.readMillis(), session, forVerb);
        } catch (FtpException | RuntimeException e) {
            close(listener);
            throw e;
        }
    }

    private ServerSocket listen(InetAddress bindAddress, String forVerb) throws FtpException {
        int low = options.activePortLow();
        int high = options.activePortHigh();
        IOException last = null;
        int range = high - low + 1;
        int tries = low == 0 ? 1 : Math.min(range, 1000);
        int start = low == 0 ? 0 : java.util.concurrent.ThreadLocalRandom.current().nextInt(range);
        for (int i = 0; i < tries; i++) {
            int port = low == 0 ? 0 : low + (start + i) % range; // every port of the range once, from a random start
            ServerSocket listener = null;
            try {
                // from a channel, so that the accepted data socket has one
                listener = ServerSocketChannel.open().socket();
                listener.bind(new InetSocketAddress(bindAddress, port), 1);
                return listener;
            } catch (IOException e) {
                if (listener != null) {
                    close(listener);
                }
                last = e;
            }
        }
        throw session.failure(TransportEvent.DATA_CONNECT_REFUSED, forVerb, "cannot listen for the active data connection on "
                + bindAddress.getHostAddress() + " ports " + low + "-" + high + ": " + last.getMessage(), null, last);
    }

    static void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
