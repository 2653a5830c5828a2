package io.github.ftpdoctor.check;

import static io.github.ftpdoctor.check.CheckAssertions.assertNoPassword;
import static io.github.ftpdoctor.check.CheckAssertions.assertStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server check against Apache MINA FtpServer 1.2.1 in-process, plain and over explicit TLS. */
@Timeout(120)
class MinaCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String STORE_PW = "changeit";
    private static final String USER_PW = "mina-check-pw";
    @TempDir
    static Path keys;
    private static Path keystore;
    private static Path cert;
    @TempDir
    Path home;
    private DefaultFtpServer server;
    private int port;

    @BeforeAll
    static void certificate() throws Exception {
        keystore = keys.resolve("server.jks");
        run("keytool", "-genkeypair", "-alias", "ftp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keystore.toString(),
                "-storetype", "JKS", "-storepass", STORE_PW, "-keypass", STORE_PW);
        cert = keys.resolve("server.pem");
        run("keytool", "-exportcert", "-rfc", "-alias", "ftp", "-keystore", keystore.toString(), "-storepass",
                STORE_PW, "-file", cert.toString());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hung");
        assertEquals(0, p.exitValue(), out);
    }

    private void start(boolean tls, boolean write, Consumer<DataConnectionConfigurationFactory> data) throws Exception {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        DataConnectionConfigurationFactory dc = new DataConnectionConfigurationFactory();
        data.accept(dc);
        listener.setDataConnectionConfiguration(dc.createDataConnectionConfiguration());
        if (tls) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(keystore.toFile());
            ssl.setKeystorePassword(STORE_PW);
            listener.setSslConfiguration(ssl.createSslConfiguration());
        }
        factory.addListener("default", listener.createListener());
        BaseUser user = new BaseUser();
        user.setName("alice");
        user.setPassword(USER_PW);
        user.setHomeDirectory(home.toString());
        user.setAuthorities(write ? List.of(new WritePermission()) : List.of());
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

    private String url(String scheme) {
        return scheme + "://alice:" + USER_PW + "@127.0.0.1:" + port + "/";
    }

    private boolean homeEmpty() throws Exception {
        try (Stream<Path> s = Files.list(home)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void aCleanPlainServerPassesEveryStep() throws Exception {
        start(false, true, d -> { });
        Files.writeString(home.resolve("readme.txt"), "hello");
        CheckReport r = ServerCheck.forUrl(url("ftp")).timeout(TIMEOUT).write(true).active(true).build().run();
        for (Step s : Step.values()) {
            assertStep(r, s, StepStatus.OK, null);
        }
        assertEquals(Verdict.OK, r.verdict());
        assertEquals("mina", r.server().id(), "from SYST");
        // MINA's FEAT always lists AUTH TLS: the check tried it on a second connection, and it was refused
        CheckStep tls = CheckAssertions.step(r, Step.TLS);
        assertTrue(tls.detail().contains("AUTH TLS is refused") && tls.detail().contains("431"), tls.detail());
        assertTrue(CheckAssertions.step(r, Step.LISTING).detail().contains("1 entries"), "readme.txt is listed");
        Files.delete(home.resolve("readme.txt"));
        assertTrue(homeEmpty(), "the test file was left behind");
        assertNoPassword(r, USER_PW);
    }

    /**
     * MINA accepts a TLS data connection that does not resume the control session: over TLS the check says so, and
     * everything else passes.
     */
    @Test
    void overTlsEveryStepPassesButSessionReuseIsNotEnforced() throws Exception {
        start(true, true, d -> { });
        CheckReport r = ServerCheck.forUrl(url("ftpes")).timeout(TIMEOUT).write(true).active(true)
                .trustCertificates(cert).build().run();
        assertStep(r, Step.TLS, StepStatus.OK, null);
        assertStep(r, Step.DATA, StepStatus.WARN, Outcome.TlsSessionReuseNotEnforced);
        for (Step s : List.of(Step.LOGIN, Step.LISTING, Step.ACTIVE, Step.UPLOAD, Step.DOWNLOAD, Step.RESUME,
                Step.RENAME, Step.DELETE, Step.QUIT)) {
            assertStep(r, s, StepStatus.OK, null);
        }
        assertEquals(Verdict.WARNINGS, r.verdict());
        assertTrue(homeEmpty());
    }

    @Test
    void anExternalPassiveAddressIsReportedWithMinasOwnSetting() throws Exception {
        start(false, true, d -> d.setPassiveExternalAddress("127.0.0.2"));
        CheckReport r = ServerCheck.forUrl(url("ftp")).timeout(TIMEOUT).build().run();
        CheckStep passive = assertStep(r, Step.PASSIVE, StepStatus.WARN, Outcome.PassiveAddressUnroutable);
        assertTrue(passive.explanation().en().contains("external-address"), passive.explanation().en());
        assertStep(r, Step.DATA, StepStatus.OK, null);
    }

    @Test
    void aUserWithoutWritePermissionIsAReadOnlyAccount() throws Exception {
        start(false, false, d -> { });
        CheckReport r = ServerCheck.forUrl(url("ftp")).timeout(TIMEOUT).write(true).build().run();
        CheckStep upload = assertStep(r, Step.UPLOAD, StepStatus.FAIL, Outcome.ReadOnlyAccount);
        assertTrue(upload.explanation().en().contains("WritePermission"), upload.explanation().en());
        assertEquals(Verdict.FAILED, r.verdict());
    }
}
