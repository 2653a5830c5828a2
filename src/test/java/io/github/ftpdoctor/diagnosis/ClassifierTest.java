package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ClassifierTest {
    private final Classifier classifier = Classifier.standard();

    @Test
    void germanWrittenWithoutUmlautsReadsTheSameAsWithThem() {
        for (String text : new String[] {"Anmeldung nur mit verschlüsselter Verbindung erlaubt",
                "Anmeldung nur mit verschluesselter Verbindung erlaubt"}) {
            assertEquals(Outcome.TlsRequired, outcome(530, text, "USER", null), text);
        }
        for (String text : new String[] {"Befehl nicht unterstützt", "Befehl nicht unterstuetzt"}) {
            assertEquals(Outcome.CommandNotImplemented, outcome(502, text, "SITE", null), text);
        }
        Normalizer n = classifier.catalog().normalizer();
        assertEquals("gruesse", n.respelled("de", "grüße"));
        assertNull(n.respelled("de", "abc"), "nothing to respell");
        assertNull(n.respelled("tr", "güven"), "only the languages normalization.json names");
    }

    @Test
    void pureFtpdsNoDataConnectionIsASequenceErrorOnlyFromPureFtpd() {
        Reply r = Reply.of(425, "No data connection");
        assertEquals(Outcome.DataConnectionFailed, classifier.classify(r, new ExchangeContext("LIST", null)).outcome());
        assertEquals(Outcome.BadCommandSequence,
                classifier.classify(r, new ExchangeContext("LIST", null, "pure-ftpd", 0, null)).outcome());
    }

    private Outcome outcome(int code, String text, String after, Boolean anonymous) {
        return classifier.classify(Reply.of(code, text), new ExchangeContext(after, anonymous)).outcome();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "200|Command okay.|Success",
        "299|Something new and fine|Success",
        "150|Opening data connection|InProgress",
        "120|Service ready in 5 minutes.|ServiceReadySoon",
        "350|Ready for RNTO|PendingFurtherInformation",
        "399|Custom intermediate|PendingFurtherInformation",
        "499|Custom transient failure|TransientFailure",
        "459|Custom file system trouble|TransientFailure",
        "599|Custom permanent failure|PermanentFailure",
        "509|Custom syntax trouble|SyntaxError",
        "500|Syntax error, command unrecognized.|SyntaxError",
        "502|Command not implemented.|CommandNotImplemented",
        "503|Bad sequence of commands.|BadCommandSequence",
        "535|Failed security check|NotLoggedIn",
        "559|Custom file trouble|FileUnavailable",
        "550|Requested action not taken.|FileUnavailable",
        "552|Exceeded storage allocation.|QuotaExceeded",
        "553|File name not allowed.|FileNameNotAllowed",
        "631|Base64 data|ProtectedReply"})
    void fallsBackToTheCodeClassAndSecondDigit(int code, String text, Outcome expected) {
        assertEquals(expected, outcome(code, text, null, null));
    }

    @Test
    void theCommandAnsweredChangesTheMeaningOf530() {
        assertEquals(Outcome.AnonymousDenied, outcome(530, "Login incorrect.", "PASS", true));
        assertEquals(Outcome.BadCredentialsOrUnknownUser, outcome(530, "Login incorrect.", "PASS", false));
        assertEquals(Outcome.BadCredentialsOrUnknownUser, outcome(530, "Not logged in.", "PASS", null));
        assertEquals(Outcome.AnonymousDenied, outcome(530, "Not logged in.", "USER", true));
        assertEquals(Outcome.NotLoggedIn, outcome(530, "Not logged in.", "CWD", false));
        assertEquals(Outcome.NotLoggedIn, outcome(530, "Not logged in.", null, null));
    }

    @Test
    void anAuthTheServerDoesNotImplementIsAServerWithoutTls() {
        // exact phrasings of other servers say CommandNotImplemented; in answer to AUTH the outcome is never concluded
        for (String text : new String[] {"Command not implemented.", "Command not supported", "Wrong command."}) {
            assertEquals(Outcome.TlsUnavailable, outcome(502, text, "AUTH", null), text);
            assertEquals(Outcome.CommandNotImplemented, outcome(502, text, "SITE", null), text);
        }
        assertEquals(Outcome.TlsUnavailable, outcome(550, "Action not taken", "AUTH", null));
        assertEquals(Outcome.TlsUnavailable, outcome(431, "Security is disabled.", "PROT", null));
        assertEquals(Outcome.SyntaxError, outcome(504, "AUTH requires at least one argument", "AUTH", null));
    }

    @Test
    void rulesAreTriedByLayerThenSpecificityThenFileOrder() {
        java.util.List<Rule> rules = new java.util.ArrayList<>(Catalog.builtIn().rules());
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 5; round++) {
            java.util.Collections.shuffle(rules, random);
            java.util.List<Rule> expected = new java.util.ArrayList<>(rules);
            expected.sort(java.util.Comparator.comparingInt(Rule::layer).thenComparingInt(Rule::specificity).reversed());
            assertEquals(expected, Classifier.byPrecedence(rules));
        }
    }

    /** The general layer on phrasings no rule file holds (written for this test, in several languages). */
    @Test
    void cueConceptsReadNewPhrasings() {
        assertEquals(Outcome.PermanentFailure, outcome(550, "Cannot create directory: File exists", "MKD", null));
        assertEquals(Outcome.PermanentFailure, outcome(553, "Die Datei existiert bereits", "STOR", null));
        assertEquals(Outcome.FileNotFound, outcome(550, "File does not exist", "RETR", null));
        assertEquals(Outcome.FileUnavailable, outcome(550, "Das Verzeichnis ist nicht leer", "RMD", null));
        assertEquals(Outcome.TlsHandshakeFailed, outcome(534, "SSL: cipher is too weak", "AUTH", null));
        assertEquals(Outcome.InsufficientStorage, outcome(552, "Le disque est plein", "STOR", null));
        assertEquals(Outcome.BadCommandSequence, outcome(530, "Bad login sequence", "PASS", null));
        assertEquals(Outcome.BadCommandSequence, outcome(425, "No PASV or EPSV issued", "RETR", null));
        assertEquals(Outcome.DataConnectionFailed, outcome(425, "PASV connection failed", "RETR", null));
        assertEquals(Outcome.SyntaxError, outcome(501, "Illegal PORT command.", "PORT", null));
        assertEquals(Outcome.DataConnectionFailed, outcome(501, "PORT refused: address does not match", "PORT", null));
        assertEquals(Outcome.SyntaxError, outcome(500, "XYZ: command not found", "XYZ", null));
        assertEquals(Outcome.TransientFailure, outcome(450, "No slave available", "PASV", null));
        assertEquals(Outcome.CommandNotImplemented, outcome(550, "Active mode not allowed here", "PORT", null));
        assertEquals(Outcome.TlsRequired, outcome(550, "Protection too low: send AUTH TLS", "CWD", null));
        assertEquals(Outcome.DataChannelProtectionRequired, outcome(522, "Protection too low: send AUTH TLS", "RETR", null));
        assertEquals(Outcome.CommandNotImplemented, outcome(421, "PASV is disabled", "PASV", null));
        assertEquals(Outcome.NotLoggedIn, outcome(503, "Befehl USER wurde erwartet", "LIST", null));
        assertEquals(Outcome.BadCommandSequence, outcome(503, "RNFR expected", "RNTO", null));
        assertEquals(Outcome.DataConnectionFailed, outcome(451, "Failed to listen on port 50000", "PASV", null));
        assertEquals(Outcome.ServerLocalError, outcome(451, "Failed to listen on port 50000", "SITE", null));
        assertEquals(Outcome.DataChannelProtectionRequired, outcome(504, "Server accepts only PROT P", "PROT", null));
        assertEquals(Outcome.ServerLocalError, outcome(421, "Local error, closing connection", "USER", null));
        assertEquals(Outcome.TlsUnavailable, outcome(504, "Unknown mechanism requested", "AUTH", null));
        assertEquals(Outcome.TlsHandshakeFailed, outcome(504, "SSL negotiation failed", "AUTH", null));
        assertEquals(Outcome.PermissionDenied, outcome(553, "No write permission here", "STOR", null));
        assertEquals(Outcome.PermissionDenied, outcome(550, "Bu dizine yazma yetkiniz yok", "STOR", null));
        assertEquals(Outcome.BadCredentialsOrUnknownUser, outcome(530, "Password refused, try again", "PASS", null));
        assertEquals(Outcome.UserNotAllowed, outcome(530, "Login refused", "PASS", null));
        assertEquals(Outcome.AccountDisabled, outcome(530, "Password refused: account locked", "PASS", null));
        assertEquals(Outcome.BadCommandSequence, outcome(503, "Befehl USER zweimal gesendet", "USER", null));
        assertEquals(Outcome.LikelyBanned,
                outcome(421, "Connections from this address are paused, try again later", "CONNECT", null));
        assertEquals(Outcome.PerIpSessionLimit,
                outcome(421, "Too many connections from this address, try again later", "CONNECT", null));
        assertEquals(Outcome.ServerLocalError,
                outcome(220, "Internal server error: database open failed", "CONNECT", null));
        assertEquals(Outcome.TransientFailure, outcome(450, "Too many simultaneous downloads, please wait", "RETR", null));
        assertEquals(Outcome.QuotaExceeded, outcome(552, "Exceeded storage allocation", "STOR", null));
        assertEquals(Outcome.NotLoggedIn, outcome(530, "Login failed: quota database unavailable", "PASS", null));
        assertEquals(Outcome.BadCredentialsOrUnknownUser, outcome(530, "Login failed: wrong password", "PASS", null));
        assertEquals(Outcome.TooManyUsers, outcome(530, "Login failed: server is full", "PASS", null));
        assertEquals(Outcome.TooManyUsers, outcome(421, "Login refused: server connection limit reached", "PASS", null));
        assertEquals(Outcome.IpNotAllowed, outcome(421, "Service denied.", "CONNECT", null));
        assertEquals(Outcome.IpNotAllowed, outcome(530, "Cannot log in from this computer.", "USER", null));
        assertEquals(Outcome.IdleTimeout, outcome(530, "Session timeout", "NOOP", null));
        assertEquals(Outcome.BadCredentialsOrUnknownUser, outcome(530, "User not found", "USER", null));
        assertEquals(Outcome.PermissionDenied, outcome(550, "Guest users are not allowed to delete files", "DELE", null));
        assertEquals(Outcome.DataConnectionFailed, outcome(451, "Connect error", "RETR", null));
        assertEquals(Outcome.TransferAborted, outcome(426, "Data receive error", "RETR", null));
        assertEquals(Outcome.TransferAborted, outcome(451, "Transfer failed.", "LIST", null));
        assertEquals(Outcome.DataConnectionFailed, outcome(500, "bind failed", "EPSV", null));
        assertEquals(Outcome.BadCommandSequence, outcome(550, "RNTO refused: RNFR was not sent", "RNTO", null));
        assertEquals(Outcome.SyntaxError, outcome(501, "Malformed REST argument", "REST", null));
        assertEquals(Outcome.CommandNotImplemented, outcome(550, "This server does not support MLSD", "MLSD", null));
        assertEquals(Outcome.FileUnavailable, outcome(451, "Unable to open report.pdf", "RETR", null));
        assertEquals(Outcome.FileUnavailable, outcome(451, "Could not rename a.txt", "RNTO", null));
        assertEquals(Outcome.ServerLocalError, outcome(451, "Failure writing to local file.", "STOR", null));
        assertEquals(Outcome.DataConnectionFailed, outcome(550, "PORT refused: address does not match", "PORT", null));
        assertEquals(Outcome.LikelyBanned,
                outcome(421, "3 failed logins: the server will ban this IP for 600 seconds", "CONNECT", null));
    }

    @Test
    void mostSpecificRuleWins() {
        Diagnosis d = classifier.classify(Reply.of(530, "Not logged in, unauthorized IP address."),
                new ExchangeContext("PASS", false));
        assertEquals(Outcome.IpNotAllowed, d.outcome());
        assertEquals("access.ip-not-allowed", d.ruleId());
        assertEquals(Confidence.CERTAIN, d.confidence());
        // a per-IP limit mentions the address too, but is not an allow-list refusal
        assertEquals(Outcome.PerIpSessionLimit,
                outcome(421, "There are too many connections from your internet address.", "CONNECT", null));
    }

    @Test
    void multiLineRepliesAreMatchedOnAllLines() {
        Reply r = Reply.of(421, "Sorry\nThe server is full:\ntoo many users, try later");
        assertEquals(3, r.lines().size());
        assertEquals("421-Sorry", r.lines().get(0));
        assertEquals("421 too many users, try later", r.lines().get(2));
        assertEquals(Outcome.TooManyUsers, classifier.classify(r).outcome());
    }

    @ParameterizedTest
    @EnumSource(TransportEvent.class)
    void everyTransportEventIsDiagnosedInBothLanguages(TransportEvent event) {
        Diagnosis d = classifier.classify(event, ExchangeContext.connecting(), "detail");
        assertNull(d.code());
        assertEquals(event, d.event());
        assertFalse(d.explanation(Locale.ENGLISH).isBlank());
        assertFalse(d.explanation(Locale.SIMPLIFIED_CHINESE).isBlank());
        // the server check's review of a greeting is an inspection: a greeting without a version is fine
        assertTrue(d.isFailure() || event == TransportEvent.GREETING_REVIEWED, event + " is a failure");
    }

    @Test
    void transportEventsMapToTheSeedOutcomes() {
        assertEquals(Outcome.ConnectionRefused,
                classifier.classify(TransportEvent.CONNECT_REFUSED, ExchangeContext.connecting(), null).outcome());
        assertEquals(Outcome.ConnectionTimedOut,
                classifier.classify(TransportEvent.CONNECT_TIMEOUT, ExchangeContext.connecting(), null).outcome());
        assertEquals(Outcome.HostNotFound,
                classifier.classify(TransportEvent.UNKNOWN_HOST, ExchangeContext.connecting(), null).outcome());
        assertEquals(Outcome.LikelyBanned,
                classifier.classify(TransportEvent.CLOSED_BEFORE_GREETING, ExchangeContext.connecting(), null).outcome());
        Diagnosis ssh = classifier.classify(TransportEvent.NOT_FTP_GREETING, ExchangeContext.connecting(),
                "SSH-2.0-OpenSSH_9.2p1");
        assertEquals(Outcome.NotFtpService, ssh.outcome());
        assertTrue(ssh.explanation(Locale.ENGLISH).contains("SFTP"));
    }

    @Test
    void summaryIsOneLineWithTheReply() {
        Diagnosis d = classifier.classify(Reply.of(421, "Too many users - please try again later."),
                ExchangeContext.after("USER"));
        assertEquals(Catalog.builtIn().definition(Outcome.TooManyUsers).explanation().en()
                + " Server replied to USER: \"421 Too many users - please try again later.\"", d.summary());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/quota-report.txt|/quota-report.txt: No such file or directory.|FileNotFound",
        "/pub/banned-books/x.iso|/pub/banned-books/x.iso: No such file or directory.|FileNotFound",
        "pub/banned-books/x.iso|/home/ftp/pub/banned-books/x.iso: No such file or directory.|FileNotFound",
        "shutdown-notes.txt|shutdown-notes.txt: Permission denied.|PermissionDenied",
        "too many users from same ip.txt|/home/too many users from same ip.txt: No such file or directory.|FileNotFound"})
    void wordsInTheFileNameAreNotTheServersWords(String argument, String text, Outcome expected) {
        Diagnosis d = classifier.classify(Reply.of(550, text), ExchangeContext.after("RETR").withArgument(argument));
        assertEquals(expected, d.outcome(), d::toString);
        assertEquals("550 " + text, d.reply().lines().get(0), "the reply itself is kept as sent");
    }

    @Test
    void argumentsAreMaskedOnlyAsWholeTokens() {
        ExchangeContext ctx = ExchangeContext.after("RETR").withArgument("x");
        assertEquals("\u2026: quota exceeded", ctx.maskArgument("x: quota exceeded"));
        assertEquals("max: \u2026", ctx.maskArgument("max: x"));
        assertEquals("no argument", ExchangeContext.after("NOOP").maskArgument("no argument"));
        // found by ClassifierPropertiesTest: an argument that trim() empties but isBlank() does not looped
        // forever, appending to the masked text until the heap was gone
        assertEquals("text", ExchangeContext.after("RETR").withArgument("\u0001").maskArgument("text"));
        assertEquals("", ExchangeContext.after("RETR").withArgument(" \u0000 ").maskArgument(""));
        assertEquals(Outcome.BadCredentialsOrUnknownUser, Classifier.standard().classify(Reply.of(530, "Login incorrect."),
                ExchangeContext.after("PASS").withArgument("\u0001")).outcome());
    }
}
