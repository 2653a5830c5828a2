package io.github.ftpdoctor.cli.demo;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A tiny FTP server on loopback that replays fixed replies: a greeting (or an immediate close, as a banning
 * server does), then one reply per command verb. Only for the demo; it serves one connection at a time, reads
 * bounded lines with a timeout and closes after 421 or QUIT.
 */
public final class ScriptedServer implements Closeable {
    private static final int MAX_LINE = 1024;
    private static final int IDLE_MILLIS = 10_000;

    private final ServerSocket server;
    private final String greeting;
    private final Map<String, String> replies;
    private final Thread thread;

    private ScriptedServer(String greeting, Map<String, String> replies) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.greeting = greeting;
        this.replies = Map.copyOf(replies);
        this.thread = new Thread(this::serve, "ftp-doctor-demo-server");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts a server.
     *
     * @param greeting the greeting line(s) without the final CR LF, or null to close each connection at once
     * @param replies  reply per command verb (upper case); multi-line replies use CR LF inside
     */
    public static ScriptedServer start(String greeting, Map<String, String> replies) throws IOException {
        return new ScriptedServer(greeting, replies);
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(IDLE_MILLIS);
                if (greeting == null) {
                    continue; // accepted and closed at once: what a ban looks like
                }
                converse(s);
            } catch (IOException e) {
                // closed, or the client went away: wait for the next one
            }
        }
    }

    private void converse(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        write(out, greeting);
        if (greeting.startsWith("421")) {
            return;
        }
        while (true) {
            String line;
            try {
                line = readLine(in);
            } catch (SocketTimeoutException e) {
                return;
            }
            if (line == null) {
                return;
            }
            String verb = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
            String reply = replies.getOrDefault(verb, verb.equals("QUIT") ? "221 Goodbye." : "502 Command not implemented.");
            write(out, reply);
            if (verb.equals("QUIT") || reply.startsWith("421")) {
                return;
            }
        }
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8).replace("\r", "");
            }
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
