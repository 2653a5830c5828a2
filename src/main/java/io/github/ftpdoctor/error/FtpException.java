package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The base of every ftpdoctor failure: an {@link IOException} that carries its {@link Diagnosis}.
 *
 * <p>The message is the one-line English explanation followed by the server's reply (or the transport detail);
 * it never contains a password. {@link #transcript()} holds the session's last exchanges, passwords masked.
 * Catch a category ({@link FtpAccessException}, {@link FtpCapacityException}, ...) or a specific outcome
 * ({@link AnonymousDeniedException}, {@link PerIpSessionLimitException}, ...).
 */
public class FtpException extends IOException {
    private final transient Diagnosis diagnosis;
    private final List<String> transcript;
    private long bytesTransferred = -1;

    public FtpException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(Objects.requireNonNull(diagnosis, "diagnosis").summary(), cause);
        this.diagnosis = diagnosis;
        this.transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    /** The diagnosis: outcome, reply, rule, explanation and advice in English and Chinese, retry guidance. */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /** The last lines exchanged on the control connection before the failure ({@code > } sent, {@code < } received), passwords masked. */
    public List<String> transcript() {
        return transcript;
    }

    /**
     * The exception for a diagnosis: a dedicated type for the outcomes that have one, otherwise the type of the
     * outcome's category.
     */
    public static FtpException of(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        return ExceptionTypes.create(diagnosis, transcript, cause);
    }

    /**
     * The exception for a failed transfer: as {@link #of(Diagnosis, List, Throwable)}, carrying how many bytes had
     * been transferred (the restart offset included).
     */
    public static FtpException of(Diagnosis diagnosis, List<String> transcript, Throwable cause, long bytesTransferred) {
        FtpException e = ExceptionTypes.create(diagnosis, transcript, cause);
        e.bytesTransferred = bytesTransferred;
        return e;
    }

    /** For a failed transfer, the bytes transferred before it failed; empty for other failures. */
    public java.util.OptionalLong bytesTransferred() {
        return bytesTransferred < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(bytesTransferred);
    }

    /** Same as {@link #of(Diagnosis, List, Throwable)} without transcript or cause. */
    public static FtpException of(Diagnosis diagnosis) {
        return of(diagnosis, List.of(), null);
    }
}
