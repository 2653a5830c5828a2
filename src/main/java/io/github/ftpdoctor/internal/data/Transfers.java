package io.github.ftpdoctor.internal.data;

import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.protocol.ReplyDecoder;
import io.github.ftpdoctor.internal.protocol.Replies;
import io.github.ftpdoctor.internal.protocol.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Transfers for one session: streams, whole files, resume, listings. A download to a path goes to a {@code .part}
 * file that is moved into place only after the server confirmed success and every byte arrived.
 */
public final class Transfers {
    /** Listings bigger than this are refused rather than held in memory. */
    private static final int MAX_LISTING_BYTES = 256 * 1024 * 1024;
    private static final int MIN_SINK_BUFFER = 8 * 1024;
    private static final Pattern STOU_NAME = Pattern.compile("FILE:\\s*(\\S.*?)\\s*$", Pattern.CASE_INSENSITIVE);

    private final Session session;
    private final DataChannelOpener opener;
    private final Duration keepAlive;
    private final boolean verifySize;
    private final boolean keepPartial;
    private final int bufferSize;
    private byte[] buffer; // allocated on the first transfer: most sessions of a busy client never transfer
    /**
     * Buffers of downloads into files, kept for the session's next one: at most {@link FileSink#BUFFERS} of each
     * kind, each a quarter of the buffer size, so that a download holds what one copy buffer did.
     */
    private final ArrayDeque<ByteBuffer> spareDirect = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> spareHeap = new ArrayDeque<>();
    private ByteBuffer uploadBuffer; // direct; for plain uploads from files
    private boolean ascii;
    private Boolean typeSent;
    /** Whether this server announces file sizes in its 150 replies: then SIZE is not asked before each RETR. */
    private boolean announcesSize;
    private volatile DataTransfer current;

    public Transfers(Session session, DataOptions options, Duration keepAlive, boolean verifySize,
                     boolean keepPartial) {
        this.session = session;
        this.opener = new DataChannelOpener(session, options);
        this.keepAlive = keepAlive;
        this.verifySize = verifySize;
        this.keepPartial = keepPartial;
        this.bufferSize = options.bufferSize();
    }

    private byte[] buffer() {
        if (buffer == null) {
            buffer = new byte[bufferSize];
        }
        return buffer;
    }

    /** Chooses TYPE A or TYPE I for the following transfers. */
    public void setAscii(boolean value) {
        this.ascii = value;
    }

    private void sendType() throws FtpException {
        if (typeSent == null || typeSent != ascii) {
            session.expect("TYPE", ascii ? "A" : "I", c -> c / 100 == 2);
            typeSent = ascii;
        }
    }

    /** Stops the running transfer, if any; safe from any thread. */
    public void abort() {
        DataTransfer t = current;
        if (t != null) {
            t.abort();
        }
    }

    /** The remote size in the current type when the server tells it, else -1. Negative replies are not errors here. */
    private long sizeIfKnown(String remote) throws FtpException {
        if (!verifySize || ascii) {
            return -1;
        }
        Reply r = session.send("SIZE", remote);
        return r.code() == 213 ? Replies.size(r) : -1;
    }

    /** Opens a download stream; closing it finishes the command and throws the diagnosis if it failed. */
    public InputStream openRead(String remote, long restartAt) throws IOException {
        sendType();
        boolean trustAnnounced = announcesSize && restartAt == 0; // SIZE skipped: the 150 reply is expected to say
        long expected = trustAnnounced ? -1 : sizeIfKnown(remote);
        DataTransfer t = DataTransfer.start(session, opener, "RETR", remote, restartAt, expected, keepAlive);
        current = t;
        if (verifySize && !ascii && restartAt == 0) {
            long announced = Replies.announcedSize(t.firstReply());
            announcesSize = announced >= 0;
            if (announced >= 0 && expected < 0) {
                t.expectTotal(announced);
            } else if (announced < 0 && trustAnnounced) {
                t.sizeAfterwards(remote); // it did not, this time: SIZE after the final reply proves completeness
            }
        }
        InputStream in = t.download(!ascii);
        return ascii ? AsciiStreams.fromWire(in) : in;
    }

    /** Opens an upload stream (STOR, APPE or STOU); closing it ends the data and checks the final reply. */
    public OutputStream openWrite(String verb, String remote, long restartAt) throws IOException {
        sendType();
        DataTransfer t = DataTransfer.start(session, opener, verb, remote, restartAt, -1, keepAlive);
        current = t;
        OutputStream out = t.upload();
        return ascii ? AsciiStreams.toWire(out) : out;
    }

    /** Downloads into a stream; returns the bytes received from the server. */
    public long retrieve(String remote, OutputStream sink) throws IOException {
        InputStream in = openRead(remote, 0);
        copy(in, sink);
        return current.bytes();
    }

    /**
     * Downloads to a path through {@code <path>.part}; with {@code resume}, continues a partial file left by an
     * earlier attempt (REST). Returns the size of the file.
     */
    public long download(String remote, Path local, boolean resume) throws IOException {
        Path part = local.resolveSibling(local.getFileName() + ".part");
        long offset = resume && Files.isRegularFile(part) ? Files.size(part) : 0;
        boolean done = false;
        try {
            // the local file first: if it cannot be created, nothing is asked of the server
            try (FileChannel out = FileChannel.open(part, offset > 0
                    ? new StandardOpenOption[] {StandardOpenOption.APPEND, StandardOpenOption.WRITE}
                    : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE})) {
                copyToFile(openRead(remote, offset), out);
            }
            move(part, local);
            done = true;
            return Files.size(local);
        } finally {
            if (!done && !keepPartial && !resume) {
                Files.deleteIfExists(part);
            }
        }
    }

    /** Uploads from a stream with STOR or APPE; returns the bytes sent. */
    public long store(String verb, String remote, InputStream source) throws IOException {
        OutputStream out = openWrite(verb, remote, 0);
        long sent = copyUp(source, out);
        return sent;
    }

    /** Uploads with STOU; returns the name the server chose, or null if it did not say. */
    public String storeUnique(InputStream source) throws IOException {
        OutputStream out = openWrite("STOU", null, 0);
        Reply first = current.firstReply();
        copyUp(source, out);
        Matcher m = STOU_NAME.matcher(first.text());
        return m.find() ? m.group(1) : null;
    }

    /**
     * Uploads a file; with {@code resume}, asks the remote size first and sends only the rest (REST + STOR).
     * The local file is only read.
     */
    public long upload(Path local, String remote, boolean resume) throws IOException {
        long offset = 0;
        if (resume) {
            Reply r = session.send("SIZE", remote);
            offset = r.code() == 213 ? Math.max(0, Replies.size(r)) : 0;
        }
        try (FileChannel in = FileChannel.open(local, StandardOpenOption.READ)) {
            if (offset > in.size()) {
                throw new IOException("the remote file is larger than the local one: nothing to resume");
            }
            in.position(offset);
            OutputStream out = openWrite("STOR", remote, offset);
            if (out instanceof UploadStream up && up.writesChannel()) {
                copyUp(in, up);
            } else {
                copyUp(Channels.newInputStream(in), out);
            }
            return current.bytes();
        }
    }

    /** The lines of a listing (LIST, NLST, MLSD), decoded like replies. */
    public List<String> listLines(String verb, String path, ReplyDecoder decoder) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        DataTransfer t = DataTransfer.start(session, opener, verb, path, 0, -1, keepAlive);
        current = t;
        InputStream in = t.download(false);
        int n;
        while ((n = in.read(buffer())) >= 0) {
            if (raw.size() + n > MAX_LISTING_BYTES) {
                in.close();
                throw new IOException("listing larger than " + MAX_LISTING_BYTES + " bytes refused");
            }
            raw.write(buffer, 0, n);
        }
        in.close();
        byte[] bytes = raw.toByteArray();
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                if (end > start || i < bytes.length) {
                    lines.add(decoder.decode(java.util.Arrays.copyOfRange(bytes, start, end), end - start));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private void copy(InputStream in, OutputStream sink) throws IOException {
        int n;
        while ((n = in.read(buffer())) >= 0) {
            try {
                sink.write(buffer, 0, n);
            } catch (IOException local) {
                closeAfterLocalFailure(in, local);
                throw local;
            }
        }
        in.close();
    }

    /**
     * Downloads into a file through a {@link FileSink}: the network is read on this thread, the file written on
     * another. A plain binary download reads the socket's channel straight into direct buffers. When the network
     * fails, what arrived is still written (a later resume continues after it); when the file fails, the transfer is
     * aborted and the local error is the one thrown.
     */
    private void copyToFile(InputStream in, FileChannel file) throws IOException {
        DownloadStream raw = in instanceof DownloadStream d ? d : null; // null: a converting (ASCII) stream
        boolean channel = raw != null && raw.readsChannel();
        FileSink sink = new FileSink(file, channel ? spareDirect : spareHeap,
                Math.max(MIN_SINK_BUFFER, bufferSize / FileSink.BUFFERS), channel);
        try {
            while (true) {
                ByteBuffer b;
                try {
                    b = sink.fillable();
                } catch (IOException local) {
                    closeAfterLocalFailure(in, local);
                    throw local;
                }
                int n;
                try {
                    n = raw != null ? raw.read(b) : readInto(in, b);
                } catch (IOException network) { // the transfer is finished: this is its diagnosis
                    try {
                        sink.finish();
                    } catch (IOException local) {
                        network.addSuppressed(local);
                    }
                    throw network;
                }
                if (n < 0) {
                    break;
                }
            }
            try {
                sink.finish();
            } catch (IOException local) {
                closeAfterLocalFailure(in, local);
                throw local;
            }
            in.close();
        } finally {
            sink.close();
        }
    }

    private static int readInto(InputStream in, ByteBuffer b) throws IOException {
        int n = in.read(b.array(), b.arrayOffset() + b.position(), b.remaining());
        if (n > 0) {
            b.position(b.position() + n);
        }
        return n;
    }

    /**
     * A plain binary upload from a file: read into a direct buffer and written from it to the socket's channel, on
     * this thread (a reading thread only competed with the server for the cores). A local read failure aborts the
     * transfer and is the error thrown.
     */
    private void copyUp(FileChannel source, UploadStream out) throws IOException {
        if (uploadBuffer == null) {
            // an eighth of the buffer size (128 KiB by default): read and written while still in the CPU cache,
            // measured faster here than 1 MiB chunks (curl moves 64 KiB at a time)
            uploadBuffer = ByteBuffer.allocateDirect(Math.max(MIN_SINK_BUFFER, bufferSize / 8));
        }
        ByteBuffer b = uploadBuffer;
        try {
            while (true) {
                b.clear();
                int n;
                try {
                    n = source.read(b);
                } catch (IOException local) {
                    closeAfterLocalFailure(out, local);
                    throw local;
                }
                if (n < 0) {
                    break;
                }
                b.flip();
                out.write(b);
            }
        } finally {
            b.clear();
        }
        out.close();
    }

    private long copyUp(InputStream source, OutputStream out) throws IOException {
        long sent = 0;
        int n;
        while (true) {
            try {
                n = source.read(buffer());
            } catch (IOException local) {
                closeAfterLocalFailure(out, local);
                throw local;
            }
            if (n < 0) {
                break;
            }
            out.write(buffer, 0, n);
            sent += n;
        }
        out.close();
        return sent;
    }

    /** A local read or write failed: stop the transfer, keep the local error as the one reported. */
    private void closeAfterLocalFailure(java.io.Closeable transfer, IOException local) {
        abort();
        try {
            transfer.close();
        } catch (IOException e) {
            local.addSuppressed(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
