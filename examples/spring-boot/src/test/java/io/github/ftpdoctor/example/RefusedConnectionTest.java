package io.github.ftpdoctor.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The example service (profile "embedded", MINA on a free loopback port, service on a random port):
 * a server address where nothing listens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"embedded-ftp.port=0", "ftpdoctor.servers.example.url=ftp://demo@127.0.0.1:1/"})
@ActiveProfiles("embedded")
class RefusedConnectionTest {
    @Autowired
    TestRestTemplate http;

    @Test
    void healthNamesTheCause() throws Exception {
        JsonNode health = Http.ftpHealth(http);
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("details").path("outcome").asText()).isEqualTo("ConnectionRefused");
    }
}
