package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The small parts around a diagnosis: building an exchange context, masking the command's argument, outcome
 * definitions' phases, server names, the catalog's codes and lexicon, and holding out one server family.
 */
class ContextAndCatalogPartsTest {
    private static final Catalog CATALOG = Catalog.builtIn();

    @Test
    void buildingAContext() {
        ExchangeContext greeting = ExchangeContext.connecting();
        assertEquals(ExchangeContext.CONNECT, greeting.command());
        assertNull(greeting.anonymous());
        ExchangeContext anonymous = ExchangeContext.after("user").withAnonymous(true);
        assertEquals("USER", anonymous.command());
        assertEquals(Boolean.TRUE, anonymous.anonymous());
        ExchangeContext onServer = anonymous.withServer(" ProFTPD ");
        assertEquals("proftpd", onServer.server());
        assertEquals(Boolean.TRUE, onServer.anonymous());
        assertNull(onServer.withServer("unknown").server());
        ExchangeContext failed = onServer.withFailedLogins(4);
        assertEquals(4, failed.failedLogins());
        assertEquals("proftpd", failed.server());
        assertEquals(0, failed.withFailedLogins(-2).failedLogins());
        assertEquals("USER", failed.withArgument("/x").command());
    }

    @Test
    void theArgumentOrItsLastSegmentIsMaskedWhereTheServerEchoesIt() {
        ExchangeContext top = ExchangeContext.after("RETR").withArgument("/banned.txt");
        assertEquals("…: Permission denied", top.maskArgument("/banned.txt: Permission denied"));
        assertEquals("…: Permission denied", top.maskArgument("banned.txt: Permission denied"));
        ExchangeContext dir = ExchangeContext.after("CWD").withArgument("incoming/");
        assertEquals("incoming/blocked: no such directory", dir.maskArgument("incoming/blocked: no such directory"));
        assertEquals("…: no such directory", dir.maskArgument("incoming/: no such directory"));
        ExchangeContext nested = ExchangeContext.after("DELE").withArgument("a/blocked");
        assertEquals("Could not delete …: denied", nested.maskArgument("Could not delete blocked: denied"));
        assertEquals("unblocked: denied", nested.maskArgument("unblocked: denied"), "only a whole word");
        assertEquals("text", ExchangeContext.after("DELE").maskArgument("text"));
    }

    @Test
    void anOutcomeWithoutPhasesOccursInEveryPhase() {
        Text t = new Text("x", "x");
        RetryAdvice never = new RetryAdvice(false, Duration.ZERO, false, false);
        for (Set<Phase> none : new java.util.ArrayList<Set<Phase>>(java.util.Arrays.asList(null, Set.of()))) {
            OutcomeDefinition d = new OutcomeDefinition(Outcome.ProtocolError, Category.PROTOCOL, none, t, t, never);
            assertEquals(EnumSet.allOf(Phase.class), d.phases());
            assertTrue(d.occursIn(Phase.TRANSFER));
        }
        Set<Phase> login = EnumSet.of(Phase.LOGIN);
        OutcomeDefinition atLogin = new OutcomeDefinition(Outcome.NotLoggedIn, Category.ACCESS, login, t, t, never);
        login.add(Phase.TRANSFER);
        assertEquals(Set.of(Phase.LOGIN), atLogin.phases());
        assertTrue(atLogin.occursIn(Phase.LOGIN));
        assertFalse(atLogin.occursIn(Phase.TRANSFER));
        assertTrue(atLogin.occursIn(null), "an unknown phase allows every outcome");
        assertTrue(atLogin.notAfter().isEmpty());
        assertTrue(atLogin.concludableAfter("AUTH"));
    }

    @Test
    void anOutcomeNeverConcludedAfterSomeCommandsWhateverTheirCase() {
        Text t = new Text("x", "x");
        RetryAdvice never = new RetryAdvice(false, Duration.ZERO, false, false);
        OutcomeDefinition d = new OutcomeDefinition(Outcome.CommandNotImplemented, Category.PROTOCOL, null, t, t, never,
                Set.of("auth", "Pasv"));
        assertEquals(Set.of("AUTH", "PASV"), d.notAfter());
        assertFalse(d.concludableAfter("AUTH"));
        assertFalse(d.concludableAfter("auth"));
        assertFalse(d.concludableAfter("pasv"));
        assertTrue(d.concludableAfter("SITE"));
        assertTrue(d.concludableAfter(null), "an unknown command allows it");
        assertTrue(new OutcomeDefinition(Outcome.CommandNotImplemented, Category.PROTOCOL, null, t, t, never, null)
                .concludableAfter("AUTH"));
    }

    @Test
    void serversPrintTheirNameAndVersion() {
        assertEquals("vsftpd 3.0.5", new Server("vsftpd", "vsftpd", "3.0.5").toString());
        assertEquals("ProFTPD", new Server("proftpd", "ProFTPD", null).toString());
        assertEquals("unknown server", Server.UNKNOWN.toString());
        assertFalse(Server.UNKNOWN.isKnown());
        assertTrue(new Server("proftpd", "ProFTPD", null).isKnown());
    }

    @Test
    void theCatalogsCodesAndLexicon() {
        assertEquals(CATALOG.codeMeaning(530).orElseThrow(), CATALOG.codes().get(530));
        assertTrue(CATALOG.codes().containsKey(226));
        assertEquals(CATALOG.lexicon().terms().size(), CATALOG.lexiconSize());
        assertTrue(CATALOG.lexiconSize() > 0);
    }

    @Test
    void holdingOutATranslationDropsItsTermsOnly() {
        Lexicon all = CATALOG.lexicon();
        long german = all.terms().stream()
                .filter(t -> "pure-ftpd".equals(t.family()) && "de".equals(t.lang())).count();
        assertTrue(german > 0, "the lexicon has terms from Pure-FTPd's German messages");
        Catalog without = CATALOG.withoutFamily("Pure-FTPd/de");
        assertEquals(all.terms().size() - german, without.lexiconSize());
        assertTrue(without.lexicon().terms().stream()
                .noneMatch(t -> "pure-ftpd".equals(t.family()) && "de".equals(t.lang())));
        long familyless = all.terms().stream().filter(t -> t.family() == null).count();
        assertEquals(familyless, without.lexicon().terms().stream().filter(t -> t.family() == null).count());

        long pure = all.terms().stream().filter(t -> "pure-ftpd".equals(t.family())).count();
        assertEquals(all.terms().size() - pure, CATALOG.withoutFamily("pure-ftpd").lexiconSize());
        assertEquals(all.terms().size(), CATALOG.withoutFamily("no-such-family").lexiconSize());
    }

    @Test
    void whichTagsAHeldOutUnitCovers() {
        assertTrue(Catalog.tiedTo("vsftpd", "vsftpd"));
        assertFalse(Catalog.tiedTo("proftpd", "vsftpd"));
        assertTrue(Catalog.tiedTo("pure-ftpd/de", "pure-ftpd"), "a family covers its translations");
        assertTrue(Catalog.tiedTo("pure-ftpd", "pure-ftpd/de"), "a translation covers its family's plain rules");
        assertFalse(Catalog.tiedTo("pure-ftpd/de", "pure-ftpd/fr"));
        assertFalse(Catalog.tiedTo("proftpd/de", "pure-ftpd/de"));
        assertTrue(Catalog.tiedTo("pure-ftpd/zh_CN", "pure-ftpd/zh-cn"));
        assertTrue(Catalog.tiedTo("pure-ftpd/zh-TW", "pure-ftpd/zh"), "a region belongs to its language");
        assertTrue(Catalog.tiedTo("pure-ftpd/zh", "pure-ftpd/zh-tw"));
        assertFalse(Catalog.tiedTo("pure-ftpd/zhx", "pure-ftpd/zh"));
    }
}
