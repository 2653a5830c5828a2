package io.github.ftpdoctor.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.FtpUrl;
import io.github.ftpdoctor.error.BadCredentialsOrUnknownUserException;
import io.github.ftpdoctor.error.ConnectionRefusedException;
import io.github.ftpdoctor.error.FtpFileException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The meters recorded after real sessions against Apache MINA FtpServer in-process. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FtpMetricsTest {
    private final String password = "M3trics-Pw-" + UUID.randomUUID();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FtpConfig config = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(10)).eventListenerFactory(FtpMetrics.listenerFactory(registry, "mina"))
            .build();
    @TempDir
    Path home;
    private Mina mina;

    @BeforeEach
    void start() throws Exception {
        mina = new Mina(home, password);
    }

    @AfterEach
    void stop() {
        mina.close();
    }

    private double diagnoses(String outcome, String category) {
        Counter c = registry.find(FtpMetrics.DIAGNOSES).tags("server", "mina", "outcome", outcome, "category", category)
                .counter();
        return c == null ? 0 : c.count();
    }

    private Timer timer(String name, String... tags) {
        return registry.find(name).tags("server", "mina").tags(tags).timer();
    }

    @Test
    void sessionsRecordDiagnosesTimersAndBytes() throws Exception {
        byte[] data = new byte[100_000];
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", mina.port(), config)) {
            ftp.login(Mina.USER, password);
            ftp.store("secret-report.bin", new ByteArrayInputStream(data));
            ftp.retrieve("secret-report.bin", new ByteArrayOutputStream());
            ftp.list(null);
            assertThrows(FtpFileException.class, () -> ftp.retrieve("missing.bin", new ByteArrayOutputStream()));
        }
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", mina.port(), config)) {
            assertThrows(BadCredentialsOrUnknownUserException.class, () -> ftp.login(Mina.USER, "wrong-" + password));
        }
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            dead = s.getLocalPort();
        }
        assertThrows(ConnectionRefusedException.class, () -> FtpClient.connect("127.0.0.1", dead, config));

        assertEquals(1, diagnoses("BadCredentialsOrUnknownUser", "access"));
        assertEquals(1, diagnoses("ConnectionRefused", "connection"));
        assertEquals(2, diagnoses("FileNotFound", "file"), "550 to SIZE and to RETR; the failed transfer adds none");
        assertTrue(diagnoses("Success", "success") >= 10, "every positive reply: " + diagnoses("Success", "success"));
        assertTrue(diagnoses("InProgress", "intermediate") == 0, "preliminary replies are not final: not counted");
        assertTrue(diagnoses("PasswordRequired", "intermediate") == 2, "331 twice");

        assertEquals(2, timer(FtpMetrics.CONNECT, "outcome", "Success").count());
        assertEquals(1, timer(FtpMetrics.CONNECT, "outcome", "ConnectionRefused").count());
        assertEquals(1, timer(FtpMetrics.LOGIN, "outcome", "Success").count());
        assertEquals(1, timer(FtpMetrics.LOGIN, "outcome", "BadCredentialsOrUnknownUser").count());
        assertEquals(1, timer(FtpMetrics.TRANSFER, "direction", "upload", "outcome", "Success").count());
        assertEquals(1, timer(FtpMetrics.TRANSFER, "direction", "download", "outcome", "Success").count());
        assertEquals(1, timer(FtpMetrics.TRANSFER, "direction", "download", "outcome", "FileNotFound").count());
        assertEquals(1, timer(FtpMetrics.TRANSFER, "direction", "listing", "outcome", "Success").count());
        assertTrue(timer(FtpMetrics.CONNECT, "outcome", "Success").totalTime(TimeUnit.NANOSECONDS) > 0);

        DistributionSummary up = registry.find(FtpMetrics.TRANSFER_SIZE).tags("direction", "upload").summary();
        DistributionSummary down = registry.find(FtpMetrics.TRANSFER_SIZE).tags("direction", "download").summary();
        assertEquals(100_000, up.totalAmount());
        assertEquals(100_000, down.totalAmount(), "the refused RETR moved 0 bytes");
        assertEquals("bytes", up.getId().getBaseUnit());

        for (Meter m : registry.getMeters()) {
            String name = m.getId().getName();
            assertTrue(name.matches("ftp\\.client(\\.[a-z]+)+"), "Micrometer naming: dotted lower case: " + name);
            for (Tag t : m.getId().getTags()) {
                String v = t.getValue();
                assertFalse(v.contains(password) || v.contains(Mina.USER) || v.contains("secret-report")
                        || v.contains("missing"), "a tag must not carry a password, user or file name: " + m.getId());
            }
        }
    }

    @Test
    void poolGaugesFollowThePool() throws Exception {
        FtpUrl url = FtpUrl.parse("ftp://" + Mina.USER + "@127.0.0.1:" + mina.port() + "/");
        try (FtpClientPool pool = FtpClientPool.builder(url).password(password).config(config).maxPerKey(3).build()) {
            FtpMetrics.bindPool(pool, registry, "mina");
            double idle;
            double active;
            try (FtpClientPool.Lease lease = pool.borrow()) {
                active = registry.get(FtpMetrics.POOL_ACTIVE).tag("server", "mina").gauge().value();
                idle = registry.get(FtpMetrics.POOL_IDLE).tag("server", "mina").gauge().value();
                lease.client().pwd();
            }
            assertEquals(1, active);
            assertEquals(0, idle);
            assertEquals(1, registry.get(FtpMetrics.POOL_IDLE).gauge().value());
            assertEquals(0, registry.get(FtpMetrics.POOL_ACTIVE).gauge().value());
            assertEquals(3, registry.get(FtpMetrics.POOL_LIMIT).gauge().value());
            assertEquals("sessions", registry.get(FtpMetrics.POOL_LIMIT).gauge().getId().getBaseUnit());
        }
    }

    @Test
    void theDefaultServerTagIsHostAndPort() throws Exception {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        FtpConfig c = config.toBuilder().eventListenerFactory(FtpMetrics.listenerFactory(own)).build();
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", mina.port(), c)) {
            ftp.login(Mina.USER, password);
        }
        assertNotNull(own.find(FtpMetrics.LOGIN).tag("server", "127.0.0.1:" + mina.port()).timer());
        assertNull(own.find(FtpMetrics.LOGIN).tag("server", "mina").timer());
        List<String> names = own.getMeters().stream().map(m -> m.getId().getName()).distinct().sorted().toList();
        assertEquals(List.of(FtpMetrics.CONNECT, FtpMetrics.DIAGNOSES, FtpMetrics.LOGIN), names);
    }
}
