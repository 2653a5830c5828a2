package io.github.ftpdoctor.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The example service (profile "embedded", MINA on a free loopback port, service on a random port):
 * downloads, health and metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "embedded-ftp.port=0")
@ActiveProfiles("embedded")
class RightPasswordTest {
    @Autowired
    TestRestTemplate http;

    @Test
    void downloadsHealthAndMetrics() throws Exception {
        ResponseEntity<String> file = http.getForEntity("/files/hello.txt", String.class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getBody()).isEqualTo("Hello from the embedded FTP server.\n");

        ResponseEntity<String> missing = http.getForEntity("/files/missing.txt", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Http.JSON.readTree(missing.getBody()).path("outcome").asText()).isEqualTo("FileNotFound");

        JsonNode health = Http.ftpHealth(http);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("details").path("family").asText()).isEqualTo("mina");

        JsonNode names = Http.JSON.readTree(http.getForObject("/actuator/metrics", String.class)).path("names");
        List<String> ftp = new ArrayList<>();
        names.forEach(n -> {
            if (n.asText().startsWith("ftp.")) {
                ftp.add(n.asText());
            }
        });
        System.out.println("meters after the run: " + ftp);
        assertThat(ftp).contains("ftp.client.diagnoses", "ftp.client.connect", "ftp.client.login",
                "ftp.client.transfer", "ftp.client.transfer.size", "ftp.client.pool.idle",
                "ftp.client.pool.active", "ftp.client.pool.limit");
        JsonNode notFound = Http.JSON.readTree(http.getForObject(
                "/actuator/metrics/ftp.client.diagnoses?tag=outcome:FileNotFound", String.class));
        assertThat(notFound.path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
    }
}
