package io.github.ftpdoctor.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.micrometer.FtpMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter in an application context, against Apache MINA FtpServer in-process. */
@Timeout(120)
class FtpDoctorAutoConfigurationTest {
    private final String password = "St4rter-Pw-" + UUID.randomUUID();
    @TempDir
    Path home;
    private Mina mina;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FtpDoctorMetricsAutoConfiguration.class,
                    FtpDoctorAutoConfiguration.class, FtpDoctorHealthAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoint.health.show-details=always",
                    "ftpdoctor.servers.mina.connect-timeout=2s", "ftpdoctor.servers.mina.reply-timeout=10s");

    @BeforeEach
    void start() throws Exception {
        Files.writeString(home.resolve("hello.txt"), "hello\n");
        mina = new Mina(home, password, 1);
    }

    @AfterEach
    void stop() {
        mina.close();
    }

    private String url(String pw) {
        return "ftp://" + Mina.USER + (pw == null ? "" : ":" + pw) + "@127.0.0.1:" + mina.port() + "/";
    }

    private static Health health(org.springframework.context.ApplicationContext context, String server) {
        HealthComponent h = context.getBean(HealthEndpoint.class).healthForPath("ftpdoctor", server);
        return (Health) h;
    }

    private void assertNoPassword(Object shown, String... passwords) {
        for (String pw : passwords) {
            assertThat(String.valueOf(shown)).doesNotContain(pw);
        }
    }

    @Test
    void aPoolBeanPerServerConfiguredFromTheProperties() {
        runner.withPropertyValues("ftpdoctor.servers.mina.url=" + url(null), "ftpdoctor.servers.mina.password=" + password,
                "ftpdoctor.servers.mina.pool.max-sessions=3", "ftpdoctor.servers.other.url=ftp://127.0.0.1:1/")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    FtpClientPool pool = context.getBean("minaFtpClientPool", FtpClientPool.class);
                    assertThat(context.getBean("otherFtpClientPool")).isInstanceOf(FtpClientPool.class);
                    assertThat(context.getBean(FtpClientPools.class).names()).containsExactly("mina", "other");
                    assertThat(pool.maxPerKey()).isEqualTo(3);
                    try (FtpClientPool.Lease lease = pool.borrow()) {
                        assertThat(lease.client().pwd()).isEqualTo("/");
                    }
                    assertThat(pool.idle()).isEqualTo(1);
                    assertNoPassword(pool, password);
                    assertNoPassword(context.getBean(FtpClientPools.class), password);
                });
    }

    @Test
    void rightPasswordIsUp() {
        runner.withPropertyValues("ftpdoctor.servers.mina.url=" + url(password)).run(context -> {
            Health h = health(context, "mina");
            assertThat(h.getStatus()).isEqualTo(Status.UP);
            assertThat(h.getDetails()).containsEntry("family", "mina").containsEntry("listed", 1)
                    .containsEntry("server", url("****"));
            assertNoPassword(h, password);
        });
    }

    @Test
    void wrongPasswordIsDownWithTheDiagnosisAndNoPassword() {
        String wrong = "Wr0ng-" + password;
        runner.withPropertyValues("ftpdoctor.servers.mina.url=" + url(null), "ftpdoctor.servers.mina.password=" + wrong)
                .run(context -> {
                    Health h = health(context, "mina");
                    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(h.getDetails()).containsEntry("outcome", "BadCredentialsOrUnknownUser")
                            .containsEntry("category", "access").containsEntry("code", 530)
                            .containsEntry("server", url("****")).containsKeys("explanation", "advice");
                    assertThat((String) h.getDetails().get("explanation")).contains("password");
                    assertNoPassword(h, password, wrong);
                });
    }

    @Test
    void refusedPortIsDownConnectionRefused() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            dead = s.getLocalPort();
        }
        runner.withPropertyValues("ftpdoctor.servers.mina.url=ftp://u:" + password + "@127.0.0.1:" + dead + "/")
                .run(context -> {
                    Health h = health(context, "mina");
                    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(h.getDetails()).containsEntry("outcome", "ConnectionRefused")
                            .containsEntry("category", "connection").containsKey("detail");
                    assertNoPassword(h, password);
                });
    }

    @Test
    void fullServerIsDownTooManyUsers() throws Exception {
        try (FtpClient other = FtpClient.connect("127.0.0.1", mina.port(),
                FtpConfig.builder().replyTimeout(Duration.ofSeconds(10)).build())) {
            other.login(Mina.USER, password); // takes the server's only login
            runner.withPropertyValues("ftpdoctor.servers.mina.url=" + url(password)).run(context -> {
                Health h = health(context, "mina");
                assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                assertThat(h.getDetails()).containsEntry("outcome", "TooManyUsers")
                        .containsEntry("category", "capacity").containsKey("retryAfterSeconds");
                assertNoPassword(h, password);
            });
        }
    }

    @Test
    void aFullServerWhileThePoolHoldsASessionIsUpThroughThePool() {
        runner.withPropertyValues("ftpdoctor.servers.mina.url=" + url(password)).run(context -> {
            FtpClientPool pool = context.getBean("minaFtpClientPool", FtpClientPool.class);
            pool.borrow().close(); // the pool's idle session takes the server's only login
            Health h = health(context, "mina");
            assertThat(h.getStatus()).isEqualTo(Status.UP);
            assertThat((String) h.getDetails().get("note")).contains("TooManyUsers");
        });
    }

    @Test
    void metricsWhenAMeterRegistryIsThere() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("ftpdoctor.servers.mina.url=" + url(password)).run(context -> {
                    assertThat(health(context, "mina").getStatus()).isEqualTo(Status.UP);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.find(FtpMetrics.LOGIN).tags("server", "mina", "outcome", "Success").timer()
                            .count()).isEqualTo(1);
                    assertThat(registry.find(FtpMetrics.DIAGNOSES).tags("server", "mina", "outcome", "Success")
                            .counter().count()).isGreaterThan(3);
                    assertThat(registry.find(FtpMetrics.POOL_LIMIT).tag("server", "mina").gauge().value())
                            .isEqualTo(4);
                    for (Meter m : registry.getMeters()) {
                        assertNoPassword(m.getId(), password, Mina.USER);
                    }
                });
    }

    @Test
    void withoutMicrometerThereAreNoMetricsAndThePoolsStillWork() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .withPropertyValues("ftpdoctor.servers.mina.url=" + url(password)).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("ftpdoctorMetricsCustomizer");
                    assertThat(health(context, "mina").getStatus()).isEqualTo(Status.UP);
                });
    }

    @Test
    void healthCanBeTurnedOffEntirelyOrPerServer() {
        runner.withPropertyValues("ftpdoctor.servers.mina.url=" + url(password), "management.health.ftpdoctor.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("ftpdoctorHealthContributor"));
        runner.withPropertyValues("ftpdoctor.servers.mina.url=" + url(password),
                "ftpdoctor.servers.quiet.url=ftp://127.0.0.1:1/", "ftpdoctor.servers.quiet.health.enabled=false")
                .run(context -> {
                    CompositeHealthContributor c = context.getBean("ftpdoctorHealthContributor",
                            CompositeHealthContributor.class);
                    assertThat(c.getContributor("mina")).isNotNull();
                    assertThat(c.getContributor("quiet")).isNull();
                });
    }

    @Test
    void aBadUrlFailsTheStartNamingTheProperty() {
        runner.withPropertyValues("ftpdoctor.servers.mina.url=" + url(password),
                "ftpdoctor.servers.bad.url=http://x:" + password + "@127.0.0.1/").run(context -> {
            assertThat(context).hasFailed();
            Throwable t = context.getStartupFailure();
            StringBuilder all = new StringBuilder();
            for (; t != null; t = t.getCause()) {
                all.append(t.getMessage()).append('\n');
            }
            assertThat(all.toString()).contains("ftpdoctor.servers.bad.url").doesNotContain(password);
        });
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> details(Health h) {
        return h.getDetails();
    }
}
