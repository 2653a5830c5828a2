package io.github.ftpdoctor.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.testsupport.Fuzz;
import io.github.ftpdoctor.testsupport.Property;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 227 and 229 parsing and PORT/EPRT formatting on random, mutated and generated input: the parsers return null
 * or -1 or a valid endpoint (octets 0-255, port 1-65535), never throw, and read back what the formatters wrote.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DataAddressesPropertiesTest {
    private static final String SUBJECT = "DataAddresses";
    private static final String[] TOKENS = {"Entering Passive Mode", "Entering Extended Passive Mode", "(", ")",
        ",", ", ", "|||", "|", "!!!", "=", "127", "0", "1", "255", "256", "999", "1234", "65535", "65536", "00000"};
    private static final String[] REAL = {
        "Entering Passive Mode (127,0,0,1,195,80).", "Entering Passive Mode (10,1,2,3,200,10)", "=127, 0, 0, 1, 4, 1",
        "Entering Passive Mode 192,168,1,2,19,137", "Entering Extended Passive Mode (|||50001|)",
        "Entering Extended Passive Mode (!!!6446!)", "EPSV ok (|||6446|)", "Entering Passive Mode (0,0,0,0,4,1)"};

    private static String randomReplyText(Random r) {
        return r.nextBoolean() ? Fuzz.randomText(r, 120, TOKENS) : Fuzz.mutate(r, Fuzz.pick(r, REAL), 4, TOKENS);
    }

    @Test
    void random227RepliesGiveNullOrAValidEndpoint() {
        Property.forAll(SUBJECT, "227 random and mutated", DataAddressesPropertiesTest::randomReplyText)
                .seed(0xADD0_0001L).tries(70_000).shrinkWith(Fuzz.SHRINK_STRING).showWith(Fuzz::show)
                .check(text -> {
                    DataAddresses.Passive p = DataAddresses.parse227(Reply.of(227, text));
                    if (p != null) {
                        assertTrue(p.address() instanceof Inet4Address, p::toString);
                        assertTrue(p.port() >= 1 && p.port() <= 65535, p::toString);
                        // the endpoint is six whole numbers of the text, not digits cut out of longer numbers
                        assertTrue(containsTuple(text, p), () -> p + " is not in the text");
                    }
                });
    }

    /** Whether the text has the endpoint as six comma-separated whole numbers (leading zeros allowed). */
    private static boolean containsTuple(String text, DataAddresses.Passive p) {
        byte[] a = p.address().getAddress();
        int[] n = {a[0] & 0xFF, a[1] & 0xFF, a[2] & 0xFF, a[3] & 0xFF, p.port() >> 8, p.port() & 0xFF};
        StringBuilder regex = new StringBuilder("(?<!\\d)");
        for (int i = 0; i < 6; i++) {
            regex.append(i == 0 ? "" : ",\\s*").append("0*").append(n[i]);
        }
        return Pattern.compile(regex.append("(?!\\d)").toString()).matcher(text).find();
    }

    @Test
    void random229RepliesGiveMinusOneOrAValidPort() {
        Property.forAll(SUBJECT, "229 random and mutated", DataAddressesPropertiesTest::randomReplyText)
                .seed(0xADD0_0002L).tries(60_000).shrinkWith(Fuzz.SHRINK_STRING).showWith(Fuzz::show)
                .check(text -> {
                    int port = DataAddresses.parse229(Reply.of(229, text));
                    assertTrue(port == -1 || port >= 1 && port <= 65535, () -> "port " + port);
                });
    }

    @Test
    void pasvTuplesReadBackExactly() {
        Property.forAll(SUBJECT, "227 round trip", r -> new Endpoint(ipv4(r), 1 + r.nextInt(65535), r.nextInt(4),
                        r.nextBoolean()))
                .seed(0xADD0_0003L).tries(30_000)
                .check(e -> {
                    // the h1,h2,h3,h4,p1,p2 tuple written here from the generated octets and port (RFC 959 4.1.2),
                    // not by the production formatter
                    byte[] a = e.address().getAddress();
                    String sep = e.spaces() ? ", " : ",";
                    String tuple = (a[0] & 0xFF) + sep + (a[1] & 0xFF) + sep + (a[2] & 0xFF) + sep + (a[3] & 0xFF)
                            + sep + (e.port() / 256) + sep + (e.port() % 256);
                    String text = switch (e.form()) {
                        case 0 -> "Entering Passive Mode (" + tuple + ").";
                        case 1 -> "=" + tuple;
                        case 2 -> "Entering Passive Mode " + tuple;
                        default -> "Entering Passive Mode (" + tuple + ")\nnext line";
                    };
                    DataAddresses.Passive p = DataAddresses.parse227(Reply.of(227, text));
                    assertNotNull(p, text);
                    assertEquals(e.address(), p.address());
                    assertEquals(e.port(), p.port());
                });
    }

    @Test
    void epsvPortsReadBackWithAnyDelimiter() {
        Property.forAll(SUBJECT, "229 round trip", r -> new Endpoint(null, 1 + r.nextInt(65535), 33 + r.nextInt(94),
                        r.nextBoolean()))
                .seed(0xADD0_0004L).tries(40_000)
                .check(e -> {
                    String d = String.valueOf((char) e.form());
                    String text = "Entering Extended Passive Mode (" + d + d + d + e.port() + d + ")" + (e.spaces() ? "." : "");
                    assertEquals(e.port(), DataAddresses.parse229(Reply.of(229, text)), text);
                });
    }

    @Test
    void portAndEprtArgumentsCarryTheEndpoint() {
        Property.forAll(SUBJECT, "PORT and EPRT formatting", r -> new Endpoint(r.nextBoolean() ? ipv4(r) : ipv6(r),
                        r.nextInt(65536), 0, false))
                .seed(0xADD0_0005L).tries(10_000)
                .check(e -> {
                    String eprt = DataAddresses.eprtArgument(e.address(), e.port());
                    String[] parts = eprt.split("\\|", -1);
                    assertEquals(5, parts.length, eprt);
                    assertEquals(e.address() instanceof Inet6Address ? "2" : "1", parts[1]);
                    assertArrayEquals(e.address().getAddress(), InetAddress.getByName(parts[2]).getAddress(), eprt);
                    assertEquals(e.port(), Integer.parseInt(parts[3]));
                    if (e.address() instanceof Inet4Address) {
                        String port = DataAddresses.portArgument(e.address(), e.port());
                        String[] n = port.split(",");
                        assertEquals(6, n.length, port);
                        byte[] a = e.address().getAddress();
                        for (int i = 0; i < 4; i++) {
                            assertEquals(a[i] & 0xFF, Integer.parseInt(n[i]), port);
                        }
                        assertEquals(e.port(), Integer.parseInt(n[4]) * 256 + Integer.parseInt(n[5]), port);
                    }
                });
    }

    /** An address, a port and two variations of the text around them. */
    private record Endpoint(InetAddress address, int port, int form, boolean spaces) {
    }

    private static InetAddress ipv4(Random r) {
        byte[] b = new byte[4];
        r.nextBytes(b);
        return address(b);
    }

    private static InetAddress ipv6(Random r) {
        byte[] b = new byte[16];
        r.nextBytes(b);
        if (r.nextInt(4) == 0) { // link-local with a scope id: EPRT carries no zone
            b[0] = (byte) 0xFE;
            b[1] = (byte) 0x80;
            try {
                return Inet6Address.getByAddress(null, b, 1 + r.nextInt(8));
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
        return address(b);
    }

    private static InetAddress address(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
