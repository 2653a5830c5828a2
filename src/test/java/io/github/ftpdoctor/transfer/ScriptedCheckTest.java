package io.github.ftpdoctor.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.check.CheckReport;
import io.github.ftpdoctor.check.CheckStep;
import io.github.ftpdoctor.check.ServerCheck;
import io.github.ftpdoctor.check.Step;
import io.github.ftpdoctor.check.StepStatus;
import io.github.ftpdoctor.check.Verdict;
import io.github.ftpdoctor.cli.demo.SilentHost;
import io.github.ftpdoctor.diagnosis.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each step of the server check against a scripted loopback server, for the edge cases real servers are hard to
 * provoke into: firewalled and closed passive ports, a private 227 address, a dripping listing, a clock off by hours,
 * a server that ignores REST or garbles a download, refused deletes, a connection lost mid-way.
 */
@Timeout(120)
class ScriptedCheckTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final DateTimeFormatter MDTM =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** A scripted server with a small in-memory file system for STOR, RETR (REST), SIZE, MDTM, RNFR/RNTO, DELE. */
    private static final class Fs {
        final Map<String, byte[]> files = new ConcurrentHashMap<>();
        volatile long rest;
        volatile String renameFrom;
        volatile Duration clockOffset = Duration.ZERO;

        ScriptedFtpServer server(Consumer<ScriptedFtpServer> tweaks) throws IOException {
            ScriptedFtpServer s = new ScriptedFtpServer(StandardCharsets.UTF_8);
            s.on("SYST", (c, a) -> c.reply("215 UNIX Type: L8"));
            s.on("FEAT", (c, a) -> c.reply("211-Features:\r\n EPSV\r\n SIZE\r\n MDTM\r\n REST STREAM\r\n211 End"));
            s.on("LIST", (c, a) -> {
                c.reply("150 Here comes the listing.");
                c.sendData("-rw-r--r--    1 1000     1000          12 Jan 01  2020 a.txt\r\n"
                        .getBytes(StandardCharsets.UTF_8));
                c.reply("226 Done.");
            });
            s.on("STOR", (c, a) -> {
                c.reply("150 Ok to send data.");
                files.put(a, c.receiveData());
                c.reply("226 Transfer complete.");
            });
            s.on("REST", (c, a) -> {
                rest = Long.parseLong(a);
                c.reply("350 Restart position accepted (" + a + ").");
            });
            s.on("RETR", (c, a) -> {
                byte[] f = files.get(a);
                if (f == null) {
                    c.reply("550 Failed to open file.");
                    return;
                }
                c.reply("150 Opening BINARY mode data connection.");
                c.sendData(Arrays.copyOfRange(f, (int) rest, f.length));
                rest = 0;
                c.reply("226 Transfer complete.");
            });
            s.on("SIZE", (c, a) -> c.reply(files.containsKey(a) ? "213 " + files.get(a).length : "550 No such file."));
            s.on("MDTM", (c, a) -> c.reply(files.containsKey(a)
                    ? "213 " + MDTM.format(ZonedDateTime.now(ZoneOffset.UTC).plus(clockOffset)) : "550 No such file."));
            s.on("RNFR", (c, a) -> {
                renameFrom = a;
                c.reply("350 Ready for RNTO.");
            });
            s.on("RNTO", (c, a) -> {
                files.put(a, files.remove(renameFrom));
                c.reply("250 Rename successful.");
            });
            s.on("DELE", (c, a) -> c.reply(files.remove(a) != null ? "250 Delete operation successful."
                    : "550 Delete operation failed."));
            tweaks.accept(s);
            return s.start();
        }
    }

    private static CheckReport check(ScriptedFtpServer s, boolean write) {
        return ServerCheck.builder(s.host(), s.port()).credentials("bob", "scripted-secret").timeout(TIMEOUT)
                .write(write).build().run();
    }

    private static CheckStep step(CheckReport r, Step s, StepStatus status, Outcome outcome) {
        CheckStep c = r.step(s).orElseThrow();
        assertEquals(status, c.status(), () -> s + " in " + r);
        assertEquals(outcome, c.outcome(), () -> s + " in " + r);
        return c;
    }

    private static void skippedFor(CheckReport r, Step s, Step needed) {
        CheckStep c = step(r, s, StepStatus.SKIPPED, null);
        assertTrue(c.detail().contains(needed.id()), () -> s + ": " + c.detail());
        assertTrue(c.explanation().zh().contains(needed.id()), c.explanation().zh());
    }

    @Test
    void aPassivePortWhoseSynsAreDroppedIsPassivePortsBlockedWithinTheTimeout() throws Exception {
        Fs fs = new Fs();
        try (SilentHost silent = SilentHost.start();
             ScriptedFtpServer s = fs.server(x -> {
                 x.on("EPSV", (c, a) -> c.reply("229 Entering Extended Passive Mode (|||" + silent.port() + "|)"));
                 x.on("PASV", (c, a) -> c.reply("227 Entering Passive Mode ("
                         + ScriptedFtpServer.pasvTuple("127,0,0,1", silent.port()) + ")."));
             })) {
            CheckReport r = check(s, true);
            CheckStep data = step(r, Step.DATA, StepStatus.FAIL, Outcome.PassivePortsBlocked);
            assertTrue(data.detail().contains("port " + silent.port()), data.detail());
            assertTrue(data.advice().en().contains(Integer.toString(silent.port())), "advice names the port to open");
            assertTrue(data.advice().zh().contains(Integer.toString(silent.port())));
            assertTrue(data.elapsedMs() < 3 * TIMEOUT.toMillis() + 1000, "bounded: " + data.elapsedMs() + " ms");
            skippedFor(r, Step.LISTING, Step.DATA);
            skippedFor(r, Step.UPLOAD, Step.DATA);
            skippedFor(r, Step.DOWNLOAD, Step.UPLOAD);
            step(r, Step.QUIT, StepStatus.OK, null);
            assertEquals(Verdict.FAILED, r.verdict());
            assertFalse(s.verbs().contains("STOR"));
        }
    }

    @Test
    void aRefusedPassivePortIsADistinctDiagnosis() throws Exception {
        int closed;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = gone.getLocalPort();
        }
        int port = closed;
        try (ScriptedFtpServer s = new Fs().server(x -> x.on("EPSV",
                (c, a) -> c.reply("229 Entering Extended Passive Mode (|||" + port + "|)")))) {
            CheckReport r = check(s, false);
            CheckStep data = step(r, Step.DATA, StepStatus.FAIL, Outcome.PassivePortRefused);
            assertTrue(data.advice().en().contains(Integer.toString(port)), data.advice().en());
        }
    }

    @Test
    void aPrivateAddressInThe227IsReportedAndTheCheckUsesTheControlPeer() throws Exception {
        try (ScriptedFtpServer s = new Fs().server(x -> {
            x.on("EPSV", (c, a) -> c.reply("500 EPSV not understood."));
            x.on("PASV", (c, a) -> c.reply("227 Entering Passive Mode ("
                    + ScriptedFtpServer.pasvTuple("10,1,2,3", c.openPassive()) + ")."));
        })) {
            CheckReport r = check(s, false);
            CheckStep passive = step(r, Step.PASSIVE, StepStatus.WARN, Outcome.PassiveAddressUnroutable);
            assertTrue(passive.detail().contains("10.1.2.3"), passive.detail());
            step(r, Step.DATA, StepStatus.OK, null);
            step(r, Step.LISTING, StepStatus.OK, null);
            assertTrue(r.transcript().stream().filter(l -> l.contains("data connection to"))
                    .allMatch(l -> l.contains("to 127.0.0.1 port")), r.transcript()::toString);
            assertTrue(r.transcript().stream().noneMatch(l -> l.contains("10.1.2.3 port")));
        }
    }

    @Test
    void passiveModeRefusedAltogetherFailsAndSkipsTheDataSteps() throws Exception {
        try (ScriptedFtpServer s = new Fs().server(x -> {
            x.on("EPSV", (c, a) -> c.reply("502 Command not implemented."));
            x.on("PASV", (c, a) -> c.reply("502 Command not implemented."));
        })) {
            CheckReport r = check(s, false);
            step(r, Step.PASSIVE, StepStatus.FAIL, Outcome.CommandNotImplemented);
            skippedFor(r, Step.DATA, Step.PASSIVE);
            skippedFor(r, Step.LISTING, Step.DATA);
        }
    }

    @Test
    void listingLinesNoParserReadsAreAWarning() throws Exception {
        try (ScriptedFtpServer s = new Fs().server(x -> x.on("LIST", (c, a) -> {
            c.reply("150 Here comes the listing.");
            c.sendData(("-rw-r--r--    1 1000     1000          12 Jan 01  2020 a.txt\r\n"
                    + "~~ volume SERIAL 7 :: a.txt ~~\r\n").getBytes(StandardCharsets.UTF_8));
            c.reply("226 Done.");
        }))) {
            CheckReport r = check(s, false);
            CheckStep listing = step(r, Step.LISTING, StepStatus.WARN, Outcome.ListingUnparsable);
            assertTrue(listing.detail().contains("~~ volume SERIAL 7"), listing.detail());
        }
    }

    @Test
    void aServerClockHoursOffIsAClockSkewWarning() throws Exception {
        Fs fs = new Fs();
        fs.clockOffset = Duration.ofHours(-2);
        try (ScriptedFtpServer s = fs.server(x -> { })) {
            CheckReport r = check(s, true);
            CheckStep upload = step(r, Step.UPLOAD, StepStatus.WARN, Outcome.ClockSkew);
            assertTrue(upload.detail().contains("behind by 1"), upload.detail()); // 119 or 120 min
            step(r, Step.DOWNLOAD, StepStatus.OK, null);
            step(r, Step.DELETE, StepStatus.OK, null);
            assertTrue(fs.files.isEmpty());
        }
    }

    @Test
    void aGarbledDownloadAndAnIgnoredRestAreContentMismatchesAndTheFileIsStillDeleted() throws Exception {
        Fs fs = new Fs();
        try (ScriptedFtpServer s = fs.server(x -> {
            x.on("REST", (c, a) -> c.reply("350 Restart position accepted."));  // and then ignored
            x.on("RETR", (c, a) -> {
                byte[] f = fs.files.get(a).clone();
                f[100] ^= 0x20; // what an ASCII conversion or a broken proxy does
                c.reply("150 Opening data connection.");
                c.sendData(f);
                c.reply("226 Transfer complete.");
            });
        })) {
            CheckReport r = check(s, true);
            step(r, Step.DOWNLOAD, StepStatus.FAIL, Outcome.ContentMismatch);
            step(r, Step.RESUME, StepStatus.FAIL, Outcome.ContentMismatch);
            step(r, Step.RENAME, StepStatus.OK, null);
            step(r, Step.DELETE, StepStatus.OK, null);
            assertTrue(fs.files.isEmpty(), fs.files.keySet()::toString);
        }
    }

    @Test
    void restRefusedIsAWarningNotAFailure() throws Exception {
        try (ScriptedFtpServer s = new Fs().server(x -> x.on("REST", (c, a) -> c.reply("502 REST not implemented.")))) {
            CheckReport r = check(s, true);
            step(r, Step.RESUME, StepStatus.WARN, Outcome.CommandNotImplemented);
            assertEquals(Verdict.WARNINGS, r.verdict(), r::toString);
        }
    }

    @Test
    void aRefusedDeleteNamesTheFileLeftBehind() throws Exception {
        Fs fs = new Fs();
        try (ScriptedFtpServer s = fs.server(x -> x.on("DELE", (c, a) -> c.reply("550 Permission denied.")))) {
            CheckReport r = check(s, true);
            CheckStep delete = step(r, Step.DELETE, StepStatus.FAIL, Outcome.PermissionDenied);
            String left = fs.files.keySet().iterator().next();
            assertTrue(delete.detail().contains(left) && delete.detail().contains("still on the server"),
                    delete.detail());
        }
    }

    @Test
    void whenTheConnectionIsLostTheFileIsDeletedThroughANewSession() throws Exception {
        Fs fs = new Fs();
        try (ScriptedFtpServer s = fs.server(x -> x.on("RNFR", (c, a) -> c.closeControl()))) {
            CheckReport r = check(s, true);
            step(r, Step.RENAME, StepStatus.FAIL, Outcome.ConnectionClosed);
            CheckStep delete = step(r, Step.DELETE, StepStatus.OK, null);
            assertTrue(delete.detail().contains("new session"), delete.detail());
            assertTrue(fs.files.isEmpty(), fs.files.keySet()::toString);
            step(r, Step.QUIT, StepStatus.SKIPPED, null);
        }
    }

    @Test
    void aListingThatDripsForeverIsEndedByTheWatchdog() throws Exception {
        try (ScriptedFtpServer s = new Fs().server(x -> x.on("LIST", (c, a) -> {
            c.reply("150 Here comes the listing.");
            try (Socket d = c.acceptData()) {
                OutputStream out = d.getOutputStream();
                for (int i = 0; i < 10_000; i++) { // 200 ms per byte: never idle long enough for the read timeout
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException gone) {
                // the check closed the connection
            }
        }))) {
            long t0 = System.nanoTime();
            CheckReport r = check(s, false);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            CheckStep data = step(r, Step.DATA, StepStatus.FAIL, Outcome.ReplyTimedOut);
            assertTrue(data.detail().contains("did not finish within"), data.detail());
            skippedFor(r, Step.LISTING, Step.DATA);
            step(r, Step.QUIT, StepStatus.SKIPPED, null);
            assertTrue(ms < 20_000, "the whole check ended in " + ms + " ms");
        }
    }

    /** The watchdog, a blocked passive port, a lost connection: afterwards no thread or descriptor of ours is left. */
    @Test
    void noThreadOrDescriptorIsLeftBehind() throws Exception {
        try (ScriptedFtpServer s = new Fs().server(x -> { })) {
            check(s, true); // warm-up: class loading, JSSE and the JDK's own threads
        }
        io.github.ftpdoctor.testsupport.LeakCheck baseline =
                io.github.ftpdoctor.testsupport.LeakCheck.snapshot("ftpdoctor", "scripted-ftp");
        aPassivePortWhoseSynsAreDroppedIsPassivePortsBlockedWithinTheTimeout();
        whenTheConnectionIsLostTheFileIsDeletedThroughANewSession();
        aListingThatDripsForeverIsEndedByTheWatchdog();
        List<String> left = baseline.leftAfter(Duration.ofSeconds(10), t -> t.startsWith(FaultKit.WATCHDOG));
        assertTrue(left.isEmpty(), () -> "left behind: " + left);
    }

    @Test
    void aSilentGreetingFailsTheGreetingStepAndSkipsTheRest() throws Exception {
        try (ScriptedFtpServer s = new Fs().server(x -> x.greeting((c, a) -> c.awaitClientClose()))) {
            CheckReport r = check(s, true);
            step(r, Step.CONNECT, StepStatus.OK, null);
            step(r, Step.GREETING, StepStatus.FAIL, Outcome.GreetingTimedOut);
            skippedFor(r, Step.TLS, Step.GREETING);
            skippedFor(r, Step.LOGIN, Step.GREETING);
            skippedFor(r, Step.UPLOAD, Step.DATA);
            step(r, Step.QUIT, StepStatus.SKIPPED, null);
            assertEquals(Verdict.FAILED, r.verdict());
        }
    }

    @Test
    void aRefusedLoginSkipsEverythingButQuit() throws Exception {
        try (ScriptedFtpServer s = new Fs().server(x -> x.on("PASS", (c, a) -> c.reply("530 Login incorrect.")))) {
            CheckReport r = check(s, true);
            step(r, Step.LOGIN, StepStatus.FAIL, Outcome.BadCredentialsOrUnknownUser);
            skippedFor(r, Step.FEATURES, Step.LOGIN);
            skippedFor(r, Step.PASSIVE, Step.LOGIN);
            skippedFor(r, Step.DATA, Step.PASSIVE);
            skippedFor(r, Step.UPLOAD, Step.DATA);
            step(r, Step.QUIT, StepStatus.OK, null);
            assertTrue(r.transcript().contains("> PASS ****"), r.transcript()::toString);
            assertFalse(r.toJson().contains("scripted-secret"));
        }
    }

    @Test
    void theUrlsDirectoryIsWhereTheCheckWorksAndARefusedOneStopsTheWrites() throws Exception {
        Fs fs = new Fs();
        try (ScriptedFtpServer s = fs.server(x -> {
            x.on("CWD", (c, a) -> c.reply(a.equals("incoming/") ? "250 Directory successfully changed."
                    : "550 Failed to change directory."));
            x.on("PWD", (c, a) -> c.reply("257 \"/incoming\" is the current directory"));
        })) {
            String base = "ftp://bob:pw@127.0.0.1:" + s.port() + "/";
            CheckReport r = ServerCheck.forUrl(base + "incoming/").timeout(TIMEOUT).write(true).build().run();
            CheckStep pwd = step(r, Step.PWD, StepStatus.OK, null);
            assertTrue(pwd.detail().startsWith("CWD incoming/: 250"), pwd.detail());
            assertTrue(pwd.explanation().en().contains("/incoming"), pwd.explanation().en());
            step(r, Step.DELETE, StepStatus.OK, null);
            assertTrue(r.target().endsWith(":" + s.port() + "/incoming/"), r.target());
            CheckReport refused = ServerCheck.forUrl(base + "nowhere/").timeout(TIMEOUT).write(true).build().run();
            step(refused, Step.PWD, StepStatus.FAIL, Outcome.FileUnavailable);
            skippedFor(refused, Step.UPLOAD, Step.PWD);
            assertFalse(s.verbs().subList(s.verbs().lastIndexOf("USER"), s.verbs().size()).contains("STOR"));
        }
    }

    @Test
    void aRefusedConnectionFailsTheConnectStep() throws Exception {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = gone.getLocalPort();
        }
        CheckReport r = ServerCheck.builder("127.0.0.1", port).timeout(TIMEOUT).build().run();
        step(r, Step.RESOLVE, StepStatus.OK, null);
        step(r, Step.CONNECT, StepStatus.FAIL, Outcome.ConnectionRefused);
        skippedFor(r, Step.GREETING, Step.CONNECT);
        skippedFor(r, Step.QUIT, Step.CONNECT);
        assertEquals("unknown", r.server().id());
    }

    @Test
    void featOnlyAfterLoginStillRevealsThatTlsIsOfferedButUnused() throws Exception {
        boolean[] loggedIn = {false};
        try (ScriptedFtpServer s = new Fs().server(x -> {
            x.on("PASS", (c, a) -> {
                loggedIn[0] = true;
                c.reply("230 Logged in.");
            });
            x.on("FEAT", (c, a) -> c.reply(loggedIn[0] ? "211-Features:\r\n AUTH TLS\r\n EPSV\r\n211 End"
                    : "530 Please login with USER and PASS."));
        })) {
            CheckReport r = check(s, false);
            step(r, Step.TLS, StepStatus.WARN, Outcome.TlsNotUsed);
            step(r, Step.FEATURES, StepStatus.OK, null);
        }
    }

    @Test
    void overIpv6OnlyEpsvIsTriedAndTheDataConnectionGoesToTheV6Peer() throws Exception {
        InetAddress v6;
        try {
            v6 = InetAddress.getByName("::1");
            new ServerSocket(0, 1, v6).close();
        } catch (IOException e) {
            io.github.ftpdoctor.testsupport.Requirements.require(false, "IPv6 on loopback (::1): " + e);
            return;
        }
        Fs fs = new Fs();
        ScriptedFtpServer s = new ScriptedFtpServer(v6, StandardCharsets.UTF_8);
        s.on("LIST", (c, a) -> {
            c.reply("150 Here comes the listing.");
            c.sendData(new byte[0]);
            c.reply("226 Done.");
        });
        try (ScriptedFtpServer started = s.start()) {
            CheckReport r = ServerCheck.forUrl("ftp://bob:pw@[::1]:" + s.port() + "/").timeout(TIMEOUT).build().run();
            CheckStep resolve = step(r, Step.RESOLVE, StepStatus.OK, null);
            assertTrue(resolve.detail().contains("(IPv6)"), resolve.detail());
            CheckStep passive = step(r, Step.PASSIVE, StepStatus.OK, null);
            assertTrue(passive.explanation().en().contains("IPv6"), passive.explanation().en());
            step(r, Step.DATA, StepStatus.OK, null);
            assertFalse(s.verbs().contains("PASV"), s.verbs()::toString);
            assertTrue(r.transcript().stream().anyMatch(l -> l.contains("data connection to 0:0:0:0:0:0:0:1 port")),
                    r.transcript()::toString);
        }
        assertTrue(fs.files.isEmpty());
    }

    @Test
    void anonymousWithoutUserAndPasvOnly() throws Exception {
        try (ScriptedFtpServer s = new Fs().server(x -> x.on("EPSV", (c, a) -> c.reply("500 Unknown command.")))) {
            CheckReport r = ServerCheck.builder(s.host(), s.port()).timeout(TIMEOUT).build().run();
            CheckStep login = step(r, Step.LOGIN, StepStatus.OK, null);
            assertTrue(login.detail().contains("anonymous"), login.detail());
            CheckStep passive = step(r, Step.PASSIVE, StepStatus.OK, null);
            assertTrue(passive.explanation().en().contains("EPSV is not supported"), passive.explanation().en());
            step(r, Step.DATA, StepStatus.OK, null);
            assertNull(r.step(Step.ACTIVE).orElseThrow().outcome());
            assertTrue(s.commands().contains("USER anonymous"));
        }
    }
}
