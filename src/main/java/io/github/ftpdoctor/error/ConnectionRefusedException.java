package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** The host refused the TCP connection: nothing listens on that port. */
public class ConnectionRefusedException extends FtpConnectionException {
    public ConnectionRefusedException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
