package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** This account is already logged in as many times as the server allows. */
public class PerUserSessionLimitException extends FtpCapacityException {
    public PerUserSessionLimitException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
