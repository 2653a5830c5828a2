package io.github.ftpdoctor.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health indicator against a real vsftpd on loopback (skipped where vsftpd or root is missing). */
@Timeout(120)
class VsftpdHealthTest {
    private LocalVsftpd vsftpd;
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(FtpDoctorAutoConfiguration.class,
                    FtpDoctorHealthAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                    HealthEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoint.health.show-details=always",
                    "ftpdoctor.servers.vsftpd.connect-timeout=2s", "ftpdoctor.servers.vsftpd.reply-timeout=10s");

    @BeforeEach
    void start() throws Exception {
        LocalVsftpd.assumeAvailable();
        vsftpd = LocalVsftpd.start(List.of("max_per_ip=1"));
    }

    @AfterEach
    void stop() {
        if (vsftpd != null) {
            vsftpd.close();
        }
    }

    private Health health(String url) {
        Health[] h = new Health[1];
        runner.withPropertyValues("ftpdoctor.servers.vsftpd.url=" + url).run(context ->
                h[0] = (Health) context.getBean(HealthEndpoint.class).healthForPath("ftpdoctor", "vsftpd"));
        vsftpd.awaitNoSessions();
        return h[0];
    }

    @Test
    void upDownAndWhy() throws Exception {
        String base = "127.0.0.1:" + vsftpd.port() + "/";
        Health up = health("ftp://" + LocalVsftpd.USER + ":" + LocalVsftpd.PASSWORD + "@" + base);
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("family", "vsftpd").containsEntry("listed", 1);

        Health wrong = health("ftp://" + LocalVsftpd.USER + ":not-" + LocalVsftpd.PASSWORD + "@" + base);
        assertThat(wrong.getStatus()).isEqualTo(Status.DOWN);
        assertThat(wrong.getDetails()).containsEntry("outcome", "BadCredentialsOrUnknownUser")
                .containsEntry("reply", "530 Login incorrect.");
        assertThat(wrong.toString()).doesNotContain(LocalVsftpd.PASSWORD);

        Health anonymous = health("ftp://" + base);
        assertThat(anonymous.getDetails()).containsEntry("outcome", "AnonymousDenied");

        try (FtpClient other = FtpClient.connect("127.0.0.1", vsftpd.port(),
                FtpConfig.builder().replyTimeout(Duration.ofSeconds(10)).build())) {
            other.login(LocalVsftpd.USER, LocalVsftpd.PASSWORD); // max_per_ip=1: the health session is one too many
            Health full = health("ftp://" + LocalVsftpd.USER + ":" + LocalVsftpd.PASSWORD + "@" + base);
            assertThat(full.getStatus()).isEqualTo(Status.DOWN);
            assertThat(full.getDetails()).containsEntry("outcome", "PerIpSessionLimit")
                    .containsEntry("category", "capacity");
        }
    }
}
