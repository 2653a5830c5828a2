package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** A file or directory operation failed: not found, no permission, no space, name not allowed. */
public class FtpFileException extends FtpException {
    public FtpFileException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
