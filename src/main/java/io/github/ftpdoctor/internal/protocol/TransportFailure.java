package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import java.io.IOException;
import java.util.List;

/** Something went wrong on the connection; the session turns it into a diagnosed exception. */
public final class TransportFailure extends IOException {
    private final TransportEvent event;
    private final String detail;
    private final transient Reply reply;

    public TransportFailure(TransportEvent event, String detail, Throwable cause) {
        this(event, detail, null, cause);
    }

    public TransportFailure(TransportEvent event, String detail, Reply reply, Throwable cause) {
        super(event + (detail == null ? "" : ": " + detail), cause);
        this.event = event;
        this.detail = detail;
        this.reply = reply;
    }

    public TransportEvent event() {
        return event;
    }

    public String detail() {
        return detail;
    }

    /** The reply involved, if any (an unexpected one). */
    public Reply reply() {
        return reply;
    }

    /** The same failure reported as a different event (e.g. EOF before the greeting rather than mid-session). */
    public TransportFailure as(TransportEvent other) {
        return new TransportFailure(other, detail, reply, getCause() == null ? this : getCause());
    }

    /** This failure, explained by the client-certificate probe when the connection was to present a certificate. */
    TransportFailure withCertificateHint(ConnectOptions options) {
        ClientCertificateProbe probe = options.tls() == null ? null : options.tls().probe();
        return probe == null ? this : probe.explain(this);
    }

    /** The exception for this failure, diagnosed in {@code ctx}, with the session's transcript. */
    FtpException toException(Classifier classifier, ExchangeContext ctx, List<String> transcript) {
        Diagnosis d = classifier.classify(event(), ctx, detail(), reply());
        return FtpException.of(d, transcript, getCause() == null ? this : getCause());
    }
}
