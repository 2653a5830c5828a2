package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** Wrong password or unknown user; many servers answer both the same way on purpose. */
public class BadCredentialsOrUnknownUserException extends FtpAccessException {
    public BadCredentialsOrUnknownUserException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
