package io.github.ftpdoctor.internal.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The file end of a download. The reader fills the buffers {@link #fillable()} hands out; full ones are written to
 * the file by a second thread, so that reading the network and writing the file overlap: each is a copy through the
 * kernel, and on a fast link either alone keeps a core busy. A file that fits in one buffer is written by the
 * caller's thread at {@link #finish()}, and no thread is started.
 *
 * <p>The writer's failure (a full disk) is thrown to the reader by its next {@link #fillable()} or by
 * {@link #finish()}. {@link #close()} stops the writer without writing what is left; after {@link #finish()} it only
 * gives the buffers back. One reader thread; the buffers come from, and go back to, the session's {@code spare}
 * list, so a session allocates them once.
 */
final class FileSink implements Closeable {
    /** Buffers in flight: one being filled, the others queued or being written. */
    static final int BUFFERS = 4;

    private final FileChannel file;
    private final ArrayDeque<ByteBuffer> spare;
    private final int bufferSize;
    private final boolean direct;
    private final BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final ByteBuffer end = ByteBuffer.allocate(0);
    private int allocated;
    private ByteBuffer current;
    private Thread writer;
    private volatile IOException failure;
    private volatile boolean discard;
    private boolean finished;

    /**
     * @param spare      the session's buffers of {@code bufferSize} bytes and of this kind; borrowed, then given back
     * @param direct     direct buffers (read straight from a socket channel) or heap ones (read through a stream)
     */
    FileSink(FileChannel file, ArrayDeque<ByteBuffer> spare, int bufferSize, boolean direct) {
        this.file = file;
        this.spare = spare;
        this.bufferSize = bufferSize;
        this.direct = direct;
    }

    /** A buffer with room to read into; the previous one, when full, goes to the writer. */
    ByteBuffer fillable() throws IOException {
        checkFailure();
        if (current != null && current.hasRemaining()) {
            return current;
        }
        if (current != null) {
            submit(current);
            current = null; // the writer's now: if take() throws, close() must not give it back a second time
        }
        current = take();
        return current;
    }

    /** Writes what is left and waits for the writer; throws its failure. */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (writer == null) {
            if (current != null) {
                writeAll(current.flip());
            }
            return;
        }
        if (current != null && current.position() > 0) {
            submit(current);
            current = null;
        }
        put(full, end);
        join();
        checkFailure();
    }

    @Override
    public void close() {
        java.util.List<ByteBuffer> unwritten = new java.util.ArrayList<>();
        if (writer != null && writer.isAlive()) {
            discard = true;
            full.drainTo(unwritten); // the writer may hold one more buffer; it sees end next
            full.offer(end);
            boolean interrupted = false;
            while (writer.isAlive()) {
                try {
                    writer.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        finished = true;
        // every buffer goes back, clean; a session's direct buffers are allocated once
        if (current != null) {
            spare.add(current.clear());
            current = null;
        }
        for (ByteBuffer b; (b = free.poll()) != null; ) {
            spare.add(b.clear());
        }
        full.drainTo(unwritten);
        for (ByteBuffer b : unwritten) {
            if (b != end) {
                spare.add(b.clear());
            }
        }
    }

    private void submit(ByteBuffer b) throws IOException {
        b.flip();
        if (writer == null) {
            writer = new Thread(this::writeLoop, "ftpdoctor-file-writer");
            writer.setDaemon(true);
            writer.start();
        }
        put(full, b);
    }

    /** A free buffer: one written already, a spare one, or a new one while fewer than {@link #BUFFERS} exist. */
    private ByteBuffer take() throws IOException {
        ByteBuffer b = free.poll();
        if (b != null) {
            return b;
        }
        if (allocated < BUFFERS) {
            allocated++;
            b = spare.poll();
            return b != null ? b : direct ? ByteBuffer.allocateDirect(bufferSize) : ByteBuffer.allocate(bufferSize);
        }
        try {
            while ((b = free.poll(100, TimeUnit.MILLISECONDS)) == null) {
                checkFailure();
                if (!writer.isAlive()) {
                    throw new IOException("the file writer stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the file was being written");
        }
        if (failure != null) {
            free.add(b); // not handed out: close() gives it back with the others
            checkFailure();
        }
        return b;
    }

    private void writeLoop() {
        try {
            while (true) {
                ByteBuffer b = full.take();
                if (b == end) {
                    return;
                }
                if (failure == null && !discard) {
                    try {
                        writeAll(b);
                    } catch (IOException e) {
                        failure = e;
                    } catch (RuntimeException e) { // e.g. a channel that cannot be written
                        failure = new IOException("cannot write the file: " + e, e);
                    }
                }
                free.add(b.clear());
            }
        } catch (InterruptedException e) {
            failure = new InterruptedIOException("file writer interrupted"); // the reader's next call throws it
        }
    }

    private void writeAll(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            file.write(b);
        }
    }

    private void join() throws IOException {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the file was being written");
        }
    }

    private static void put(BlockingQueue<ByteBuffer> q, ByteBuffer b) throws IOException {
        try {
            q.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the file was being written");
        }
    }

    /** The writer's failure, as it was thrown (its stack trace is the writer thread's). */
    private void checkFailure() throws IOException {
        IOException e = failure;
        if (e != null) {
            throw e;
        }
    }
}
