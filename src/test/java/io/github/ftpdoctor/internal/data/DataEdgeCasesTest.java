package io.github.ftpdoctor.internal.data;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Reply;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Boundaries of the data layer that examples and properties left open (found by mutation testing): timeouts
 * clamped to what sockets accept, the shared address space 100.64.0.0/10, port and octet limits, CR at chunk ends.
 */
class DataEdgeCasesTest {

    private static DataOptions options(Duration connect, Duration read) {
        return new DataOptions(false, false, 0, 0, null, connect, read, 8192);
    }

    @Test
    void timeoutsAreWholeMillisecondsBetweenOneAndIntegerMax() {
        assertEquals(500, options(Duration.ofMillis(500), Duration.ofSeconds(2)).connectMillis());
        assertEquals(2000, options(Duration.ofMillis(500), Duration.ofSeconds(2)).readMillis());
        assertEquals(1, options(Duration.ZERO, Duration.ZERO).connectMillis(), "0 would mean forever to a socket");
        assertEquals(1, options(Duration.ZERO, Duration.ZERO).readMillis());
        assertEquals(1, options(Duration.ofNanos(1), Duration.ofNanos(999_999)).readMillis());
        assertEquals(Integer.MAX_VALUE, options(Duration.ofDays(365), Duration.ofDays(365)).connectMillis());
        assertEquals(Integer.MAX_VALUE, options(Duration.ofDays(365), Duration.ofDays(365)).readMillis());
        assertEquals(Integer.MAX_VALUE, options(Duration.ofMillis(Integer.MAX_VALUE), Duration.ofMillis(
                Integer.MAX_VALUE)).readMillis());
    }

    @Test
    void sharedAddressSpaceIsPrivateAtBothEnds() throws Exception {
        assertTrue(DataAddresses.isPrivate(InetAddress.getByName("100.64.0.0")));
        assertTrue(DataAddresses.isPrivate(InetAddress.getByName("100.127.255.255")));
        assertFalse(DataAddresses.isPrivate(InetAddress.getByName("100.63.255.255")));
        assertFalse(DataAddresses.isPrivate(InetAddress.getByName("100.128.0.0")));
        assertFalse(DataAddresses.isPrivate(InetAddress.getByName("101.64.0.1")));
        assertFalse(DataAddresses.isPrivate(InetAddress.getByName("99.64.0.1")));
        assertTrue(DataAddresses.isPrivate(InetAddress.getByName("10.0.0.1")));
        assertTrue(DataAddresses.isPrivate(InetAddress.getByName("127.0.0.1")));
        assertTrue(DataAddresses.isPrivate(InetAddress.getByName("169.254.1.1")));
        assertTrue(DataAddresses.isPrivate(InetAddress.getByName("0.0.0.0")));
        assertTrue(DataAddresses.isPrivate(InetAddress.getByName("fe80::1")));
        assertFalse(DataAddresses.isPrivate(InetAddress.getByName("2001:db8::1")));
        assertFalse(DataAddresses.isPrivate(InetAddress.getByName("8.8.8.8")));
    }

    @Test
    void passiveOctetsAndPortsAtTheirLimits() {
        DataAddresses.Passive p = DataAddresses.parse227(Reply.of(227, "Entering Passive Mode (255,0,0,0,255,255)."));
        assertEquals("255.0.0.0", p.address().getHostAddress());
        assertEquals(65535, p.port());
        assertEquals(1, DataAddresses.parse227(Reply.of(227, "(1,2,3,4,0,1)")).port());
        assertEquals(256, DataAddresses.parse227(Reply.of(227, "(1,2,3,4,1,0)")).port());
        assertNull(DataAddresses.parse227(Reply.of(227, "(1,2,3,4,0,0)")), "port 0");
        assertNull(DataAddresses.parse227(Reply.of(227, "(256,2,3,4,0,1)")));
        assertNull(DataAddresses.parse227(Reply.of(227, "(1,2,3,4,0,256)")));
        assertEquals(1, DataAddresses.parse229(Reply.of(229, "(|||1|)")));
        assertEquals(65535, DataAddresses.parse229(Reply.of(229, "(|||65535|)")));
        assertEquals(-1, DataAddresses.parse229(Reply.of(229, "(|||0|)")));
        assertEquals(-1, DataAddresses.parse229(Reply.of(229, "(|||65536|)")));
        assertEquals(-1, DataAddresses.parse229(Reply.of(229, "(||1|)")));
    }

    @Test
    void portAndEprtArguments() throws Exception {
        InetAddress v4 = InetAddress.getByName("192.168.0.255");
        assertEquals("192,168,0,255,255,255", DataAddresses.portArgument(v4, 65535));
        assertEquals("192,168,0,255,1,0", DataAddresses.portArgument(v4, 256));
        assertEquals("|1|192.168.0.255|21|", DataAddresses.eprtArgument(v4, 21));
        InetAddress scoped = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 1);
        assertTrue(scoped.getHostAddress().contains("%"));
        assertEquals("|2|fe80:0:0:0:0:0:0:1|2121|", DataAddresses.eprtArgument(scoped, 2121), "the zone is dropped");
    }

    // ---- AsciiStreams ----

    /** An input stream that hands out at most {@code step} bytes per read. */
    private static InputStream trickle(byte[] data, int step) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    private static byte[] readAll(InputStream in, int bufferSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[bufferSize];
        for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void crLfSplitAcrossReadsIsStillOneLf() throws IOException {
        byte[] wire = "a\r\nb\rc\r\n\r\r\n".getBytes(US_ASCII);
        byte[] local = "a\nb\rc\n\r\n".getBytes(US_ASCII);
        for (int step = 1; step <= wire.length; step++) {
            for (int buffer = 1; buffer <= 4; buffer++) {
                assertArrayEquals(local, readAll(AsciiStreams.fromWire(trickle(wire, step)), buffer),
                        "step " + step + ", buffer " + buffer);
            }
        }
        assertArrayEquals("x\r".getBytes(US_ASCII), readAll(AsciiStreams.fromWire(trickle(
                "x\r".getBytes(US_ASCII), 1)), 8), "a CR at the very end is kept");
    }

    @Test
    void singleByteReadsSkipAndAvailable() throws IOException {
        InputStream in = AsciiStreams.fromWire(new ByteArrayInputStream("a\r\nbc".getBytes(US_ASCII)));
        assertEquals('a', in.read());
        assertEquals('\n', in.read());
        assertEquals(2, in.available(), "what is buffered and not yet read");
        assertEquals(1, in.skip(1));
        assertEquals('c', in.read());
        assertEquals(-1, in.read());
        assertEquals(0, in.skip(5));
        assertEquals(0, in.read(new byte[4], 0, 0));
        assertFalse(in.markSupported());
    }

    @Test
    void lfBecomesCrLfOnceAcrossWrites() throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        OutputStream out = AsciiStreams.toWire(wire);
        out.write("a\r".getBytes(US_ASCII));
        out.write('\n');
        out.write("\nb\n".getBytes(US_ASCII), 0, 3);
        out.write(new byte[0]);
        out.flush();
        assertEquals("a\r\n\r\nb\r\n", wire.toString(US_ASCII));
    }
}
