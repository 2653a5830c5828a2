package io.github.ftpdoctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.protocol.HostHistory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockftpserver.core.command.CommandNames;
import org.mockftpserver.core.command.ConnectCommandHandler;
import org.mockftpserver.core.command.StaticReplyCommandHandler;
import org.mockftpserver.stub.StubFtpServer;

/**
 * Every real login-phase phrasing of the tables (greeting, USER, PASS) replayed over the wire by MockFtpServer's
 * StubFtpServer: the client, not just the classifier, must reach the expected outcome.
 */
// MockFtpServer's StubFtpServer writes replies in the JVM's default charset: run by the utf8-jvm surefire execution (pom.xml)
@Tag("utf8-jvm")
class ReplayedPhrasingsTest {
    private static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofSeconds(5)).negotiateUtf8(false).build();
    /** A banner of each family, so that family-limited rules apply; a neutral one otherwise. */
    private static final Map<String, String> BANNERS = Map.of(
            "vsftpd", "(vsFTPd 3.0.3)", "mina", "Service ready for new user.", "sftpgo", "SFTPGo_2.6.2",
            "serv-u", "Serv-U FTP Server v6.2 for WinSock ready...", "filezilla", "FileZilla Server 1.8.1",
            "", "FTP server ready");

    @BeforeEach
    void forgetHostHistory() {
        HostHistory.clear();
    }

    static Stream<Arguments> loginPhrasings() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String table : List.of("/real-phrasings.tsv", "/real-phrasings-servers.tsv")) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                    ReplayedPhrasingsTest.class.getResourceAsStream(table)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] f = line.split("\t");
                    if (line.startsWith("#") || f.length < 5 || !List.of("CONNECT", "USER", "PASS").contains(f[1])) {
                        continue;
                    }
                    String server = f.length > 6 ? f[6].trim() : "";
                    if (!BANNERS.containsKey(server)) {
                        continue;
                    }
                    rows.add(Arguments.of(f.length > 5 ? f[5] : "", Integer.parseInt(f[0]), f[1], f[2],
                            Outcome.valueOf(f[3]), f[4], server));
                }
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}: {1} {5} after {2}")
    @MethodSource("loginPhrasings")
    void replayedOverTheWire(String source, int code, String after, String user, Outcome expected, String text,
                             String server) {
        StubFtpServer stub = new StubFtpServer();
        stub.setServerControlPort(0);
        ConnectCommandHandler connect = new ConnectCommandHandler();
        if (after.equals("CONNECT")) {
            connect.setReplyCode(code);
            connect.setReplyText(text);
        } else {
            connect.setReplyText(BANNERS.get(server));
        }
        stub.setCommandHandler(CommandNames.CONNECT, connect);
        if (after.equals("USER")) {
            stub.setCommandHandler(CommandNames.USER, new StaticReplyCommandHandler(code, text));
        } else {
            stub.setCommandHandler(CommandNames.USER, new StaticReplyCommandHandler(331, "Password required"));
            stub.setCommandHandler(CommandNames.PASS, new StaticReplyCommandHandler(code, text));
        }
        stub.start();
        try {
            String name = user.equals("-") ? "bob" : user;
            FtpException e = assertThrows(FtpException.class, () -> {
                try (FtpClient ftp = FtpClient.connect("127.0.0.1", stub.getServerControlPort(), CONFIG)) {
                    ftp.login(name, "secret");
                }
            });
            if (after.equals("CONNECT") && !server.isEmpty()) {
                // the reply replaces the banner, so the family is unknown on the wire: the expected reading must
                // still be offered, as the outcome or an alternative
                assertEquals(true, e.diagnosis().outcome() == expected || e.diagnosis().alternatives().contains(expected),
                        () -> source + ": " + e.diagnosis() + " alternatives " + e.diagnosis().alternatives());
            } else {
                assertEquals(expected, e.diagnosis().outcome(), () -> source + ": " + e.diagnosis());
            }
            assertEquals(after, e.diagnosis().command());
        } finally {
            stub.stop();
        }
    }
}
