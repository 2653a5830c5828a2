package io.github.ftpdoctor.internal.data;

import io.github.ftpdoctor.diagnosis.Reply;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses 227 and 229 replies and formats PORT and EPRT arguments (RFC 959, RFC 2428). */
public final class DataAddresses {
    /** Six whole numbers: never digits cut out of a longer number ({@code 1192,...} or {@code ...,1137}). */
    private static final Pattern PASV = Pattern.compile(
            "(?<!\\d)(\\d{1,3}),\\s*(\\d{1,3}),\\s*(\\d{1,3}),\\s*(\\d{1,3}),\\s*(\\d{1,3}),\\s*(\\d{1,3})(?!\\d)");
    private static final Pattern EPSV = Pattern.compile("\\((.)\\1\\1(\\d{1,5})\\1\\)");

    private DataAddresses() {
    }

    /** The address and port of a 227 reply, found anywhere in its text; null if there is none or it is invalid. */
    public static Passive parse227(Reply reply) {
        Matcher m = PASV.matcher(reply.text());
        if (!m.find()) {
            return null;
        }
        int[] n = new int[6];
        for (int i = 0; i < 6; i++) {
            n[i] = Integer.parseInt(m.group(i + 1));
            if (n[i] > 255) {
                return null;
            }
        }
        int port = n[4] * 256 + n[5];
        if (port == 0) {
            return null;
        }
        try {
            InetAddress a = InetAddress.getByAddress(new byte[] {(byte) n[0], (byte) n[1], (byte) n[2], (byte) n[3]});
            return new Passive(a, port);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The port of a 229 reply ({@code (|||port|)}, any delimiter), or -1. */
    public static int parse229(Reply reply) {
        Matcher m = EPSV.matcher(reply.text());
        if (!m.find()) {
            return -1;
        }
        int port = Integer.parseInt(m.group(2));
        return port >= 1 && port <= 65535 ? port : -1;
    }

    /** {@code h1,h2,h3,h4,p1,p2} for PORT; IPv4 only. */
    public static String portArgument(InetAddress address, int port) {
        byte[] a = address.getAddress();
        return (a[0] & 0xFF) + "," + (a[1] & 0xFF) + "," + (a[2] & 0xFF) + "," + (a[3] & 0xFF) + ","
                + (port >> 8) + "," + (port & 0xFF);
    }

    /** {@code |1|addr|port|} or {@code |2|addr|port|} for EPRT. */
    public static String eprtArgument(InetAddress address, int port) {
        String host = address.getHostAddress();
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        return "|" + (address instanceof Inet6Address ? 2 : 1) + "|" + host + "|" + port + "|";
    }

    /** Whether an address is private, loopback, link-local or otherwise not routable on the internet. */
    public static boolean isPrivate(InetAddress a) {
        return a.isSiteLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || (a.getAddress().length == 4 && (a.getAddress()[0] & 0xFF) == 100 && (a.getAddress()[1] & 0xC0) == 64);
    }

    /**
     * A passive endpoint announced by the server.
     *
     * @param address the address in the reply
     * @param port    the port
     */
    public record Passive(InetAddress address, int port) {
    }
}
