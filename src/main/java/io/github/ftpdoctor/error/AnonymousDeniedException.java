package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** The server does not allow anonymous login. */
public class AnonymousDeniedException extends FtpAccessException {
    public AnonymousDeniedException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
