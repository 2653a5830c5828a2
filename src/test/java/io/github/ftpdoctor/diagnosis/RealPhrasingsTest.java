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

/** Real servers' reply texts (src/test/resources/real-phrasings.tsv) classified in context. */
class RealPhrasingsTest {

    static Stream<Arguments> phrasings() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RealPhrasingsTest.class.getResourceAsStream("/real-phrasings.tsv")), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.add(Arguments.of(f[5], Integer.parseInt(f[0]), f[1], f[2], Outcome.valueOf(f[3]), f[4]));
            }
        }
        assertTrue(rows.size() >= 60, "the table lost rows");
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {5} after {2} -> {4}")
    @MethodSource("phrasings")
    void classifiesRealPhrasing(String server, int code, String after, String user, Outcome expected, String text) {
        Boolean anonymous = user.equals("-") ? null : ExchangeContext.isAnonymousName(user);
        Diagnosis d = Classifier.standard().classify(Reply.of(code, text), new ExchangeContext(after, anonymous));
        assertEquals(expected, d.outcome(), () -> server + ": " + d);
        assertEquals(after, d.command());
        assertEquals(code, d.code());
    }
}
