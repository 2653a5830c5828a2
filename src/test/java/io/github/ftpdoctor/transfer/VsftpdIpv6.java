package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.github.ftpdoctor.testsupport.Vsftpd;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import io.github.ftpdoctor.testsupport.Requirements;

/**
 * A second vsftpd listening on {@code ::1} only (listen_ipv6=YES, listen_address6=::1), serving the root dir of a
 * running {@link Vsftpd} (which has created the test user and owns the temp dirs). Without IPv6 on loopback the
 * calling test is skipped, or fails under CI ({@link Requirements}); a daemon that does not come up on ::1 when Java
 * can listen there is a failure.
 */
final class VsftpdIpv6 implements AutoCloseable {
    private static final long START_TIMEOUT_MS = 10_000;

    private final Process process;
    private final Path workDir;
    private final int port;

    private VsftpdIpv6(Process process, Path workDir, int port) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
    }

    static VsftpdIpv6 start(Vsftpd v4) throws IOException {
        InetAddress v6 = InetAddress.getByName("::1");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, v6)) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            Requirements.require(false, "IPv6 on loopback: cannot listen on ::1 (" + e + ")");
            throw e;
        }
        Path work = Files.createTempDirectory("vsftpd6-");
        String conf = "listen=NO\nlisten_ipv6=YES\nlisten_address6=::1\nlisten_port=" + port
                + "\nbackground=NO\nseccomp_sandbox=NO\nanonymous_enable=NO\nlocal_enable=YES\nwrite_enable=YES"
                + "\npam_service_name=vsftpd\npasv_enable=YES\npasv_min_port=" + v4.pasvMinPort() + "\npasv_max_port="
                + v4.pasvMaxPort() + "\nxferlog_enable=NO\nlocal_root=" + v4.rootDir() + "\nchroot_local_user=YES"
                + "\nallow_writeable_chroot=YES\nsecure_chroot_dir=/var/run/vsftpd/empty\n";
        Path confFile = Files.writeString(work.resolve("vsftpd.conf"), conf, US_ASCII);
        Process p = new ProcessBuilder("sh", "-c", "exec \"$0\" \"$1\" 0<>\"$2\" 1>&0 2>&0",
                Vsftpd.BINARY.toString(), confFile.toString(), work.resolve("vsftpd.log").toString()).start();
        VsftpdIpv6 daemon = new VsftpdIpv6(p, work, port);
        if (!daemon.awaitGreeting(v6)) {
            String log = daemon.log();
            daemon.close();
            throw new IOException("vsftpd did not come up on [::1]:" + port + " (Java could listen there): " + log);
        }
        return daemon;
    }

    int port() {
        return port;
    }

    String log() {
        try {
            return Files.readString(workDir.resolve("vsftpd.log"), US_ASCII);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private boolean awaitGreeting(InetAddress v6) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(v6, port), 250);
                s.setSoTimeout(2_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), US_ASCII));
                String line = in.readLine();
                if (line != null && line.startsWith("220")) {
                    s.getOutputStream().write("QUIT\r\n".getBytes(US_ASCII));
                    return true;
                }
            } catch (IOException e) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // retried until the deadline
            }
        }
        return false;
    }

    /** Kills the daemon this object started and its session processes, bounded, and deletes its temp dir. */
    @Override
    public void close() {
        List<ProcessHandle> sessions = process.descendants().collect(Collectors.toList());
        process.destroyForcibly();
        sessions.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(workDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // leave the temp dir behind
        }
    }
}
