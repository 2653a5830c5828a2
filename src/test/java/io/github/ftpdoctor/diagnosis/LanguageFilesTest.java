package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The language side of the catalog: normalization files (white space, ranges, single characters, lazily read
 * tables), cue lexicon files and how they are rejected, and the compact compiled form of the lexicon.
 */
class LanguageFilesTest {
    private static JsonValue json(String text) {
        try {
            return JsonValue.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Normalizer normalization(String body) {
        LanguageReader r = new LanguageReader();
        r.readNormalization("norm.json", json(body));
        return r.normalizer();
    }

    private static String message(Runnable r) {
        return assertThrows(CatalogException.class, r::run).getMessage();
    }

    @Test
    void whiteSpaceEntriesAreSingleCharactersOrInclusiveRanges() {
        Normalizer n = normalization("{\"whitespace\":[\"3000\",\"2000-200A\",\"0000\"]}");
        assertEquals("a b", n.normalize("a\u3000b"));
        assertEquals("a b", n.normalize("a\u2000b"));
        assertEquals("a b", n.normalize("a\u2005b"));
        assertEquals("a b", n.normalize("a\u200Ab"));
        assertEquals("a\u200Bb", n.normalize("a\u200Bb"));
        assertEquals("a\u2FFFb", n.normalize("a\u2FFFb"));
        assertEquals("a b", n.normalize("a\u0000b"));
    }

    @Test
    void codePointsOutsideTheBasicPlaneOrNotHexadecimalAreRejected() {
        assertEquals("norm.json: '10000' is not a hexadecimal code point of the basic plane",
                message(() -> normalization("{\"whitespace\":[\"10000\"]}")));
        assertEquals("norm.json: 'zz' is not a hexadecimal code point of the basic plane",
                message(() -> normalization("{\"whitespace\":[\"zz\"]}")));
        assertEquals("norm.json: '' is not a hexadecimal code point of the basic plane",
                message(() -> normalization("{\"whitespace\":[\"-0020\"]}")));
        assertEquals("norm.json: '-1' is not a hexadecimal code point of the basic plane",
                message(() -> normalization("{\"characters\":{\"-1\":\"x\"}}")));
        assertEquals("norm.json: 'whitespace' must be a string, not an object",
                message(() -> normalization("{\"whitespace\":[{}]}")));
        // the last character of the plane is accepted
        assertEquals("a b", normalization("{\"whitespace\":[\"FFFF\"]}").normalize("a\uFFFFb"));
    }

    @Test
    void rangesMapEachCharacterToItsCounterpartFromTheTarget() {
        Normalizer n = normalization("{\"ranges\":[{\"from\":\"FF21\",\"to\":\"FF3A\",\"target\":\"0041\"}]}");
        assertEquals("abyz", n.normalize("\uFF21\uFF22\uFF39\uFF3A"));
        assertEquals("\uFF3B", n.normalize("\uFF3B"));
        assertEquals("\uFF20", n.normalize("\uFF20"));
    }

    @Test
    void singleCharactersMapToOneCharacterOrToSeveral() {
        Normalizer n = normalization("{\"characters\":{\"00A0\":\" \",\"2026\":\"...\",\"2019\":\"'\"}}");
        assertEquals("a b", n.normalize("a\u00A0\u00A0b"));
        assertEquals("wait...", n.normalize("wait\u2026"));
        assertEquals("don't", n.normalize("don\u2019t"));
    }

    @Test
    void caseAndWhiteSpaceFoldingCanBeTurnedOff() {
        Normalizer n = normalization("{\"lowerCase\":false,\"collapseWhitespace\":false}");
        assertEquals("A  B", n.normalize("A  B"));
        assertEquals("a b", normalization("{}").normalize("A   B"));
    }

    @Test
    void tablesAreReadOnFirstUseAndSkipCommentsAndEmptyLines() {
        Normalizer n = normalization("{\"tables\":[{\"file\":\"test-tables/good.txt\"}]}");
        assertEquals("plain", n.normalize("plain"));
        assertEquals("qa", n.normalize("\u0080\u00C5"));
        assertEquals("[a]", n.foldScript("[\u00C5]"));
    }

    @Test
    void aBadTableLineIsReportedWithItsFileAndLineNumber() {
        Normalizer n = normalization("{\"tables\":[{\"file\":\"test-tables/broken.txt\"}]}");
        assertEquals("x", n.normalize("x"), "ASCII texts never read the tables");
        assertEquals("reply-catalog/test-tables/broken.txt: line 3: expected one character, a tab and one character",
                message(() -> n.normalize("\u00C5")));
        Normalizer missing = normalization("{\"tables\":[{\"file\":\"test-tables/absent.txt\"}]}");
        assertEquals("reply-catalog/test-tables/absent.txt: not found on the class path",
                message(() -> missing.normalize("\u00C5")));
    }

    private static LanguageReader lexicon(String body) {
        LanguageReader r = new LanguageReader();
        r.readLexicon("cues/xx.json", json(body));
        return r;
    }

    private static String term(String term) {
        return "{\"term\":\"" + term + "\",\"source\":\"test\"}";
    }

    private static List<String> texts(LanguageReader r) {
        return r.lexicon().terms().stream().map(Lexicon.Term::text).toList();
    }

    @Test
    void lexiconFilesAreRejectedWithTheFileConceptAndTerm() {
        assertEquals("cues/xx.json: 'lang' must be a language tag such as \"de\" or \"zh\", not \"German\"",
                message(() -> lexicon("{\"lang\":\"German\",\"concepts\":{}}")));
        assertEquals("cues/xx.json: expected an object 'concepts' mapping concept names to terms",
                message(() -> lexicon("{\"lang\":\"de\",\"concepts\":[]}")));
        assertEquals("cues/xx.json: concept 'tooMany': concept names are upper case, like TOO_MANY",
                message(() -> lexicon("{\"lang\":\"de\",\"concepts\":{\"tooMany\":[]}}")));
        assertEquals("cues/xx.json: concept 'FULL': term 'voll' has no source",
                message(() -> lexicon("{\"lang\":\"de\",\"concepts\":{\"FULL\":[{\"term\":\"voll\"}]}}")));
        assertEquals("cues/xx.json: concept 'FULL': term '*voll' is empty or has an empty part around '*'",
                message(() -> lexicon("{\"lang\":\"de\",\"concepts\":{\"FULL\":[" + term("*voll") + "]}}")));
        assertEquals("cues/xx.json: concept 'FULL': term 'platte * ' is empty or has an empty part around '*'",
                message(() -> lexicon("{\"lang\":\"de\",\"concepts\":{\"FULL\":[" + term("platte * ") + "]}}")));
        assertEquals("cues/xx.json: concept 'FULL': 'anywhere' must be true or false, not \"yes\"",
                message(() -> lexicon("{\"lang\":\"de\",\"concepts\":{\"FULL\":[{\"term\":\"voll\",\"source\":\"t\","
                        + "\"anywhere\":\"yes\"}]}}")));
    }

    @Test
    void atMostSixtyFourConceptsAreRead() {
        StringBuilder ok = new StringBuilder("{\"lang\":\"en\",\"concepts\":{");
        for (int i = 0; i < Lexicon.MAX_CONCEPTS; i++) {
            ok.append(i == 0 ? "" : ",").append("\"C").append(i).append("\":[]");
        }
        LanguageReader r = lexicon(ok + "}}");
        assertEquals(Lexicon.MAX_CONCEPTS, r.lexicon().concepts().size());
        assertEquals("cues/xx.json: concept 'C64': more than 64 concepts",
                message(() -> lexicon(ok + ",\"C64\":[]}}")));
    }

    @Test
    void termsAreNormalizedSplitAtStarsAndKeptOncePerConceptAndFamily() {
        LanguageReader r = lexicon("{\"lexicons\":[{\"lang\":\"en\",\"concepts\":{\"FULL\":[" + term("Disk  FULL")
                + "," + term("no * left") + "," + term("disk full") + "]}},"
                + "{\"lang\":\"de\",\"concepts\":{\"FULL\":[" + term("platte voll")
                + ",{\"term\":\"disk full\",\"source\":\"t\",\"family\":\"Pure-FTPd\"}]}}]}");
        assertEquals(List.of("disk full", "no*left", "platte voll", "disk full"), texts(r));
        Lexicon.Term fromFamily = r.lexicon().terms().get(3);
        assertEquals("pure-ftpd", fromFamily.family());
        assertEquals("de", fromFamily.lang());
        assertEquals(List.of("no", "left"), List.of(r.lexicon().terms().get(1).parts()));
    }

    @Test
    void spacesBetweenHanOrHangulAreAlsoReadWithout() {
        LanguageReader r = lexicon("{\"lang\":\"zh\",\"concepts\":{\"NAME\":[" + term("文件 名") + "," + term("ftp 服务")
                + "," + term("服务 ftp") + "," + term("文件 -") + "," + term("- 文件") + "," + term("파일 이름 * 너무")
                + "," + term("文件 2") + "]}}");
        assertEquals(List.of("文件 名", "文件名", "ftp 服务", "服务 ftp", "文件 -", "- 文件", "파일 이름*너무",
                "파일이름*너무", "文件 2"), texts(r));
    }

    @Test
    void theLexiconIsBuiltOnceAndOnlyRebuiltWhenTermsAreAdded() {
        LanguageReader empty = new LanguageReader();
        Lexicon none = empty.lexicon();
        assertTrue(none.terms().isEmpty());
        assertSame(none, empty.lexicon());

        LanguageReader r = lexicon("{\"lang\":\"en\",\"concepts\":{\"FULL\":[" + term("disk full") + "]}}");
        Lexicon first = r.lexicon();
        assertSame(first, r.lexicon());

        LanguageReader extending = new LanguageReader(r.normalizer(), first);
        assertSame(first, extending.lexicon());
        extending.readLexicon("extra.json", json("{\"lang\":\"en\",\"concepts\":{\"FULL\":[" + term("disk full") + "]}}"));
        assertSame(first, extending.lexicon(), "a term already known adds nothing");
        extending.readLexicon("extra.json", json("{\"lang\":\"en\",\"concepts\":{\"LATE\":[]}}"));
        Lexicon withConcept = extending.lexicon();
        assertNotSame(first, withConcept);
        assertEquals(List.of("FULL", "LATE"), withConcept.concepts());
        extending.readLexicon("extra.json", json("{\"lang\":\"en\",\"concepts\":{\"FULL\":[" + term("no room") + "]}}"));
        assertEquals(List.of("disk full", "no room"),
                extending.lexicon().terms().stream().map(Lexicon.Term::text).toList());
    }

    @Test
    void theCompiledFormRoundTripsEveryTermAndItsFlags() throws IOException {
        LanguageReader r = lexicon("{\"lang\":\"de\",\"concepts\":{\"FULL\":[" + term("platte voll")
                + ",{\"term\":\"voll\",\"source\":\"t\",\"anywhere\":true}"
                + ",{\"term\":\"kein\",\"source\":\"t\",\"word\":true}"
                + ",{\"term\":\"ist * voll\",\"source\":\"t\",\"anywhere\":true,\"word\":true,\"family\":\"proftpd\"}"
                + "],\"MANY\":[" + term("满") + "]}}");
        StringWriter out = new StringWriter();
        r.writeCompiled(out);
        String text = out.toString();
        assertEquals("# Generated at build time from reply-catalog/cues/*.json by LexiconCompiler; do not edit.\n"
                + "#concepts\tFULL\tMANY\n"
                + "0\tde\t-\t-\tplatte voll\n"
                + "0\tde\t-\ta\tvoll\n"
                + "0\tde\t-\tw\tkein\n"
                + "0\tde\tproftpd\taw\tist*voll\n"
                + "1\tde\t-\t-\t满\n", text);

        LanguageReader back = new LanguageReader();
        back.readCompiled(new ByteArrayInputStream(("\n# a comment\n" + text).getBytes(StandardCharsets.UTF_8)));
        Lexicon a = r.lexicon();
        Lexicon b = back.lexicon();
        assertEquals(a.concepts(), b.concepts());
        assertEquals(a.terms().size(), b.terms().size());
        for (int i = 0; i < a.terms().size(); i++) {
            Lexicon.Term x = a.terms().get(i);
            Lexicon.Term y = b.terms().get(i);
            String what = x.text();
            assertEquals(x.concept(), y.concept(), what);
            assertEquals(List.of(x.parts()), List.of(y.parts()), what);
            assertEquals(x.wordStart(), y.wordStart(), what);
            assertEquals(x.wholeWord(), y.wholeWord(), what);
            assertEquals(x.lang(), y.lang(), what);
            assertEquals(x.family(), y.family(), what);
        }
        assertFalse(b.terms().get(1).wordStart());
        assertTrue(b.terms().get(2).wholeWord());
        assertTrue(b.terms().get(0).wordStart());
        assertFalse(b.terms().get(4).wordStart(), "Han terms match anywhere");
        assertEquals("reply-catalog/cues.tsv: malformed line: 0\tde\tvoll", message(() -> {
            try {
                new LanguageReader().readCompiled(new ByteArrayInputStream("0\tde\tvoll\n".getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }));
    }

    @Test
    void theLexiconCompilerWritesWhatTheLoaderReads() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> LexiconCompiler.main(new String[0]));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lexicon-compiler");
        java.io.PrintStream stdout = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        try {
            System.setOut(new java.io.PrintStream(printed, true, StandardCharsets.UTF_8));
            LexiconCompiler.main(new String[] {dir.resolve("sub").toString()});
        } finally {
            System.setOut(stdout);
        }
        java.nio.file.Path tsv = dir.resolve("sub").resolve(LexiconCompiler.COMPILED);
        LanguageReader back = new LanguageReader();
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(tsv)) {
            back.readCompiled(in);
        }
        Lexicon fromJson = CatalogLoader.readLanguage(CatalogJson.resource("catalog.json"), false).lexicon();
        assertEquals(fromJson.concepts(), back.lexicon().concepts());
        assertEquals(fromJson.terms().size(), back.lexicon().terms().size());
        assertTrue(printed.toString(StandardCharsets.UTF_8).startsWith("[LexiconCompiler] " + fromJson.terms().size()
                + " cue terms in " + fromJson.concepts().size() + " concepts -> "));
        java.nio.file.Files.delete(tsv);
        java.nio.file.Files.delete(dir.resolve("sub"));
        java.nio.file.Files.delete(dir);
    }
}
