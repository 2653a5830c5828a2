package io.github.ftpdoctor.spring;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real vsftpd on 127.0.0.1 for the starter's tests, as the core's test support runs it: the local user
 * {@value #USER} (created when missing), chrooted into a fresh directory, anonymous logins off. Needs
 * {@code /usr/sbin/vsftpd} and root; {@link #assumeAvailable()} skips the test elsewhere.
 */
final class LocalVsftpd implements AutoCloseable {
    static final String USER = "ftpdtest";
    static final String PASSWORD = "ftpd-test-pw";
    private static final Path BINARY = Paths.get("/usr/sbin/vsftpd");

    private final Process process;
    private final Path work;
    private final int port;

    private LocalVsftpd(Process process, Path work, int port) {
        this.process = process;
        this.work = work;
        this.port = port;
    }

    static void assumeAvailable() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "vsftpd not installed at " + BINARY);
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "vsftpd tests need root");
    }

    /** Starts the daemon with extra {@code key=value} settings; returns once it greets. */
    static LocalVsftpd start(List<String> extra) throws IOException {
        run("sh", "-c", "id -u " + USER + " >/dev/null 2>&1 || useradd -m -s /bin/bash " + USER
                + "; echo '" + USER + ":" + PASSWORD + "' | chpasswd");
        Files.createDirectories(Paths.get("/var/run/vsftpd/empty"));
        Path work = Files.createTempDirectory("starter-vsftpd-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = Files.createDirectory(work.resolve("root"));
        Files.writeString(root.resolve("hello.txt"), "hello\n");
        run("chown", "-R", USER + ":", root.toString());
        int port;
        int pasv;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             ServerSocket p = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
            pasv = p.getLocalPort();
        }
        StringBuilder conf = new StringBuilder();
        for (String kv : ("listen=YES listen_ipv6=NO listen_address=127.0.0.1 listen_port=" + port
                + " background=NO seccomp_sandbox=NO anonymous_enable=NO local_enable=YES write_enable=YES"
                + " pam_service_name=vsftpd pasv_enable=YES pasv_address=127.0.0.1 pasv_min_port=" + pasv
                + " pasv_max_port=" + pasv + " xferlog_enable=NO local_root=" + root + " chroot_local_user=YES"
                + " allow_writeable_chroot=YES secure_chroot_dir=/var/run/vsftpd/empty").split(" ")) {
            conf.append(kv).append('\n');
        }
        extra.forEach(kv -> conf.append(kv).append('\n'));
        Path confFile = work.resolve("vsftpd.conf");
        Files.writeString(confFile, conf, US_ASCII);
        Process p = new ProcessBuilder("sh", "-c", "exec \"$0\" \"$1\" 0<>\"$2\" 1>&0 2>&0", BINARY.toString(),
                confFile.toString(), work.resolve("vsftpd.log").toString()).start();
        LocalVsftpd d = new LocalVsftpd(p, work, port);
        try {
            d.awaitGreeting();
            return d;
        } catch (IOException e) {
            d.close();
            throw e;
        }
    }

    int port() {
        return port;
    }

    private void awaitGreeting() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 250);
                s.setSoTimeout(2_000);
                String line = new BufferedReader(new InputStreamReader(s.getInputStream(), US_ASCII)).readLine();
                if (line != null && line.startsWith("220")) {
                    s.getOutputStream().write("QUIT\r\n".getBytes(US_ASCII));
                    // let the probe's session end so that per-address limits start from zero
                    s.getInputStream().readAllBytes();
                    awaitNoSessions();
                    return;
                }
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new IOException("vsftpd exited: " + Files.readString(work.resolve("vsftpd.log")));
                }
            }
            sleep(50);
        }
        throw new IOException("vsftpd did not greet on port " + port);
    }

    /** Waits (bounded) until the daemon has no session child left. */
    void awaitNoSessions() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (process.descendants().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(10);
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // leave the temp dir
        }
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("failed: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            p.destroyForcibly();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
