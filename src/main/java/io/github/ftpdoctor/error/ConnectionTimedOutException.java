package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** The TCP connection attempt got no answer within the connect timeout. */
public class ConnectionTimedOutException extends FtpConnectionException {
    public ConnectionTimedOutException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
