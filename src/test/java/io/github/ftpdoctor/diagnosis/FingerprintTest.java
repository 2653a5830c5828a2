package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Server families from real banners (../shared/reference/server-replies.tsv and the servers' sources). */
class FingerprintTest {
    private final Fingerprint fingerprint = Fingerprint.standard();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "(vsFTPd 3.0.3)|vsftpd|3.0.3",
        "ProFTPD Server (Debian) [::ffff:127.0.0.1]|proftpd|-",
        "ProFTPD 1.3.5e Server (ProFTPD Default Installation) [127.0.0.1]|proftpd|1.3.5e",
        "--------- Welcome to Pure-FTPd [privsep] [TLS] ----------|pure-ftpd|-",
        "FileZilla Server 0.9.60 beta|filezilla|0.9.60 beta",
        "FileZilla Server 1.8.1|filezilla|1.8.1",
        "Microsoft FTP Service|iis|-",
        "pyftpdlib 1.5.7 ready.|pyftpdlib|1.5.7",
        "Serv-U FTP Server v4.0 for WinSock ready...|serv-u|4.0",
        "Serv-U FTP Server v15.0 ready...|serv-u|15.0",
        "ftp.example.com FTP server (Version wu-2.6.2(1) Mon Dec 3 15:16:21 PST 2001) ready.|wu-ftpd|2.6.2(1)",
        "MY SITE NAME (glFTPd 2.00 Linux+TLS) ready.|glftpd|2.00",
        "SFTPGo_2.6.2|sftpgo|2.6.2",
        "Service ready for new user.|mina|-",
        "Welcome to my FTP|unknown|-"})
    void recognisesTheFamilyFromTheGreeting(String banner, String id, String version) {
        Server s = fingerprint.identify(Reply.of(220, banner), null);
        assertEquals(id, s.id());
        assertEquals(version, s.version());
    }

    @Test
    void multiLineBannersAndSyst() {
        Reply pure = Reply.of(220, "--------- Welcome to Pure-FTPd [privsep] [TLS] ----------\n"
                + "You are user number 1 of 50 allowed.\nLocal time is now 10:00. Server port: 21.");
        assertEquals("pure-ftpd", fingerprint.identify(pure, null).id());
        assertEquals("iis", fingerprint.identify(Reply.of(220, "Welcome"), "Windows_NT").id());
        assertEquals("mina", fingerprint.identify(Reply.of(220, "Hello"), "UNIX Type: Apache FtpServer").id());
        assertEquals("filezilla", fingerprint.identify(null, "UNIX emulated by FileZilla").id());
        assertFalse(fingerprint.identify(null, "UNIX Type: L8").isKnown());
    }

    @Test
    void serverLimitedRulesAndAlternatives() {
        Classifier c = Classifier.standard();
        Reply limit = Reply.of(421, "Maximum login limit has been reached.");
        Diagnosis mina = c.classify(limit, new ExchangeContext("USER", false, "mina"));
        assertEquals("mina.421-login", mina.ruleId());
        assertEquals(Confidence.POSSIBLE, mina.confidence());
        assertEquals(List.of(Outcome.PerIpSessionLimit, Outcome.PerUserSessionLimit), mina.alternatives());
        assertEquals("mina", mina.server());
        Diagnosis other = c.classify(limit, new ExchangeContext("USER", false, null));
        assertEquals("mina.421-login", other.ruleId(), "MINA's own words, whatever the greeting said");
        assertEquals(Outcome.TooManyUsers, other.outcome());
        assertEquals("unknown", other.server());

        Diagnosis generic = c.classify(Reply.of(530, "Login incorrect."), ExchangeContext.after("PASS"));
        assertEquals(Outcome.BadCredentialsOrUnknownUser, generic.outcome());
        assertTrue(generic.alternatives().contains(Outcome.LikelyBanned), generic.alternatives().toString());
        Diagnosis plain = c.classify(Reply.of(530, "Sorry, no ANONYMOUS access allowed."), ExchangeContext.after("USER"));
        assertFalse(plain.alternatives().contains(Outcome.AnonymousDenied));
        assertNull(c.classify(Reply.of(226, "Transfer complete.")).alternatives().isEmpty() ? null : "alternatives");
    }
}
