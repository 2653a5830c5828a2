package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.io.IOException;
import java.util.Optional;

/**
 * No session of an {@code FtpClientPool} became free in time: every session the pool may open (its own bounds, or
 * the server's limit it learned from a refusal) is in use. Not an {@link FtpException}: the server was not asked.
 * When the bound is a limit the server revealed, {@link #limitDiagnosis()} is the refusal that revealed it.
 */
public class PoolExhaustedException extends IOException {
    private final transient Diagnosis limitDiagnosis;

    public PoolExhaustedException(String message, Diagnosis limitDiagnosis) {
        super(message);
        this.limitDiagnosis = limitDiagnosis;
    }

    /** The server's refusal that taught the pool its current limit, if that limit is what was reached. */
    public Optional<Diagnosis> limitDiagnosis() {
        return Optional.ofNullable(limitDiagnosis);
    }
}
