package io.github.ftpdoctor.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.DataConnectionMode;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpConnectionException;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.FtpFileException;
import io.github.ftpdoctor.error.FtpTransferException;
import io.github.ftpdoctor.transfer.FaultKit.Expect;
import io.github.ftpdoctor.transfer.FaultKit.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault matrix, data connections: a download or a listing cut after part of its data, in every way a server can
 * end it (226 anyway, 426, 451, control connection closed, data connection reset, data connection left silent with
 * a server that answers ABOR or one that is stuck). Never a success with partial data, except when the server
 * confirms a listing cut short with 226: nothing on the wire tells it from a complete one (documented below). Every
 * cut download resumes with REST from its kept {@code .part} file and ends byte-identical (SHA-256).
 */
class FaultDataTest {
    private static final FaultKit KIT = new FaultKit();
    private static final int PART = 70_000;
    private static final int LIST_PART = 150;

    /** How the server ends a transfer after sending part of the data. */
    enum Cut {
        CLOSE_THEN_226("data closed, then 226"),
        CLOSE_THEN_426("data closed, then 426"),
        CLOSE_THEN_451("data closed, then 451"),
        CONTROL_CLOSED("both connections closed, no reply"),
        RESET_THEN_226("data connection reset, then 226"),
        SILENT_ANSWERS_ABOR("data left open and silent, ABOR answered"),
        SILENT_STUCK("data left open and silent, server stuck");

        final String words;

        Cut(String words) {
            this.words = words;
        }

        void act(ScriptedFtpServer.Conn c, byte[] part) throws IOException {
            c.acceptData();
            cut(c, part);
        }

        /** Sends {@code part} on the data connection already made, then ends the transfer this way. */
        void cut(ScriptedFtpServer.Conn c, byte[] part) throws IOException {
            c.data().getOutputStream().write(part);
            switch (this) {
                case CLOSE_THEN_226 -> end(c, "226 Transfer complete.");
                case CLOSE_THEN_426 -> end(c, "426 Connection closed; transfer aborted.");
                case CLOSE_THEN_451 -> end(c, "451 Transfer aborted: local error in processing.");
                case CONTROL_CLOSED -> c.closeControl();
                case RESET_THEN_226 -> {
                    c.data().setSoLinger(true, 0);
                    end(c, "226 Transfer complete.");
                }
                case SILENT_ANSWERS_ABOR -> {
                    String next = c.readCommand(); // the client's ABOR after its data timeout
                    c.closeData();
                    if ("ABOR".equals(next)) {
                        c.reply("426 Connection closed; transfer aborted.");
                        c.reply("226 ABOR command successful.");
                    }
                }
                case SILENT_STUCK -> c.awaitClientClose();
                default -> throw new IllegalStateException();
            }
        }

        private static void end(ScriptedFtpServer.Conn c, String reply) throws IOException {
            c.closeData();
            c.reply(reply);
        }

        /** What a transfer cut this way must end in. */
        Expect expect(String command) {
            return switch (this) {
                case CLOSE_THEN_226, RESET_THEN_226, SILENT_ANSWERS_ABOR ->
                        Expect.of(FtpTransferException.class, Outcome.TransferIncomplete, command).inStep();
                case CLOSE_THEN_426 -> Expect.of(FtpTransferException.class, Outcome.TransferAborted, command).inStep();
                case CLOSE_THEN_451 -> Expect.of(FtpFileException.class, Outcome.ServerLocalError, command).inStep();
                case CONTROL_CLOSED -> Expect.of(FtpConnectionException.class, Outcome.ConnectionClosed, command);
                case SILENT_STUCK -> Expect.of(FtpTransferException.class, Outcome.TransferIncomplete, command);
            };
        }

        TransportEvent event(boolean sizeKnown) {
            return switch (this) {
                case CLOSE_THEN_226 -> sizeKnown ? TransportEvent.TRANSFER_INCOMPLETE : null;
                case RESET_THEN_226 -> TransportEvent.DATA_CONNECTION_RESET;
                case SILENT_ANSWERS_ABOR, SILENT_STUCK -> TransportEvent.DATA_READ_TIMEOUT;
                case CONTROL_CLOSED -> TransportEvent.CLOSED_MID_SESSION;
                default -> null;
            };
        }
    }

    @TestFactory
    Stream<DynamicTest> dataFaults(@TempDir Path root) {
        List<Scenario> scenarios = new ArrayList<>();
        for (Cut cut : Cut.values()) {
            scenarios.add(download(cut));
            scenarios.add(resume(cut));
            if (cut != Cut.CLOSE_THEN_226) {
                scenarios.add(listing(cut));
            }
        }
        scenarios.add(FaultKit.custom("LIST cut short and confirmed by 226: returned as it came (undetectable)",
                s -> s.on("LIST", (c, a) -> {
                    c.reply(FaultKit.Step.LIST.normal);
                    Cut.CLOSE_THEN_226.act(c, Arrays.copyOf(FaultKit.LISTING_BYTES, LIST_PART));
                }), FaultKit.CONFIG, (ftp, dir) -> {
                    ftp.login("user", "secret");
                    // a listing has no size (no SIZE, nothing in 150) and servers differ on the last line's end:
                    // when the server confirms a cut listing with 226, nothing tells it from a complete one
                    List<String> lines = ftp.listRaw(null);
                    assertEquals(3, lines.size(), lines::toString);
                    assertEquals(FaultKit.LISTING.subList(0, 2), lines.subList(0, 2));
                    assertTrue(FaultKit.LISTING.get(2).startsWith(lines.get(2)), lines::toString);
                }, null, null));
        scenarios.add(FaultKit.custom("parsed list() with the data closed, then 426", s -> s.on("LIST", (c, a) -> {
            c.reply(FaultKit.Step.LIST.normal);
            Cut.CLOSE_THEN_426.act(c, Arrays.copyOf(FaultKit.LISTING_BYTES, LIST_PART));
        }), FaultKit.CONFIG, (ftp, dir) -> {
            ftp.login("user", "secret");
            ftp.list(null);
        }, Cut.CLOSE_THEN_426.expect("LIST"), null));
        for (Cut cut : List.of(Cut.SILENT_ANSWERS_ABOR, Cut.SILENT_STUCK)) {
            scenarios.add(nothingSent("RETR", cut, FaultKit.Step.RETR.normal, false));
            scenarios.add(nothingSent("LIST", cut, FaultKit.Step.LIST.normal, false));
            scenarios.add(nothingSent("RETR", cut, FaultKit.Step.RETR.normal, true));
        }
        scenarios.add(FaultKit.custom("active mode: the server never connects (and never answers)", s -> {
            s.on("EPRT", (c, a) -> c.reply("200 EPRT command successful. Consider using EPSV."));
            s.on("RETR", (c, a) -> {
                c.reply(FaultKit.Step.RETR.normal);
                c.awaitClientClose();
            });
        }, ACTIVE, FaultDataTest::downloadSteps,
                Expect.of(FtpTransferException.class, Outcome.DataConnectionFailed, "RETR"),
                FaultKit.event(TransportEvent.DATA_ACCEPT_TIMEOUT)));
        scenarios.add(dripData());
        return KIT.tests(root, scenarios);
    }

    private static final FtpConfig ACTIVE = FaultKit.CONFIG.toBuilder()
            .dataConnectionMode(DataConnectionMode.ACTIVE)
            .dataConnectTimeout(Duration.ofMillis(500)).build();

    private static void downloadSteps(FtpClient ftp, Path dir) throws IOException {
        ftp.login("user", "secret");
        ftp.download(FaultKit.FILE, dir.resolve(FaultKit.FILE));
    }

    /** The data connection is made (accepted in passive mode, connected in active mode) and nothing is ever sent. */
    private static Scenario nothingSent(String verb, Cut cut, String first, boolean active) {
        AtomicReference<InetSocketAddress> client = new AtomicReference<>();
        return FaultKit.custom(verb + (active ? " (active mode)" : "") + ", nothing ever sent: " + cut.words, s -> {
            s.on("EPRT", (c, a) -> {
                String[] f = a.split("\\|");
                client.set(new InetSocketAddress(f[2], Integer.parseInt(f[3])));
                c.reply("200 EPRT command successful. Consider using EPSV.");
            });
            s.on(verb, (c, a) -> {
                c.reply(first);
                if (active) {
                    c.connectData(client.get());
                } else {
                    c.acceptData();
                }
                cut.cut(c, new byte[0]);
            });
        }, active ? ACTIVE : FaultKit.CONFIG, verb.equals("LIST") ? (ftp, dir) -> {
            ftp.login("user", "secret");
            ftp.listRaw(null);
        } : FaultDataTest::downloadSteps, cut.expect(verb), (e, server, dir) -> {
            assertEquals(TransportEvent.DATA_READ_TIMEOUT, e.diagnosis().event(), () -> FaultKit.describe(e));
            assertEquals(0L, e.bytesTransferred().orElse(-1), () -> FaultKit.describe(e));
        });
    }

    private static Scenario download(Cut cut) {
        return FaultKit.custom("RETR, " + PART + " of " + FaultKit.CONTENT.length + " bytes, " + cut.words,
                s -> s.on("RETR", (c, a) -> {
                    c.reply(FaultKit.Step.RETR.normal);
                    cut.act(c, Arrays.copyOf(FaultKit.CONTENT, PART));
                }), FaultKit.CONFIG, FaultDataTest::downloadSteps, cut.expect("RETR"), (e, server, dir) -> {
                    assertEquals(cut.event(true), e.diagnosis().event(), () -> FaultKit.describe(e));
                    long bytes = e.bytesTransferred().orElse(-1);
                    assertTrue(cut == Cut.RESET_THEN_226 ? bytes >= 0 && bytes <= PART : bytes == PART,
                            () -> FaultKit.describe(e));
                    assertFalse(Files.exists(dir.resolve(FaultKit.FILE)), "no file for a failed download");
                });
    }

    private static Scenario listing(Cut cut) {
        return FaultKit.custom("LIST, " + LIST_PART + " of " + FaultKit.LISTING_BYTES.length + " bytes, " + cut.words,
                s -> s.on("LIST", (c, a) -> {
                    c.reply(FaultKit.Step.LIST.normal);
                    cut.act(c, Arrays.copyOf(FaultKit.LISTING_BYTES, LIST_PART));
                }), FaultKit.CONFIG, (ftp, dir) -> {
                    ftp.login("user", "secret");
                    ftp.listRaw(null);
                }, cut.expect("LIST"), (e, server, dir) -> {
                    assertEquals(cut.event(false), e.diagnosis().event(), () -> FaultKit.describe(e));
                    long bytes = e.bytesTransferred().orElse(-1);
                    assertTrue(cut == Cut.RESET_THEN_226 ? bytes >= 0 && bytes <= LIST_PART : bytes == LIST_PART,
                            () -> FaultKit.describe(e));
                });
    }

    /**
     * The first RETR is cut; the {@code .part} file is kept (keepPartialDownloads) with exactly the bytes counted; a
     * resumed download (on a new session if the first was lost) sends REST and completes the file byte for byte.
     */
    private static Scenario resume(Cut cut) {
        AtomicReference<ScriptedFtpServer> server = new AtomicReference<>();
        AtomicLong rest = new AtomicLong();
        return FaultKit.custom("RETR " + cut.words + ", then resumed: SHA-256 identical", s -> {
            server.set(s);
            s.on("REST", (c, a) -> {
                rest.set(Long.parseLong(a));
                c.reply("350 Restart position accepted (" + a + ").");
            });
            s.on("RETR", (c, a) -> {
                int from = (int) rest.getAndSet(0);
                if (from == 0) {
                    c.reply(FaultKit.Step.RETR.normal);
                    cut.act(c, Arrays.copyOf(FaultKit.CONTENT, PART));
                } else {
                    c.reply("150 Opening BINARY mode data connection for file.bin.");
                    c.sendData(Arrays.copyOfRange(FaultKit.CONTENT, from, FaultKit.CONTENT.length));
                    c.reply("226 Transfer complete.");
                }
            });
        }, FaultKit.CONFIG.toBuilder().keepPartialDownloads(true).build(), (ftp, dir) -> {
            ftp.login("user", "secret");
            Path target = dir.resolve(FaultKit.FILE);
            Path part = dir.resolve(FaultKit.FILE + ".part");
            FtpException e = assertThrows(FtpException.class, () -> ftp.download(FaultKit.FILE, target));
            assertEquals(cut.expect("RETR").outcome(), e.diagnosis().outcome(), () -> FaultKit.describe(e));
            assertFalse(Files.exists(target), "no file for a failed download");
            byte[] kept = Files.readAllBytes(part);
            assertEquals(e.bytesTransferred().orElseThrow(), kept.length);
            assertArrayEquals(Arrays.copyOf(FaultKit.CONTENT, kept.length), kept);
            if (ftp.isConnected()) {
                resumeAndCheck(ftp, target, kept.length);
            } else {
                try (FtpClient again = FtpClient.connect(server.get().host(), server.get().port(), ftp.config())) {
                    again.login("user", "secret");
                    resumeAndCheck(again, target, kept.length);
                }
            }
            assertFalse(Files.exists(part), "the .part file became the file");
        }, null, null);
    }

    private static void resumeAndCheck(FtpClient ftp, Path target, long offset) throws IOException {
        assertEquals(FaultKit.CONTENT.length, ftp.downloadResume(FaultKit.FILE, target));
        assertTrue(ftp.transcript().contains("> REST " + offset), ftp.transcript()::toString);
        try {
            assertEquals(FaultKit.sha256(FaultKit.CONTENT), FaultKit.sha256(Files.readAllBytes(target)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** 60 bytes, one every 15 ms: the data timeout (500 ms) bounds silences, not the transfer, which succeeds. */
    private static Scenario dripData() {
        byte[] small = Arrays.copyOf(FaultKit.CONTENT, 60);
        return FaultKit.custom("data dripped one byte at a time, each within the data timeout: success",
                s -> s.on("RETR", (c, a) -> {
                    c.reply("150 Opening BINARY mode data connection for drip.bin (60 bytes).");
                    var out = c.acceptData().getOutputStream();
                    for (byte b : small) {
                        out.write(b);
                        out.flush();
                        pause(15);
                    }
                    c.closeData();
                    c.reply("226 Transfer complete.");
                }), FaultKit.CONFIG, (ftp, dir) -> {
                    ftp.login("user", "secret");
                    ByteArrayOutputStream sink = new ByteArrayOutputStream();
                    assertEquals(small.length, ftp.retrieve("drip.bin", sink));
                    assertArrayEquals(small, sink.toByteArray());
                }, null, null);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // server-side pacing, not a timing assertion
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
