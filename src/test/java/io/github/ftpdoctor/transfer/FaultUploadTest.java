package io.github.ftpdoctor.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpConnectionException;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.FtpFileException;
import io.github.ftpdoctor.error.FtpTransferException;
import io.github.ftpdoctor.transfer.FaultKit.Check;
import io.github.ftpdoctor.transfer.FaultKit.Expect;
import io.github.ftpdoctor.transfer.FaultKit.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault matrix, uploads: the server drops the data connection part-way (then 426, 226, 451, 452, or closes
 * everything), stops reading (answering ABOR, or stuck), or refuses the file after all the data (452, 552, 451,
 * 426). An upload is never reported as a success, and a cut upload resumes to an identical remote file. The shared
 * write watchdog thread ends by itself once idle.
 */
class FaultUploadTest {
    private static final FaultKit KIT = new FaultKit();
    private static final long BIG = 32L << 20; // more than any socket buffers: the client must notice the drop
    private static final int READ = 64 * 1024;

    /** What the server does after reading {@link #READ} bytes of a big upload. */
    private record Drop(String words, ScriptedFtpServer.Handler after, Expect expect, TransportEvent event) {
    }

    @TestFactory
    Stream<DynamicTest> uploadFaults(@TempDir Path root) {
        List<Scenario> scenarios = new ArrayList<>();
        List<Drop> drops = List.of(
                new Drop("data closed, then 426", reply("426 Failure reading network stream."),
                        Expect.of(FtpTransferException.class, Outcome.TransferAborted, "STOR").inStep(), null),
                new Drop("data closed, then 226", reply("226 Transfer complete."),
                        Expect.of(FtpTransferException.class, Outcome.TransferIncomplete, "STOR").inStep(),
                        TransportEvent.DATA_CONNECTION_RESET),
                new Drop("data closed, then 451", reply("451 Transfer aborted: local error in processing."),
                        Expect.of(FtpFileException.class, Outcome.ServerLocalError, "STOR").inStep(), null),
                new Drop("data closed, then 452", reply("452 Transfer aborted. No space left on device"),
                        Expect.of(FtpFileException.class, Outcome.InsufficientStorage, "STOR").inStep(), null),
                new Drop("both connections closed, no reply", (c, a) -> c.closeControl(),
                        Expect.of(FtpConnectionException.class, Outcome.ConnectionClosed, "STOR"), null));
        for (Drop drop : drops) {
            scenarios.add(FaultKit.custom("STOR, the server reads " + READ + " bytes: " + drop.words(),
                    s -> s.on("STOR", (c, a) -> {
                        c.reply(FaultKit.Step.STOR.normal);
                        c.acceptData().getInputStream().readNBytes(READ);
                        c.closeData(); // unread data: the client's next write is reset
                        drop.after().handle(c, a);
                    }), FaultKit.CONFIG, FaultUploadTest::storeBig, drop.expect(), sentAtLeast(READ, drop.event())));
        }
        scenarios.add(FaultKit.custom("STOR, the server stops reading and answers ABOR", s -> s.on("STOR", (c, a) -> {
            c.reply(FaultKit.Step.STOR.normal);
            c.acceptData();
            String next = c.readCommand(); // the client's ABOR, once its write watchdog gave up
            c.closeData();
            if ("ABOR".equals(next)) {
                c.reply("426 Connection closed; transfer aborted.");
                c.reply("226 ABOR command successful.");
            }
        }), FaultKit.CONFIG, FaultUploadTest::storeBig,
                Expect.of(FtpTransferException.class, Outcome.TransferIncomplete, "STOR").inStep(),
                sentAtLeast(0, TransportEvent.DATA_READ_TIMEOUT)));
        scenarios.add(FaultKit.custom("STOR, the server stops reading and is stuck", s -> s.on("STOR", (c, a) -> {
            c.reply(FaultKit.Step.STOR.normal);
            c.acceptData();
            c.awaitClientClose();
        }), FaultKit.CONFIG, FaultUploadTest::storeBig,
                Expect.of(FtpTransferException.class, Outcome.TransferIncomplete, "STOR"),
                sentAtLeast(0, TransportEvent.DATA_READ_TIMEOUT)));
        for (String[] refusal : List.of(
                new String[] {"452 Transfer aborted. No space left on device", "InsufficientStorage"},
                new String[] {"552 Transfer aborted. Disk quota exceeded", "QuotaExceeded"},
                new String[] {"451 Transfer aborted: local error in processing.", "ServerLocalError"},
                new String[] {"426 Connection closed; transfer aborted.", "TransferAborted"})) {
            Outcome outcome = Outcome.valueOf(refusal[1]);
            Class<? extends FtpException> type = outcome == Outcome.TransferAborted
                    ? FtpTransferException.class : FtpFileException.class;
            scenarios.add(FaultKit.custom("STOR, all the data read, then '" + refusal[0] + "'",
                    s -> s.on("STOR", (c, a) -> {
                        c.reply(FaultKit.Step.STOR.normal);
                        c.receiveData();
                        c.reply(refusal[0]);
                    }), FaultKit.CONFIG, FaultUploadTest::storeSmall, Expect.of(type, outcome, "STOR").inStep(),
                    (e, server, dir) -> assertEquals(FaultKit.UPLOAD.length, e.bytesTransferred().orElse(-1))));
        }
        scenarios.add(FaultKit.custom("STOR refused at once with 553", s -> s.on("STOR",
                (c, a) -> c.reply("553 Could not create file.")), FaultKit.CONFIG, FaultUploadTest::storeSmall,
                Expect.of(FtpFileException.class, Outcome.FileUnavailable, "STOR").inStep(), null));
        scenarios.add(resumedUpload());
        List<DynamicTest> tests = new ArrayList<>(KIT.tests(root, scenarios).toList());
        tests.add(KIT.nothingLeftAtTheEnd(Duration.ofSeconds(15)));
        return tests.stream();
    }

    private static ScriptedFtpServer.Handler reply(String text) {
        return (c, a) -> c.reply(text);
    }

    private static void storeBig(io.github.ftpdoctor.FtpClient ftp, Path dir) throws IOException {
        ftp.login("user", "secret");
        ftp.store("up.bin", FaultKit.zeros(BIG));
    }

    private static void storeSmall(io.github.ftpdoctor.FtpClient ftp, Path dir) throws IOException {
        ftp.login("user", "secret");
        ftp.store("up.bin", new ByteArrayInputStream(FaultKit.UPLOAD));
    }

    /** The failure counts at least what the server read (and less than the whole upload), and names its event. */
    private static Check sentAtLeast(long read, TransportEvent event) {
        return (e, server, dir) -> {
            long bytes = e.bytesTransferred().orElse(-1);
            assertTrue(bytes >= read && bytes < BIG, () -> FaultKit.describe(e));
            if (event != null) {
                assertEquals(event, e.diagnosis().event(), () -> FaultKit.describe(e));
            }
        };
    }

    /**
     * upload() is cut after 64 KiB with 426; uploadResume() asks SIZE, sends REST and the rest, and the server ends
     * up with the same bytes as the local file.
     */
    private static Scenario resumedUpload() {
        byte[] source = FaultKit.seeded(4 << 20, 3);
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        AtomicLong rest = new AtomicLong();
        return FaultKit.custom("upload cut after 64 KiB with 426, then uploadResume: SHA-256 identical", s -> {
            s.on("SIZE", (c, a) -> c.reply("213 " + stored.size()));
            s.on("REST", (c, a) -> {
                rest.set(Long.parseLong(a));
                c.reply("350 Restart position accepted (" + a + ").");
            });
            s.on("STOR", (c, a) -> {
                long from = rest.getAndSet(0);
                c.reply(FaultKit.Step.STOR.normal);
                Socket d = c.acceptData();
                if (from == 0) {
                    stored.reset();
                    stored.write(d.getInputStream().readNBytes(READ));
                    c.closeData();
                    c.reply("426 Failure reading network stream.");
                } else {
                    byte[] kept = java.util.Arrays.copyOf(stored.toByteArray(), (int) from);
                    stored.reset();
                    stored.write(kept);
                    stored.write(d.getInputStream().readAllBytes());
                    c.closeData();
                    c.reply("226 Transfer complete.");
                }
            });
        }, FaultKit.CONFIG, (ftp, dir) -> {
            Path local = dir.resolve("source.bin");
            Files.write(local, source);
            ftp.login("user", "secret");
            FtpException e = assertThrows(FtpTransferException.class, () -> ftp.upload(local, "up.bin"));
            assertEquals(Outcome.TransferAborted, e.diagnosis().outcome(), () -> FaultKit.describe(e));
            ftp.uploadResume(local, "up.bin");
            assertTrue(ftp.transcript().contains("> REST " + READ), ftp.transcript()::toString);
            try {
                assertEquals(FaultKit.sha256(source), FaultKit.sha256(stored.toByteArray()));
            } catch (Exception x) {
                throw new AssertionError(x);
            }
        }, null, null);
    }
}
