package io.github.ftpdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link FtpUrl} on URLs as people type them, and the errors for those it cannot read. */
class FtpUrlTest {

    private static FtpUrl url(String user, String password, String host, int port, String path, String scheme) {
        return new FtpUrl(user, password, host, port, path, scheme);
    }

    @Test
    void anEmailAddressAsAnonymousPasswordNeedsNoEncoding() {
        assertEquals(url("anonymous", "guest@example.com", "host", 21, "", "ftp"),
                FtpUrl.parse("ftp://anonymous:guest@example.com@host/"));
        assertEquals(url("me@example.com", null, "host", 2121, "pub", "ftp"),
                FtpUrl.parse("ftp://me@example.com@host:2121/pub"));
    }

    @Test
    void theFirstColonEndsTheUserAndTheLastAtEndsTheUserInformation() {
        assertEquals(url("bob", "a:b@c:d", "10.0.0.1", 21, "", "ftp"), FtpUrl.parse("ftp://bob:a:b@c:d@10.0.0.1"));
        assertEquals(url("bob", "", "h", 21, "", "ftp"), FtpUrl.parse("ftp://bob:@h"));
    }

    @Test
    void percentEscapesAreUtf8AndALoneOrBrokenPercentStaysAsItIs() {
        FtpUrl u = FtpUrl.parse("ftp://%E5%BC%A0%E4%B8%89:p%2Fw%3f%23x@h/%E6%95%B0%E6%8D%AE/a%20b+c");
        assertEquals("张三", u.user());
        assertEquals("p/w?#x", u.password());
        assertEquals("数据/a b+c", u.path());
        assertEquals("100%", FtpUrl.parse("ftp://u:100%@h/").password());
        assertEquals("50%off", FtpUrl.parse("ftp://u:50%off@h/").password());
        assertEquals("a%zz", FtpUrl.parse("ftp://u:a%zz@h/").password());
        assertEquals("密码 x", FtpUrl.parse("ftp://u:密码 x@h/").password(), "typed as it is");
    }

    @Test
    void hostsPortsAndSchemes() {
        assertEquals(url(null, null, "::1", 21, "x", "ftp"), FtpUrl.parse("ftp://[::1]/x"));
        assertEquals(url(null, null, "fe80::1%eth0", 2121, "", "ftpes"), FtpUrl.parse("FTPES://[fe80::1%25eth0]:2121/"));
        assertEquals("fe80::1%eth0", FtpUrl.parse("ftp://[fe80::1%eth0]/").host(), "as typed, without %25");
        assertEquals(990, FtpUrl.parse("ftps://h").port());
        assertEquals(21, FtpUrl.parse("ftp://h:/").port(), "an empty port is the default one");
        assertEquals(65535, FtpUrl.parse("ftp://h:65535").port());
        assertEquals(1, FtpUrl.parse("ftp://h:00001").port());
        assertEquals("h", FtpUrl.parse("  ftp://h/  \n").host(), "blanks around a pasted URL");
        assertNull(FtpUrl.parse("ftp://h").user());
        assertEquals(TlsMode.EXPLICIT, FtpUrl.parse("ftpes://h/").tlsMode());
        assertEquals(TlsMode.IMPLICIT, FtpUrl.parse("ftps://h/").tlsMode());
        assertEquals(TlsMode.NONE, FtpUrl.parse("ftp://h/").tlsMode());
    }

    @Test
    void toStringMasksThePasswordAndKeepsTheRestReadable() {
        assertEquals("ftp://anonymous:****@host:21/", FtpUrl.parse("ftp://anonymous:guest@example.com@host/").toString());
        assertEquals("ftp://me%40example.com@host:21/pub", FtpUrl.parse("ftp://me@example.com@host/pub").toString());
        assertEquals("ftpes://a%3Ab:****@[fe80::1%25eth0]:21/x y",
                FtpUrl.parse("ftpes://a%3ab:s3cret@[fe80::1%25eth0]/x%20y").toString());
        assertEquals("ftp://h:21/", FtpUrl.parse("ftp://h").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://user:pa/ss@host/            | the port is not a number from 1 to 65535; if the URL has a user name or password that contains '/', '?' or '#', write them as %2F, %3F and %23",
        "ftp://user:pa?ss@host/            | write them as %2F, %3F and %23",
        "ftp://user:pa#ss@host/            | write them as %2F, %3F and %23",
        "ftp://h:99999/                    | the port '99999' is not a number from 1 to 65535",
        "ftp://h:ftp/                      | the port 'ftp' is not a number from 1 to 65535",
        "ftp://h/a?b                       | the path contains '?': write it as %3F (FTP URLs have no query or fragment)",
        "ftp://h/a#b                       | the path contains '#': write it as %23",
        "ftp://::1/                        | an IPv6 address in a URL must be in brackets: ftp://[::1]:21/",
        "ftp://[::1/                       | the IPv6 address has no closing ']'",
        "ftp://[::1]x/                     | unexpected text after the IPv6 address ']'",
        "ftp://[fe80::1%/                  | no closing ']'",
        "ftp://[fe80::1%]/                 | the IPv6 zone after '%' must be an interface name or number, written as %25",
        "ftp://[host.example]/             | '[host.example]' is not an IPv6 address",
        "http://h/                         | the URL must start with ftp://, ftpes:// (explicit FTPS) or ftps:// (implicit FTPS), not 'http://'",
        "h/file                            | the URL must start with ftp://",
        "ftp:///file                       | the URL has no host",
        "ftp://u:p@/file                   | the URL has no host",
        "ftp://my host/                    | the host contains ' '",
        "ftp://:pw@h/                      | the user name before ':' is empty",
        "ftp://u:%FF@h/                    | the password has percent-escapes that are not UTF-8: write each character as the %XX escapes of its UTF-8 bytes",
        "ftp://%FF@h/                      | the user name has percent-escapes that are not UTF-8 (%FF)",
        "ftp://h/%C3                       | the path has percent-escapes that are not UTF-8 (%C3)",
    })
    void errorsNameThePartAndHowToWriteIt(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse(text));
        assertTrue(e.getMessage().contains(expected), e::getMessage);
        assertFalse(e.getMessage().contains("pa/ss") || e.getMessage().contains("'pa'"), e::getMessage);
    }

    @Test
    void controlCharactersAndNullAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FtpUrl.parse("ftp://u:se\ncret@h/"));
        assertTrue(e.getMessage().contains("U+000A"), e::getMessage);
        assertFalse(e.getMessage().contains("cret"), e::getMessage);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FtpUrl.parse(null)).getMessage()
                .contains("ftp://[user[:password]@]host[:port]/path"));
    }
}
