package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real servers' reply texts taken from their sources and documentation (src/test/resources/real-phrasings-servers.tsv),
 * classified in context. An optional 7th column names the server family, for rules limited to one family.
 */
class ServerPhrasingsTest {

    static Stream<Arguments> phrasings() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ServerPhrasingsTest.class.getResourceAsStream("/real-phrasings-servers.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                String server = f.length > 6 && !f[6].isBlank() ? f[6].trim() : null;
                rows.add(Arguments.of(f[5], Integer.parseInt(f[0]), f[1], f[2], Outcome.valueOf(f[3]), f[4], server));
            }
        }
        assertTrue(rows.size() >= 60, "the table lost rows");
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {5} after {2} -> {4}")
    @MethodSource("phrasings")
    void classifiesServerPhrasing(String source, int code, String after, String user, Outcome expected, String text,
            String server) {
        Boolean anonymous = user.equals("-") ? null : ExchangeContext.isAnonymousName(user);
        Diagnosis d = Classifier.standard().classify(Reply.of(code, text), new ExchangeContext(after, anonymous, server));
        assertEquals(expected, d.outcome(), () -> source + ": " + d);
        assertEquals(after, d.command());
        assertEquals(code, d.code());
    }
}
