package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogTest {
    /** Every code in the seed's RFC 959 table. */
    static final int[] SEED_CODES = {110, 120, 125, 150, 200, 202, 211, 212, 213, 214, 215, 220, 221, 225, 226, 227,
        230, 250, 257, 331, 332, 350, 421, 425, 426, 450, 451, 452, 500, 501, 502, 503, 504, 530, 532, 550, 551, 552,
        553};
    static final int[] RFC2228_2428 = {232, 234, 235, 334, 335, 336, 431, 533, 534, 535, 536, 631, 632, 633, 229, 522};
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");
    private final Catalog catalog = Catalog.builtIn();

    @Test
    void everySeedAndSecurityCodeHasEnglishAndChineseMeaning() {
        for (int[] codes : new int[][] {SEED_CODES, RFC2228_2428}) {
            for (int code : codes) {
                Text meaning = catalog.codeMeaning(code).orElseThrow(() -> new AssertionError("no meaning for " + code));
                assertFalse(meaning.en().isBlank(), "English meaning of " + code);
                assertTrue(CJK.matcher(meaning.zh()).find(), "Chinese meaning of " + code);
            }
        }
    }

    /**
     * The seed beside the project ({@code ../shared/seeds/}, where CI lays {@code shared/}), or under the directory
     * named by the environment variable {@code FTPDOCTOR_SHARED} (for a checkout elsewhere, e.g. a git worktree).
     */
    static Path seedFile() {
        String shared = System.getenv("FTPDOCTOR_SHARED");
        Path dir = shared != null && !shared.isBlank() ? Path.of(shared) : Path.of("..", "shared");
        return dir.resolve("seeds").resolve("000_1bd72efbfe35dfe0.txt");
    }

    @Test
    void seedTableCodesAreExactlyTheHardCodedListAndAllCovered() throws IOException {
        Path seed = seedFile();
        Requirements.require(Files.isRegularFile(seed), "the seed file " + seed.toAbsolutePath().normalize()
                + " (shared/ beside the project, or FTPDOCTOR_SHARED=<dir of shared>)");
        Set<Integer> inSeed = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^([1-6]\\d\\d)\\s?\\S").matcher(Files.readString(seed, StandardCharsets.UTF_8));
        while (m.find()) {
            inSeed.add(Integer.parseInt(m.group(1)));
        }
        Set<Integer> hardCoded = new TreeSet<>();
        for (int code : SEED_CODES) {
            hardCoded.add(code);
        }
        assertEquals(hardCoded, inSeed, "the seed's RFC 959 table and SEED_CODES differ");
        for (int code : inSeed) {
            assertTrue(catalog.codeMeaning(code).isPresent(), "seed code " + code + " missing from codes.json");
        }
    }

    @Test
    void everyOutcomeIsDefinedInBothLanguagesWithCategory() {
        for (Outcome o : Outcome.values()) {
            OutcomeDefinition def = catalog.definition(o);
            assertNotNull(def, o.name());
            assertTrue(CJK.matcher(def.explanation().zh()).find(), o + " zh explanation");
            assertTrue(CJK.matcher(def.advice().zh()).find(), o + " zh advice");
            assertFalse(def.explanation().en().contains("\n"), o + " explanation is one line");
        }
        assertEquals(Category.SUCCESS, catalog.definition(Outcome.Success).category());
        assertTrue(catalog.definition(Outcome.LikelyBanned).retry().stopRetrying());
        assertFalse(catalog.definition(Outcome.BadCredentialsOrUnknownUser).retry().retryable());
        assertTrue(catalog.definition(Outcome.PerIpSessionLimit).retry().reduceParallelSessions());
    }

    @Test
    void rulesHaveUniqueIdsAndSources() {
        Set<String> ids = new HashSet<>();
        for (Rule r : catalog.rules()) {
            assertTrue(ids.add(r.id()), "duplicate " + r.id());
            assertFalse(r.source().isBlank(), r.id() + " has no source");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"outcome\":\"NoSuchOutcome\"}]}|rule 'x': unknown outcome 'NoSuchOutcome'",
        "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"pattern\":\"(unclosed\",\"outcome\":\"Success\"}]}|rule 'x': bad pattern",
        "{\"rules\":[{\"id\":\"x\",\"code\":\"930\",\"outcome\":\"Success\"}]}|rule 'x': code '930'",
        "{\"rules\":[{\"id\":\"x\",\"outcome\":\"Success\"}]}|rule 'x': give exactly one of 'code' and 'event'",
        "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"outcome\":\"Success\",\"note\":{\"en\":\"a\",\"zh\":\"\"}}]}|rule 'x': missing Chinese text 'note.zh'",
        "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"outcome\":\"Success\"},{\"id\":\"x\",\"code\":\"531\",\"outcome\":\"Success\"}]}|rule 'x': duplicate id",
        "{\"rules\":[{\"id\":\"x\",\"event\":\"SOLAR_FLARE\",\"outcome\":\"Success\"}]}|rule 'x': unknown event 'SOLAR_FLARE'",
        "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"outcome\":\"Success\",\"priority\":\"high\"}]}|rule 'x': 'priority' must be a whole number",
                "{\"oops\":[]}|expected an array 'rules'",
        // found by CatalogLoaderPropertiesTest: values of the wrong JSON type threw Jackson's JsonNodeException
        "{\"rules\":[{\"id\":\"x\",\"code\":[[]],\"outcome\":\"Success\"}]}|rule 'x': 'code' must be a string, not an array",
        "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"after\":[{}],\"outcome\":\"Success\"}]}|rule 'x': 'after' must be a string",
        "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"anonymous\":\"yes\",\"outcome\":\"Success\"}]}|rule 'x': 'anonymous' must be true or false, not \"yes\"",
        "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"afterFailedLogins\":[],\"outcome\":\"Success\"}]}|rule 'x': 'afterFailedLogins' must be true or false",
        "{\"rules\":[{\"id\":\"x\",\"event\":[],\"outcome\":\"Success\"}]}|rule 'x': 'event' must be a string, not an array",
        "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"server\":[{}],\"outcome\":\"Success\"}]}|rule 'x': 'server' must be a string",
        "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"confidence\":{},\"outcome\":\"Success\"}]}|rule 'x': 'confidence' must be a string",
        "{\"rules\":[{\"id\":\"x\",\"code\":\"530\",\"pattern\":{},\"outcome\":\"Success\"}]}|rule 'x': 'pattern' must be a string, not an object"})
    void invalidRulesAreRefusedWithTheFileEntryAndProblem(String row) {
        String[] parts = row.split("\\|");
        CatalogLoader loader = new CatalogLoader();
        CatalogException e = assertThrows(CatalogException.class,
                () -> loader.readRules("extra.json", JsonValue.parse(new java.io.ByteArrayInputStream(
                        parts[0].getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        assertTrue(e.getMessage().startsWith("extra.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(parts[1]), e.getMessage());
    }
}
