package io.github.ftpdoctor.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file end of a download: every byte reaches the file in order, whether it fits in one buffer (no writer
 * thread) or takes many; a writer that fails is reported to the reader; the session's buffers all come back clean.
 */
@Timeout(30)
class FileSinkTest {
    @TempDir
    Path dir;

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + i / 256);
        }
        return b;
    }

    /** Buffers the sink handed out, by identity. */
    private final Map<ByteBuffer, Boolean> seen = new IdentityHashMap<>();

    /** Fills the sink's buffers from {@code data}, at most {@code step} bytes at a time, as a network read would. */
    private void feed(FileSink sink, byte[] data, int step) throws IOException {
        for (int off = 0; off < data.length; ) {
            ByteBuffer b = sink.fillable();
            seen.put(b, true);
            assertTrue(b.hasRemaining(), "a fillable buffer has room");
            int n = Math.min(Math.min(step, b.remaining()), data.length - off);
            b.put(data, off, n);
            off += n;
        }
    }

    private FileChannel open(Path p) throws IOException {
        return FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /** Every buffer the sink handed out is back in the session's list, once. */
    private void assertReturned(ArrayDeque<ByteBuffer> spare) {
        Map<ByteBuffer, Boolean> back = new IdentityHashMap<>();
        spare.forEach(b -> back.put(b, true));
        assertEquals(spare.size(), back.size(), "no buffer given back twice");
        assertEquals(seen.keySet(), back.keySet(), "every buffer handed out comes back");
    }

    private static void assertClean(ArrayDeque<ByteBuffer> spare, int size, boolean direct) {
        for (ByteBuffer b : spare) {
            assertEquals(0, b.position(), "given back cleared");
            assertEquals(b.capacity(), b.limit(), "given back cleared");
            assertEquals(size, b.capacity());
            assertEquals(direct, b.isDirect());
        }
    }

    @Test
    void aFileInOneBufferIsWrittenAtFinish() throws IOException {
        Path p = dir.resolve("small");
        byte[] data = pattern(700);
        ArrayDeque<ByteBuffer> spare = new ArrayDeque<>();
        try (FileChannel ch = open(p)) {
            FileSink sink = new FileSink(ch, spare, 1024, false);
            feed(sink, data, 100);
            assertEquals(0, Files.size(p), "nothing written before finish");
            sink.finish();
            sink.finish(); // a second finish writes nothing twice
            sink.close();
        }
        assertArrayEquals(data, Files.readAllBytes(p));
        assertEquals(1, spare.size(), "the one buffer goes back to the session");
        assertClean(spare, 1024, false);
    }

    @Test
    void manyBuffersArriveInOrderAndAtMostFourAreAllocated() throws IOException {
        for (boolean direct : new boolean[] {false, true}) {
            for (int size : new int[] {1000, 1024, 4096 * 5 + 3}) {
                Path p = dir.resolve("big-" + direct + "-" + size);
                byte[] data = pattern(size);
                ArrayDeque<ByteBuffer> spare = new ArrayDeque<>();
                seen.clear();
                try (FileChannel ch = open(p)) {
                    FileSink sink = new FileSink(ch, spare, 256, direct);
                    feed(sink, data, 97);
                    sink.finish();
                    sink.close();
                }
                assertArrayEquals(data, Files.readAllBytes(p), "direct " + direct + ", " + size + " bytes");
                assertTrue(seen.size() <= FileSink.BUFFERS, "at most four buffers: " + seen.size());
                assertReturned(spare);
                assertClean(spare, 256, direct);
            }
        }
    }

    @Test
    void aFullBufferGoesToTheWriterOnlyWhenFull() throws IOException {
        Path p = dir.resolve("same");
        ArrayDeque<ByteBuffer> spare = new ArrayDeque<>();
        try (FileChannel ch = open(p)) {
            FileSink sink = new FileSink(ch, spare, 16, false);
            ByteBuffer first = sink.fillable();
            first.put(new byte[10]);
            assertSame(first, sink.fillable(), "room left: the same buffer");
            first.put(new byte[6]);
            ByteBuffer second = sink.fillable(); // a new one, or the first once the writer wrote it
            assertEquals(0, second.position(), "full: an empty buffer");
            assertEquals(16, second.remaining());
            sink.finish();
            sink.close();
        }
        assertEquals(16, Files.size(p));
    }

    @Test
    void theSessionsSpareBuffersAreUsedBeforeNewOnes() throws IOException {
        ArrayDeque<ByteBuffer> spare = new ArrayDeque<>();
        ByteBuffer mine = ByteBuffer.allocate(64);
        spare.add(mine);
        try (FileChannel ch = open(dir.resolve("spare"))) {
            FileSink sink = new FileSink(ch, spare, 64, false);
            assertSame(mine, sink.fillable());
            assertTrue(spare.isEmpty(), "borrowed");
            sink.close();
        }
        assertEquals(1, spare.size());
        assertSame(mine, spare.peek(), "given back");
    }

    @Test
    void aWriterThatCannotWriteFailsTheReader() throws IOException {
        Path p = dir.resolve("readonly");
        Files.write(p, new byte[0]);
        ArrayDeque<ByteBuffer> spare = new ArrayDeque<>();
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) { // writes throw NonWritableChannel
            FileSink sink = new FileSink(ch, spare, 32, false);
            IOException e = assertThrows(IOException.class, () -> {
                feed(sink, pattern(32 * 40), 32);
                sink.finish();
            });
            assertTrue(e.getMessage().startsWith("cannot write the file"), e.getMessage());
            sink.close();
        }
        assertReturned(spare); // after a failure too
        assertClean(spare, 32, false);
    }

    @Test
    void aDiskThatFillsOnTheLastBufferFailsFinish() throws IOException {
        Path p = dir.resolve("full-at-the-end");
        ArrayDeque<ByteBuffer> spare = new ArrayDeque<>();
        try (FileChannel ch = new DiskFullChannel(open(p), 32 * 3)) { // room for three buffers, not the fourth
            FileSink sink = new FileSink(ch, spare, 32, false);
            feed(sink, pattern(32 * 3 + 5), 32); // the reader never sees the failure: the last write is finish's
            IOException e = assertThrows(IOException.class, sink::finish, "a file cut short is never a success");
            assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
            sink.close();
        }
        assertEquals(32 * 3, Files.size(p));
        assertReturned(spare);
    }

    @Test
    void aSmallFileThatCannotBeWrittenFailsAtFinish() throws IOException {
        Path p = dir.resolve("readonly-small");
        Files.write(p, new byte[0]);
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            FileSink sink = new FileSink(ch, new ArrayDeque<>(), 32, false);
            feed(sink, pattern(10), 10);
            assertThrows(RuntimeException.class, sink::finish, "written by the caller's thread: its own error");
            sink.close();
        }
    }

    @Test
    void closeWithoutFinishDiscardsAndGivesEveryBufferBack() throws IOException {
        Path p = dir.resolve("discard");
        ArrayDeque<ByteBuffer> spare = new ArrayDeque<>();
        try (FileChannel ch = open(p)) {
            FileSink sink = new FileSink(ch, spare, 64, true);
            feed(sink, pattern(64 * 3 + 5), 64);
            sink.close(); // the reader gave up: what is left is not written
            sink.close();
        }
        assertTrue(Files.size(p) <= 64 * 3, "the unfinished buffer is never written");
        assertReturned(spare);
        assertClean(spare, 64, true);
    }
}
