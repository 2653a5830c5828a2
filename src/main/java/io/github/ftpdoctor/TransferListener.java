package io.github.ftpdoctor;

/** Told how a transfer progresses. Called on the transferring thread; keep it quick. */
@FunctionalInterface
public interface TransferListener {
    /** A listener that ignores everything. */
    TransferListener NONE = (path, bytes, total) -> { };

    /**
     * Called as data moves, at most every few hundred kilobytes.
     *
     * @param remotePath the remote file
     * @param bytes      bytes transferred so far (of this transfer, restart offset included)
     * @param total      the expected total, or -1 when unknown
     */
    void progress(String remotePath, long bytes, long total);
}
