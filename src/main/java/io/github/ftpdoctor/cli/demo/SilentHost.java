package io.github.ftpdoctor.cli.demo;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A host that never answers a connection attempt, made on loopback: a listener with a backlog of one that never
 * accepts, its queue filled by connections nobody completes, so the kernel drops the next SYN and the connect
 * times out. Bounded: at most {@link #MAX_FILLERS} filler connections.
 */
public final class SilentHost implements Closeable {
    private static final int MAX_FILLERS = 16;
    private static final int FILL_TIMEOUT_MILLIS = 300;

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    private SilentHost() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        for (int i = 0; i < MAX_FILLERS; i++) {
            Socket s = new Socket();
            try {
                s.connect(address, FILL_TIMEOUT_MILLIS);
                fillers.add(s);
            } catch (SocketTimeoutException e) {
                s.close();
                return; // the queue is full: the next connect will time out too
            }
        }
        close();
        throw new IOException("could not fill the listen queue of a loopback socket");
    }

    public static SilentHost start() throws IOException {
        return new SilentHost();
    }

    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        for (Socket s : fillers) {
            s.close();
        }
        listener.close();
    }
}
