package io.github.ftpdoctor.internal.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.internal.logs.LogLine.Happening;
import io.github.ftpdoctor.internal.logs.LogLine.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LineReader}: what each format's lines are, and that a password is never kept from any of them. */
class LineReaderTest {

    private static LogLine read(String line) {
        return new LineReader().read(line);
    }

    @Test
    void aPasswordIsNeverKeptWhateverTheFormat() {
        for (String line : List.of("PASS secret", "pass secret", "> PASS secret", "Command:\tPASS secret",
                "C: PASS secret", "---> PASS secret", "Cmd: PASS secret", "*cmd* 'PASS secret'", "*put* 'PASS secret\\r\\n'",
                "> 2012-07-17 22:00:37.865 PASS secret", "COMMAND:> PASS secret", "ACCT secret", "user bob secret",
                "ftp> user bob secret", "ftp> secret", "Password: secret", "I/flutter (1): [12:42:48.662] > PASS secret",
                "命令:\tPASS secret", "Befehl:\tPASS secret", "Commande\u00a0: PASS secret", "指令：PASS secret")) {
            LogLine l = read(line);
            assertFalse(String.valueOf(l.argument()).contains("secret"), line);
            assertFalse(String.valueOf(l.text()).contains("secret"), line);
            assertFalse(l.toString().contains("secret"), line);
        }
        assertEquals("bob", read("user bob secret").argument());
        assertEquals("bob", read("ftp> user bob secret").argument());
        assertNull(read("USER *******").argument(), "a masked login name says nothing");
    }

    @Test
    void eachFormatsCommandsAndReplies() {
        assertLine(read("---> USER ftplogs"), Kind.COMMAND, Format.BSD_FTP, "USER", 0);
        assertLine(read("<--- 530 Login incorrect."), Kind.REPLY, Format.LFTP, null, 530);
        assertLine(read("Cmd: RETR a.txt"), Kind.COMMAND, Format.NCFTP, "RETR", 0);
        assertEquals("a.txt", read("Cmd: RETR a.txt").argument());
        assertLine(read("550: Failed to open file."), Kind.REPLY, Format.NCFTP, null, 550);
        assertEquals("550 Failed to open file.", read("550: Failed to open file.").text());
        assertLine(read("*resp* '211-Features:\\n EPSV\\n211 End'"), Kind.REPLY_BLOCK, Format.PYTHON, null, 211);
        assertEquals("211-Features:\n EPSV\n211 End", read("*resp* '211-Features:\\n EPSV\\n211 End'").text());
        assertLine(read("*get* '220 ok\\n'"), Kind.OTHER, Format.PYTHON, null, 0);
        assertLine(read("< 2012-07-17 22:00:37.806 220 Welcome"), Kind.REPLY, Format.WINSCP, null, 220);
        assertLine(read("Response:\t530 Login incorrect."), Kind.REPLY, Format.FILEZILLA, null, 530);
        assertLine(read("2026-01-02 03:04:05 1234 1 Response: 530 x"), Kind.REPLY, Format.FILEZILLA, null, 530);
        assertLine(read("> Status:\tConnecting to 1.2.3.4:21..."), Kind.CONNECTING, Format.FILEZILLA, null, 0);
        assertLine(read("Name (127.0.0.1:root): ftplogs"), Kind.COMMAND, Format.BSD_FTP, "USER", 0);
        assertLine(read("ftp> get a.txt /tmp/a"), Kind.COMMAND, Format.BSD_FTP, "RETR", 0);
        assertEquals("a.txt", read("ftp> get a.txt /tmp/a").argument());
        assertLine(read("I/flutter (13572): [26.03.2020 12:42:48.553] < 220 Microsoft FTP Service"), Kind.REPLY,
                Format.EMBEDDED, null, 220);
    }

    @Test
    void clientMessagesAndWhatTheySayAboutTheConnection() {
        LogLine python = read("TimeoutError: timed out");
        assertLine(python, Kind.EVENT, Format.PYTHON, null, 0);
        assertEquals(Happening.TIMED_OUT, python.happening());
        assertEquals(Happening.TIMED_OUT, read("socket.timeout: timed out").happening());
        assertEquals(Happening.CLOSED, read("EOFError").happening());
        LogLine perm = read("ftplib.error_perm: 530 Login incorrect.");
        assertLine(perm, Kind.RESTATED, Format.PYTHON, null, 530);
        assertEquals("530 Login incorrect.", perm.text());
        LogLine java = read("Caused by: java.net.SocketTimeoutException: Read timed out");
        assertLine(java, Kind.EVENT, Format.JAVA, null, 0);
        assertEquals(Boolean.TRUE, java.connected(), "a read timed out: the connection was made");
        assertEquals(Boolean.FALSE, read("java.net.SocketTimeoutException: Connect timed out").connected());
        assertLine(read("\tat org.apache.commons.net.ftp.FTP.getReply(FTP.java:625)"), Kind.CODE, Format.JAVA, null, 0);
        LogLine bsd = read("421 Service not available, remote server has closed connection.");
        assertLine(bsd, Kind.EVENT, Format.BSD_FTP, null, 0);
        assertEquals(Happening.CLOSED, bsd.happening());
        LogLine lftp = read("ls: Fatal error: max-retries exceeded (421 There are too many connections.)");
        assertEquals(421, lftp.code());
        assertLine(read("**** Socket error (Connection refused) - reconnecting"), Kind.EVENT, Format.LFTP, null, 0);
        assertLine(read("curl: (7) Failed to connect to 127.0.0.1 port 21 after 0 ms: Connection refused"), Kind.EVENT,
                Format.CURL, null, 0);
        assertEquals(0, read("* response reading failed (errno: 115)").code(), "an errno is no reply code");
    }

    @Test
    void codeFramesAndOptionEchoesAreNeverEvidence() {
        LineReader r = new LineReader();
        assertEquals(Kind.CODE, r.read("Traceback (most recent call last):").kind());
        assertEquals(Kind.CODE, r.read("  File \"x.py\", line 13, in <module>").kind());
        assertEquals(Kind.CODE, r.read("    f.connect(host, port, timeout=10)").kind());
        assertEquals(Kind.CODE, r.read("    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^").kind());
        assertEquals(Kind.EVENT, r.read("TimeoutError: timed out").kind());
        for (String code : List.of("f.connect(host, port, timeout=10)", "ftp.setConnectTimeout(4000);",
                "self.sock = socket.create_connection((self.host, self.port), self.timeout,", "set net:timeout 4",
                "client.connect(\"ftp.example.com\", 21)  // connection refused here")) {
            assertTrue(read(code).kind() == Kind.CODE || read(code).kind() == Kind.OTHER, () -> code + ": " + read(code));
        }
        for (String echo : List.of(". 2012-07-17 22:00:37.671 Ping type: C, Ping interval: 30 sec; Timeout: 15 sec",
                "Setting --timeout (timeout) to 4", "*  SSL certificate verify result: self-signed certificate (18), continuing anyway.",
                "WARNING: Certificate verification: The certificate is NOT trusted.")) {
            assertNull(read(echo).happening(), echo);
            assertFalse(read(echo).kind() == Kind.EVENT, echo);
        }
        assertEquals(Kind.CONNECTING, read("---- Connecting to 127.0.0.1 (127.0.0.1) port 21").kind());
        assertEquals(Kind.CONNECTED, read("* Connected to 127.0.0.1 (127.0.0.1) port 21 (#0)").kind());
    }

    /** FileZilla's prefixes in the languages it ships, read from its own catalogs. */
    @Test
    void translatedFileZillaPrefixes() {
        assertLine(read("命令:\tUSER test"), Kind.COMMAND, Format.FILEZILLA, "USER", 0);
        assertLine(read("响应:\t530 Not logged in, unauthorized IP address."), Kind.REPLY, Format.FILEZILLA, null, 530);
        assertLine(read("回應:\t421 Too many users"), Kind.REPLY, Format.FILEZILLA, null, 421);
        assertLine(read("Antwort:\t550 Datei nicht gefunden"), Kind.REPLY, Format.FILEZILLA, null, 550);
        assertLine(read("Réponse\u00a0:\t331 Password required"), Kind.REPLY, Format.FILEZILLA, null, 331);
        assertLine(read("Ответ:\t230 Login successful."), Kind.REPLY, Format.FILEZILLA, null, 230);
        assertLine(read("2026-12-07 13:00:00 1234 1 Respuesta: 226 Transfer complete."), Kind.REPLY, Format.FILEZILLA,
                null, 226);
        // a reply code after an unknown word and a colon stays what it was: no prefix
        assertEquals(Format.PLAIN, read("Zzyzx: 530 Login incorrect.").format());
    }

    private static void assertLine(LogLine l, Kind kind, Format format, String verb, int code) {
        assertEquals(kind, l.kind(), l::toString);
        assertEquals(format, l.format(), l::toString);
        assertEquals(verb, l.verb(), l::toString);
        assertEquals(code, l.code(), l::toString);
    }
}
