package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control connection: writes commands, reads replies and keeps the transcript ({@code PASS ****}); the DEBUG
 * log of it is an event listener, {@link TranscriptLog}. I/O failures come out as {@link TransportFailure}s naming
 * the event.
 */
public final class ControlChannel implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlChannel.class);

    private final Socket socket;
    private final ReplyReader reader;
    private final CommandWriter writer;
    private final Transcript transcript;
    private final boolean autoDetect;
    private final String peer;
    private volatile boolean closed;
    private long replyTimeoutNanos;
    private long deadline;

    public ControlChannel(Socket socket, Charset charset, boolean autoDetect, int transcriptLines) throws IOException {
        this(socket, charset, autoDetect, new Transcript(transcriptLines));
    }

    /** A channel over another socket (the TLS one after AUTH TLS) that keeps the session's transcript. */
    public ControlChannel(Socket socket, Charset charset, boolean autoDetect, Transcript transcript) throws IOException {
        this.socket = socket;
        this.reader = new ReplyReader(socket.getInputStream(), new ReplyDecoder(charset, autoDetect), this::beforeRead);
        this.replyTimeoutNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(Math.max(1, socket.getSoTimeout()));
        this.writer = new CommandWriter(new BufferedOutputStream(socket.getOutputStream(), 1024), charset);
        this.transcript = transcript;
        this.autoDetect = autoDetect;
        this.peer = socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
    }

    /**
     * Reads the next complete reply. The reply timeout bounds the whole reply, not each read: a server that drips
     * one byte at a time cannot hold the client past it.
     */
    public Reply readReply() throws IOException {
        deadline = System.nanoTime() + replyTimeoutNanos;
        return read();
    }

    /**
     * Reads the reply that follows a 1xx within what is left of the 1xx's deadline: preliminary replies do not extend
     * the wait for the final one, so a server sending 1xx forever cannot hold the client.
     */
    public Reply readFinalReply() throws IOException {
        return read();
    }

    private Reply read() throws IOException {
        try {
            Reply reply = reader.read();
            transcript.received(reply);
            return reply;
        } catch (TransportFailure f) {
            transcript.note(f.getMessage());
            throw f;
        } catch (ReplyReader.TruncatedReply e) {
            String received = e.received().length() > 120 ? e.received().substring(0, 120) + "…" : e.received();
            transcript.note("connection closed by the server inside a reply, after: " + received);
            throw new TransportFailure(TransportEvent.CLOSED_MID_SESSION, "closed by " + peer
                    + " inside a reply, after: " + received, e);
        } catch (EOFException e) {
            transcript.note("connection closed by the server");
            throw new TransportFailure(TransportEvent.CLOSED_MID_SESSION, "closed by " + peer, e);
        } catch (SocketTimeoutException e) {
            transcript.note("no reply within " + timeoutMillis() + " ms");
            throw new TransportFailure(TransportEvent.REPLY_TIMEOUT, "no reply from " + peer + " within "
                    + timeoutMillis() + " ms", e);
        } catch (IOException e) {
            transcript.note("connection failed: " + e.getMessage());
            throw new TransportFailure(TransportEvent.RESET_MID_SESSION, peer + ": " + e.getMessage(), e);
        }
    }

    /** Sends one command; CR, LF and NUL in the argument are refused before anything is written. */
    public synchronized void send(String verb, String argument) throws IOException {
        java.nio.ByteBuffer line = writer.encode(verb, argument); // refuses before anything is recorded or sent
        transcript.sent(verb, argument);
        try {
            writer.write(line);
        } catch (SocketException e) {
            transcript.note("connection failed while sending: " + e.getMessage());
            throw new TransportFailure(TransportEvent.RESET_MID_SESSION, peer + ": " + e.getMessage(), e);
        }
    }

    public void setCharset(Charset charset) {
        writer.setCharset(charset);
    }

    public Charset charset() {
        return writer.charset();
    }

    /** How long a whole reply may take to arrive; never zero (it would mean forever). */
    public void setReplyTimeout(Duration timeout) {
        replyTimeoutNanos = Math.max(1_000_000L, timeout.toNanos());
    }

    /** Before each blocking read: bound it by what is left of the reply's deadline. */
    private void beforeRead() throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("reply deadline passed");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000L)));
    }

    private long timeoutMillis() {
        return replyTimeoutNanos / 1_000_000L;
    }

    public Transcript transcript() {
        return transcript;
    }

    public String peer() {
        return peer;
    }

    public Socket socket() {
        return socket;
    }

    /** The same session over a new socket (TLS after AUTH TLS): bytes buffered from the plain socket are dropped. */
    public ControlChannel over(Socket upgraded) throws IOException {
        ControlChannel c = new ControlChannel(upgraded, writer.charset(), autoDetect, transcript);
        c.replyTimeoutNanos = replyTimeoutNanos;
        return c;
    }

    public boolean isOpen() {
        return !closed && !socket.isClosed();
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            LOG.trace("closing {}", peer, e);
        }
    }
}
