package io.github.ftpdoctor.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** What the example's tests share: reading the ftpdoctor part of {@code /actuator/health}. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    static JsonNode ftpHealth(TestRestTemplate http) throws Exception {
        ResponseEntity<String> r = http.getForEntity("/actuator/health", String.class);
        JsonNode example = JSON.readTree(r.getBody()).path("components").path("ftpdoctor").path("components")
                .path("example");
        assertThat(r.getBody()).doesNotContain(EmbeddedFtpServer.PASSWORD);
        System.out.println("health of ftpdoctor.example: " + example); // what an operator sees, in the test log
        return example;
    }
}
