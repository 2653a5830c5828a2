package io.github.ftpdoctor.check;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.github.ftpdoctor.testsupport.Vsftpd;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import io.github.ftpdoctor.testsupport.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real ProFTPD 1.3.8 on 127.0.0.1, run from the Debian packages unpacked (not installed: they conflict with
 * vsftpd's) into {@value #DEFAULT_ROOT} by {@code .ci/run}, or into {@code -Dproftpd.root}. Needs root: it creates
 * the system user {@link Vsftpd#USER} (the vsftpd tests' user) and switches to {@code nobody}. The user is chrooted
 * into {@link #rootDir()}.
 */
final class Proftpd implements AutoCloseable {
    static final String DEFAULT_ROOT = "/opt/ftpdoctor-proftpd";
    static final String HOST = "127.0.0.1";
    private static final long START_TIMEOUT_MS = 10_000;

    private final Process process;
    private final Path work;
    private final int port;

    private Proftpd(Process process, Path work, int port) {
        this.process = process;
        this.work = work;
        this.port = port;
    }

    static Path installation() {
        return Paths.get(System.getProperty("proftpd.root", DEFAULT_ROOT));
    }

    private static Path binary() {
        return installation().resolve("usr/sbin/proftpd");
    }

    /** Requires the unpacked ProFTPD and root: skips without them, fails under CI=true. */
    static void assumeAvailable() {
        Requirements.require(Files.isExecutable(binary()), "ProFTPD not unpacked at " + installation() + " (see .ci/run)");
        Requirements.require("root".equals(System.getProperty("user.name")), "ProFTPD tests need root");
    }

    /**
     * Starts a daemon with a passive range of 20 ports and these extra configuration lines (e.g. TLS directives).
     *
     * @param extra lines added to proftpd.conf; {@code {cert}} and {@code {key}} are not expanded: pass paths
     */
    static Proftpd start(List<String> extra) throws IOException {
        ensureUser();
        Path work = Files.createTempDirectory("proftpd-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = Files.createDirectory(work.resolve("root"));
        if (run("chown", Vsftpd.USER + ":", root.toString()) != 0) {
            throw new IOException("chown " + root + " failed");
        }
        int port = freePort();
        int pasv = java.util.concurrent.ThreadLocalRandom.current().nextInt(30_000, 59_000);
        List<String> conf = new ArrayList<>(List.of(
                "ServerType standalone", "ServerName \"ftpdoctor check\"", "DefaultAddress " + HOST,
                "SocketBindTight on", "UseIPv6 off", "Port " + port, "User nobody", "Group nogroup",
                "PidFile " + work.resolve("proftpd.pid"), "ScoreboardFile " + work.resolve("proftpd.scoreboard"),
                "DelayTable none", "WtmpLog off", "UseReverseDNS off", "RequireValidShell off",
                "PassivePorts " + pasv + " " + (pasv + 19), "DefaultRoot " + root,
                "ModulePath " + installation().resolve("usr/lib/proftpd"),
                "<Directory />", "  AllowOverwrite on", "</Directory>"));
        conf.addAll(extra);
        Path confFile = work.resolve("proftpd.conf");
        Files.write(confFile, conf, US_ASCII);
        ProcessBuilder pb = new ProcessBuilder(binary().toString(), "-n", "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("proftpd.log").toFile());
        pb.environment().put("LD_LIBRARY_PATH", installation().resolve("usr/lib/x86_64-linux-gnu").toString());
        Proftpd d = new Proftpd(pb.start(), work, port);
        try {
            d.awaitGreeting();
            return d;
        } catch (IOException | RuntimeException e) {
            String log = d.log();
            d.close();
            throw new IOException("ProFTPD did not start: " + e.getMessage() + "; its output: " + log, e);
        }
    }

    int port() {
        return port;
    }

    Path rootDir() {
        return work.resolve("root");
    }

    String log() {
        try {
            return Files.readString(work.resolve("proftpd.log"), US_ASCII);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().collect(Collectors.toList());
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // leave the temp dir behind
        }
    }

    private void awaitGreeting() throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        IOException last = null;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("proftpd exited with status " + process.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 250);
                s.setSoTimeout(2_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), US_ASCII));
                String line = in.readLine();
                if (line == null || !line.startsWith("220")) {
                    throw new IOException("unexpected greeting: " + line);
                }
                s.getOutputStream().write("QUIT\r\n".getBytes(US_ASCII));
                return;
            } catch (IOException e) {
                last = e;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        throw new IOException("no greeting on " + HOST + ":" + port + " within " + START_TIMEOUT_MS + " ms", last);
    }

    private static synchronized void ensureUser() throws IOException {
        String script = "id -u " + Vsftpd.USER + " >/dev/null 2>&1 || useradd -m -s /bin/bash " + Vsftpd.USER
                + " && echo '" + Vsftpd.USER + ":" + Vsftpd.PASSWORD + "' | chpasswd";
        if (run("sh", "-c", script) != 0) {
            throw new IOException("could not create user " + Vsftpd.USER);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    private static int run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            p.destroyForcibly();
        }
    }
}
