package io.github.ftpdoctor.diagnosis;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Build step: reads and validates the cue lexicon files the catalog index names ({@code cues/*.json}, with every
 * term's source) and writes their compact form, {@code cues.tsv}, into the packaged catalog. Reading some 800 KB of
 * annotated JSON cost a few hundred milliseconds at every start of a fresh JVM; the compact form is about a tenth of
 * that. The JSON files stay the source of truth; {@code CatalogLoader} reads them when no compiled form is present.
 *
 * <p>Usage: {@code LexiconCompiler OUTPUT_DIRECTORY} (run by Maven in {@code process-classes}, with the catalog on
 * the class path).
 */
final class LexiconCompiler {
    static final String COMPILED = "cues.tsv";

    private LexiconCompiler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LexiconCompiler OUTPUT_DIRECTORY");
        }
        LanguageReader language = CatalogLoader.readLanguage(CatalogJson.resource("catalog.json"), false);
        Path out = Path.of(args[0]).resolve(COMPILED);
        Files.createDirectories(out.getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            language.writeCompiled(w);
        }
        System.out.println("[LexiconCompiler] " + language.lexicon().terms().size() + " cue terms in "
                + language.lexicon().concepts().size() + " concepts -> " + out);
    }
}
