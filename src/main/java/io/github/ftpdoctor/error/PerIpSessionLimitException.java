package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** The server allows only so many sessions from one address, and this address has them all. */
public class PerIpSessionLimitException extends FtpCapacityException {
    public PerIpSessionLimitException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
