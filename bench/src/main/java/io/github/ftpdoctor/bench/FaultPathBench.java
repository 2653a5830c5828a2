package io.github.ftpdoctor.bench;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.cli.demo.SilentHost;
import io.github.ftpdoctor.error.FtpException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.commons.net.ftp.FTPClient;

/**
 * How long a failure takes to be diagnosed, on loopback only:
 * <ul>
 *   <li><b>silent host</b>: a listener whose backlog is full (the kernel drops the SYN), so the connect times out.
 *       The time from {@code connect} to the exception should equal the configured connect timeout within 10 %;</li>
 *   <li><b>silent server</b>: accepts and never writes, so the greeting times out after the reply timeout;</li>
 *   <li><b>banned host</b>: accepts and closes at once, as a server that has blocked the address does. Target: a
 *       diagnosis in under 50 ms.</li>
 * </ul>
 * Commons Net 3.12 ({@code setConnectTimeout}, {@code setDefaultTimeout}) and curl ({@code --connect-timeout},
 * {@code --max-time}) face the same hosts in the same run as baselines. ftpdoctor's first call in a fresh JVM (class
 * loading and the catalog) is measured separately, in a child JVM.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.github.ftpdoctor.bench.FaultPathBench [--reps 20]
 * </pre>
 */
public final class FaultPathBench {
    private static final int[] TIMEOUTS_MS = {250, 500, 1000, 2000};

    private FaultPathBench() {
    }

    interface Attempt {
        /** Tries to connect and log in; returns what the client said (outcome or exception), or throws nothing. */
        String run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--cold-banned")) {
            System.out.println(coldBanned(Integer.parseInt(args[1])));
            return;
        }
        int reps = 20;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--reps")) {
                reps = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: FaultPathBench [--reps N]");
                System.exit(2);
            }
        }
        System.out.printf("FaultPathBench %s; %s; load %s%n", LocalDateTime.now().withNano(0),
                BenchSupport.machine(), BenchSupport.loadAverage());
        silentHost(Math.max(3, reps / 4));
        silentServer(Math.max(3, reps / 4));
        bannedHost(reps);
        System.out.printf("load average after: %s%n", BenchSupport.loadAverage());
    }

    // ---- silent host: connect timeout

    private static void silentHost(int reps) throws Exception {
        System.out.printf("%nSilent host (listen queue full, SYN dropped): time from connect to the failure,"
                + " median of %d; ratio = time / configured timeout%n", reps);
        header("connect timeout");
        try (SilentHost host = SilentHost.start()) {
            int port = host.port();
            for (int t : TIMEOUTS_MS) {
                FtpConfig config = FtpConfig.builder().connectTimeout(Duration.ofMillis(t)).build();
                row(t, reps,
                        () -> ftpdoctor(port, config),
                        () -> commonsNet(port, t, 60_000),
                        () -> curl(port, "--connect-timeout", seconds(t)));
            }
        }
    }

    // ---- silent server: greeting timeout

    private static void silentServer(int reps) throws Exception {
        System.out.printf("%nSilent server (accepts, never writes): time from connect to the failure, median of %d;"
                + " ratio = time / configured reply timeout%n", reps);
        header("reply timeout");
        try (Acceptor server = new Acceptor(false)) {
            for (int t : TIMEOUTS_MS) {
                FtpConfig config = FtpConfig.builder().replyTimeout(Duration.ofMillis(t)).build();
                row(t, reps,
                        () -> ftpdoctor(server.port(), config),
                        () -> commonsNet(server.port(), t, t),
                        () -> curl(server.port(), "--max-time", seconds(t)));
            }
        }
    }

    // ---- banned host: closed at once

    private static void bannedHost(int reps) throws Exception {
        System.out.printf("%nBanned host (accepts and closes at once): time from connect to the diagnosis, %d runs"
                + " after one warm-up%n", reps);
        System.out.printf("| %-34s | %9s | %9s | %9s | %-40s |%n", "client", "median ms", "p95 ms", "max ms",
                "what it said");
        System.out.printf("|%s|%s|%s|%s|%s|%n", "-".repeat(36), "-".repeat(11), "-".repeat(11), "-".repeat(11),
                "-".repeat(42));
        try (Acceptor server = new Acceptor(true)) {
            int port = server.port();
            FtpConfig config = FtpConfig.defaults();
            banned("ftpdoctor", reps, () -> ftpdoctor(port, config));
            banned("Commons Net 3.12", reps, () -> commonsNet(port, 5_000, 5_000));
            banned(BenchSupport.curlVersion(), reps, () -> curl(port, "--max-time", "5"));
            String cold = runColdChild(port);
            System.out.printf("| %-34s | %9s | %9s | %9s | %-40s |%n", "ftpdoctor, first call in a fresh JVM",
                    cold.split(" ", 2)[0], "", "", cold.contains(" ") ? cold.split(" ", 2)[1] : "");
        }
        System.out.println("(target: ftpdoctor under 50 ms; the first call in a fresh JVM also loads the classes and"
                + " the reply catalog)");
    }

    private static void banned(String name, int reps, Attempt attempt) throws Exception {
        timed(attempt); // warm-up
        List<Double> ms = new ArrayList<>();
        String said = "";
        for (int i = 0; i < reps; i++) {
            Timed t = timed(attempt);
            ms.add(t.millis);
            said = t.said;
        }
        Collections.sort(ms);
        System.out.printf("| %-34s | %9.1f | %9.1f | %9.1f | %-40s |%n", name, BenchSupport.median(ms),
                ms.get(Math.min(ms.size() - 1, (int) Math.ceil(ms.size() * 0.95) - 1)), ms.get(ms.size() - 1),
                abbreviate(said));
    }

    /** Child JVM: one ftpdoctor attempt against the banned host, cold; prints "millis outcome". */
    private static String coldBanned(int port) {
        long t0 = System.nanoTime();
        String said = ftpdoctor(port, FtpConfig.defaults());
        return String.format(Locale.ROOT, "%.1f %s", (System.nanoTime() - t0) / 1e6, said);
    }

    private static String runColdChild(int port) throws IOException, InterruptedException {
        String javaBin = java.nio.file.Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                FaultPathBench.class.getName(), "--cold-banned", Integer.toString(port))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "- child JVM hung";
        }
        return out;
    }

    // ---- the three clients

    private static String ftpdoctor(int port, FtpConfig config) {
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", port, config)) {
            ftp.login("bench", "bench-pw");
            return "no failure";
        } catch (FtpException e) {
            return e.diagnosis().outcome().name();
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static String commonsNet(int port, int connectTimeout, int replyTimeout) {
        FTPClient c = new FTPClient();
        c.setConnectTimeout(connectTimeout);
        c.setDefaultTimeout(replyTimeout);
        try {
            c.connect("127.0.0.1", port);
            return "reply " + c.getReplyCode();
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } finally {
            BenchSupport.closeQuietly(c);
        }
    }

    private static String curl(int port, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-S", "-o", "/dev/null"));
        command.addAll(List.of(options));
        command.add("ftp://127.0.0.1:" + port + "/");
        List<String> out = new ArrayList<>();
        LocalVsftpd.run(out, command.toArray(new String[0]));
        return out.isEmpty() ? "" : out.get(out.size() - 1).replaceFirst("^curl: ", "");
    }

    // ---- timing and tables

    record Timed(double millis, String said) {
    }

    private static Timed timed(Attempt attempt) throws Exception {
        long t0 = System.nanoTime();
        String said = attempt.run();
        return new Timed((System.nanoTime() - t0) / 1e6, said);
    }

    private static void header(String what) {
        System.out.printf("| %-15s | %-28s | %-28s | %-28s |%n", what, "ftpdoctor ms (ratio)",
                "Commons Net 3.12 ms (ratio)", "curl ms (ratio)");
        System.out.printf("|%s|%s|%s|%s|%n", "-".repeat(17), "-".repeat(30), "-".repeat(30), "-".repeat(30));
    }

    private static void row(int timeoutMs, int reps, Attempt ours, Attempt commons, Attempt curl) throws Exception {
        String[] cells = new String[3];
        Attempt[] clients = {ours, commons, curl};
        String said = "";
        for (int k = 0; k < 3; k++) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < reps; i++) {
                Timed t = timed(clients[k]);
                ms.add(t.millis);
                if (k == 0) {
                    said = t.said;
                }
            }
            double m = BenchSupport.median(ms);
            cells[k] = String.format(Locale.ROOT, "%8.1f (%.3f)", m, m / timeoutMs);
        }
        System.out.printf("| %12d ms | %-28s | %-28s | %-28s | %s%n", timeoutMs, cells[0], cells[1], cells[2], said);
    }

    private static String seconds(int millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** A loopback listener that accepts every connection and closes it at once, or holds it open in silence. */
    static final class Acceptor implements AutoCloseable {
        private final ServerSocket listener;
        private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;

        Acceptor(boolean closeAtOnce) throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
            thread = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket s = listener.accept();
                        if (closeAtOnce) {
                            s.close();
                        } else {
                            held.add(s);
                        }
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            }, "fault-bench-acceptor");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            listener.close();
            synchronized (held) {
                for (Socket s : held) {
                    s.close();
                }
            }
            thread.join(5_000);
        }
    }
}
