package io.github.ftpdoctor.testsupport;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A real vsftpd daemon on 127.0.0.1 for integration tests.
 *
 * <pre>{@code
 * Vsftpd.requireAvailable();
 * try (Vsftpd ftpd = Vsftpd.start(conf -> conf.put("max_per_ip", "1"))) {
 *     // connect to ftpd.host():ftpd.port(), log in as ftpd.user() / ftpd.password()
 * }
 * }</pre>
 *
 * <p>Needs {@code /usr/sbin/vsftpd} and root (to create the system user {@value #USER} and to run the daemon).
 * The user is chrooted into {@link #rootDir()}, a fresh temp dir it owns: files put there show up at {@code /}.
 */
public final class Vsftpd implements AutoCloseable {

    /** The vsftpd binary. */
    public static final Path BINARY = Paths.get("/usr/sbin/vsftpd");
    /** The system user tests log in as (created with a bash shell, which pam_shells accepts). */
    public static final String USER = "ftpdtest";
    /** Its password (set with chpasswd when a JVM first starts a daemon). */
    public static final String PASSWORD = "ftpd-test-pw";
    /** Number of ports in the passive range. */
    public static final int PASV_PORTS = 20;

    private static final String HOST = "127.0.0.1";
    private static final String EMPTY_DIR = "/var/run/vsftpd/empty";
    private static final long START_TIMEOUT_MS = 10_000;
    private static boolean userReady;

    private final Process process;
    private final Path workDir;
    private final int port;
    private final int pasvMin;
    private final boolean implicitTls;

    private Vsftpd(Process process, Path workDir, int port, int pasvMin, boolean implicitTls) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.pasvMin = pasvMin;
        this.implicitTls = implicitTls;
    }

    /**
     * Requires vsftpd installed and root ({@link Requirements}: skipped outside CI, a failure under CI=true).
     */
    public static void requireAvailable() {
        Requirements.require(Files.isExecutable(BINARY), "vsftpd not installed at " + BINARY
                + " (apt-get install vsftpd; .ci/run installs it)");
        Requirements.require(isRoot(), "vsftpd tests need root (to create the user " + USER
                + " and start the daemon); running as " + System.getProperty("user.name"));
    }

    /** The former name of {@link #requireAvailable()}, kept for tests written before it: the same check. */
    public static void assumeAvailable() {
        requireAvailable();
    }

    /** Starts a daemon with the default configuration. */
    public static Vsftpd start() throws IOException {
        return start(conf -> { });
    }

    /**
     * Starts a daemon. {@code configTweaks} may change, add or remove (or set to {@code null}) any vsftpd.conf
     * key before the file is written, e.g. {@code conf -> conf.put("max_clients", "1")}. Returns once the daemon
     * has sent a 220 greeting and the probing session has ended (so connection limits start from zero). With
     * {@code implicit_ssl=YES} the greeting is read over TLS (the probe trusts any certificate).
     */
    public static Vsftpd start(Consumer<Map<String, String>> configTweaks) throws IOException {
        ensureUser();
        Files.createDirectories(Paths.get(EMPTY_DIR));
        Path work = Files.createTempDirectory("vsftpd-"); // 0700: open it so the user can reach its root
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = Files.createDirectory(work.resolve("root"));
        if (run("chown", USER + ":", root.toString()) != 0) {
            throw new IOException("chown " + USER + " " + root + " failed");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            port = s.getLocalPort();
        }
        int pasvMin = freePortRange(port);

        Map<String, String> conf = new LinkedHashMap<>();
        String defaults = "listen=YES listen_ipv6=NO listen_address=" + HOST + " listen_port=" + port
                + " background=NO seccomp_sandbox=NO anonymous_enable=NO local_enable=YES write_enable=YES"
                + " pam_service_name=vsftpd pasv_enable=YES pasv_address=" + HOST + " pasv_min_port=" + pasvMin
                + " pasv_max_port=" + (pasvMin + PASV_PORTS - 1) + " xferlog_enable=NO local_root=" + root
                + " chroot_local_user=YES allow_writeable_chroot=YES secure_chroot_dir=" + EMPTY_DIR;
        for (String kv : defaults.split(" ")) {
            conf.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        configTweaks.accept(conf);
        Path confFile = work.resolve("vsftpd.conf");
        Files.write(confFile, conf.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toList()), US_ASCII);

        // vsftpd writes startup errors ("500 OOPS: ...") to fd 0, so open the log read-write as its stdin too
        Process p = new ProcessBuilder("sh", "-c", "exec \"$0\" \"$1\" 0<>\"$2\" 1>&0 2>&0",
                BINARY.toString(), confFile.toString(), work.resolve("vsftpd.log").toString()).start();
        Vsftpd ftpd = new Vsftpd(p, work, port, pasvMin, "YES".equals(conf.get("implicit_ssl")));
        try {
            ftpd.awaitGreeting();
            ftpd.awaitNoSessions(5_000);
            return ftpd;
        } catch (IOException | RuntimeException e) {
            String log = ftpd.log();
            ftpd.close();
            throw new IOException("vsftpd did not start: " + e.getMessage() + "; its output: " + log, e);
        }
    }

    /**
     * vsftpd.conf settings for FTPS as strict as vsftpd allows: TLS with this certificate, forced for logins and data,
     * and data connections required to resume the control connection's TLS session ({@code require_ssl_reuse}).
     */
    public static Consumer<Map<String, String>> strictFtps(SelfSignedCert cert) {
        return c -> {
            c.put("ssl_enable", "YES");
            c.put("rsa_cert_file", cert.cert().toString());
            c.put("rsa_private_key_file", cert.key().toString());
            c.put("force_local_logins_ssl", "YES");
            c.put("force_local_data_ssl", "YES");
            c.put("require_ssl_reuse", "YES");
        };
    }

    /** Always {@code 127.0.0.1}. */
    public String host() { return HOST; }
    /** The control port. */
    public int port() { return port; }
    /** The first port of the passive range. */
    public int pasvMinPort() { return pasvMin; }
    /** The last port of the passive range. */
    public int pasvMaxPort() { return pasvMin + PASV_PORTS - 1; }
    /** The directory the user sees as {@code /} (owned by {@value #USER}, deleted on close). */
    public Path rootDir() { return workDir.resolve("root"); }
    /** The login name, {@value #USER}. */
    public String user() { return USER; }
    /** The password, {@value #PASSWORD}. */
    public String password() { return PASSWORD; }

    /** What the daemon printed so far (e.g. {@code 500 OOPS: ...} when a config key is wrong). */
    public String log() {
        try {
            return Files.readString(workDir.resolve("vsftpd.log"), US_ASCII);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Waits at most {@code timeoutMs} until every session process has exited and been reaped, so the daemon's
     * {@code max_clients}/{@code max_per_ip} counters have dropped them. Returns whether that happened in time.
     */
    public boolean awaitNoSessions(long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (process.descendants().findAny().isPresent()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            sleep(20);
        }
        return true;
    }

    /** Kills the daemon and its session processes, waits (bounded) for them, and deletes the temp dir. */
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
        long deadline = System.currentTimeMillis() + 2_000;
        while (sessions.stream().anyMatch(Vsftpd::running) && System.currentTimeMillis() < deadline) {
            sleep(10);
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // leave the temp dir behind
        }
    }

    /**
     * Connects every 50 ms (250 ms connect timeout) until a 220 greeting arrives, then QUITs the probe. On an
     * implicit-TLS daemon the probe completes a TLS handshake first, trusting any certificate (it sends nothing
     * secret).
     */
    private void awaitGreeting() throws IOException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        IOException last = null;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("vsftpd exited with status " + process.exitValue());
            }
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(HOST, port), 250);
                plain.setSoTimeout(2_000);
                Socket s = implicitTls ? TrustAll.wrap(plain) : plain;
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), US_ASCII));
                String line = in.readLine();
                while (line != null && line.startsWith("220-")) {
                    line = in.readLine();
                }
                if (line == null || !line.startsWith("220 ")) {
                    throw new IOException("unexpected greeting: " + line);
                }
                s.getOutputStream().write("QUIT\r\n".getBytes(US_ASCII));
                while (in.readLine() != null) {
                    // until the server closes (each read bounded by the socket timeout)
                }
                return;
            } catch (IOException e) {
                last = e;
                sleep(50);
            }
        }
        throw new IOException("no greeting on " + HOST + ":" + port + " within " + START_TIMEOUT_MS + " ms", last);
    }

    /** Creates {@value #USER} if missing and sets its password, once per JVM. */
    private static synchronized void ensureUser() throws IOException {
        if (userReady) {
            return;
        }
        if (!isRoot()) {
            throw new IOException("must run as root to create user " + USER + " and start vsftpd");
        }
        String script = "id -u " + USER + " >/dev/null 2>&1 || useradd -m -s /bin/bash " + USER
                + " && echo '" + USER + ":" + PASSWORD + "' | chpasswd";
        if (run("sh", "-c", script) != 0) {
            throw new IOException("could not create user " + USER + " or set its password: " + script);
        }
        userReady = true;
    }

    /** user.name is root, or the real uid in /proc/self/status is 0. */
    private static boolean isRoot() {
        try {
            return "root".equals(System.getProperty("user.name"))
                    || Files.readAllLines(Paths.get("/proc/self/status")).contains("Uid:\t0\t0\t0\t0");
        } catch (IOException e) {
            return false;
        }
    }

    /** Alive and not a zombie (killed sessions are orphaned to PID 1, which may reap them late). */
    private static boolean running(ProcessHandle h) {
        try {
            String stat = Files.readString(Paths.get("/proc", Long.toString(h.pid()), "stat"), US_ASCII);
            return h.isAlive() && !stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException e) {
            return false; // gone
        }
    }

    /** Runs a command for at most 30 s, output discarded; returns its exit status, or -1 on timeout. */
    private static int run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } finally {
            p.destroyForcibly(); // no-op once it has exited
        }
    }

    /** Finds {@link #PASV_PORTS} consecutive free loopback ports above 30000, not including {@code avoid}. */
    private static int freePortRange(int avoid) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(30_000, 60_000);
            if ((avoid < base || avoid >= base + PASV_PORTS)
                    && IntStream.range(base, base + PASV_PORTS).allMatch(Vsftpd::isFree)) {
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

    private static void sleep(long ms) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ms)); // callers loop until a deadline
    }
}
