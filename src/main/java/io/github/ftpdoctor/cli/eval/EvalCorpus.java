package io.github.ftpdoctor.cli.eval;

import io.github.ftpdoctor.diagnosis.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An evaluation corpus on disk: {@code replies/*.tsv} (real servers' reply texts, each labelled with the outcome a
 * careful operator would name) and {@code dangerous-misreads.tsv} (the outcome pairs where acting on the wrong one
 * makes things worse). The format is described in the corpus's {@code README.md}. Every malformed line is an error
 * naming the file, the line and the problem.
 */
public final class EvalCorpus {
    private static final String HEADER = "family\tlang\tcommand\tcode\ttext\toutcome\tsource\tnote";

    /** One labelled reply. */
    public record Row(String family, String lang, String command, int code, String text, Outcome expected,
                      String source, String file, int line) {
        /** The unit held out in the leave-one-out evaluation: the family, or {@code family/lang} for translations. */
        public String unit(boolean translated) {
            return translated ? family + "/" + lang : family;
        }
    }

    /** An outcome read as another where acting on it makes things worse, and why. */
    public record Danger(Outcome expected, Outcome readAs, String why) {
    }

    private final List<Row> rows;
    private final Map<String, Danger> dangers;

    private EvalCorpus(List<Row> rows, Map<String, Danger> dangers) {
        this.rows = List.copyOf(rows);
        this.dangers = Map.copyOf(dangers);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The danger of reading {@code expected} as {@code actual}, or null when the pair is not on the list. */
    public Danger danger(Outcome expected, Outcome actual) {
        return dangers.get(expected + ">" + actual);
    }

    public int dangerCount() {
        return dangers.size();
    }

    /** Reads a corpus directory: {@code DIR/replies/*.tsv} and {@code DIR/dangerous-misreads.tsv}. */
    public static EvalCorpus read(Path dir) {
        Path replies = dir.resolve("replies");
        if (!Files.isDirectory(replies)) {
            throw new IllegalArgumentException("not an evaluation corpus: " + dir + " has no replies/ directory");
        }
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(replies)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                readReplies(f, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + replies + ": " + e.getMessage(), e);
        }
        return new EvalCorpus(rows, readDangers(dir.resolve("dangerous-misreads.tsv")));
    }

    private static void readReplies(Path f, List<Row> rows) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        String name = f.getFileName().toString();
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IllegalArgumentException(name + ": line 1: expected the header '" + HEADER.replace("\t", "<TAB>")
                    + "'");
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            String where = name + ": line " + (i + 1) + ": ";
            if (c.length < 7 || c.length > 8) {
                throw new IllegalArgumentException(where + "expected 8 tab-separated columns, found " + c.length);
            }
            int code;
            try {
                code = Integer.parseInt(c[3].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "code '" + c[3] + "' is not a number");
            }
            if (code < 100 || code > 699) {
                throw new IllegalArgumentException(where + "code " + code + " is not from 100 to 699");
            }
            Outcome expected = outcome(where, c[5].trim());
            if (c[6].isBlank()) {
                throw new IllegalArgumentException(where + "no source");
            }
            rows.add(new Row(c[0].trim().toLowerCase(Locale.ROOT), c[1].trim(), c[2].trim().toUpperCase(Locale.ROOT),
                    code, unescape(c[4]), expected, c[6].trim(), name, i + 1));
        }
    }

    private static Map<String, Danger> readDangers(Path f) {
        Map<String, Danger> out = new HashMap<>();
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("not an evaluation corpus: no " + f);
        }
        try {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                String[] c = lines.get(i).split("\t", -1);
                if (c.length < 3) {
                    continue;
                }
                String where = f.getFileName() + ": line " + (i + 1) + ": ";
                Danger d = new Danger(outcome(where, c[0].trim()), outcome(where, c[1].trim()), c[2].trim());
                out.put(d.expected() + ">" + d.readAs(), d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static Outcome outcome(String where, String name) {
        try {
            return Outcome.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "unknown outcome '" + name + "'", e);
        }
    }

    /** {@code \n}, {@code \t} and {@code \\} as the characters they stand for. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == '\\' ? '\\' : n == 'r' ? '\r' : n);
                if (n != 'n' && n != 't' && n != '\\' && n != 'r') {
                    out.setCharAt(out.length() - 1, '\\');
                    out.append(n);
                }
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** The families with rows in more than one language: their units are {@code family/lang}. */
    public Set<String> translatedFamilies() {
        Map<String, Set<String>> langs = new HashMap<>();
        for (Row r : rows) {
            langs.computeIfAbsent(r.family(), k -> new java.util.HashSet<>()).add(r.lang());
        }
        Set<String> out = new java.util.TreeSet<>();
        langs.forEach((f, l) -> {
            if (l.size() > 1) {
                out.add(f);
            }
        });
        return out;
    }
}
