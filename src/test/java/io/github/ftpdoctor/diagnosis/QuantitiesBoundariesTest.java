package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The edges of the numbers read from a server's text: waits at the start and the end of a text, waits spelled with a
 * word ({@code an hour}), timeouts that are no waits, limits next to waits, full IPv6 addresses, and a lexicon whose
 * concepts come in another order (the order of the cue files is no meaning).
 */
class QuantitiesBoundariesTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Lexicon LEXICON = CATALOG.lexicon();

    private static Optional<Duration> wait(String text) {
        return wait(text, LEXICON);
    }

    private static Optional<Duration> wait(String text, Lexicon lexicon) {
        return Quantities.statedWait(CATALOG.normalize(text), lexicon);
    }

    private static OptionalInt limit(String text) {
        return limit(text, LEXICON);
    }

    private static OptionalInt limit(String text, Lexicon lexicon) {
        return Quantities.limit(CATALOG.normalize(text), lexicon);
    }

    /** The built-in lexicon with one concept moved to the front: the same terms, other concept numbers. */
    private static Lexicon withFirst(String concept) {
        List<String> names = new ArrayList<>(LEXICON.concepts());
        names.remove(concept);
        names.add(0, concept);
        List<Lexicon.Term> terms = new ArrayList<>();
        for (Lexicon.Term t : LEXICON.terms()) {
            int moved = names.indexOf(LEXICON.concepts().get(t.concept()));
            terms.add(new Lexicon.Term(moved, t.parts(), t.wordStart(), t.wholeWord(), t.lang(), t.family(),
                    t.source()));
        }
        return new Lexicon(names, terms);
    }

    @Test
    void noTextStatesNothing() {
        assertEquals(Optional.empty(), Quantities.statedWait(null, LEXICON));
        assertEquals(OptionalInt.empty(), Quantities.limit(null, LEXICON));
        assertEquals(Optional.empty(), Quantities.address(null));
        assertEquals(OptionalInt.empty(), limit("Too many users are logged in right now"));
    }

    @Test
    void aWaitAtTheVeryStartOfTheText() {
        assertEquals(Optional.of(Duration.ofMinutes(5)), wait("5 minutes until new logins are accepted"));
        // the first wait is the one stated, even when a spelled-out one follows it
        assertEquals(Optional.of(Duration.ofSeconds(90)), wait("90 seconds to wait, an hour if you keep trying"));
    }

    @Test
    void aNumberAtTheVeryEndIsNoWait() {
        assertEquals(Optional.empty(), wait("Sessions for this account are limited to 10"));
        assertEquals(OptionalInt.of(10), limit("Sessions for this account are limited to 10"));
    }

    @Test
    void waitsSpelledWithAWord() {
        assertEquals(Optional.of(Duration.ofHours(1)), wait("Server busy, try again in an hour"));
        assertEquals(Optional.of(Duration.ofMinutes(1)), wait("One minute please, the service is restarting"));
        assertEquals(Optional.of(Duration.ofMinutes(1)), wait("Maintenance: back in a minute."));
        // an article that names no unit is no wait; the number after it is
        assertEquals(Optional.of(Duration.ofSeconds(20)), wait("Wait a bit, then 20 seconds more"));
        assertEquals(Optional.empty(), wait("We are a small site"));
        assertEquals(Optional.of(Duration.ofHours(2)), wait("Try again in 2 hours"));
        assertEquals(Optional.of(Duration.ofSeconds(45)), wait("Retry in 45 seconds"));
        assertEquals(Optional.of(Duration.ofDays(1)), wait("Your address is blocked for 72 hours"), "at most a day");
    }

    @Test
    void aTimeoutIsNoWaitUnlessTheTextAlsoSaysToComeBackLater() {
        assertEquals(Optional.empty(), wait("No transfer for 300 seconds, timeout; closing"));
        assertEquals(Optional.of(Duration.ofMinutes(10)),
                wait("Connection timed out; please try again later, in 10 minutes"));
        assertEquals(Optional.of(Duration.ofMinutes(3)), wait("Server full, try again in 3 minutes"));
    }

    @Test
    void aLimitNextToAWaitIsTheNumberThatIsNotTheWait() {
        assertEquals(OptionalInt.of(4), limit("Try again in 10 minutes: no more than 4 sessions per account"));
        assertEquals(OptionalInt.of(4), limit("No more than 4 sessions per account; try again in 10 minutes"));
        assertEquals(OptionalInt.of(4), limit("Try again in 10min, at most 4 logins"));
        assertEquals(OptionalInt.of(6), limit("Try again in 2 hours; limit is 6"));
        assertEquals(OptionalInt.empty(), limit("Too many sessions (0)"), "a limit of none is no limit");
        assertEquals(OptionalInt.of(1), limit("Too many sessions (1)"));
    }

    @Test
    void theOrderOfTheLexiconsConceptsChangesNothing() {
        for (String first : List.of("TIMEOUT", "LATER", "SECONDS", "MINUTES", "HOURS", "ONE")) {
            Lexicon lex = withFirst(first);
            assertEquals(0, lex.concept(first));
            assertEquals(Optional.of(Duration.ofHours(2)), wait("Try again in 2 hours", lex), first);
            assertEquals(Optional.of(Duration.ofMinutes(5)), wait("Try again in 5 minutes", lex), first);
            assertEquals(Optional.of(Duration.ofSeconds(30)), wait("Retry in 30 seconds", lex), first);
            assertEquals(Optional.of(Duration.ofHours(1)), wait("Try again in an hour", lex), first);
            assertEquals(Optional.empty(), wait("Idle timeout (900 seconds) reached", lex), first);
            assertEquals(Optional.of(Duration.ofMinutes(10)),
                    wait("Connection timed out; please try again later, in 10 minutes", lex), first);
            assertEquals(OptionalInt.of(4), limit("Try again in 10 minutes: no more than 4 sessions", lex), first);
            assertEquals(OptionalInt.of(4), limit("Try again in 30 seconds: no more than 4 sessions", lex), first);
            assertEquals(OptionalInt.of(4), limit("Try again in 2 hours: no more than 4 sessions", lex), first);
        }
    }

    @Test
    void fullIpv6AddressesAndTimesThatAreNone() {
        assertEquals(Optional.of("2001:db8:1:2:3:4:5:6"),
                Quantities.address("access from 2001:db8:1:2:3:4:5:6 denied"));
        assertEquals(Optional.of("2001:db8::9"), Quantities.address("link 2001:db8::9 refused"));
        assertEquals(Optional.empty(), Quantities.address("session ended at 1:23:45"));
        assertEquals(Optional.empty(), Quantities.address("build ab:cd:ef:12 started"));
    }
}
