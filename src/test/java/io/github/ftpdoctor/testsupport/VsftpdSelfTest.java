package io.github.ftpdoctor.testsupport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Checks {@link Vsftpd} with nothing but plain sockets. */
@Timeout(60)
class VsftpdSelfTest {

    @BeforeEach
    void requireVsftpd() {
        Vsftpd.requireAvailable();
    }

    @Test
    void logsInListsRootAndRejectsWrongPassword() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start()) {
            Files.writeString(ftpd.rootDir().resolve("hello.txt"), "hi");
            try (Control c = new Control(ftpd)) {
                assertReply("220", c.read());
                assertReply("331", c.send("USER " + ftpd.user()));
                assertReply("230", c.send("PASS " + ftpd.password()));
                assertEquals("257 \"/\" is the current directory", c.send("PWD"));

                String pasv = c.send("PASV");
                Matcher m = Pattern.compile("^227 .*\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)").matcher(pasv);
                assertTrue(m.find(), "expected 227, got: " + pasv);
                assertEquals("127.0.0.1", m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4));
                int dataPort = Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
                assertTrue(dataPort >= ftpd.pasvMinPort() && dataPort <= ftpd.pasvMaxPort(), "port in range");
                try (Socket data = new Socket()) {
                    data.connect(new InetSocketAddress(ftpd.host(), dataPort), 2_000);
                    data.setSoTimeout(5_000);
                    assertReply("150", c.send("NLST"));
                    String listing = new String(data.getInputStream().readAllBytes(), US_ASCII);
                    assertEquals("hello.txt\r\n", listing);
                }
                assertReply("226", c.read());
            }
            try (Control c = new Control(ftpd)) {
                c.read();
                c.send("USER " + ftpd.user());
                assertEquals("530 Login incorrect.", c.send("PASS wrong-password"));
            }
        }
    }

    @Test
    void maxPerIpRefusesSecondConnection() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(conf -> conf.put("max_per_ip", "1"))) {
            try (Control first = new Control(ftpd); Control second = new Control(ftpd)) {
                assertReply("220", first.read());
                assertEquals("421 There are too many connections from your internet address.", second.read());
                assertNull(second.read(), "closed after 421");
            }
            assertTrue(ftpd.awaitNoSessions(5_000));
            try (Control again = new Control(ftpd)) {
                assertReply("220", again.read());
            }
        }
    }

    @Test
    void maxClientsRefusesSecondConnection() throws Exception {
        try (Vsftpd ftpd = Vsftpd.start(conf -> conf.put("max_clients", "1"))) {
            try (Control first = new Control(ftpd); Control second = new Control(ftpd)) {
                assertReply("220", first.read());
                assertEquals("421 There are too many connected users, please try later.", second.read());
            }
        }
    }

    private static void assertReply(String code, String reply) {
        assertTrue(reply != null && reply.startsWith(code + " "), "expected " + code + ", got: " + reply);
    }

    /** A minimal control connection: one reply line per command (vsftpd's replies here are single-line). */
    private static final class Control implements AutoCloseable {
        private final Socket socket = new Socket();
        private final BufferedReader in;
        private final OutputStream out;

        Control(Vsftpd ftpd) throws IOException {
            socket.connect(new InetSocketAddress(ftpd.host(), ftpd.port()), 2_000);
            socket.setSoTimeout(5_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
            out = socket.getOutputStream();
        }

        String read() throws IOException {
            return in.readLine();
        }

        String send(String command) throws IOException {
            out.write((command + "\r\n").getBytes(US_ASCII));
            out.flush();
            return read();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
