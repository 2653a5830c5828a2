package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** The server is full, limits sessions, or is going away; usually worth retrying later (see the diagnosis's retry advice). */
public class FtpCapacityException extends FtpException {
    public FtpCapacityException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
