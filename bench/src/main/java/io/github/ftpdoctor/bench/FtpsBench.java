package io.github.ftpdoctor.bench;

import static io.github.ftpdoctor.bench.BenchSupport.MIB;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.TlsMode;
import io.github.ftpdoctor.bench.BenchSupport.CountingSink;
import io.github.ftpdoctor.bench.TransferBench.Run;
import io.github.ftpdoctor.bench.TransferBench.Timing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * RETR of 1 GiB over explicit FTPS (AUTH TLS, PROT P) on loopback against vsftpd with {@code require_ssl_reuse=YES}:
 * ftpdoctor, Commons Net 3.12 {@code FTPSClient} and {@code curl --ssl-reqd}, side by side in one run, into a
 * discarding stream (curl: {@code -o /dev/null}). A self-signed certificate for localhost/127.0.0.1 is made with
 * openssl at start; every client trusts exactly that certificate. Timing as in {@link TransferBench}: after one
 * untimed warm-up per Java client, the clients take turns in a rotated order; the table shows medians of the
 * transfer call after login (curl: {@code time_total - time_pretransfer}), MB/s = 10^6 bytes/s. Commons Net does not
 * resume the control connection's TLS session on its data connections, so vsftpd is expected to refuse them (522);
 * if it does, its row says so instead of a figure.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.github.ftpdoctor.bench.FtpsBench [--reps 5] [--mib 1024] [--dir /tmp]
 * </pre>
 */
public final class FtpsBench {
    private static final String BIG = "big.bin";
    private static final long PROCESS_TIMEOUT_S = 300;

    private final LocalVsftpd ftpd;
    private final long size;
    private final Path cert;

    private FtpsBench(LocalVsftpd ftpd, long size, Path cert) {
        this.ftpd = ftpd;
        this.size = size;
        this.cert = cert;
    }

    public static void main(String[] args) throws Exception {
        int reps = 5;
        int mib = 1024;
        Path dir = Paths.get(System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--mib" -> mib = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Paths.get(args[++i]);
                default -> {
                    System.err.println("usage: FtpsBench [--reps N] [--mib SIZE_MIB] [--dir DIR]");
                    System.exit(2);
                }
            }
        }
        if (reps < 1 || mib < 1) {
            throw new IllegalArgumentException("--reps and --mib must be positive");
        }
        Files.createDirectories(dir);
        Path tls = Files.createTempDirectory(dir, "ftpsbench-tls-");
        try {
            Path cert = tls.resolve("cert.pem");
            Path key = tls.resolve("key.pem");
            List<String> out = new ArrayList<>();
            if (LocalVsftpd.run(out, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", key.toString(), "-out", cert.toString()) != 0) {
                throw new IOException("openssl req failed: " + String.join("\n", out));
            }
            List<String> ssl = List.of("ssl_enable=YES", "rsa_cert_file=" + cert, "rsa_private_key_file=" + key,
                    "force_local_logins_ssl=YES", "force_local_data_ssl=YES", "require_ssl_reuse=YES");
            long size = (long) mib * MIB;
            try (LocalVsftpd ftpd = LocalVsftpd.start(dir, size + 1024L * MIB, ssl)) {
                Path big = ftpd.rootDir().resolve(BIG);
                BenchSupport.writeRandomFile(big, mib);
                System.out.printf("FtpsBench %s; %s; vsftpd (ssl_enable, require_ssl_reuse) on 127.0.0.1:%d, %d MiB%n",
                        LocalDateTime.now().withNano(0), BenchSupport.machine(), ftpd.port(), mib);
                System.out.println("load average before: " + BenchSupport.loadAverage());
                new FtpsBench(ftpd, size, cert).runAll(reps);
                System.out.println("load average after: " + BenchSupport.loadAverage());
            }
        } finally {
            LocalVsftpd.deleteTree(tls);
        }
    }

    private void runAll(int reps) throws Exception {
        String curl = BenchSupport.curlVersion();
        Map<String, Run> all = new LinkedHashMap<>();
        all.put("ftpdoctor (explicit FTPS, defaults)", this::ftpdoctor);
        all.put("Commons Net 3.12 FTPSClient (1 MiB buffer)", this::commonsNet);
        String curlDefault = curl + " --ssl-reqd";
        all.put(curlDefault, () -> curl());
        // ftpdoctor offers TLS_AES_128_GCM_SHA256 first, curl (OpenSSL) TLS_AES_256_GCM_SHA384: the same cipher too
        all.put(curl + " --ssl-reqd, AES-128-GCM", () -> curl("--tls13-ciphers", "TLS_AES_128_GCM_SHA256",
                "--ciphers", "ECDHE-RSA-AES128-GCM-SHA256"));
        System.out.println("TLS as curl negotiates it by default: " + curlTlsLine());
        System.out.println("TLS as curl negotiates it with AES-128-GCM: " + curlTlsLine("--tls13-ciphers",
                "TLS_AES_128_GCM_SHA256", "--ciphers", "ECDHE-RSA-AES128-GCM-SHA256"));
        System.out.println("ftpdoctor (JSSE) offers: TLS_AES_128_GCM_SHA256 first; vsftpd follows the client's order");
        System.out.println("warming up (one untimed run of each Java client)...");
        Map<String, String> failed = new LinkedHashMap<>();
        for (Map.Entry<String, Run> e : all.entrySet()) {
            if (!e.getKey().startsWith("curl")) {
                try {
                    e.getValue().run();
                } catch (Exception ex) {
                    failed.put(e.getKey(), String.valueOf(ex.getMessage()).trim());
                }
                pause();
            }
        }
        List<String> names = all.keySet().stream().filter(n -> !failed.containsKey(n)).toList();
        Map<String, List<Double>> mbs = new LinkedHashMap<>();
        Map<String, List<Double>> foreign = new LinkedHashMap<>();
        names.forEach(n -> mbs.put(n, new ArrayList<>()));
        names.forEach(n -> foreign.put(n, new ArrayList<>()));
        for (int rep = 0; rep < reps; rep++) {
            for (int k = 0; k < names.size(); k++) {
                String n = names.get((rep + k) % names.size()); // rotated order: nobody always goes first
                ForeignCpu others = ForeignCpu.start();
                Timing t = all.get(n).run();
                foreign.get(n).add(others.percentOfOneCpu());
                mbs.get(n).add(size / 1e6 / (t.transferNanos() / 1e9));
                pause();
            }
        }
        String curlName = curlDefault;
        double curlMbs = BenchSupport.median(mbs.get(curlName));
        System.out.println();
        System.out.printf("RETR %d MiB over FTPS (PROT P) to a discarding stream, median of %d:%n", size / MIB, reps);
        System.out.printf("| %-42s | %13s | %-40s | %17s |%n", "client", "transfer MB/s", "runs", "vs curl (default)");
        System.out.printf("|%s|%s|%s|%s|%n", "-".repeat(44), "-".repeat(15), "-".repeat(42), "-".repeat(19));
        for (String n : all.keySet()) {
            if (failed.containsKey(n)) {
                System.out.printf("| %-42s | %13s | %-40s | %17s |%n", n, "-", "fails: " + failed.get(n), "-");
                continue;
            }
            double m = BenchSupport.median(mbs.get(n));
            StringBuilder each = new StringBuilder();
            for (int i = 0; i < mbs.get(n).size(); i++) {
                each.append(i == 0 ? "" : " / ").append(String.format("%.0f", mbs.get(n).get(i)))
                        .append(foreign.get(n).get(i) > TransferBench.BUSY_PERCENT ? "*" : "");
            }
            System.out.printf("| %-42s | %13.0f | %-40s | %16.2fx |%n", n, m, each, m / curlMbs);
        }
        System.out.println();
        System.out.println("MB/s = 10^6 bytes/s of the transfer call after login (curl: time_total - time_pretransfer)."
                + " * = other programs used more than " + TransferBench.BUSY_PERCENT + "% of a CPU during that run.");
    }

    private Timing ftpdoctor() throws IOException {
        FtpConfig config = FtpConfig.builder().tls(TlsMode.EXPLICIT).trustCertificates(cert).build();
        long t0 = System.nanoTime();
        CountingSink sink = new CountingSink();
        long got;
        long transfer;
        try (FtpClient ftp = FtpClient.connect(ftpd.host(), ftpd.port(), config)) {
            ftp.login(ftpd.user(), ftpd.password());
            long t1 = System.nanoTime();
            got = ftp.retrieve(BIG, sink);
            transfer = System.nanoTime() - t1;
            ftp.quit();
        }
        check("ftpdoctor RETR", got, sink.count);
        return new Timing(System.nanoTime() - t0, transfer);
    }

    /** Commons Net's explicit FTPS as documented: AUTH TLS, login, PBSZ 0, PROT P, passive, binary (1 MiB buffer). */
    private Timing commonsNet() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("vsftpd", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        FTPSClient c = new FTPSClient(false, context);
        c.setConnectTimeout(15_000);
        c.setDefaultTimeout(60_000);
        c.setDataTimeout(Duration.ofSeconds(60));
        long t0 = System.nanoTime();
        CountingSink sink = new CountingSink();
        long transfer;
        try {
            c.connect(ftpd.host(), ftpd.port());
            if (!FTPReply.isPositiveCompletion(c.getReplyCode()) || !c.login(ftpd.user(), ftpd.password())) {
                throw new IOException("login: " + c.getReplyString());
            }
            c.execPBSZ(0);
            c.execPROT("P");
            c.enterLocalPassiveMode();
            if (!c.setFileType(FTP.BINARY_FILE_TYPE)) {
                throw new IOException("TYPE I: " + c.getReplyString());
            }
            c.setBufferSize(MIB);
            long t1 = System.nanoTime();
            boolean ok;
            try {
                ok = c.retrieveFile(BIG, sink);
            } catch (IOException e) {
                throw new IOException(c.getReplyString().trim() + " (" + e + ")", e);
            }
            if (!ok) {
                throw new IOException(c.getReplyString());
            }
            transfer = System.nanoTime() - t1;
        } finally {
            BenchSupport.closeQuietly(c);
        }
        check("Commons Net FTPS RETR", sink.count, sink.count);
        return new Timing(System.nanoTime() - t0, transfer);
    }

    private Timing curl(String... options) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of("-s", "-S", "--ftp-pasv", "--ssl-reqd", "--cacert", cert.toString(),
                "-w", "%{size_download} %{time_pretransfer} %{time_total}", "-o", "/dev/null"));
        args.addAll(List.of(options));
        args.add(ftpd.url(BIG));
        long t0 = System.nanoTime();
        int status = curlRun(out, args.toArray(new String[0]));
        long session = System.nanoTime() - t0;
        if (status != 0) {
            throw new IOException("curl exited with " + status + ": " + String.join("\n", out));
        }
        String[] w = out.get(out.size() - 1).trim().split(" ");
        check("curl FTPS RETR", Long.parseLong(w[0]), Long.parseLong(w[0]));
        return new Timing(session, Math.round((Double.parseDouble(w[2]) - Double.parseDouble(w[1])) * 1e9));
    }

    /** The protocol and cipher curl reports for the control connection (curl -I: SIZE and MDTM, no data connection). */
    private String curlTlsLine(String... options) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of("-s", "-v", "--ssl-reqd", "--cacert", cert.toString(), "-I", "-o",
                "/dev/null"));
        args.addAll(List.of(options));
        args.add(ftpd.url(BIG));
        curlRun(out, args.toArray(new String[0]));
        return out.stream().filter(l -> l.contains("SSL connection using")).findFirst().orElse("(not reported)")
                .replaceFirst("^\\* *", "");
    }

    /** Runs curl with stdout and stderr into one file, for at most {@value #PROCESS_TIMEOUT_S} s. */
    private static int curlRun(List<String> out, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("curl"));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("ftpsbench-curl-", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(PROCESS_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("curl did not finish within " + PROCESS_TIMEOUT_S + " s");
            }
            out.addAll(Files.readAllLines(log, StandardCharsets.UTF_8));
            return p.exitValue();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private void check(String what, long reported, long counted) throws IOException {
        if (reported != size || counted != size) {
            throw new IOException(what + ": expected " + size + " bytes, reported " + reported + ", counted " + counted);
        }
    }

    /** Between runs: lets the server's session processes exit (nothing is written locally, so no sync). */
    private static void pause() {
        LocalVsftpd.sleep(300);
    }
}
