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
 * The example service (profile "embedded", MINA on a free loopback port, service on a random port):
 * a wrong configured password, as a user would try it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"embedded-ftp.port=0", "ftpdoctor.servers.example.password=not-the-password"})
@ActiveProfiles("embedded")
class WrongPasswordTest {
    @Autowired
    TestRestTemplate http;

    @Test
    void healthNamesTheCause() throws Exception {
        JsonNode health = Http.ftpHealth(http);
        assertThat(health.path("status").asText()).isEqualTo("DOWN");
        assertThat(health.path("details").path("outcome").asText()).isEqualTo("BadCredentialsOrUnknownUser");
        assertThat(health.path("details").path("advice").asText()).isNotEmpty();
        assertThat(health.toString()).doesNotContain("not-the-password");
        ResponseEntity<String> file = http.getForEntity("/files/hello.txt", String.class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(file.getBody()).contains("BadCredentialsOrUnknownUser").doesNotContain("not-the-password");
    }
}
