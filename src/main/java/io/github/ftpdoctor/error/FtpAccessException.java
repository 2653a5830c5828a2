package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** Login refused or access not allowed: credentials, anonymous access, address lists, bans. */
public class FtpAccessException extends FtpException {
    public FtpAccessException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
