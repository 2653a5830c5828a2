package io.github.ftpdoctor.bench;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A vsftpd daemon on 127.0.0.1 for the benchmarks: a self-contained copy of what the test harness does (the
 * benchmarks do not depend on test classes). Needs {@code /usr/sbin/vsftpd} and root, to create the system user
 * {@value #USER} and to run the daemon. The user is chrooted into {@link #rootDir()}, a fresh directory it owns.
 * Every wait is bounded; {@link #close()} kills the daemon and its sessions and deletes the whole work directory.
 */
final class LocalVsftpd implements AutoCloseable {
    static final Path BINARY = Paths.get("/usr/sbin/vsftpd");
    static final String HOST = "127.0.0.1";
    static final String USER = "ftpdtest";
    static final String PASSWORD = "ftpd-test-pw";
    private static final String EMPTY_DIR = "/var/run/vsftpd/empty";
    private static final int PASV_PORTS = 50;
    private static final long START_TIMEOUT_MS = 10_000;

    private final Process process;
    private final Path workDir;
    private final int port;
    private final Thread cleanupHook;

    private LocalVsftpd(Process process, Path workDir, int port) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.cleanupHook = new Thread(this::stopAndDelete, "vsftpd-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupHook); // Ctrl-C still kills the daemon and deletes the files
    }

    /**
     * Starts a daemon whose work directory (config, log, served root) is a new directory under {@code baseDir}.
     * Refuses to start unless {@code baseDir}'s file system has {@code neededBytes} free (checked with df).
     */
    static LocalVsftpd start(Path baseDir, long neededBytes) throws IOException {
        return start(baseDir, neededBytes, List.of());
    }

    /** As {@link #start(Path, long)}, with extra {@code key=value} lines appended to vsftpd.conf (e.g. for FTPS). */
    static LocalVsftpd start(Path baseDir, long neededBytes, List<String> extraConf) throws IOException {
        if (!Files.isExecutable(BINARY)) {
            throw new IOException("vsftpd is not installed at " + BINARY);
        }
        if (!isRoot()) {
            throw new IOException("the benchmarks must run as root (to create user " + USER + " and start vsftpd)");
        }
        Files.createDirectories(baseDir);
        long free = freeBytes(baseDir);
        if (free < neededBytes) {
            throw new IOException(String.format("%s has %.1f GiB free; this benchmark needs %.1f GiB", baseDir,
                    free / 1073741824.0, neededBytes / 1073741824.0));
        }
        ensureUser();
        Files.createDirectories(Paths.get(EMPTY_DIR));
        Path work = Files.createTempDirectory(baseDir, "ftpdoctor-bench-");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = Files.createDirectory(work.resolve("root"));
        if (run("chown", USER + ":", root.toString()) != 0) {
            deleteTree(work);
            throw new IOException("chown " + USER + " " + root + " failed");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            port = s.getLocalPort();
        }
        int pasvMin = freePortRange(port);
        List<String> conf = new ArrayList<>(List.of("listen=YES", "listen_ipv6=NO", "listen_address=" + HOST, "listen_port=" + port,
                "background=NO", "seccomp_sandbox=NO", "anonymous_enable=NO", "local_enable=YES", "write_enable=YES",
                "local_umask=022", "pam_service_name=vsftpd", "pasv_enable=YES", "pasv_address=" + HOST,
                "pasv_min_port=" + pasvMin, "pasv_max_port=" + (pasvMin + PASV_PORTS - 1), "xferlog_enable=NO",
                "local_root=" + root, "chroot_local_user=YES", "allow_writeable_chroot=YES",
                "secure_chroot_dir=" + EMPTY_DIR, "max_clients=0", "max_per_ip=0"));
        conf.addAll(extraConf);
        Path confFile = work.resolve("vsftpd.conf");
        Files.write(confFile, conf, US_ASCII);
        ForeignCpu.registerOwn(confFile.toString()); // its session processes are ours, though init adopts them
        // vsftpd writes startup errors ("500 OOPS: ...") to fd 0, so the log is opened read-write as its stdin too
        Process p = new ProcessBuilder("sh", "-c", "exec \"$0\" \"$1\" 0<>\"$2\" 1>&0 2>&0",
                BINARY.toString(), confFile.toString(), work.resolve("vsftpd.log").toString()).start();
        LocalVsftpd ftpd = new LocalVsftpd(p, work, port);
        try {
            ftpd.awaitGreeting();
            return ftpd;
        } catch (IOException | RuntimeException e) {
            String log = ftpd.log();
            ftpd.close();
            throw new IOException("vsftpd did not start: " + e.getMessage() + "; its output: " + log, e);
        }
    }

    String host() {
        return HOST;
    }

    int port() {
        return port;
    }

    String user() {
        return USER;
    }

    String password() {
        return PASSWORD;
    }

    /** The directory the FTP user sees as {@code /}. */
    Path rootDir() {
        return workDir.resolve("root");
    }

    /** A directory for local copies (downloads), next to the served root but not inside it. */
    Path localDir() throws IOException {
        return Files.createDirectories(workDir.resolve("local"));
    }

    /** {@code ftp://user:password@127.0.0.1:port/name} for curl. */
    String url(String name) {
        return "ftp://" + USER + ":" + PASSWORD + "@" + HOST + ":" + port + "/" + name;
    }

    String log() {
        try {
            return Files.readString(workDir.resolve("vsftpd.log"), US_ASCII);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        stopAndDelete();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs (harmlessly) a second time
        }
    }

    private synchronized void stopAndDelete() {
        List<ProcessHandle> sessions = process.descendants().collect(Collectors.toList());
        process.destroyForcibly();
        sessions.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long deadline = System.currentTimeMillis() + 2_000;
        while (sessions.stream().anyMatch(ProcessHandle::isAlive) && System.currentTimeMillis() < deadline) {
            sleep(10);
        }
        deleteTree(workDir);
    }

    /** Connects every 50 ms until a 220 greeting arrives (at most 10 s), then QUITs the probe. */
    private void awaitGreeting() throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        IOException last = null;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("vsftpd exited with status " + process.exitValue());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 250);
                s.setSoTimeout(2_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), US_ASCII));
                String line = in.readLine();
                while (line != null && line.startsWith("220-")) {
                    line = in.readLine();
                }
                if (line == null || !line.startsWith("220 ")) {
                    throw new IOException("unexpected greeting: " + line);
                }
                s.getOutputStream().write("QUIT\r\n".getBytes(US_ASCII));
                return;
            } catch (IOException e) {
                last = e;
                sleep(50);
            }
        }
        throw new IOException("no greeting on " + HOST + ":" + port + " within " + START_TIMEOUT_MS + " ms", last);
    }

    /** Creates the user if missing and sets its password. */
    private static void ensureUser() throws IOException {
        String script = "id -u " + USER + " >/dev/null 2>&1 || useradd -m -s /bin/bash " + USER
                + " && echo '" + USER + ":" + PASSWORD + "' | chpasswd";
        if (run("sh", "-c", script) != 0) {
            throw new IOException("could not create user " + USER + " or set its password");
        }
    }

    private static boolean isRoot() {
        try {
            return "root".equals(System.getProperty("user.name"))
                    || Files.readAllLines(Paths.get("/proc/self/status")).contains("Uid:\t0\t0\t0\t0");
        } catch (IOException e) {
            return false;
        }
    }

    /** Free bytes on the file system holding {@code dir}, from {@code df -P -k} (the JDK's view as a fallback). */
    static long freeBytes(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        int status = run(out, "df", "-P", "-k", dir.toString());
        if (status == 0 && out.size() >= 2) {
            String[] f = out.get(out.size() - 1).trim().split("\\s+");
            if (f.length >= 4 && f[3].matches("\\d+")) {
                return Long.parseLong(f[3]) * 1024;
            }
        }
        return Files.getFileStore(dir).getUsableSpace();
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            System.err.println("could not delete " + dir + ": " + e);
        }
    }

    static int run(String... command) throws IOException {
        return run(null, command);
    }

    /** Runs a command for at most 30 s; collects its output lines when {@code out} is not null. */
    static int run(List<String> out, String... command) throws IOException {
        Path log = Files.createTempFile("bench-cmd-", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int status = p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
            if (out != null) {
                out.addAll(Files.readAllLines(log, US_ASCII));
            }
            return status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            p.destroyForcibly(); // no-op once it has exited
            Files.deleteIfExists(log);
        }
    }

    private static int freePortRange(int avoid) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(30_000, 60_000);
            if ((avoid < base || avoid >= base + PASV_PORTS)
                    && IntStream.range(base, base + PASV_PORTS).allMatch(LocalVsftpd::isFree)) {
                return base;
            }
        }
        throw new IOException("no free range of " + PASV_PORTS + " loopback ports");
    }

    private static boolean isFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return s.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
