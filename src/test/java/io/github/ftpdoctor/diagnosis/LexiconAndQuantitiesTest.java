package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The cue lexicon as packaged, how terms match, and the numbers read from replies. */
class LexiconAndQuantitiesTest {
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final Lexicon LEXICON = CATALOG.lexicon();

    private static List<String> concepts(String text) {
        return LEXICON.names(LEXICON.scan(CATALOG.normalize(text)));
    }

    @Test
    void theCompiledLexiconIsTheAnnotatedOne() {
        LanguageReader fromJson = CatalogLoader.readLanguage(CatalogJson.resource("catalog.json"), false);
        Lexicon json = fromJson.lexicon();
        assertEquals(json.concepts(), LEXICON.concepts());
        Set<String> a = json.terms().stream().map(t -> t.concept() + " " + t.lang() + " " + t.family() + " "
                + t.wordStart() + " " + t.text()).collect(Collectors.toSet());
        Set<String> b = LEXICON.terms().stream().map(t -> t.concept() + " " + t.lang() + " " + t.family() + " "
                + t.wordStart() + " " + t.text()).collect(Collectors.toSet());
        assertEquals(a, b);
        assertTrue(json.terms().stream().allMatch(t -> !t.source().isBlank()));
        assertTrue(LEXICON.terms().size() > 1000, "a lexicon of many languages: " + LEXICON.terms().size());
    }

    @Test
    void termsMatchAtWordStartsOrAnywhereInScriptsWithoutSpaces() {
        assertTrue(concepts("Too many connections from this IP").containsAll(List.of("TOO_MANY", "SESSIONS")));
        assertFalse(concepts("zip archive").contains("ADDRESS"), "'ip' inside a word is no address");
        assertTrue(concepts("your IP is blocked").contains("ADDRESS"));
        assertTrue(concepts("連線數過多").contains("SESSIONS"), "Traditional Chinese folded before matching");
        assertTrue(concepts("Zu viele Anmeldeversuche").contains("ATTEMPTS"), "compounds: 'anywhere' terms");
        assertTrue(concepts("Kann Verzeichnis nicht wechseln").contains("CANNOT"), "a gap inside a term");
        assertFalse(concepts("Kann Verzeichnis\nnicht wechseln").contains("CANNOT"), "gaps stay on one line");
        assertFalse(concepts("Kann das sehr lange Verzeichnis nicht wechseln").contains("CANNOT"), "gaps are short");
        assertTrue(concepts("Konnte [/srv/ftp/a/very/long/path/name] nicht lesen").contains("CANNOT"),
                "a bracketed argument is one character of a gap");
        assertTrue(concepts("Kann \"/srv/ftp/a/very/long/path/name.txt\" nicht lesen").contains("CANNOT"),
                "a quoted argument is one character of a gap");
        assertFalse(concepts("Kann [/srv/ftp/a/very/long/path/name.txt nicht lesen").contains("CANNOT"),
                "an argument that never closes is no argument");
        assertFalse(concepts("Kann [a] und [b] und [c] und [d] und [e] nicht").contains("CANNOT"),
                "each argument still counts");
        assertTrue(concepts("이 호스트로 부터의 접속이 너무많습니다").contains("FROM_ADDRESS"), "Korean spacing is optional");
        assertTrue(concepts("이 호스트로부터의 접속이 너무많습니다").contains("TOO_MANY"), "'너무 많' without its space");
        assertFalse(concepts("로\n부터").contains("FROM_ADDRESS"), "a line break is not a space");
        assertTrue(concepts("ＤＩＳＫ　ＱＵＯＴＡ　ｅｘｃｅｅｄｅｄ").contains("QUOTA"), "full-width folded");
    }

    private static Diagnosis after(String command, int code, String text) {
        return Classifier.standard().classify(Reply.of(code, text), ExchangeContext.after(command));
    }

    @Test
    void numbersTheServerStates() {
        Diagnosis limit = after("CONNECT", 421, "Too many connections (3) from this IP");
        assertEquals(Outcome.PerIpSessionLimit, limit.outcome());
        assertEquals(OptionalInt.of(3), limit.limit());
        assertEquals(OptionalInt.of(2), after("PASS", 530, "Sorry, no more than 2 logins for this user").limit());
        assertEquals(OptionalInt.empty(), after("CONNECT", 421, "There are too many connected users, please try later.")
                .limit());
        assertEquals(OptionalInt.empty(), after("RETR", 550, "f3.txt: No such file (3)").limit(), "only for limits");

        Diagnosis wait = after("CONNECT", 421, "Too many users, try again in 5 minutes");
        assertEquals(Optional.of(Duration.ofMinutes(5)), wait.statedWait());
        assertEquals(Duration.ofMinutes(5), wait.retry().delay());
        assertEquals(Optional.of(Duration.ofMinutes(2)), after("CONNECT", 120, "Service ready in 2 minutes.").statedWait());
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                after("CONNECT", 421, "Zu viele Benutzer, bitte in 30 Sekunden erneut versuchen").statedWait());
        assertEquals(Optional.empty(), after("NOOP", 421, "Idle timeout (900 seconds): closing control connection")
                .statedWait(), "a timeout's length is not a wait");

        assertEquals(Optional.of("10.1.2.3"), after("USER", 530, "Host 10.1.2.3 has been banned").address());
        assertEquals(Optional.of("2001:db8::7"), after("USER", 530, "Access from 2001:db8::7 denied").address());
        assertEquals(Optional.empty(), after("USER", 530, "Login at 12:30:45 refused").address());
        assertEquals(Optional.of("fe80::1"), after("USER", 530, "Connections from fe80::1 are refused").address(),
                "one group before ::");
        assertEquals(Optional.of("2001::7"), after("USER", 530, "Host 2001::7 has been banned").address());
    }

    @Test
    void aClosingReplyThatSaysNothingCouldBeReadIsNoSuccess() {
        String[][] unreadable = {
            {"LIST", "Closing data connection; the directory could not be read."},
            {"NLST", "Das Verzeichnis kann nicht gelesen werden"},
            {"MLSD", "No se puede leer el directorio"},
            {"RETR", "Transfer ended: read error on the file (input/output error)"},
            {"LIST", "无法读取目录"},
        };
        for (String[] c : unreadable) {
            Diagnosis d = after(c[0], 226, c[1]);
            assertEquals(Outcome.FileUnavailable, d.outcome(), c[1]);
            assertEquals(Confidence.LIKELY, d.confidence(), c[1]);
        }
        assertEquals(Outcome.Success, after("RETR", 226, "Transfer complete, 2048 bytes read.").outcome());
        assertEquals(Outcome.Success, after("LIST", 226, "Directory send OK.").outcome());
        assertEquals(Outcome.Success, after("CWD", 250, "Directory could not be read from cache; using the disk.")
                .outcome(), "only the reply that ends a transfer says what the data connection carried");
    }

    @Test
    void anUploadTheServerCouldNotWriteIsItsOwnError() {
        String[] writeErrors = {
            "Could not finish: write error on the target file.\nTransfer aborted.",
            "Schreibfehler in der Zieldatei\nÜbertragung abgebrochen",
            "Erreur d'écriture du fichier ; transfert interrompu",
            "写入文件失败\n传输中止",
        };
        for (String text : writeErrors) {
            assertEquals(Outcome.ServerLocalError, after("STOR", 451, text).outcome(), text);
        }
        assertEquals(Outcome.TransferAborted, after("STOR", 451, "Error writing to the data connection\nTransfer aborted")
                .outcome(), "a write to the data connection is the network's side");
        assertNotEquals(Outcome.ServerLocalError, after("STOR", 451, "Write error: no space left on device").outcome(),
                "a full disk says more than a write error");
        assertNotEquals(Outcome.ServerLocalError, after("RETR", 426, "Write error; transfer aborted").outcome(),
                "only a 451 to an upload");
    }

    @Test
    void aLoginRefusedForASecondFactorOrAnInternalFailureIsNoWrongPassword() {
        Diagnosis mfa = after("PASS", 530, "Two-factor authentication is required but not configured for this account");
        assertEquals(Outcome.UserNotAllowed, mfa.outcome());
        assertEquals(Confidence.LIKELY, mfa.confidence());
        assertEquals(Outcome.UserNotAllowed, after("PASS", 530, "A one-time password is needed for bob").outcome());
        assertEquals(Outcome.BadCredentialsOrUnknownUser, after("PASS", 530, "Invalid OTP code").outcome(),
                "a wrong one-time code is a wrong credential");
        assertNotEquals(Outcome.BadCredentialsOrUnknownUser, after("PASS", 530, "Login failed: internal failure")
                .outcome(), "the server failing to check a password says nothing about the password");
        assertNotEquals(Outcome.BadCredentialsOrUnknownUser, after("PASS", 530, "Authentication: internal error")
                .outcome());
        assertEquals(Outcome.BadCredentialsOrUnknownUser, after("PASS", 530, "Login incorrect.").outcome());
    }

    @Test
    void aClosingThatStatesOnlyATimeIsTheServersClock() {
        assertEquals(Outcome.IdleTimeout, after("NOOP", 421, "Nothing happened for 600 seconds; goodbye").outcome());
        assertEquals(Outcome.IdleTimeout, after("PASS", 421, "Sin actividad durante 5 minutos").outcome());
        assertNotEquals(Outcome.IdleTimeout, after("USER", 421, "Too many connections; come back in 30 seconds")
                .outcome(), "a limit with a wait is a limit");
        assertNotEquals(Outcome.IdleTimeout, after("USER", 421, "Shutting down in 60 seconds").outcome());
        assertNotEquals(Outcome.IdleTimeout, after("RETR", 421, "No data for 900 seconds").outcome(),
                "a transfer's stall is the transfer's");
        assertNotEquals(Outcome.IdleTimeout, after("NOOP", 421, "Closing: 300 users online").outcome());
        assertEquals(Outcome.IdleTimeout, after("PASS", 421, "Tiempo límite para inicio de sesión (300 segundos)")
                .outcome(), "a time limit is no limit of sessions");
        assertEquals(Outcome.IdleTimeout, after("NOOP", 421, "Temps de connexion dépassé").outcome());
    }

    @Test
    void nothingFoundIsNotFound() {
        assertEquals(Outcome.FileNotFound, after("NLST", 450, "No entries found").outcome());
        assertEquals(Outcome.FileNotFound, after("NLST", 450, "Keine Einträge gefunden").outcome());
        assertEquals(Outcome.FileNotFound, after("RETR", 550, "Nessun file trovato").outcome());
        assertNotEquals(Outcome.FileNotFound, after("NLST", 450, "Found 3 files, no access to them").outcome());
    }

    @Test
    void aGreetingRefusedForMaintenanceIsTheServerStopping() {
        assertEquals(Outcome.ServerShuttingDown, after("CONNECT", 530, "Down for maintenance until 06:00").outcome());
        assertEquals(Outcome.ServerShuttingDown, after("CONNECT", 500, "Servidor en mantenimiento").outcome());
        assertNotEquals(Outcome.ServerShuttingDown, after("CONNECT", 530, "Banned during maintenance").outcome());
        assertNotEquals(Outcome.ServerShuttingDown, after("CONNECT", 530, "Go away").outcome());
    }

    @Test
    void a553RefusesTheNameWhateverWordsItUses() {
        assertEquals(Outcome.FileNameNotAllowed, after("STOR", 553, "Names with '..' are forbidden").outcome());
        assertEquals(Outcome.PermissionDenied, after("STOR", 550, "Uploads here are forbidden").outcome());
        assertEquals(Outcome.FileNameNotAllowed, after("MKD", 550, "new*dir: bad file name").outcome());
        assertNotEquals(Outcome.FileNameNotAllowed, after("RNFR", 550, "Name change failed").outcome(),
                "a failed rename names the action, not a bad name");
        assertNotEquals(Outcome.FileNameNotAllowed, after("RETR", 550, "a.txt: file name not found").outcome());
        assertEquals(Outcome.BadCommandSequence, after("USER", 530, "Ya has iniciado la sesión").outcome(),
                "already logged in: the USER came out of sequence");
    }

    @Test
    void theCauseAReplyNamesOutranksTheConnectionItBroke() {
        assertEquals(Outcome.InsufficientStorage,
                after("STOR", 426, "Data connection closed: could not write, disk full").outcome());
        assertEquals(Outcome.TlsRequired, after("USER", 530, "Please send AUTH first").outcome());
        assertEquals(Outcome.FileUnavailable, after("RETR", 550, "Not found, or no permission to read it").outcome(),
                "a reply that gives both causes claims neither");
        assertNotEquals(Outcome.TlsRequired, after("USER", 530, "Authentication required first").outcome());
    }

    @Test
    void aTransferTheServerCallsIncompleteIsIncomplete() {
        assertEquals(Outcome.TransferIncomplete, after("RETR", 451, "Download unvollständig, Verbindung zu").outcome());
        assertEquals(Outcome.TransferIncomplete, after("STOR", 426, "Upload truncated by the peer").outcome());
        assertNotEquals(Outcome.TlsSessionReuseRequired, after("REST", 501, "Reuse of an offset is required").outcome(),
                "outside a transfer, resuming is REST's restart, not TLS");
        assertEquals(Outcome.TlsSessionReuseRequired, after("RETR", 522, "TLS session reuse required").outcome());
        assertNotEquals(Outcome.PermissionDenied, after("STOR", 451, "Time expired\nTransfer stopped").outcome(),
                "a time that expired is no refusal");
    }

    @Test
    void a551ThatSaysNothingOfPagesIsAboutTheFile() {
        assertEquals(Outcome.FileUnavailable, after("RETR", 551, "Cannot send that file now").outcome());
        assertEquals(Outcome.PageTypeUnknown, after("RETR", 551, "Page type unknown.").outcome());
        assertEquals(Outcome.PageTypeUnknown, after("STOR", 551, "Unknown\npage structure").outcome());
    }

    @Test
    void thePhaseOfTheCommandAnsweredReadsWhatTheWordsLeaveOpen() {
        assertEquals(Outcome.BadCommandSequence, after("PASS", 503, "Send USER first.").outcome());
        assertEquals(Outcome.NotLoggedIn, after("PASS", 530, "Go away.").outcome());

        assertEquals(Outcome.TlsRequired, after("USER", 421, "Plain-text logins are refused here; reconnect with TLS.")
                .outcome());
        assertNotEquals(Outcome.TlsRequired, after("USER", 530, "Anonymous sessions may not use encryption.")
                .outcome(), "an anonymous login refused over TLS is the opposite");
        assertNotEquals(Outcome.TlsRequired, after("LIST", 550, "No TLS here.").outcome());

        assertEquals(Outcome.DataChannelProtectionRequired, after("RETR", 522, "Data channel: SSL/TLS only").outcome());
        assertNotEquals(Outcome.DataChannelProtectionRequired, after("EPRT", 522, "Use (1) instead; no TLS")
                .outcome(), "522 to EPRT is the network protocol");

        assertEquals(Outcome.HomeDirectoryUnavailable, after("PASS", 421, "Cannot enter the directory /home/bob")
                .outcome());
        assertNotEquals(Outcome.HomeDirectoryUnavailable, after("CWD", 550, "Cannot enter the directory /pub")
                .outcome(), "after login a directory is just a directory");

        assertNotEquals(Outcome.QuotaExceeded, after("RETR", 553, "Prohibited file name: .ftpquota").outcome(),
                "a file named after quotas is no quota");
        assertEquals(Outcome.QuotaExceeded, after("STOR", 552, "Transfer aborted. Disk quota exceeded").outcome());

        assertEquals(Outcome.SyntaxError, after("SITE", 501, "Invalid permissions given").outcome(),
                "501 is a syntax error in the arguments, whatever words follow");
        assertEquals(Outcome.SyntaxError, after("RETR", 501, "No file name given; nothing found").outcome());
        assertEquals(Outcome.PermissionDenied, after("SITE", 550, "Permission denied").outcome());
    }
}
