package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** Encryption (FTPS) is required by the server, or failed. */
public class FtpSecurityException extends FtpException {
    public FtpSecurityException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
