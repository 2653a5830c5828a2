package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** The server is full: its limit of simultaneous users is reached. */
public class TooManyUsersException extends FtpCapacityException {
    public TooManyUsersException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
