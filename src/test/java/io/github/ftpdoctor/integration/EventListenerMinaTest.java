package io.github.ftpdoctor.integration;

import static io.github.ftpdoctor.integration.MinaServer.HOST;
import static io.github.ftpdoctor.integration.MinaServer.USER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.testsupport.RecordingListener;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.error.BadCredentialsOrUnknownUserException;
import io.github.ftpdoctor.error.ConnectionRefusedException;
import io.github.ftpdoctor.error.FtpFileException;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The event listener against Apache MINA FtpServer in-process: order, pairing, masking and the adapters on it. */
@Timeout(60)
class EventListenerMinaTest {
    private final String password = "Ev3nt-Pw-" + UUID.randomUUID();
    @TempDir
    Path home;
    @TempDir
    Path local;
    private MinaServer server;
    private final List<RecordingListener> sessions = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = MinaServer.start(home, password);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FtpConfig recording() {
        return MinaServer.config().toBuilder().eventListenerFactory((host, port) -> {
            assertEquals(HOST, host);
            RecordingListener l = new RecordingListener();
            sessions.add(l);
            return l;
        }).build();
    }

    private void assertNoPassword(RecordingListener l) {
        for (String s : l.shown) {
            assertFalse(s.contains(password), "password in an event argument: " + s);
        }
    }

    @Test
    void aSessionReportsEveryStepInOrderWithPairedTimings() throws Exception {
        byte[] data = new byte[3 * 256 * 1024 + 17];
        new Random(7).nextBytes(data);
        Files.write(home.resolve("f.bin"), data);
        try (FtpClient ftp = FtpClient.connect(HOST, server.port(), recording())) {
            ftp.login(USER, password);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ftp.retrieve("f.bin", out);
            assertArrayEquals(data, out.toByteArray());
            assertThrows(FtpFileException.class, () -> ftp.cwd("no-such-dir"));
        }
        assertEquals(1, sessions.size(), "one listener per session");
        RecordingListener l = sessions.get(0);
        assertNoPassword(l);
        assertEquals(List.of("connectStart " + HOST, "connectEnd " + HOST, "commandStart CONNECT null",
                "replyReceived CONNECT 220", "commandEnd CONNECT 220 Success", "loginStart " + USER,
                "commandStart USER " + USER), l.events.subList(0, 7));
        assertTrue(l.events.contains("commandStart PASS ****"), l.events::toString);
        assertTrue(l.events.contains("loginEnd " + USER + " Success"), l.events::toString);
        List<String> transfer = l.only("transferStart", "dataConnectionStart", "dataConnectionOpened",
                "transferProgress", "dataConnectionClosed", "transferEnd");
        assertEquals(List.of("transferStart RETR f.bin 0 " + data.length, "dataConnectionStart RETR",
                "dataConnectionOpened RETR " + HOST), transfer.subList(0, 3));
        assertEquals(List.of("dataConnectionClosed RETR", "transferEnd RETR f.bin " + data.length),
                transfer.subList(transfer.size() - 2, transfer.size()));
        assertProgressBounded(transfer.subList(3, transfer.size() - 2), data.length);
        assertTrue(l.events.contains("commandEnd RETR 226 Success"), l.events::toString);
        assertTrue(l.events.contains("commandEnd CWD 550 FileNotFound"), l.events::toString);
        assertEquals("sessionEnd", l.events.get(l.events.size() - 1));
        assertEquals(1, l.only("sessionEnd").size());
        // every start has its end: the commands sent and the final replies diagnosed
        assertEquals(l.only("commandStart").size(), l.only("commandEnd", "commandFailed").size(), l.events::toString);
        assertTrue(l.durations.stream().noneMatch(Duration::isNegative));
    }

    /** Progress events: increasing, at least 256 KiB apart, so at most one per 256 KiB moved. */
    private static void assertProgressBounded(List<String> progress, long size) {
        long last = 0;
        for (String p : progress) {
            String[] f = p.split(" ");
            assertEquals("transferProgress", f[0], p);
            long bytes = Long.parseLong(f[3]);
            assertTrue(bytes - last >= 256 * 1024, "progress reported after " + (bytes - last) + " bytes: " + p);
            assertEquals(size, Long.parseLong(f[4]));
            last = bytes;
        }
        assertTrue(progress.size() >= 1 && progress.size() <= size / (256 * 1024), progress::toString);
    }

    @Test
    void aWrongPasswordIsALoginFailureWithItsDiagnosisAndNoPassword() throws Exception {
        String wrong = "Wr0ng-" + password;
        try (FtpClient ftp = FtpClient.connect(HOST, server.port(), recording())) {
            assertThrows(BadCredentialsOrUnknownUserException.class, () -> ftp.login(USER, wrong));
        }
        RecordingListener l = sessions.get(0);
        assertNoPassword(l);
        l.shown.forEach(s -> assertFalse(s.contains(wrong), s));
        assertEquals(List.of("loginStart " + USER, "commandStart USER " + USER, "commandStart PASS ****",
                "loginFailed " + USER + " BadCredentialsOrUnknownUser", "commandStart QUIT null", "sessionEnd"),
                l.only("loginStart", "commandStart", "loginEnd", "loginFailed", "sessionEnd").subList(1, 7));
        assertTrue(l.events.contains("commandEnd PASS 530 BadCredentialsOrUnknownUser"), l.events::toString);
    }

    @Test
    void aRefusedConnectionIsAConnectFailureThenTheSessionEnd() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        assertThrows(ConnectionRefusedException.class, () -> FtpClient.connect(HOST, port, recording()));
        assertEquals(List.of("connectStart " + HOST, "connectFailed " + HOST + " ConnectionRefused", "sessionEnd"),
                sessions.get(0).events);
    }

    @Test
    void theTransferListenerIsAnAdapterOnTheEvents() throws Exception {
        byte[] data = new byte[600 * 1024];
        Files.write(home.resolve("g.bin"), data);
        List<String> progress = new ArrayList<>();
        FtpConfig config = recording().toBuilder()
                .transferListener((path, bytes, total) -> progress.add(path + " " + bytes + "/" + total)).build();
        try (FtpClient ftp = FtpClient.connect(HOST, server.port(), config)) {
            ftp.login(USER, password);
            ftp.download("g.bin", local.resolve("g.bin"));
            ftp.list(null); // listings are not reported to a TransferListener
        }
        assertEquals("g.bin 614400/614400", progress.get(progress.size() - 1), "the final count, once more");
        assertProgressBounded(progress.subList(0, progress.size() - 1).stream()
                .map(p -> "transferProgress RETR g.bin " + p.split(" ")[1].replace("/", " ")).toList(), 614400);
        assertTrue(sessions.get(0).events.contains("transferStart MLSD null 0 -1")
                || sessions.get(0).events.contains("transferStart LIST null 0 -1"), sessions.get(0).events::toString);
    }

    @Test
    void factoriesCombinedEachGetEveryEventInOrder() throws Exception {
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        List<String> order = new ArrayList<>();
        EventListener.Factory both = EventListener.Factory.all(List.of(
                (h, p) -> new EventListener() {
                    @Override
                    public void sessionEnd(Duration d) {
                        order.add("first");
                    }
                },
                EventListener.Factory.of(first), EventListener.Factory.NONE, EventListener.Factory.of(second),
                (h, p) -> new EventListener() {
                    @Override
                    public void sessionEnd(Duration d) {
                        order.add("last");
                    }
                }));
        try (FtpClient ftp = FtpClient.connect(HOST, server.port(), MinaServer.config().toBuilder()
                .eventListenerFactory(both).build())) {
            ftp.login(USER, password);
        }
        assertEquals(first.events, second.events);
        assertTrue(first.events.contains("loginEnd " + USER + " Success"), first.events::toString);
        assertEquals(List.of("first", "last"), order);
    }

    @Test
    void aListenerThatThrowsBreaksNothing() throws Exception {
        Files.write(home.resolve("h.bin"), new byte[1024 * 1024]);
        EventListener broken = new EventListener() {
            @Override
            public void commandEnd(String verb, io.github.ftpdoctor.diagnosis.Reply reply,
                                   io.github.ftpdoctor.diagnosis.Diagnosis diagnosis, Duration duration) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void transferProgress(String verb, String path, long bytes, long total) {
                throw new IllegalStateException("listener bug");
            }
        };
        FtpConfig config = MinaServer.config().toBuilder().eventListenerFactory(EventListener.Factory.of(broken))
                .build();
        try (FtpClient ftp = FtpClient.connect(HOST, server.port(), config)) {
            ftp.login(USER, password);
            assertEquals(1024 * 1024, ftp.download("h.bin", local.resolve("h.bin")));
        }
    }
}
