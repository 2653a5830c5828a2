package io.github.ftpdoctor.diagnosis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the language side of the catalog: {@code normalization.json} (how texts are folded before matching, its
 * large character tables read on first use) and the cue lexicon files ({@code cues/<lang>.json}), whose terms are
 * folded with that same normalizer.
 */
final class LanguageReader {
    private static final Pattern CONCEPT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final int BMP = 65536;

    private final List<String> concepts = new ArrayList<>();
    private final List<Lexicon.Term> terms = new ArrayList<>();
    /** The lexicon this reader extends, returned as it is while nothing is added (rule files rarely add terms). */
    private Lexicon base;
    /** Keys of the terms read, filled on the first term added. */
    private Set<String> seen;
    private Normalizer normalizer = Normalizer.basic();

    LanguageReader() {
    }

    /** Starts from a catalog already read (extra rule files may add terms). */
    LanguageReader(Normalizer normalizer, Lexicon base) {
        this.normalizer = normalizer;
        this.base = base;
        concepts.addAll(base.concepts());
        terms.addAll(base.terms());
    }

    Normalizer normalizer() {
        return normalizer;
    }

    Lexicon lexicon() {
        if (base == null || base.terms().size() != terms.size() || base.concepts().size() != concepts.size()) {
            base = new Lexicon(concepts, terms);
        }
        return base;
    }

    /** Reads {@code normalization.json}; its tables are read from the built-in catalog on first use. */
    void readNormalization(String file, JsonValue root) {
        char[] map = new char[BMP];
        String[] longer = new String[BMP];
        boolean[] whitespace = new boolean[BMP];
        for (JsonValue w : root.path("whitespace")) {
            String spec = CatalogJson.string(file, w, "whitespace");
            int dash = spec.indexOf('-');
            int from = codePoint(file, dash < 0 ? spec : spec.substring(0, dash));
            int to = dash < 0 ? from : codePoint(file, spec.substring(dash + 1));
            for (int c = from; c <= to; c++) {
                whitespace[c] = true;
            }
        }
        for (JsonValue r : root.path("ranges")) {
            int from = codePoint(file, r.path("from").asString());
            int to = codePoint(file, r.path("to").asString());
            int target = codePoint(file, r.path("target").asString());
            for (int c = from; c <= to; c++) {
                map[c] = (char) (target + (c - from));
            }
        }
        for (Map.Entry<String, JsonValue> e : root.path("characters").fields().entrySet()) {
            int c = codePoint(file, e.getKey());
            String to = CatalogJson.string(file, e.getValue(), "characters." + e.getKey());
            if (to.length() == 1) {
                map[c] = to.charAt(0);
            } else {
                longer[c] = to;
            }
        }
        List<String> tables = new ArrayList<>();
        for (JsonValue t : root.path("tables")) {
            tables.add(CatalogJson.string(file, t.path("file"), "tables.file"));
        }
        normalizer = new Normalizer(root.path("lowerCase").asBoolean(true), root.path("collapseWhitespace").asBoolean(true),
                map, longer, whitespace, () -> readTables(tables)).withSpellings(spellings(file, root));
    }

    /** {@code "spellings"}: per language, letters its writers replace when they cannot type them, with a source. */
    private static Map<String, List<String[]>> spellings(String file, JsonValue root) {
        Map<String, List<String[]>> out = new java.util.HashMap<>();
        for (JsonValue sp : root.path("spellings")) {
            String lang = CatalogJson.string(file, sp.path("lang"), "spellings.lang").trim();
            if (!LANG.matcher(lang).matches() || sp.path("source").asString("").isBlank()) {
                throw new CatalogException(file + ": spellings: each needs a language tag 'lang' and a 'source'");
            }
            List<String[]> pairs = out.computeIfAbsent(lang, k -> new ArrayList<>());
            for (Map.Entry<String, JsonValue> e : sp.path("replace").fields().entrySet()) {
                pairs.add(new String[] {e.getKey(), CatalogJson.string(file, e.getValue(), "spellings.replace")});
            }
        }
        return out;
    }

    private static int codePoint(String file, String hex) {
        try {
            int c = Integer.parseInt(hex.trim(), 16);
            if (c >= 0 && c < BMP) {
                return c;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CatalogException(file + ": '" + hex + "' is not a hexadecimal code point of the basic plane");
    }

    /** The character tables: one {@code FROM<TAB>TO} pair of single characters per line, {@code #} comments. */
    private static char[] readTables(List<String> files) {
        char[] folded = new char[BMP];
        for (String name : files) {
            try (InputStream in = CatalogJson.open(name);
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int n = 0;
                while ((line = r.readLine()) != null) {
                    n++;
                    if (line.isEmpty() || line.charAt(0) == '#') {
                        continue;
                    }
                    if (line.length() != 3 || line.charAt(1) != '\t') {
                        throw new CatalogException("reply-catalog/" + name + ": line " + n
                                + ": expected one character, a tab and one character");
                    }
                    folded[line.charAt(0)] = line.charAt(2);
                }
            } catch (IOException e) {
                throw new CatalogException("reply-catalog/" + name + ": cannot read: " + e.getMessage(), e);
            }
        }
        return folded;
    }

    /**
     * Reads a lexicon: {@code {"lang": "de", "concepts": {"TOO_MANY": [{"term", "source", "family", "anywhere"}]}}}, or
     * several in {@code {"lexicons": [...]}}; {@code anywhere} lets a term start inside a word (compounds). Terms are
     * normalized; a term already known for its concept (from the same family, or from none) is skipped.
     */
    void readLexicon(String file, JsonValue root) {
        if (root.path("lexicons").isArray()) {
            for (JsonValue one : root.path("lexicons")) {
                readLexicon(file, one);
            }
            return;
        }
        String lang = root.path("lang").asString("").trim();
        if (!LANG.matcher(lang).matches()) {
            throw new CatalogException(file + ": 'lang' must be a language tag such as \"de\" or \"zh\", not "
                    + CatalogJson.kind(root.path("lang")));
        }
        if (!root.path("concepts").isObject()) {
            throw new CatalogException(file + ": expected an object 'concepts' mapping concept names to terms");
        }
        for (Map.Entry<String, JsonValue> e : root.path("concepts").fields().entrySet()) {
            String concept = e.getKey();
            String where = file + ": concept '" + concept + "'";
            if (!CONCEPT.matcher(concept).matches()) {
                throw new CatalogException(where + ": concept names are upper case, like TOO_MANY");
            }
            int index = concepts.indexOf(concept);
            if (index < 0) {
                concepts.add(concept);
                index = concepts.size() - 1;
                if (index >= Lexicon.MAX_CONCEPTS) {
                    throw new CatalogException(where + ": more than " + Lexicon.MAX_CONCEPTS + " concepts");
                }
            }
            for (JsonValue t : e.getValue()) {
                readTerm(where, lang, index, t);
            }
        }
    }

    private void readTerm(String where, String lang, int concept, JsonValue t) {
        String raw = CatalogJson.string(where, t.path("term"), "term");
        String source = t.path("source").asString("").trim();
        if (source.isEmpty()) {
            throw new CatalogException(where + ": term '" + raw + "' has no source");
        }
        String text = normalizer.normalize(raw).replace('\n', ' ');
        String[] parts = splitAtStars(text);
        for (String p : parts) {
            if (p.isBlank()) {
                throw new CatalogException(where + ": term '" + raw + "' is empty or has an empty part around '*'");
            }
        }
        String family = t.hasNonNull("family") ? t.path("family").asString().trim().toLowerCase(Locale.ROOT) : null;
        boolean anywhere = Boolean.TRUE.equals(CatalogJson.optionalBoolean(where, t, "anywhere"));
        boolean word = Boolean.TRUE.equals(CatalogJson.optionalBoolean(where, t, "word"));
        if (seen == null) {
            seen = new HashSet<>();
            for (Lexicon.Term known : terms) {
                seen.add(key(known.concept(), known.text(), known.family()));
            }
        }
        addTerm(concept, parts, word, anywhere, lang, family, source);
        String respelled = normalizer.respelled(lang, raw.toLowerCase(Locale.ROOT));
        if (respelled != null) { // "verschluesselt" for "verschlüsselt": the same word as written without umlauts
            addTerm(concept, splitAtStars(normalizer.normalize(respelled).replace('\n', ' ')), word, anywhere, lang,
                    family, source);
        }
        String[] joined = withoutSpacesBetweenIdeographs(parts);
        if (joined != null) {
            addTerm(concept, joined, word, anywhere, lang, family, source); // Korean and CJK texts space words freely
        }
    }

    private void addTerm(int concept, String[] parts, boolean word, boolean anywhere, String lang, String family,
                         String source) {
        if (seen.add(key(concept, String.join("*", parts), family))) {
            terms.add(new Lexicon.Term(concept, parts, !anywhere && Lexicon.startsWord(parts[0]), word, lang, family,
                    source));
        }
    }

    /**
     * The parts with the spaces between two Han, kana or Hangul characters removed, or null when there are none:
     * Korean and Chinese texts space the same words differently ({@code 파일 이름}, {@code 파일이름}).
     */
    private static String[] withoutSpacesBetweenIdeographs(String[] parts) {
        String[] out = parts.clone();
        boolean changed = false;
        for (int p = 0; p < out.length; p++) {
            StringBuilder sb = new StringBuilder(out[p]);
            for (int i = sb.length() - 2; i > 0; i--) {
                if (sb.charAt(i) == ' ' && !Lexicon.startsWord(sb.substring(i - 1, i))
                        && !Lexicon.startsWord(sb.substring(i + 1, i + 2))
                        && Character.isLetter(sb.charAt(i - 1)) && Character.isLetter(sb.charAt(i + 1))) {
                    sb.deleteCharAt(i);
                    changed = true;
                }
            }
            out[p] = sb.toString();
        }
        return changed ? out : null;
    }

    private static String key(int concept, String text, String family) {
        return concept + "\u0000" + text + "\u0000" + family;
    }

    /**
     * Writes the lexicon in the compact form the jar carries ({@code cues.tsv}): the concepts in index order, then
     * one line per term, already normalized: concept index, language, family ({@code -} for none), flags
     * ({@code a}: may start inside a word, {@code w}: must end a word, {@code -}: neither), the term. Sources stay in the JSON files; the build validated them.
     */
    void writeCompiled(java.io.Writer out) throws IOException {
        out.write("# Generated at build time from reply-catalog/cues/*.json by LexiconCompiler; do not edit.\n");
        out.write("#concepts");
        for (String c : concepts) {
            out.write('\t');
            out.write(c);
        }
        out.write('\n');
        for (Lexicon.Term t : terms) {
            boolean anywhere = !t.wordStart() && Lexicon.startsWord(t.parts()[0]);
            String flags = (anywhere ? "a" : "") + (t.wholeWord() ? "w" : "");
            out.write(t.concept() + "\t" + t.lang() + "\t" + (t.family() == null ? "-" : t.family()) + "\t"
                    + (flags.isEmpty() ? "-" : flags) + "\t" + t.text() + "\n");
        }
    }

    /** Reads what {@link #writeCompiled} wrote. */
    void readCompiled(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.startsWith("#concepts\t")) {
                for (String c : line.substring("#concepts\t".length()).split("\t")) {
                    concepts.add(c);
                }
                continue;
            }
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            String[] f = line.split("\t", 5);
            if (f.length != 5) {
                throw new CatalogException("reply-catalog/cues.tsv: malformed line: " + line);
            }
            String[] parts = splitAtStars(f[4]);
            boolean anywhere = f[3].indexOf('a') >= 0;
            terms.add(new Lexicon.Term(Integer.parseInt(f[0]), parts, !anywhere && Lexicon.startsWord(parts[0]),
                    f[3].indexOf('w') >= 0, f[1], "-".equals(f[2]) ? null : f[2], "reply-catalog/cues"));
        }
    }

    /** A term's parts around its {@code *} gaps, each trimmed (no regular expression: thousands of terms are read). */
    private static String[] splitAtStars(String term) {
        java.util.List<String> parts = new ArrayList<>(2);
        int from = 0;
        for (int star = term.indexOf('*'); star >= 0; star = term.indexOf('*', from)) {
            parts.add(term.substring(from, star).strip());
            from = star + 1;
        }
        parts.add(term.substring(from).strip());
        return parts.toArray(new String[0]);
    }
}
