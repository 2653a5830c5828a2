package io.github.ftpdoctor.transfer;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A tiny scripted FTP server for tests: a loopback listener and one thread that serves sessions one after another.
 * Each command goes to the handler registered for its verb (defaults: USER, PASS, FEAT, TYPE, NOOP, QUIT, EPSV, PASV,
 * SIZE, PWD, ABOR; anything else gets 502). Every socket wait is bounded by {@link #TIMEOUT_MS}. Commands are
 * decoded with the given charset and recorded, raw bytes too.
 */
final class ScriptedFtpServer implements AutoCloseable {
    static final int TIMEOUT_MS = 5_000;

    /** Handles one command; {@code arg} is null when the command had none. */
    interface Handler {
        void handle(Conn c, String arg) throws IOException;
    }

    private final InetAddress bindAddress;
    private final ServerSocket listener;
    private final Charset charset;
    private final Map<String, Handler> handlers = new HashMap<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<byte[]> rawCommands = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Handler greeting = (c, a) -> c.reply("220 scripted FTP server ready");
    private volatile long dripMillis;
    private volatile Conn current;
    private volatile boolean closed;

    ScriptedFtpServer(Charset charset) throws IOException {
        this(loopback4(), charset);
    }

    ScriptedFtpServer(InetAddress bindAddress, Charset charset) throws IOException {
        this.bindAddress = bindAddress;
        this.charset = charset;
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(bindAddress, 0), 4);
        listener.setSoTimeout(200);
        on("USER", (c, a) -> c.reply("331 Password required for " + a + "."));
        on("PASS", (c, a) -> c.reply("230 User logged in."));
        on("FEAT", (c, a) -> c.reply("211-Features:\r\n EPSV\r\n SIZE\r\n REST STREAM\r\n211 End"));
        on("TYPE", (c, a) -> c.reply("200 Type set to " + a + "."));
        on("NOOP", (c, a) -> c.reply("200 NOOP ok."));
        on("PWD", (c, a) -> c.reply("257 \"/\" is the current directory"));
        on("ABOR", (c, a) -> c.reply("225 No transfer to ABOR."));
        on("SIZE", (c, a) -> c.reply("550 Could not get file size."));
        on("QUIT", (c, a) -> {
            c.reply("221 Goodbye.");
            c.closeControl();
        });
        on("EPSV", (c, a) -> c.reply("229 Entering Extended Passive Mode (|||" + c.openPassive() + "|)"));
        on("PASV", (c, a) -> c.reply("227 Entering Passive Mode (" + pasvTuple("127,0,0,1", c.openPassive()) + ")."));
        thread = new Thread(this::run, "scripted-ftp-" + listener.getLocalPort());
        thread.setDaemon(true);
    }

    static InetAddress loopback4() throws UnknownHostException {
        return InetAddress.getByName("127.0.0.1");
    }

    /** {@code h1,h2,h3,h4,p1,p2} for a 227 reply announcing {@code host} (e.g. {@code 10,1,2,3}). */
    static String pasvTuple(String commaHost, int port) {
        return commaHost + "," + (port >> 8) + "," + (port & 0xFF);
    }

    /** Registers (or replaces) the handler of a verb; call before {@link #start()}. */
    ScriptedFtpServer on(String verb, Handler handler) {
        handlers.put(verb.toUpperCase(Locale.ROOT), handler);
        return this;
    }

    /** Replaces what the server sends when a client connects (default {@code 220 scripted FTP server ready}). */
    ScriptedFtpServer greeting(Handler handler) {
        greeting = handler;
        return this;
    }

    /** Sends every reply one byte at a time, pausing {@code millis} between bytes. */
    ScriptedFtpServer dripReplies(long millis) {
        dripMillis = millis;
        return this;
    }

    ScriptedFtpServer start() {
        thread.start();
        return this;
    }

    String host() {
        return bindAddress.getHostAddress();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Every command line received, decoded. */
    List<String> commands() {
        return new ArrayList<>(commands);
    }

    /** The verbs received, in order. */
    List<String> verbs() {
        return commands.stream().map(ScriptedFtpServer::verbOf).collect(Collectors.toList());
    }

    /** The command lines exactly as received (without CR LF). */
    List<byte[]> rawCommands() {
        return new ArrayList<>(rawCommands);
    }

    /** Unexpected exceptions of the server thread (for failure messages). */
    List<Throwable> errors() {
        return new ArrayList<>(errors);
    }

    private static String verbOf(String line) {
        int sp = line.indexOf(' ');
        return (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
    }

    private void run() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                if (!closed) {
                    errors.add(e);
                }
                return;
            }
            Conn c = null;
            try {
                c = new Conn(s);
                current = c;
                greeting.handle(c, null);
                while (!c.controlClosed) {
                    String line = c.readCommand();
                    if (line == null) {
                        break;
                    }
                    c.dispatch(line);
                }
            } catch (SocketTimeoutException e) {
                // the client went quiet: end the session
            } catch (IOException | RuntimeException e) {
                if (!closed) {
                    errors.add(e);
                }
            } finally {
                if (c != null) {
                    c.closeControl();
                }
                current = null;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        Conn c = current;
        if (c != null) {
            c.closeControl();
        }
        thread.join(TIMEOUT_MS);
    }

    /** One control connection, with at most one passive listener and one data connection. */
    final class Conn {
        private final Socket control;
        private final InputStream in;
        private final OutputStream out;
        private ServerSocket pasv;
        private Socket data;
        private volatile boolean controlClosed;

        Conn(Socket control) throws IOException {
            this.control = control;
            control.setSoTimeout(TIMEOUT_MS);
            this.in = new BufferedInputStream(control.getInputStream());
            this.out = control.getOutputStream();
        }

        /** Writes a reply (lines may be joined with CR LF) in the server's charset, then CR LF. */
        void reply(String text) throws IOException {
            byte[] bytes = (text + "\r\n").getBytes(charset);
            if (dripMillis > 0) {
                drip(bytes, dripMillis);
            } else {
                replyBytes(bytes);
            }
        }

        /** Writes bytes as they are on the control connection. */
        void replyBytes(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Writes the bytes one at a time, pausing between them; stops quietly when the client has gone away. */
        void drip(byte[] bytes, long pauseMillis) throws IOException {
            try {
                for (byte b : bytes) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(pauseMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.net.SocketException e) {
                // the client gave up and closed
            }
        }

        /**
         * Never answers: reads (and records) whatever the client sends until it closes the control connection,
         * bounded by the socket timeout.
         */
        void awaitClientClose() throws IOException {
            while (readCommand() != null) {
                // not answered
            }
            closeControl();
        }

        /** Reads one command line (bounded by the socket timeout) and records it; null at the end of the stream. */
        String readCommand() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (line.size() > 8192) {
                    throw new IOException("command line too long");
                }
                line.write(b);
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
            byte[] bytes = line.toByteArray();
            int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
            byte[] raw = java.util.Arrays.copyOf(bytes, len);
            rawCommands.add(raw);
            String text = new String(raw, charset);
            commands.add(text);
            return text;
        }

        /** Runs the handler of a command line (used by handlers that read commands during a transfer). */
        void dispatch(String line) throws IOException {
            int sp = line.indexOf(' ');
            String arg = sp < 0 ? null : line.substring(sp + 1);
            Handler h = handlers.getOrDefault(verbOf(line), (c, a) -> c.reply("502 Command not implemented."));
            h.handle(this, arg);
        }

        /** Whether the client has sent something not yet read. */
        boolean commandPending() throws IOException {
            return in.available() > 0;
        }

        /** Opens a passive listener on the server's loopback address; returns its port. */
        int openPassive() throws IOException {
            closeQuietly(pasv);
            pasv = new ServerSocket();
            pasv.bind(new InetSocketAddress(bindAddress, 0), 1);
            pasv.setSoTimeout(TIMEOUT_MS);
            return pasv.getLocalPort();
        }

        /** Accepts the client's data connection on the passive listener (bounded). */
        Socket acceptData() throws IOException {
            data = pasv.accept();
            data.setSoTimeout(TIMEOUT_MS);
            closeQuietly(pasv);
            return data;
        }

        /** Connects to an active-mode client (EPRT/PORT), bounded. */
        Socket connectData(InetSocketAddress client) throws IOException {
            data = new Socket();
            data.connect(client, TIMEOUT_MS);
            data.setSoTimeout(TIMEOUT_MS);
            return data;
        }

        Socket data() {
            return data;
        }

        /** Accepts the data connection, writes the bytes and closes it. */
        void sendData(byte[] bytes) throws IOException {
            try (Socket s = acceptData()) {
                s.getOutputStream().write(bytes);
            }
        }

        /** Accepts the data connection and reads it to its end. */
        byte[] receiveData() throws IOException {
            try (Socket s = acceptData()) {
                return s.getInputStream().readAllBytes();
            }
        }

        void closeData() {
            closeQuietly(data);
            closeQuietly(pasv);
        }

        /** Closes the control connection (and any data connection) without a reply. */
        void closeControl() {
            controlClosed = true;
            closeData();
            closeQuietly(control);
        }
    }

    static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
}
