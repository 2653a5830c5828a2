package io.github.ftpdoctor.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.SocketFactory;

/**
 * Every socket the check connects with comes from here. Each connect is recorded (for the transcript and the
 * timings), and refused unless it goes to an allowed address: the host's own addresses for the control connection,
 * then only the control connection's peer. A 227 reply naming another address can therefore never make the check
 * connect there, whatever the code above does. The watchdog closes every socket still open.
 */
final class ObservedSockets extends SocketFactory {
    /**
     * One connect attempt.
     *
     * @param address where to
     * @param port    which port
     * @param purpose {@code control}, {@code data}
     * @param nanos   how long it took, success or not
     * @param endNanos {@link System#nanoTime()} when it ended
     * @param error   null when connected, else what went wrong
     */
    record Attempt(InetAddress address, int port, String purpose, long nanos, long endNanos, String error) {
    }

    private final List<Attempt> attempts = new ArrayList<>();
    private final List<Socket> open = new ArrayList<>();
    private volatile Set<InetAddress> allowed = Set.of();
    private volatile String purpose = "control";

    /** The addresses connects may go to from now on. */
    void allow(Set<InetAddress> addresses, String purposeOfNextConnects) {
        this.allowed = Set.copyOf(addresses);
        this.purpose = purposeOfNextConnects;
    }

    synchronized List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Closes every socket made here that is still open (the watchdog's way to end a step). */
    void closeAll() {
        List<Socket> all;
        synchronized (this) {
            all = new ArrayList<>(open);
        }
        for (Socket s : all) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private synchronized void record(Attempt a, Socket s) {
        attempts.add(a);
        open.removeIf(Socket::isClosed);
        if (s != null) {
            open.add(s);
        }
    }

    @Override
    public Socket createSocket() {
        return new Observed();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new SocketException("the check binds no local address");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(new InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw new SocketException("the check binds no local address");
    }

    /** A plain socket whose connects are checked and recorded. */
    private final class Observed extends Socket {
        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress isa) || isa.getAddress() == null) {
                throw new SocketException("the check connects only to resolved addresses");
            }
            InetAddress a = isa.getAddress();
            String why = purpose;
            if (!allowed.contains(a)) {
                record(new Attempt(a, isa.getPort(), why, 0, System.nanoTime(),
                        "refused by the check: not the server's address"), null);
                throw new SocketException("the check connects only to the server (" + allowed + "), not to "
                        + a.getHostAddress());
            }
            long t0 = System.nanoTime();
            try {
                super.connect(endpoint, timeout);
            } catch (IOException | RuntimeException e) {
                long end = System.nanoTime();
                record(new Attempt(a, isa.getPort(), why, end - t0, end, String.valueOf(e.getMessage())), null);
                throw e;
            }
            long end = System.nanoTime();
            record(new Attempt(a, isa.getPort(), why, end - t0, end, null), this);
        }
    }
}
