package io.github.ftpdoctor.diagnosis;

/** The family an {@link Outcome} belongs to; it decides which exception category is raised. */
public enum Category {
    /** The command did what was asked. */
    SUCCESS,
    /** A positive step (1xx, 3xx) on the way to a result; not a failure. */
    INTERMEDIATE,
    /** The TCP connection could not be made, or was lost. */
    CONNECTION,
    /** Login refused or access not allowed. */
    ACCESS,
    /** The server is full, limits sessions, or is going away. */
    CAPACITY,
    /** Encryption (FTPS) is required or failed. */
    SECURITY,
    /** A file or directory operation failed. */
    FILE,
    /** The data connection or a transfer failed. */
    TRANSFER,
    /** The dialogue itself went wrong: syntax, sequence, unsupported command, malformed reply. */
    PROTOCOL;

    /** Whether outcomes of this category are failures (everything but success and intermediate steps). */
    public boolean isFailure() {
        return this != SUCCESS && this != INTERMEDIATE;
    }
}
