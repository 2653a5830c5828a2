package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** The connection could not be made or was lost: refused, timed out, unknown host, closed, no reply. */
public class FtpConnectionException extends FtpException {
    public FtpConnectionException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
