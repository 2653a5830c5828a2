package io.github.ftpdoctor.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.testsupport.RecordingListener;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.TlsMode;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.FtpSecurityException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.AfterEach;
import java.io.InputStream;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.X509KeyManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mockftpserver.core.command.StaticReplyCommandHandler;
import org.mockftpserver.stub.StubFtpServer;

/** FTPS against Apache MINA FtpServer in-process, with certificates made at test time by keytool. */
@Timeout(120)
class MinaTlsTest {
    private static final String PW = "changeit";
    private static final String USER_PW = "tls-user-pw";
    @TempDir
    static Path keys;
    private static Path keystore;
    private static Path otherNameKeystore;
    private static Path cert;
    @TempDir
    Path home;
    @TempDir
    Path local;
    private DefaultFtpServer server;
    private int port;

    @BeforeAll
    static void certificates() throws Exception {
        keystore = keytool("server.jks", "ip:127.0.0.1,dns:localhost");
        otherNameKeystore = keytool("other.jks", "dns:other-name.invalid");
        cert = keys.resolve("server.pem");
        run("keytool", "-exportcert", "-rfc", "-alias", "ftp", "-keystore", keystore.toString(), "-storepass", PW,
                "-file", cert.toString());
    }

    private static Path keytool(String name, String san) throws Exception {
        Path ks = keys.resolve(name);
        run("keytool", "-genkeypair", "-alias", "ftp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=ftpdoctor-test", "-ext", "SAN=" + san, "-keystore", ks.toString(), "-storetype", "JKS",
                "-storepass", PW, "-keypass", PW);
        return ks;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hung");
        assertEquals(0, p.exitValue(), out);
    }

    private void start(boolean implicit, Path ks) throws Exception {
        start(implicit, ks, null);
    }

    /** With {@code clientTrust} set, the server demands a client certificate that store trusts. */
    private void start(boolean implicit, Path ks, Path clientTrust) throws Exception {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(ks.toFile());
        ssl.setKeystorePassword(PW);
        if (clientTrust != null) {
            ssl.setTruststoreFile(clientTrust.toFile());
            ssl.setTruststorePassword(PW);
            ssl.setClientAuthentication("NEED");
            ssl.setSslProtocol("TLSv1.3", "TLSv1.2");
        }
        listener.setSslConfiguration(ssl.createSslConfiguration());
        listener.setImplicitSsl(implicit);
        factory.addListener("default", listener.createListener());
        BaseUser user = new BaseUser();
        user.setName("alice");
        user.setPassword(USER_PW);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.of(new WritePermission()));
        factory.getUserManager().save(user);
        server = (DefaultFtpServer) factory.createServer();
        server.start();
        port = server.getListener("default").getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private FtpConfig.Builder config(TlsMode mode) {
        return FtpConfig.builder().connectTimeout(Duration.ofSeconds(2)).replyTimeout(Duration.ofSeconds(10))
                .tls(mode).trustCertificates(cert);
    }

    /**
     * Connects once more, and only once, when the first handshake failed because application data came before the
     * server's Finished. With implicit TLS, MINA FtpServer 1.2.1 (MINA 2.2.4) writes its 220 greeting while the
     * handshake is still running; one CI run in many saw the JDK client reject that ordering ("Receiving application
     * data before handshake complete"), a race on the server's side that 2,200 connects here could not reproduce.
     * Every other failure, and a second one, fails the test.
     */
    private FtpClient connect(FtpConfig config) throws Exception {
        try {
            return FtpClient.connect("127.0.0.1", port, config);
        } catch (FtpSecurityException e) {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            if (config.tlsMode() != TlsMode.IMPLICIT
                    || !messages.toString().contains("Receiving application data before handshake complete")) {
                throw e;
            }
            System.err.println("MinaTlsTest: the server sent data before its handshake ended; connecting again: " + e);
            return FtpClient.connect("127.0.0.1", port, config);
        }
    }

    /** Download, upload and list over PROT P; returns the session's transcript. */
    private List<String> transfersWork(FtpConfig config) throws Exception {
        List<String> transcript;
        byte[] data = new byte[300_000];
        new Random(5).nextBytes(data);
        Files.write(home.resolve("data.bin"), data);
        try (FtpClient ftp = connect(config)) {
            ftp.login("alice", USER_PW);
            Path target = local.resolve("data.bin");
            assertEquals(data.length, ftp.download("data.bin", target));
            assertArrayEquals(data, Files.readAllBytes(target));
            assertEquals(data.length, ftp.upload(target, "up.bin"));
            List<FtpEntry> entries = ftp.list(null);
            assertTrue(entries.stream().anyMatch(e -> e.name().equals("up.bin")), entries.toString());
            assertTrue(ftp.transcript().contains("> PROT P"), ftp.transcript().toString());
            transcript = ftp.transcript();
        }
        assertArrayEquals(data, Files.readAllBytes(home.resolve("up.bin")));
        return transcript;
    }

    @Test
    void explicitTlsWithProtectedData() throws Exception {
        start(false, keystore);
        transfersWork(config(TlsMode.EXPLICIT).build());
    }

    @Test
    void activeModeDataConnectionsAreProtectedToo() throws Exception {
        start(false, keystore);
        List<String> transcript = transfersWork(config(TlsMode.EXPLICIT)
                .dataConnectionMode(io.github.ftpdoctor.DataConnectionMode.ACTIVE).build());
        assertTrue(transcript.stream().anyMatch(l -> l.startsWith("> EPRT") || l.startsWith("> PORT")),
                transcript.toString());
    }

    @Test
    void implicitTlsWithProtectedData() throws Exception {
        start(true, keystore);
        transfersWork(config(TlsMode.IMPLICIT).build());
    }

    @Test
    void tlsHandshakesAreEvents() throws Exception {
        start(false, keystore);
        RecordingListener explicit = new RecordingListener();
        transfersWork(config(TlsMode.EXPLICIT).eventListenerFactory(EventListener.Factory.of(explicit)).build());
        List<String> tls = explicit.only("connectEnd", "commandEnd", "tlsHandshakeStart", "tlsHandshakeEnd");
        assertEquals(List.of("connectEnd 127.0.0.1", "commandEnd CONNECT 220 Success", "commandEnd AUTH 234 Success",
                "tlsHandshakeStart"), tls.subList(0, 4));
        assertTrue(tls.get(4).matches("tlsHandshakeEnd TLSv1\\.[23] cipher"), tls.get(4));
        server.stop();

        start(false, keystore);
        RecordingListener untrusted = new RecordingListener();
        assertThrows(FtpSecurityException.class, () -> FtpClient.connect("127.0.0.1", port, FtpConfig.builder()
                .replyTimeout(Duration.ofSeconds(10)).tls(TlsMode.EXPLICIT)
                .eventListenerFactory(EventListener.Factory.of(untrusted)).build()));
        assertEquals(List.of("tlsHandshakeStart", "tlsHandshakeFailed CertificateUntrusted", "sessionEnd"),
                untrusted.only("tlsHandshakeStart", "tlsHandshakeFailed", "tlsHandshakeEnd", "sessionEnd"));
    }

    @Test
    void untrustedCertificateIsDiagnosed() throws Exception {
        start(false, keystore);
        FtpException e = assertThrows(FtpException.class, () -> FtpClient.connect("127.0.0.1", port,
                FtpConfig.builder().replyTimeout(Duration.ofSeconds(10)).tls(TlsMode.EXPLICIT).build()));
        assertEquals(Outcome.CertificateUntrusted, e.diagnosis().outcome(), e::toString);
        assertTrue(e instanceof FtpSecurityException);
    }

    @Test
    void certificateForAnotherNameIsAHostnameMismatch() throws Exception {
        start(false, otherNameKeystore);
        Path otherCert = keys.resolve("other.pem");
        if (!Files.exists(otherCert)) {
            run("keytool", "-exportcert", "-rfc", "-alias", "ftp", "-keystore", otherNameKeystore.toString(),
                    "-storepass", PW, "-file", otherCert.toString());
        }
        FtpException e = assertThrows(FtpException.class, () -> FtpClient.connect("127.0.0.1", port,
                FtpConfig.builder().replyTimeout(Duration.ofSeconds(10)).tls(TlsMode.EXPLICIT)
                        .trustCertificates(otherCert).build()));
        assertEquals(Outcome.HostnameMismatch, e.diagnosis().outcome(), e::toString);
        // the same server is fine when the caller chooses not to check names
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", port, FtpConfig.builder().replyTimeout(Duration.ofSeconds(10))
                .tls(TlsMode.EXPLICIT).trustCertificates(otherCert).verifyHostname(false).build())) {
            ftp.login("alice", USER_PW);
        }
    }

    @Test
    void clientCertificateFromAKeyManager() throws Exception {
        Path client = keytool("client.jks", "dns:ftpdoctor-client");
        Path clientCert = keys.resolve("client.pem");
        run("keytool", "-exportcert", "-rfc", "-alias", "ftp", "-keystore", client.toString(), "-storepass", PW,
                "-file", clientCert.toString());
        Path trust = keys.resolve("client-trust.jks");
        run("keytool", "-importcert", "-noprompt", "-alias", "client", "-file", clientCert.toString(),
                "-keystore", trust.toString(), "-storetype", "JKS", "-storepass", PW);
        start(false, keystore, trust);

        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) { // 1.2 fails in the handshake, 1.3 after it
            FtpException e = assertThrows(FtpException.class, () -> {
                try (FtpClient ftp = FtpClient.connect("127.0.0.1", port,
                        config(TlsMode.EXPLICIT).tlsProtocols(protocol).build())) {
                    ftp.login("alice", USER_PW);
                }
            });
            assertEquals(Outcome.ClientCertificateRequired, e.diagnosis().outcome(), e::toString);
            assertTrue(e instanceof FtpSecurityException, e::toString);
            assertTrue(e.diagnosis().detail().contains("none is configured"), e.diagnosis().detail());
        }

        server.stop(); // a fresh server for the session that succeeds: nothing left over from the refused ones
        start(false, keystore, trust);
        KeyStore ks = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(client)) {
            ks.load(in, PW.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PW.toCharArray());
        // TLS 1.2: over TLS 1.3 with a client certificate, MINA 1.2.1 loses a command that arrives right after the
        // client's Finished while it verifies the certificate (USER unanswered in 19 of 40 logins in a tight loop,
        // in none when the client paused 50 ms after the handshake): a race in the server. The certificate is
        // offered the same way on both versions.
        transfersWork(config(TlsMode.EXPLICIT).keyManager((X509KeyManager) kmf.getKeyManagers()[0])
                .tlsProtocols("TLSv1.2").build());
    }

    @Test
    void refusedAuthTlsFailsWithoutSendingTheLogin() {
        StubFtpServer stub = new StubFtpServer();
        stub.setServerControlPort(0);
        stub.setCommandHandler("AUTH", new StaticReplyCommandHandler(504, "Unknown AUTH type."));
        stub.start();
        try {
            FtpException e = assertThrows(FtpException.class, () -> FtpClient.connect("127.0.0.1",
                    stub.getServerControlPort(), config(TlsMode.EXPLICIT).build()));
            assertEquals(Outcome.TlsUnavailable, e.diagnosis().outcome(), e::toString);
            assertFalse(e.transcript().stream().anyMatch(l -> l.startsWith("> USER")), e.transcript().toString());
        } finally {
            stub.stop();
        }
    }

    @Test
    void cliGetPutAndLsOverFtpsAndFtpes() throws Exception {
        for (boolean implicit : new boolean[] {true, false}) {
            start(implicit, keystore);
            Files.writeString(home.resolve("hello.txt"), "hello");
            String base = (implicit ? "ftps" : "ftpes") + "://alice:" + USER_PW + "@127.0.0.1:" + port + "/";
            Path got = local.resolve("got-" + implicit + ".txt");
            assertEquals(0, cli("get", "--json", "--cacert", cert.toString(), base + "hello.txt", got.toString()));
            assertEquals("hello", Files.readString(got));
            assertEquals(0, cli("put", "--json", "--insecure", got.toString(), base + "put-" + implicit + ".txt"));
            assertEquals("hello", Files.readString(home.resolve("put-" + implicit + ".txt")));
            assertEquals(0, cli("ls", "--json", "--cacert", cert.toString(), base));
            server.stop();
            server = null;
        }
    }

    @Test
    void openAUrlWithTheApi() throws Exception {
        start(true, keystore);
        FtpConfig base = FtpConfig.builder().replyTimeout(Duration.ofSeconds(10)).trustCertificates(cert).build();
        try (FtpClient ftp = FtpClient.open("ftps://alice:" + USER_PW + "@127.0.0.1:" + port + "/", base)) {
            assertEquals("/", ftp.pwd());
            assertTrue(ftp.transcript().contains("> PROT P"));
        }
        assertEquals(TlsMode.EXPLICIT, io.github.ftpdoctor.FtpUrl.parse("ftpes://h/").tlsMode());
        assertEquals(990, io.github.ftpdoctor.FtpUrl.parse("ftps://h/").port());
        assertEquals("ftp://bob:****@h:21/x", io.github.ftpdoctor.FtpUrl.parse("ftp://bob:secret@h/x").toString());
    }

    private static int cli(String... args) {
        return io.github.ftpdoctor.cli.FtpDoctorCli.run(
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8),
                args);
    }

    static {
        // keytool output goes to the test log, not to files of the project
        new File(System.getProperty("java.io.tmpdir")).mkdirs();
    }
}
