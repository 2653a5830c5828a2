package io.github.ftpdoctor;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.error.FtpException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The result of one file of a {@link ParallelTransfers} run.
 *
 * @param remote  the remote path
 * @param local   the local path
 * @param bytes   the bytes transferred (the file's size on success; on failure what had been transferred, or 0)
 * @param failure null on success; otherwise why the file was not transferred: an {@link FtpException} with its
 *                diagnosis (earlier attempts' failures suppressed), or a local {@link IOException} (a local file
 *                that cannot be read or written, an interrupted run)
 */
public record TransferResult(String remote, Path local, long bytes, IOException failure) {

    /** Whether the file was transferred. */
    public boolean succeeded() {
        return failure == null;
    }

    /** The failure's diagnosis when the server or the connection caused it; empty on success and local failures. */
    public Optional<Diagnosis> diagnosis() {
        return failure instanceof FtpException f ? Optional.of(f.diagnosis()) : Optional.empty();
    }
}
