package io.github.ftpdoctor.internal.data;

import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.protocol.Replies;
import io.github.ftpdoctor.internal.protocol.Session;
import io.github.ftpdoctor.internal.protocol.SessionEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * One running transfer: the data socket and the control-channel bookkeeping around it. The final reply is read
 * exactly once, together with the replies of NOOPs sent as keep-alives and of an ABOR sent from another thread,
 * so the session stays in step. Success needs a positive final reply and, when the size is known, every byte.
 */
public final class DataTransfer {
    private static final long REPORT_EVERY = 256 * 1024;

    private final Session session;
    private final Socket socket;
    private EngineSocket tls;
    private ChannelReader direct; // reads the plain socket's channel, once a download did
    private final String verb;
    private final String path;
    private long expectedTotal;
    private String sizeAfterwards; // the file to ask SIZE of after the final reply, or null
    private final SessionEvents events;
    private final long started; // for the events: when the transfer began, and when its data connection opened
    private long dataOpened;
    private final long keepAliveNanos;
    private Reply firstReply;
    private final Object lock = new Object();
    private boolean abortSent;
    private boolean finishing;
    private int noopsSent;
    private long bytes;
    private long nextReport;
    private long lastControlActivity = System.nanoTime();

    private DataTransfer(Session session, Socket socket, String verb, String path, long startAt, long expectedTotal,
                         long started, Duration keepAlive) {
        this.session = session;
        this.socket = socket;
        this.verb = verb;
        this.path = path;
        this.bytes = startAt;
        this.events = session.events();
        this.started = started;
        this.nextReport = events.on() ? startAt + REPORT_EVERY : Long.MAX_VALUE; // no listener: never a report
        this.expectedTotal = expectedTotal;
        this.keepAliveNanos = keepAlive == null ? Long.MAX_VALUE : keepAlive.toNanos();
    }

    /**
     * Opens the data connection, sends REST (when {@code restartAt > 0}) and the transfer command, and waits for
     * the 1xx reply. A negative reply throws its diagnosis and leaves no socket open.
     *
     * @param expectedTotal the size the file will have when complete, or -1
     */
    public static DataTransfer start(Session session, DataChannelOpener opener, String verb, String path,
                                     long restartAt, long expectedTotal, Duration keepAlive) throws FtpException {
        SessionEvents events = session.events();
        long started = events.now();
        events.transferStart(verb, path, Math.max(0, restartAt), expectedTotal);
        events.dataStart(verb);
        PendingData pending;
        try {
            pending = opener.prepare(verb);
        } catch (FtpException | RuntimeException e) {
            failedToStart(events, verb, path, restartAt, e, started, true);
            throw e;
        }
        boolean dataReported = false;
        try {
            if (restartAt > 0) {
                session.expect("REST", Long.toString(restartAt), c -> c == 350);
            }
            Reply first = session.sendForFirstReply(verb, path);
            if (!first.isPositivePreliminary()) {
                throw session.failure(first, session.context(verb));
            }
            Socket s;
            EngineSocket tls = null;
            try {
                s = pending.open();
                tls = protect(session, s, verb);
            } catch (FtpException dataFailed) {
                dataReported = true;
                events.dataFailed(verb, dataFailed, started);
                throw afterFailedDataConnection(session, verb, dataFailed);
            }
            DataTransfer t = new DataTransfer(session, s, verb, path, Math.max(0, restartAt), expectedTotal, started,
                    keepAlive);
            t.firstReply = first;
            t.tls = tls;
            t.dataOpened = events.now();
            events.dataOpened(verb, s, started);
            return t;
        } catch (FtpException | RuntimeException e) {
            pending.close();
            if (!dataReported) {
                events.dataClosed(verb, started); // set up, then not used: the command was refused
            }
            failedToStart(events, verb, path, restartAt, e, started, false);
            throw e;
        }
    }

    /** Reports a transfer that never started moving data (and its data connection, when that failed first). */
    private static void failedToStart(SessionEvents events, String verb, String path, long restartAt, Exception e,
                                      long started, boolean dataConnection) {
        if (e instanceof FtpException f) {
            if (dataConnection) {
                events.dataFailed(verb, f, started);
            }
            events.transferFailed(verb, path, Math.max(0, restartAt), f, started);
        }
    }

    /**
     * The data connection failed after the server's 1xx: the server owes a final reply (usually 425). Read it so the
     * session stays in step, and report the failure with it.
     */
    private static FtpException afterFailedDataConnection(Session session, String verb, FtpException failure) {
        try {
            Reply fin = session.readReply(verb);
            var d = failure.diagnosis();
            var byServer = fin.isNegative() ? session.diagnose(fin, verb) : null;
            if (byServer != null && byServer.outcome() != d.outcome()) {
                // the server's words say something more specific (e.g. 522 session reuse required)
                FtpException byReply = session.exception(byServer);
                byReply.addSuppressed(failure);
                return byReply;
            }
            return session.failure(d.event(), verb, d.detail(), fin, failure.getCause());
        } catch (FtpException lost) {
            failure.addSuppressed(lost);
            return failure;
        }
    }

    /**
     * PROT P: TLS on the data connection, resuming the control connection's session (an SSLEngine created for the
     * control connection's host and port, which is how JSSE finds the session to resume). Null for PROT C.
     */
    private static EngineSocket protect(Session session, Socket s, String verb) throws FtpException {
        var tls = session.tls();
        if (tls == null || !tls.protectData()) {
            return null;
        }
        String host = session.options().host();
        int controlPort = session.channel().socket().getPort();
        try {
            return EngineSocket.handshake(s, tls.context(), host, controlPort,
                    io.github.ftpdoctor.internal.protocol.TlsUpgrade.parameters(
                            tls.context().getDefaultSSLParameters(), tls), s.getSoTimeout());
        } catch (java.io.IOException e) {
            DataChannelOpener.close(s);
            var f = io.github.ftpdoctor.internal.protocol.TlsUpgrade.failure(e, "data connection to " + host);
            throw session.failure(f.event(), verb, f.detail(), null, e);
        }
    }

    /** Counts bytes moved, reports progress and sends a keep-alive NOOP when the control connection has been idle. */
    void counted(int n) throws FtpException {
        bytes += n;
        if (bytes >= nextReport) { // only ever true with a listener
            nextReport = bytes + REPORT_EVERY;
            events.transferProgress(verb, path, bytes, expectedTotal);
        }
        if (keepAliveNanos != Long.MAX_VALUE && System.nanoTime() - lastControlActivity > keepAliveNanos) {
            synchronized (lock) {
                if (!abortSent && !finishing) {
                    session.sendWithoutReply("NOOP", null);
                    noopsSent++;
                }
            }
            lastControlActivity = System.nanoTime();
        }
    }

    /** Stops the transfer from any thread: sends ABOR (once) and closes the data connection. */
    public void abort() {
        synchronized (lock) {
            if (finishing || abortSent) {
                return;
            }
            abortSent = true;
            try {
                session.sendWithoutReply("ABOR", null);
            } catch (FtpException e) {
                // the connection is gone: the transferring thread will see it
            }
        }
        DataChannelOpener.close(socket); // ends a blocked read or write at once
    }

    boolean isAborted() {
        synchronized (lock) {
            return abortSent;
        }
    }

    /**
     * Ends the transfer: closes the data connection and reads the final reply (plus the replies owed to keep-alive
     * NOOPs and ABOR).
     *
     * @param dataError what went wrong on the data connection, or null if it ended normally
     * @param checkSize whether a short count against the expected total is a failure (downloads in binary)
     * @return the final reply of the transfer command
     */
    Reply finish(IOException dataError, boolean checkSize) throws FtpException {
        try {
            Reply fin = complete(dataError, checkSize);
            events.transferEnd(verb, path, bytes, started);
            return fin;
        } catch (FtpException e) {
            session.markFailed();
            events.transferFailed(verb, path, bytes, e, started);
            throw e;
        }
    }

    private Reply complete(IOException dataError, boolean checkSize) throws FtpException {
        boolean timedOut = dataError instanceof SocketTimeoutException;
        if (timedOut) {
            abort(); // the server may still think the transfer runs: ABOR makes it answer, keeping the session in step
        }
        boolean aborted;
        int noops;
        synchronized (lock) {
            finishing = true;
            aborted = abortSent;
            noops = noopsSent;
        }
        if (tls != null && !aborted) {
            DataChannelOpener.close(tls); // close_notify, and on TLS 1.3 keep the server's new ticket for the next one
        }
        DataChannelOpener.close(socket);
        if (direct != null) {
            direct.close();
        }
        events.dataClosed(verb, dataOpened);
        Reply fin = null;
        try {
            int toRead = 1 + noops + (aborted ? 1 : 0);
            int noopRepliesLeft = noops;
            for (int i = 0; i < toRead; i++) {
                Reply r = session.readReply(verb);
                if (fin == null && !(r.code() == 200 && noopRepliesLeft > 0)) {
                    fin = r;
                } else if (r.code() == 200 && noopRepliesLeft > 0) {
                    noopRepliesLeft--;
                }
                if (r.code() == 421) {
                    fin = r;
                    break;
                }
            }
        } catch (FtpException lost) {
            // no final reply: the stalled data when it stalled first (our timeout), else the lost control connection;
            // either way with the byte count
            FtpException e = timedOut ? dataFailure(dataError, null)
                    : FtpException.of(lost.diagnosis(), lost.transcript(), lost.getCause(), bytes);
            if (timedOut || dataError != null) {
                e.addSuppressed(timedOut ? lost : dataError);
            }
            throw e;
        }
        if (timedOut && (!fin.isNegative() || session.diagnose(fin, verb).outcome() == Outcome.TransferAborted)) {
            throw dataFailure(dataError, fin); // a 426 answering our ABOR says nothing new; a 421 or 451 would
        }
        if (fin.isNegative()) {
            throw FtpException.of(session.diagnose(fin, verb), session.transcript(), dataError, bytes);
        }
        if (aborted) {
            throw withBytes(TransportEvent.TRANSFER_INCOMPLETE, "aborted by the client after " + bytes + " bytes", fin, null);
        }
        if (dataError != null) {
            throw dataFailure(dataError, fin);
        }
        if (!fin.isPositiveCompletion()) {
            throw FtpException.of(session.failure(fin, session.context(verb)).diagnosis(), session.transcript(), null,
                    bytes);
        }
        if (checkSize && expectedTotal >= 0 && bytes != expectedTotal) {
            throw withBytes(TransportEvent.TRANSFER_INCOMPLETE, "received " + bytes + " of " + expectedTotal
                    + " bytes announced by SIZE", fin, null);
        }
        if (checkSize && expectedTotal < 0 && sizeAfterwards != null) {
            Reply size = session.send("SIZE", sizeAfterwards);
            long total = size.code() == 213 ? Replies.size(size) : -1;
            if (total >= 0 && bytes != total) {
                throw withBytes(TransportEvent.TRANSFER_INCOMPLETE, "received " + bytes + " of the " + total
                        + " bytes SIZE reports after the transfer", fin, null);
            }
        }
        return fin;
    }

    /** The data connection stalled (our timeout) or broke. */
    private FtpException dataFailure(IOException dataError, Reply fin) {
        TransportEvent event = dataError instanceof SocketTimeoutException ? TransportEvent.DATA_READ_TIMEOUT
                : TransportEvent.DATA_CONNECTION_RESET;
        return withBytes(event, dataError.getMessage() + " after " + bytes + " bytes", fin, dataError);
    }

    private FtpException withBytes(TransportEvent event, String detail, Reply reply, Throwable cause) {
        FtpException e = session.failure(event, verb, detail, reply, cause);
        return FtpException.of(e.diagnosis(), e.transcript(), cause, bytes);
    }

    /** The 1xx reply that started the transfer. */
    public Reply firstReply() {
        return firstReply;
    }

    /** Bytes moved so far, the restart offset included. */
    public long bytes() {
        return bytes;
    }

    public long expectedTotal() {
        return expectedTotal;
    }

    /** Sets the size the file will have when complete, when the 1xx reply announced it. */
    void expectTotal(long total) {
        this.expectedTotal = total;
    }

    /**
     * The size was neither asked before nor announced by the 1xx reply: after a positive final reply, ask SIZE of
     * {@code remote} and fail the download as incomplete when it differs from the bytes received.
     */
    void sizeAfterwards(String remote) {
        this.sizeAfterwards = remote;
    }

    /**
     * Reads the plain data connection's channel (into direct buffers for files, or arrays), bounded by the data
     * timeout; null over TLS, or for a socket without a channel. For the transferring thread only.
     */
    ChannelReader channel() throws IOException {
        if (tls != null || socket.getChannel() == null) {
            return null;
        }
        if (direct == null) {
            direct = new ChannelReader(socket, socket.getSoTimeout());
        }
        return direct;
    }

    /** The plain data connection's channel, blocking, for uploads; null over TLS. */
    java.nio.channels.SocketChannel plainChannel() {
        return tls == null ? socket.getChannel() : null;
    }

    /** Whether {@link #channel()} is available: a plain data connection made from a channel. */
    boolean hasChannel() {
        return tls == null && socket.getChannel() != null;
    }

    InputStream socketInput() throws IOException {
        return tls != null ? tls.getInputStream() : socket.getInputStream();
    }

    OutputStream socketOutput() throws IOException {
        return tls != null ? tls.getOutputStream() : socket.getOutputStream();
    }

    /** A stream of the file's bytes; closing it finishes the command (ABOR first if not read to the end). */
    public InputStream download(boolean checkSize) throws IOException {
        return new DownloadStream(this, socketInput(), checkSize);
    }

    /** A stream to the file; closing it ends the data and checks the server's final reply. */
    public OutputStream upload() throws IOException {
        return new UploadStream(this, socketOutput(), new WriteWatchdog(socket, socket.getSoTimeout()));
    }
}
