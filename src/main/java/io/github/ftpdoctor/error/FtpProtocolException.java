package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** The dialogue went wrong: syntax, command sequence, unsupported command, or a reply that breaks the protocol. */
public class FtpProtocolException extends FtpException {
    public FtpProtocolException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
