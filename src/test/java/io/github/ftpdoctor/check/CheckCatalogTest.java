package io.github.ftpdoctor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The check's catalog data: its events name the right outcomes, per-server notes, and its own sentences. */
class CheckCatalogTest {
    private static final Classifier C = Classifier.standard();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private static Diagnosis event(TransportEvent e, String verb, String server) {
        return C.classify(e, new ExchangeContext(verb, false, server), "detail", null);
    }

    @ParameterizedTest
    @CsvSource({
        "GREETING_REVIEWED, CONNECT, BannerRevealsVersion",
        "TLS_OFFERED_NOT_USED, FEAT, TlsNotUsed",
        "TLS_CERTIFICATE_EXPIRING, AUTH, CertificateExpiringSoon",
        "PASSIVE_ADDRESS_MISMATCH, PASV, PassiveAddressUnroutable",
        "PASSIVE_CONNECT_TIMEOUT, EPSV, PassivePortsBlocked",
        "PASSIVE_CONNECT_REFUSED, EPSV, PassivePortRefused",
        "TLS_SESSION_REUSE_NOT_ENFORCED, LIST, TlsSessionReuseNotEnforced",
        "LISTING_UNPARSED, MLSD, ListingUnparsable",
        "CLOCK_SKEW, MDTM, ClockSkew",
        "WRITE_REFUSED, STOR, ReadOnlyAccount",
        "CONTENT_MISMATCH, RETR, ContentMismatch"})
    void everyFindingOfTheCheckIsNamedByTheCatalog(TransportEvent e, String verb, Outcome expected) {
        Diagnosis d = e == TransportEvent.GREETING_REVIEWED
                ? C.classify(e, ExchangeContext.connecting(), null, Reply.of(220, "FooFTP 2.4.1 ready"))
                : event(e, verb, null);
        assertEquals(expected, d.outcome(), d::toString);
        assertTrue(C.catalog().definition(expected).occursIn(d.phase()), "outcome allowed in the phase of " + verb);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(vsFTPd 3.0.3)|vsftpd|BannerRevealsVersion|ftpd_banner",
        "ProFTPD 1.3.5 Server (Debian) [::ffff:10.0.0.1]|proftpd|BannerRevealsVersion|ServerIdent",
        "ProFTPD Server (Debian) [127.0.0.1]|proftpd|Success|",
        "FTP server ready [192.168.10.20]|unknown|Success|",
        "Microsoft FTP Service|iis|Success|",
        "Serv-U FTP Server v6.4 for WinSock ready...|serv-u|BannerRevealsVersion|",
        "Serv-U FTP Server version 15.1.6.25 ready|serv-u|BannerRevealsVersion|",
        "FileZilla Server 1.7.0|filezilla|BannerRevealsVersion|",
        "---------- Welcome to Pure-FTPd [privsep] [TLS] ----------|pure-ftpd|Success|",
        "Service ready for new user.|mina|Success|",
        "pyftpdlib 1.5.7 ready.|pyftpdlib|BannerRevealsVersion|"})
    void aBannerRevealsAVersionOnlyWhenItHasOne(String banner, String server, Outcome expected, String note) {
        Diagnosis d = C.classify(TransportEvent.GREETING_REVIEWED, ExchangeContext.connecting().withServer(server),
                null, Reply.of(220, banner));
        assertEquals(expected, d.outcome(), banner);
        if (note != null) {
            assertTrue(d.explanation().en().contains(note), d.explanation().en());
            assertTrue(d.explanation().zh().contains(note), d.explanation().zh());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vsftpd|pasv_address|pasv_min_port",
        "proftpd|MasqueradeAddress|PassivePorts",
        "pure-ftpd|ForcePassiveIP|PassivePortRange",
        "filezilla|Use the following host|Use custom port range",
        "iis|External IP Address of Firewall|Data Channel Port Range",
        "mina|external-address|ports"})
    void theNatdAddressAndBlockedPortsAdviceNameEachServersOwnSettings(String server, String address, String range) {
        Diagnosis nat = event(TransportEvent.PASSIVE_ADDRESS_MISMATCH, "PASV", server);
        assertEquals(Outcome.PassiveAddressUnroutable, nat.outcome());
        assertEquals("check.pasv-address." + server, nat.ruleId());
        assertTrue(nat.explanation().en().contains(address), nat.explanation().en());
        assertTrue(nat.explanation().zh().contains(address), nat.explanation().zh());
        Diagnosis blocked = event(TransportEvent.PASSIVE_CONNECT_TIMEOUT, "EPSV", server);
        assertEquals(Outcome.PassivePortsBlocked, blocked.outcome());
        assertTrue(blocked.explanation().en().contains(range), blocked.explanation().en());
        assertTrue(blocked.explanation().zh().contains(range), blocked.explanation().zh());
        // another family, or none, gets the general advice only
        assertEquals("check.pasv-address", event(TransportEvent.PASSIVE_ADDRESS_MISMATCH, "PASV", "glftpd").ruleId());
        assertEquals("check.pasv-address", event(TransportEvent.PASSIVE_ADDRESS_MISMATCH, "PASV", null).ruleId());
    }

    @Test
    void vsftpdsReadOnlyNoteNeedsItsOwnWords() {
        ExchangeContext stor = new ExchangeContext("STOR", false, "vsftpd");
        Diagnosis own = C.classify(TransportEvent.WRITE_REFUSED, stor, null, Reply.of(550, "Permission denied."));
        assertEquals("check.read-only.vsftpd", own.ruleId());
        Diagnosis other = C.classify(TransportEvent.WRITE_REFUSED, stor, null, Reply.of(550, "Failed to open file."));
        assertEquals(Outcome.ReadOnlyAccount, other.outcome());
        assertEquals("check.read-only", other.ruleId());
        assertFalse(other.explanation().en().contains("write_enable"));
    }

    @Test
    void theChecksOwnSentencesExistInBothLanguagesWithTheSamePlaceholders() {
        StepTexts texts = StepTexts.builtIn();
        for (String key : texts.keys()) {
            var t = texts.get(key, "host", "h", "addresses", "a", "address", "a", "port", "1", "code", "220",
                    "server", "s", "protocol", "p", "cipher", "c", "subject", "s", "days", "1", "user", "u",
                    "system", "s", "present", "p", "missing", "m", "path", "/", "bytes", "1", "verb", "LIST",
                    "count", "1", "name", "n", "offset", "1", "dependency", "d", "ports", "1", "range", "1");
            assertFalse(t.en().isBlank(), key);
            assertTrue(t.zh().codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), key + " in Chinese");
        }
    }

    @Test
    void everyKeyTheCodeUsesIsDefined() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"((?:resolve|connect|greeting|tls|login|features|pwd|passive|data|listing"
                + "|active|upload|download|resume|rename|delete|quit|skipped|advice)\\.[a-zA-Z0-9]+)\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/github/ftpdoctor/check"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() > 30, used::toString);
        Set<String> missing = new HashSet<>(used);
        missing.removeAll(StepTexts.builtIn().keys());
        assertTrue(missing.isEmpty(), "not in check-steps.json: " + missing);
    }

    @Test
    void placeholdersAreTheSameInBothLanguages() throws IOException {
        String json = Files.readString(Path.of("reply-catalog/check-steps.json"));
        String string = "\"((?:[^\"\\\\]|\\\\.)*)\"";
        Matcher entry = Pattern.compile("\"([a-zA-Z0-9.]+)\": \\{\"en\": " + string + ", \"zh\": " + string + "\\}")
                .matcher(json);
        int n = 0;
        while (entry.find()) {
            n++;
            assertEquals(placeholders(entry.group(2)), placeholders(entry.group(3)), entry.group(1));
        }
        assertEquals(StepTexts.builtIn().keys().size(), n, "every entry read");
    }

    private static Set<String> placeholders(String s) {
        Set<String> p = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            p.add(m.group(1));
        }
        return p;
    }
}
