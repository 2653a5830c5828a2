package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import java.util.List;

/** The server very likely banned this address; retrying makes a ban longer. */
public class LikelyBannedException extends FtpAccessException {
    public LikelyBannedException(Diagnosis diagnosis, List<String> transcript, Throwable cause) {
        super(diagnosis, transcript, cause);
    }
}
