package io.github.ftpdoctor.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Build-time only: the representative run from which {@code mvn package} makes the class-data-sharing archive
 * {@code target/ftp-doctor.jsa} ({@code java -XX:ArchiveClassesAtExit=... -cp target/ftp-doctor.jar
 * io.github.ftpdoctor.cli.CdsTraining}); the launcher {@code target/ftp-doctor} starts the CLI with it. It runs the
 * commands users run most, {@code explain} (text and JSON), {@code get}, {@code put} and {@code ls}, against a
 * small FTP server of its own on loopback, and prints one line. The archive holds the classes these runs loaded,
 * parsed and verified, so a later run maps them instead of reading them from the jar.
 *
 * <p>Always exits 0: a failed step leaves a smaller archive, never a broken build.
 */
public final class CdsTraining {
    private static final String USER = "training";
    private static final String PASSWORD = "training-pw";
    private static final int FILE_BYTES = 3 * 1024 * 1024 + 17; // more than one transfer buffer
    private static final int TIMEOUT_MILLIS = 10_000;

    private CdsTraining() {
    }

    public static void main(String[] args) {
        FtpDoctorCli.warmUp(); // as main() does
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        StringBuilder report = new StringBuilder("CDS training run:");
        Path dir = null;
        try (Server server = new Server()) {
            dir = Files.createTempDirectory("ftp-doctor-cds-");
            Path got = dir.resolve("got.bin");
            Path sent = dir.resolve("sent.bin");
            Files.write(sent, server.content);
            String url = "ftp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + server.port() + "/";
            String[][] runs = {
                {"explain", "530", "Login incorrect."},
                {"explain", "--json", "--lang", "zh", "421", "There are too many connected users, please try later."},
                {"get", url + "file.bin", got.toString()},
                {"put", sent.toString(), url + "upload.bin"},
                {"ls", url},
                {"--help"},
            };
            for (String[] run : runs) {
                int status = FtpDoctorCli.run(discard, discard, run);
                report.append(' ').append(run[0]).append('=').append(status);
            }
            boolean same = Files.isRegularFile(got) && Arrays.equals(Files.readAllBytes(got), server.content)
                    && Arrays.equals(server.uploaded, server.content);
            report.append(same ? "; files intact" : "; FILES DIFFER");
        } catch (IOException | RuntimeException e) {
            report.append("; stopped: ").append(e);
        } finally {
            deleteTree(dir);
        }
        System.out.println(report);
        System.exit(0);
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    /** A loopback FTP server that answers what the CLI sends for get, put and ls; one session at a time. */
    private static final class Server implements Closeable, Runnable {
        private final ServerSocket control = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        private final byte[] content = new byte[FILE_BYTES];
        private final Thread thread = new Thread(this, "ftp-doctor-cds-training-server");
        private volatile byte[] uploaded = new byte[0];
        private ServerSocket passive;

        Server() throws IOException {
            new java.util.Random(42).nextBytes(content);
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return control.getLocalPort();
        }

        @Override
        public void run() {
            while (!control.isClosed()) {
                try (Socket s = control.accept()) {
                    s.setSoTimeout(TIMEOUT_MILLIS);
                    converse(s);
                } catch (IOException e) {
                    // closed, or the client went away
                }
            }
        }

        private void converse(Socket s) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            reply(out, "220 (training FTP server)");
            for (String line; (line = in.readLine()) != null; ) {
                String[] parts = line.split(" ", 2);
                String verb = parts[0].toUpperCase(Locale.ROOT);
                String arg = parts.length > 1 ? parts[1] : "";
                switch (verb) {
                    case "USER" -> reply(out, "331 Please specify the password.");
                    case "PASS" -> reply(out, PASSWORD.equals(arg) ? "230 Login successful." : "530 Login incorrect.");
                    case "FEAT" -> reply(out, "211-Features:\r\n EPSV\r\n PASV\r\n SIZE\r\n UTF8\r\n211 End");
                    case "OPTS" -> reply(out, "200 Always in UTF8 mode.");
                    case "PWD" -> reply(out, "257 \"/\" is the current directory");
                    case "CWD" -> reply(out, "250 Directory successfully changed.");
                    case "TYPE" -> reply(out, "200 Switching to Binary mode.");
                    case "SIZE" -> reply(out, "213 " + content.length);
                    case "EPSV" -> {
                        closePassive();
                        passive = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                        passive.setSoTimeout(TIMEOUT_MILLIS);
                        reply(out, "229 Entering Extended Passive Mode (|||" + passive.getLocalPort() + "|)");
                    }
                    case "RETR" -> send(out, "150 Opening BINARY mode data connection for " + arg + " ("
                            + content.length + " bytes).", content);
                    case "LIST" -> send(out, "150 Here comes the directory listing.",
                            ("-rw-r--r--    1 1000     1000      " + content.length + " Jan 01 00:00 file.bin\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    case "STOR" -> receive(out);
                    case "QUIT" -> {
                        reply(out, "221 Goodbye.");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented.");
                }
            }
        }

        private void send(OutputStream out, String first, byte[] data) throws IOException {
            if (passive == null) {
                reply(out, "425 Use PORT or PASV first.");
                return;
            }
            reply(out, first);
            try (Socket d = passive.accept()) {
                d.getOutputStream().write(data);
            } finally {
                closePassive();
            }
            reply(out, "226 Transfer complete.");
        }

        private void receive(OutputStream out) throws IOException {
            if (passive == null) {
                reply(out, "425 Use PORT or PASV first.");
                return;
            }
            reply(out, "150 Ok to send data.");
            try (Socket d = passive.accept()) {
                d.setSoTimeout(TIMEOUT_MILLIS);
                InputStream in = d.getInputStream();
                uploaded = in.readAllBytes();
            } finally {
                closePassive();
            }
            reply(out, "226 Transfer complete.");
        }

        private void closePassive() throws IOException {
            if (passive != null) {
                passive.close();
                passive = null;
            }
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            control.close();
            closePassive();
        }
    }
}
