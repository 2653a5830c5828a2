package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** The data connection could not be opened, or a transfer was aborted or incomplete. */
public class FtpTransferException extends FtpException {
    public FtpTransferException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
