package io.github.ftpdoctor.internal.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real servers' Chinese messages (src/test/resources/hanzi/, see its README), encoded in the charset each server
 * sends, read back by a {@link ReplyDecoder} on UTF-8 with detection: every one must come back exactly. The
 * frequency tables the decision uses come from general corpora, never from these messages
 * ({@link HanziFrequencyDataTest} checks that they are not built from them).
 *
 * <p>Besides the whole corpus, two subsets are counted: short messages (2 to 6 characters) and mixed lines (ASCII
 * letters or digits beside Chinese). Then every run of 2 to 6 Han characters inside a message is tried alone as a
 * reply of its own, which is harder than any whole message. Counts, and the closest margins, go to standard output
 * and to {@code target/hanzi-corpus.txt}.
 */
class HanziCorpusTest {
    static final List<String> FILES = List.of("pure-ftpd-zh_cn.tsv", "pure-ftpd-zh_tw.tsv", "proftpd-zh_CN.tsv",
            "proftpd-zh_TW.tsv");
    private static final Pattern HAN_RUN = Pattern.compile("\\p{IsHan}{2,6}");

    /** One message of the corpus as the server sends it. */
    record Message(String file, String source, Charset charset, String text) {
        byte[] wire() {
            return ("550 " + text).getBytes(charset);
        }

        boolean traditional() {
            return charset.name().equals("Big5");
        }

        /**
         * A catalog entry of one Han character (ProFTPD's "硬", "真", "天") is a word the server substitutes into
         * another message, never a reply of its own; one character cannot tell the scripts apart either.
         */
        boolean singleWord() {
            return text.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                    .count() < 2;
        }
    }

    /** What the decoder did with one message. */
    record Outcome(Message message, String decoded, boolean bothValid, boolean utf8, double margin) {
        boolean right() {
            return decoded.equals("550 " + message.text());
        }
    }

    private static List<Message> corpus;

    @BeforeAll
    static void load() throws IOException {
        corpus = new ArrayList<>();
        for (String f : FILES) {
            corpus.addAll(read(f));
        }
    }

    static List<Message> read(String file) throws IOException {
        List<Message> out = new ArrayList<>();
        try (InputStream in = HanziCorpusTest.class.getResourceAsStream("/hanzi/" + file)) {
            assertTrue(in != null, file + " is missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Charset charset = null;
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("# charset: ")) {
                    charset = Charset.forName(line.substring("# charset: ".length()).trim());
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                assertEquals(2, f.length, file + ": " + line);
                assertTrue(charset != null, file + ": no charset line before the messages");
                String text = f[1].replace("\\t", "\t");
                assertEquals(text, new String(text.getBytes(charset), charset),
                        file + ": the server could not send this in its charset: " + line);
                out.add(new Message(file, f[0], charset, text));
            }
        }
        return out;
    }

    static Outcome decide(Message m) {
        byte[] wire = m.wire();
        String decoded = new ReplyDecoder(StandardCharsets.UTF_8, true).decode(wire, wire.length);
        String gb = strict(wire, Charset.forName("GB18030"));
        String big5 = strict(wire, Charset.forName("Big5"));
        boolean both = gb != null && big5 != null;
        double margin = Double.NaN;
        if (both) {
            double g = HanziLikelihood.logLikelihood(gb, HanziLikelihood.Script.SIMPLIFIED);
            double b = HanziLikelihood.logLikelihood(big5, HanziLikelihood.Script.TRADITIONAL);
            margin = m.traditional() ? b - g : g - b;
        }
        return new Outcome(m, decoded, both, strict(wire, StandardCharsets.UTF_8) != null, margin);
    }

    private static String strict(byte[] bytes, Charset c) {
        try {
            return c.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    @Test
    void corpusIsLargeEnoughAndFromBothScripts() {
        List<Message> messages = corpus.stream().filter(m -> !m.singleWord()).toList();
        long big5 = messages.stream().filter(Message::traditional).count();
        assertTrue(messages.size() >= 200, "corpus size " + messages.size());
        assertTrue(big5 >= 100 && messages.size() - big5 >= 100, big5 + " Big5 of " + messages.size());
    }

    @Test
    void everyCorpusMessageDecodesBackExactly() throws IOException {
        List<Outcome> decided = corpus.stream().map(HanziCorpusTest::decide).toList();
        List<Outcome> all = decided.stream().filter(o -> !o.message().singleWord()).toList();
        List<Outcome> words = decided.stream().filter(o -> o.message().singleWord()).toList();
        StringBuilder report = new StringBuilder("Chinese corpus, decoded with detection (right / total), messages of"
                + " 2 Han characters or more:\n");
        for (String f : FILES) {
            report.append(line("  " + f, all.stream().filter(o -> o.message().file().equals(f)).toList()));
        }
        report.append(line("  GB2312/GBK", all.stream().filter(o -> !o.message().traditional()).toList()));
        report.append(line("  Big5", all.stream().filter(o -> o.message().traditional()).toList()));
        report.append(line("  short (2-6 characters)", all.stream()
                .filter(o -> o.message().text().strip().length() <= 6).toList()));
        report.append(line("  mixed ASCII and Chinese", all.stream()
                .filter(o -> o.message().text().matches(".*[A-Za-z0-9].*")).toList()));
        report.append(closest(all, 10));
        report.append(line("Single-character words (not asserted)", words));
        words.stream().filter(o -> !o.right()).forEach(o -> report.append(wrong(o)));
        List<Outcome> fragments = fragments().stream().map(HanziCorpusTest::decide).toList();
        report.append("Runs of 2-6 Han characters inside the messages, each sent alone:\n");
        report.append(line("  GB2312/GBK", fragments.stream().filter(o -> !o.message().traditional()).toList()));
        report.append(line("  Big5", fragments.stream().filter(o -> o.message().traditional()).toList()));
        fragments.stream().filter(o -> !o.right()).forEach(o -> report.append(wrong(o)));
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "hanzi-corpus.txt"), report);

        List<String> wrong = all.stream().filter(o -> !o.right())
                .map(o -> o.message().source() + ": " + o.message().text() + " -> " + o.decoded()).toList();
        assertEquals(List.of(), wrong, "every corpus message decodes back exactly");
        assertTrue(words.size() < 0.05 * corpus.size(), words.size() + " single-character entries");
        long fragmentsRight = fragments.stream().filter(Outcome::right).count();
        assertTrue(fragmentsRight >= 0.95 * fragments.size(),
                fragmentsRight + " of " + fragments.size() + " short runs decoded right");
    }

    /** Every distinct run of 2 to 6 Han characters of each message, as a message of its own in the same charset. */
    static List<Message> fragments() {
        Set<String> seen = new LinkedHashSet<>();
        List<Message> out = new ArrayList<>();
        for (Message m : corpus) {
            Matcher run = HAN_RUN.matcher(m.text());
            while (run.find()) {
                if (seen.add(m.charset() + run.group())) {
                    out.add(new Message(m.file(), m.source() + " run", m.charset(), run.group()));
                }
            }
        }
        return out;
    }

    private static String wrong(Outcome o) {
        String why = o.utf8() ? "the bytes are valid UTF-8, which is tried first"
                : String.format("margin %.2f", o.margin());
        return "  wrong: " + o.message().charset() + " " + o.message().text() + " -> " + o.decoded() + " (" + why
                + ")\n";
    }

    private static String line(String label, List<Outcome> outcomes) {
        long right = outcomes.stream().filter(Outcome::right).count();
        long scored = outcomes.stream().filter(Outcome::bothValid).count();
        return String.format("%-34s %4d / %-4d (%d valid in both charsets, decided by the scores)%n", label, right,
                outcomes.size(), scored);
    }

    private static String closest(List<Outcome> all, int n) {
        StringBuilder sb = new StringBuilder("Closest margins (log-likelihood of the right reading minus the wrong one):\n");
        Map<Boolean, String> names = new LinkedHashMap<>(Map.of(false, "GB", true, "Big5"));
        for (boolean traditional : names.keySet()) {
            all.stream().filter(o -> o.bothValid() && o.message().traditional() == traditional)
                    .sorted(Comparator.comparingDouble(Outcome::margin)).limit(n)
                    .forEach(o -> sb.append(String.format("  %-4s %7.2f  %s  (%s)%n", names.get(traditional),
                            o.margin(), o.message().text(), o.message().source())));
        }
        return sb.toString();
    }
}
