package io.github.ftpdoctor.transfer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.testsupport.LeakCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The fault-injection matrix's harness: a well-behaved {@link ScriptedFtpServer} for the standard session, scenarios
 * that break it at one step, and the checks every scenario ends with. Each scenario runs against its own server on
 * 127.0.0.1 under a preemptive safety timeout; afterwards the threads and file descriptors of the JVM must be back
 * to what they were after the warm-up session (polled with a deadline, never a fixed sleep).
 */
final class FaultKit {
    /** Short timeouts: every fault ends within about a second. */
    static final FtpConfig CONFIG = FtpConfig.builder().connectTimeout(Duration.ofSeconds(2))
            .replyTimeout(Duration.ofMillis(750)).dataConnectTimeout(Duration.ofSeconds(2))
            .dataTimeout(Duration.ofMillis(500)).build();
    private static final Duration SAFETY = Duration.ofSeconds(20);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    static final String WATCHDOG = "ftpdoctor-write-watchdog";

    static final String FILE = "file.bin";
    static final byte[] CONTENT = seeded(200_000, 1);
    static final byte[] UPLOAD = seeded(100_000, 2);
    static final List<String> LISTING = IntStream.range(0, 10)
            .mapToObj(i -> "-rw-r--r--    1 ftp      ftp        " + (1000 + i) + " Jan 01 12:00 f" + i + ".txt")
            .collect(Collectors.toList());
    static final byte[] LISTING_BYTES = LISTING.stream().map(l -> l + "\r\n").collect(Collectors.joining())
            .getBytes(UTF_8);

    private LeakCheck baseline;

    static byte[] seeded(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The steps of the standard session, each with the reply a well-behaved server sends there. */
    enum Step {
        GREETING("CONNECT", "220 scripted FTP server ready"),
        USER("USER", "331 Password required for user."),
        PASS("PASS", "230 User logged in."),
        PWD("PWD", "257 \"/\" is the current directory"),
        CWD("CWD", "250 Directory successfully changed."),
        EPSV("EPSV", "229 Entering Extended Passive Mode (|||1024|)"),
        PASV("PASV", "227 Entering Passive Mode (127,0,0,1,4,0)."),
        RETR("RETR", "150 Opening BINARY mode data connection for file.bin (200000 bytes)."),
        RETR_END("RETR", "226 Transfer complete."),
        LIST("LIST", "150 Here comes the directory listing."),
        LIST_END("LIST", "226 Directory send OK."),
        STOR("STOR", "150 Ok to send data."),
        STOR_END("STOR", "226 Transfer complete.");

        final String command;
        final String normal;

        Step(String command, String normal) {
            this.command = command;
            this.normal = normal;
        }

        /** The final reply of a transfer, after its data. */
        boolean isTransferEnd() {
            return name().endsWith("_END");
        }

        /** The bytes the data connection carries before the final reply of a transfer-end step. */
        long dataBytes() {
            return this == RETR_END ? CONTENT.length : this == LIST_END ? LISTING_BYTES.length : UPLOAD.length;
        }
    }

    /** Something a broken server does instead of the step's normal reply. */
    @FunctionalInterface
    interface Fault {
        void act(ScriptedFtpServer.Conn c, Step step) throws IOException;
    }

    /** Installs the handlers of a well-behaved server for everything the standard session does. */
    static void wellBehaved(ScriptedFtpServer s) {
        AtomicLong rest = new AtomicLong();
        s.on("CWD", (c, a) -> c.reply(Step.CWD.normal));
        s.on("SIZE", (c, a) -> c.reply(FILE.equals(a) ? "213 " + CONTENT.length : "550 Could not get file size."));
        s.on("REST", (c, a) -> {
            rest.set(Long.parseLong(a));
            c.reply("350 Restart position accepted (" + a + ").");
        });
        s.on("RETR", (c, a) -> {
            int from = (int) rest.getAndSet(0);
            c.reply(from == 0 ? Step.RETR.normal : "150 Opening BINARY mode data connection for file.bin.");
            c.sendData(java.util.Arrays.copyOfRange(CONTENT, from, CONTENT.length));
            c.reply(Step.RETR_END.normal);
        });
        s.on("LIST", (c, a) -> {
            c.reply(Step.LIST.normal);
            c.sendData(LISTING_BYTES);
            c.reply(Step.LIST_END.normal);
        });
        s.on("STOR", (c, a) -> {
            c.reply(Step.STOR.normal);
            c.receiveData();
            c.reply(Step.STOR_END.normal);
        });
    }

    /** Makes the server do {@code fault} at {@code step} instead of its normal reply. */
    static void inject(ScriptedFtpServer s, Step step, Fault fault) {
        switch (step) {
            case GREETING -> s.greeting((c, a) -> fault.act(c, step));
            case PASV -> {
                s.on("EPSV", (c, a) -> c.reply("500 'EPSV': command not understood"));
                s.on("PASV", (c, a) -> fault.act(c, step));
            }
            case RETR_END -> s.on("RETR", (c, a) -> {
                c.reply(Step.RETR.normal);
                c.sendData(CONTENT);
                fault.act(c, step);
            });
            case LIST_END -> s.on("LIST", (c, a) -> {
                c.reply(Step.LIST.normal);
                c.sendData(LISTING_BYTES);
                fault.act(c, step);
            });
            case STOR_END -> s.on("STOR", (c, a) -> {
                c.reply(Step.STOR.normal);
                c.receiveData();
                fault.act(c, step);
            });
            default -> s.on(step.command, (c, a) -> fault.act(c, step));
        }
    }

    /** The standard session after connecting: login, PWD, CWD, a download to a file, LIST, an upload. */
    static void standardSteps(FtpClient ftp, Path dir) throws IOException {
        ftp.login("user", "secret");
        assertEquals("/", ftp.pwd());
        ftp.cwd("pub");
        assertEquals(CONTENT.length, ftp.download(FILE, dir.resolve(FILE)));
        assertEquals(LISTING, ftp.listRaw(null));
        assertEquals(UPLOAD.length, ftp.store("up.bin", new ByteArrayInputStream(UPLOAD)));
    }

    /** What a scenario must end in. */
    record Expect(Class<? extends FtpException> type, Outcome outcome, String command, boolean staysConnected) {
        static Expect of(Class<? extends FtpException> type, Outcome outcome, String command) {
            return new Expect(type, outcome, command, false);
        }

        /** The reply was complete: the session stays in step and answers NOOP after the failure. */
        Expect inStep() {
            return new Expect(type, outcome, command, true);
        }
    }

    /** A check of the failure (null when the scenario succeeded), once the client is closed. */
    @FunctionalInterface
    interface Check {
        void check(FtpException failure, ScriptedFtpServer server, Path dir) throws Exception;
    }

    /** The client's part of a scenario, after the harness connected. */
    @FunctionalInterface
    interface ClientSteps {
        void run(FtpClient ftp, Path dir) throws IOException;
    }

    /** One scenario: how its fresh server is set up, the client's configuration and steps, what they end in. */
    record Scenario(String name, ScriptedSetup server, FtpConfig config, ClientSteps client, Expect expect,
                    Check check) {
    }

    /** Extra server setup beyond the injected fault. */
    @FunctionalInterface
    interface ScriptedSetup {
        void apply(ScriptedFtpServer s);
    }

    /** A scenario of the standard session with {@code fault} at {@code step}. */
    static Scenario atStep(String kind, Step step, Fault fault, Expect expect, Check check) {
        return new Scenario(kind + " at " + step, s -> inject(s, step, fault), CONFIG, FaultKit::standardSteps,
                expect, check);
    }

    /** A scenario with its own server setup and client steps; {@code expect} null means it must succeed. */
    static Scenario custom(String name, ScriptedSetup server, FtpConfig config, ClientSteps client, Expect expect,
                           Check check) {
        return new Scenario(name, server, config, client, expect, check);
    }

    /** The warm-up (a well-behaved session that must succeed), then the scenarios, each followed by the leak check. */
    Stream<DynamicTest> tests(Path root, List<Scenario> scenarios) {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("warm-up: the standard session succeeds against a well-behaved server",
                () -> {
                    run(root, custom("warm-up", s -> { }, CONFIG, FaultKit::standardSteps, null, null));
                    baseline = LeakCheck.snapshot("ftpdoctor", "scripted-ftp");
                }));
        for (Scenario s : scenarios) {
            tests.add(DynamicTest.dynamicTest(s.name(), () -> {
                try {
                    run(root, s);
                } catch (AssertionError e) {
                    throw new AssertionError("[" + s.name() + "] " + e.getMessage(), e);
                }
                List<String> left = baseline.leftAfter(SETTLE, t -> t.startsWith(WATCHDOG));
                assertTrue(left.isEmpty(), () -> "left behind by '" + s.name() + "': " + left);
            }));
        }
        return tests.stream();
    }

    /** The strict check for the end of a matrix: every thread of ours gone too, the shared watchdog included. */
    DynamicTest nothingLeftAtTheEnd(Duration timeout) {
        return DynamicTest.dynamicTest("no thread or descriptor left after the matrix", () -> {
            List<String> left = baseline.leftAfter(timeout, t -> false);
            assertTrue(left.isEmpty(), () -> "left behind: " + left);
            assertTrue(LeakCheck.poll(timeout, () -> LeakCheck.countedThreads("ftpdoctor").stream()
                    .noneMatch(t -> t.startsWith(WATCHDOG))), "the write watchdog thread ends when idle");
        });
    }

    private static void run(Path root, Scenario s) throws Exception {
        Path dir = Files.createTempDirectory(root, "scenario");
        assertTimeoutPreemptively(SAFETY, () -> {
            try (ScriptedFtpServer server = new ScriptedFtpServer(UTF_8)) {
                wellBehaved(server);
                s.server().apply(server);
                server.start();
                FtpException failure = session(server, s, dir);
                if (s.expect() == null && failure != null) {
                    throw new AssertionError("'" + s.name() + "' failed: " + describe(failure), failure);
                }
                if (s.expect() != null) {
                    if (failure == null) {
                        fail("'" + s.name() + "' reported success; expected " + s.expect());
                    }
                    assertSame(s.expect().type(), failure.getClass(), () -> describe(failure));
                    assertEquals(s.expect().outcome(), failure.diagnosis().outcome(), () -> describe(failure));
                    assertEquals(s.expect().command(), failure.diagnosis().command(), () -> describe(failure));
                }
                assertNoPartialFile(dir);
                if (s.check() != null) {
                    s.check().check(failure, server, dir);
                }
            }
        });
    }

    /** Connects and runs the client's steps; returns the failure, after checking the session's state. */
    private static FtpException session(ScriptedFtpServer server, Scenario s, Path dir) throws IOException {
        FtpClient ftp;
        try {
            ftp = FtpClient.connect(server.host(), server.port(), s.config());
        } catch (FtpException e) {
            return e;
        }
        try (FtpClient client = ftp) {
            try {
                s.client().run(client, dir);
                return null;
            } catch (FtpException e) {
                if (s.expect() == null) {
                    return e;
                }
                assertEquals(s.expect().staysConnected(), client.isConnected(),
                        () -> "connected after the failure: " + describe(e));
                if (client.isConnected()) {
                    client.noop(); // the failure left the session in step
                }
                return e;
            }
        }
    }

    static String describe(FtpException e) {
        return e.getClass().getSimpleName() + " " + e.diagnosis() + " bytes=" + e.bytesTransferred()
                + "\n" + String.join("\n", e.transcript());
    }

    /** A failed download never leaves a {@code .part} file (unless kept on purpose) nor a short file. */
    static void assertNoPartialFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.collect(Collectors.toList())) {
                assertTrue(!p.getFileName().toString().endsWith(".part"), "left behind: " + p);
                if (p.getFileName().toString().equals(FILE)) {
                    assertArrayEquals(CONTENT, Files.readAllBytes(p), "a downloaded file is complete");
                }
            }
        }
    }

    /** The failure's event, for scenarios that check it. */
    static Check event(TransportEvent event) {
        return (e, server, dir) -> assertEquals(event, e.diagnosis().event(), () -> describe(e));
    }

    /** An endless source of zeros, {@code size} bytes long. */
    static InputStream zeros(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }
}
