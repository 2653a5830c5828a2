package io.github.ftpdoctor.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The example service (profile "embedded", MINA on a free loopback port, service on a random port): the server full
 * (its only login taken by another client).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"embedded-ftp.port=0", "embedded-ftp.max-logins=1", "embedded-ftp.occupy=1"})
@ActiveProfiles("embedded")
class FullServerTest {
    @Autowired
    TestRestTemplate http;

    @Test
    void healthNamesTheCause() throws Exception {
        JsonNode health = Http.ftpHealth(http);
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("details").path("outcome").asText()).isEqualTo("TooManyUsers");
        ResponseEntity<String> file = http.getForEntity("/files/hello.txt", String.class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
