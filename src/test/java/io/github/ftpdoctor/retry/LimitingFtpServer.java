package io.github.ftpdoctor.retry;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted FTP server on 127.0.0.1 that serves many sessions at once (a thread each) and refuses a connection
 * beyond {@code limit} with a given greeting, as Pure-FTPd or ProFTPD do with their per-address limits. It knows
 * USER, PASS (one password), NOOP and QUIT. Every socket wait is bounded; {@link #dropAll(String)} ends every
 * session the way a server's idle timeout does.
 */
final class LimitingFtpServer implements AutoCloseable {
    static final String PASSWORD = "limit-pw";

    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger maxLoggedIn = new AtomicInteger();
    final AtomicInteger noops = new AtomicInteger();
    private final AtomicInteger loggedIn = new AtomicInteger();
    private final AtomicInteger current = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final ServerSocket listener;
    private final Thread acceptor;
    private volatile int limit;
    private volatile String refusal;
    private volatile boolean closed;

    LimitingFtpServer(int limit, String refusal) throws IOException {
        this.limit = limit;
        this.refusal = refusal;
        listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        acceptor = new Thread(this::accept, "limiting-ftp-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Sessions logged in right now. */
    int loggedIn() {
        return loggedIn.get();
    }

    void setLimit(int limit) {
        this.limit = limit;
    }

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            Thread t = new Thread(() -> serve(s), "limiting-ftp-session");
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket s) {
        boolean in = false;
        try (s) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            if (current.incrementAndGet() > limit) {
                refused.incrementAndGet();
                out.write((refusal + "\r\n").getBytes(US_ASCII));
                out.flush();
                return;
            }
            open.add(s);
            reply(out, "220 limiting server ready");
            BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), US_ASCII));
            String password = null;
            for (String line; (line = r.readLine()) != null; ) {
                String verb = line.split(" ", 2)[0].toUpperCase(java.util.Locale.ROOT);
                String arg = line.contains(" ") ? line.substring(line.indexOf(' ') + 1) : "";
                switch (verb) {
                    case "USER" -> reply(out, "331 Password required");
                    case "PASS" -> {
                        password = arg;
                        if (PASSWORD.equals(password)) {
                            in = true;
                            maxLoggedIn.accumulateAndGet(loggedIn.incrementAndGet(), Math::max);
                            reply(out, "230 Logged in");
                        } else {
                            reply(out, "530 Login incorrect.");
                        }
                    }
                    case "NOOP" -> {
                        noops.incrementAndGet();
                        reply(out, "200 NOOP ok.");
                    }
                    case "FEAT" -> reply(out, "211-Features:\r\n SIZE\r\n211 End");
                    case "QUIT" -> {
                        reply(out, "221 Goodbye.");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented.");
                }
            }
        } catch (SocketTimeoutException e) {
            // the client went quiet
        } catch (IOException e) {
            // the client or dropAll closed the connection
        } finally {
            open.remove(s);
            if (in) {
                loggedIn.decrementAndGet();
            }
            current.decrementAndGet();
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(US_ASCII));
        out.flush();
    }

    /** Ends every session: sends {@code goodbye} (e.g. {@code 421 Timeout.}), or nothing when null, and closes. */
    void dropAll(String goodbye) {
        for (Socket s : open) {
            try {
                if (goodbye != null) {
                    reply(s.getOutputStream(), goodbye);
                }
                s.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        listener.close();
        dropAll(null);
        acceptor.join(5_000);
    }
}
