package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import java.io.IOException;

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
}
