package io.github.ftpdoctor.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Blocking channel reads of a plain data connection on 127.0.0.1: the bytes, the end, a stall ended by the watchdog
 * as a read timeout, and a close from another thread reported as a closed socket.
 */
@Timeout(30)
class ChannelReaderTest {
    private ServerSocket listener;
    private SocketChannel client;
    private Socket server;

    @BeforeEach
    void connect() throws Exception {
        listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        listener.setSoTimeout(5000);
        client = SocketChannel.open(new InetSocketAddress(InetAddress.getByName("127.0.0.1"),
                listener.getLocalPort()));
        server = listener.accept();
        server.setSoTimeout(5000);
    }

    @AfterEach
    void close() throws Exception {
        server.close();
        client.close();
        listener.close();
    }

    @Test
    void readsTheBytesThenTheEnd() throws Exception {
        ChannelReader r = new ChannelReader(client.socket(), 5000);
        try (OutputStream out = server.getOutputStream()) {
            out.write(new byte[] {1, 2, 3, 4, 5});
        }
        byte[] got = new byte[8];
        int total = 0;
        for (int n; (n = r.read(got, total, got.length - total)) > 0; ) {
            total += n;
        }
        assertEquals(5, total);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 0, 0, 0}, got);
        assertEquals(-1, r.read(ByteBuffer.allocate(4)), "the end of the data");
        r.close();
    }

    @Test
    void noRoomReadsNothingAndBadBoundsAreRefused() throws Exception {
        ChannelReader r = new ChannelReader(client.socket(), 5000);
        assertEquals(0, r.read(ByteBuffer.allocate(0)));
        ByteBuffer full = ByteBuffer.allocate(4).position(4);
        assertEquals(0, r.read(full));
        assertEquals(0, r.read(new byte[4], 4, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> r.read(new byte[4], 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> r.read(new byte[4], -1, 1));
        server.getOutputStream().write(new byte[] {9, 8, 7});
        byte[] b = new byte[6];
        int n = r.read(b, 2, 3); // into the middle of the array
        assertTrue(n >= 1 && n <= 3, "read " + n);
        assertEquals(9, b[2]);
        assertEquals(0, b[0]);
        assertEquals(0, b[1]);
        r.close();
    }

    @Test
    void aStalledServerEndsInAReadTimeout() throws Exception {
        ChannelReader r = new ChannelReader(client.socket(), 50); // the server sends nothing
        SocketTimeoutException e = assertThrows(SocketTimeoutException.class, () -> r.read(ByteBuffer.allocate(8)));
        assertEquals("Read timed out", e.getMessage());
        assertTrue(e.getCause() instanceof java.io.IOException);
        assertTrue(client.socket().isClosed(), "the watchdog closed the socket");
        r.close();
    }

    @Test
    void aCloseFromAnotherThreadIsAClosedSocket() throws Exception {
        ChannelReader r = new ChannelReader(client.socket(), 60_000);
        CountDownLatch reading = new CountDownLatch(1);
        Thread aborter = new Thread(() -> {
            try {
                reading.await();
                client.close(); // as ABOR does; before or during the read, the read ends at once
            } catch (Exception ignored) {
                // the test fails on the read instead
            }
        });
        aborter.start();
        reading.countDown();
        SocketException e = assertThrows(SocketException.class, () -> {
            while (true) {
                r.read(ByteBuffer.allocate(8));
            }
        });
        assertEquals("Socket closed", e.getMessage());
        assertTrue(e.getCause() instanceof ClosedChannelException);
        aborter.join();
        r.close();
    }
}
