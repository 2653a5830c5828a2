package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** Your address is not on the server's allow list (or is on its deny list). */
public class IpNotAllowedException extends FtpAccessException {
    public IpNotAllowedException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
