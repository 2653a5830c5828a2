package io.github.ftpdoctor.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.cli.FtpDoctorCli;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every client log in {@code src/test/resources/logs/}, captured from a real client (or published by a user of
 * one), against what a careful operator reads in it ({@code NAME.expected}): each finding's line, outcome, command,
 * reply code or event, cause mark, folded lines and format; no finding from program code or stack frames; and no
 * password in any output of {@code analyze}, text or JSON.
 *
 * <p>A finding marked {@code parse-only} is read right (command, code or event, cause, folding) but the classifier
 * names another outcome than the careful reading: the outcome is then not asserted here, and the difference is
 * written to {@code target/analyze-classifier-differences.txt} for the catalog's maintainers.
 */
class ClientLogsTest {
    private static final TranscriptAnalyzer ANALYZER = TranscriptAnalyzer.standard();
    private static final List<String> DIFFERENCES = new ArrayList<>();

    record Expected(int line, String outcome, String command, String codeOrEvent, boolean cause, List<Integer> folded,
                    String format, boolean parseOnly) {
    }

    record Fixture(String name, Path log, List<Expected> findings, List<String> secrets) {
    }

    static Path root() {
        try {
            return Path.of(Objects.requireNonNull(ClientLogsTest.class.getResource("/logs")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Fixture> fixtures() throws IOException {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> logs = files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
            List<Fixture> out = new ArrayList<>();
            for (Path log : logs) {
                String base = log.getFileName().toString().replaceFirst("\\.log$", "");
                Path expected = log.resolveSibling(base + ".expected");
                assertTrue(Files.exists(expected), "no expected findings for " + log);
                out.add(parse(root.relativize(log).toString(), log, expected));
            }
            return out;
        }
    }

    static Fixture parse(String name, Path log, Path expected) throws IOException {
        List<Expected> findings = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        for (String l : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
            if (l.startsWith("secret=")) {
                secrets.add(l.substring("secret=".length()));
            } else if (l.startsWith("line=")) {
                Map<String, String> kv = new HashMap<>();
                boolean parseOnly = false;
                for (String token : l.split("\\s+")) {
                    int eq = token.indexOf('=');
                    if (eq < 0) {
                        parseOnly |= token.equals("parse-only");
                    } else {
                        kv.put(token.substring(0, eq), token.substring(eq + 1));
                    }
                }
                String folded = kv.getOrDefault("folded", "");
                findings.add(new Expected(Integer.parseInt(kv.get("line")), kv.get("outcome"), kv.get("command"),
                        kv.containsKey("code") ? kv.get("code") : kv.get("event"), Boolean.parseBoolean(kv.get("cause")),
                        folded.isEmpty() ? List.of() : Stream.of(folded.split(",")).map(Integer::parseInt).toList(),
                        kv.get("format"), parseOnly));
            }
        }
        return new Fixture(name, log, findings, secrets);
    }

    @Test
    void thereAreEnoughLogsOfEachClient() throws IOException {
        Map<String, Long> perClient = fixtures().stream()
                .collect(Collectors.groupingBy(f -> f.name().substring(0, f.name().indexOf('/')), Collectors.counting()));
        for (String client : List.of("lftp", "tnftp", "ncftp", "curl", "python", "commons-net", "ftpdoctor",
                "filezilla", "winscp", "wget")) {
            assertTrue(perClient.getOrDefault(client, 0L) >= 3, () -> client + ": " + perClient);
        }
        assertTrue(perClient.values().stream().mapToLong(Long::longValue).sum() >= 18, perClient::toString);
    }

    @TestFactory
    Stream<DynamicTest> eachLogGivesWhatACarefulOperatorReads() throws IOException {
        return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> check(f)));
    }

    static void check(Fixture fixture) throws IOException {
        List<String> lines = lines(Files.readString(fixture.log(), StandardCharsets.UTF_8));
        List<Finding> found;
        try (var reader = Files.newBufferedReader(fixture.log(), StandardCharsets.UTF_8)) {
            found = ANALYZER.analyze(reader);
        }
        assertEquals(found.toString(), ANALYZER.analyze(lines).toString(), "the reader and the list agree");
        String shown = fixture.name() + ": " + found;
        assertEquals(fixture.findings().size(), found.size(), shown);
        for (int i = 0; i < found.size(); i++) {
            Finding f = found.get(i);
            Expected e = fixture.findings().get(i);
            Diagnosis d = f.diagnosis();
            assertEquals(e.line(), f.line(), shown);
            assertEquals(e.command(), d.command(), shown);
            String codeOrEvent = d.code() != null ? String.valueOf(d.code()) : d.event().name();
            assertEquals(e.codeOrEvent(), codeOrEvent, shown);
            assertEquals(e.cause(), f.cause(), shown);
            assertEquals(e.folded(), f.folded(), shown);
            assertEquals(e.format(), f.format().id(), shown);
            if (d.reply() != null) { // the reply is the one on its line (NcFTP writes "530: text")
                String first = d.reply().text().lines().findFirst().orElse("").strip();
                String raw = lines.get(f.line() - 1);
                // Wget without -d writes a 530 to USER or PASS as a line of its own words, with no code
                // and PHP's ftp_*() warnings and an FtpCommandException quote the reply's text alone; so do
                // yafc, Wput's progress line and aria2 (the code is a server's phrasing's, or the client's error
                // code's), and a Node error whose code comes below its stack: the words are on the line
                boolean wordsOnly = f.format() == LogFormat.WGET && first.equals(raw.strip())
                        || (raw.contains("(): ") || raw.contains("FtpCommandException: "))
                        && raw.contains(first.substring(4))
                        || first.length() >= 12 && raw.contains(first);
                assertTrue((raw.contains(String.valueOf(d.code())) || wordsOnly) && raw.contains(first),
                        () -> "reply " + d.reply() + " on line " + f.line() + ": " + raw);
            }
            if (e.parseOnly()) {
                synchronized (DIFFERENCES) {
                    DIFFERENCES.add(fixture.name() + " line " + f.line() + ": " + (d.reply() == null ? d.event()
                            : d.reply().toString()) + " after " + d.command() + ": careful reading " + e.outcome()
                            + ", classifier " + d.outcome() + " (" + d.ruleId() + ")");
                }
            } else {
                assertEquals(e.outcome(), d.outcome().name(), shown);
            }
            // evidence is never program code: a stack frame or the source line a traceback quotes is indented
            String evidence = lines.get(f.line() - 1);
            assertFalse(evidence.startsWith(" ") && (evidence.strip().startsWith("File \"")
                    || f.format() == LogFormat.PYTHON || f.format() == LogFormat.JAVA), () -> "code as evidence: " + evidence);
        }
        for (String secret : fixture.secrets()) {
            for (Finding f : found) {
                Diagnosis d = f.diagnosis();
                String all = f + " " + d.summary() + " " + d.detail() + " " + (d.reply() == null ? "" : d.reply().text());
                assertFalse(all.contains(secret), () -> "the password shows: " + all);
            }
            for (String[] args : List.of(new String[] {"analyze", fixture.log().toString()},
                    new String[] {"analyze", "--json", fixture.log().toString()},
                    new String[] {"analyze", "--lang", "zh", fixture.log().toString()})) {
                String r = cli(args);
                assertFalse(r.contains(secret), () -> "the password shows: " + r);
            }
        }
    }

    /** The lines as an editor numbers them: ended by LF or CR LF (curl's progress meter leaves lone CRs inside). */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        out.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        return out;
    }

    /** What the CLI prints, standard output and error together. */
    static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        FtpDoctorCli.run(ps, ps, args);
        return out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void writeTheDifferencesForTheCatalog() {
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.write(target.resolve("analyze-classifier-differences.txt"), DIFFERENCES, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
