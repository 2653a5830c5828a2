package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.Server;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One logged-in-or-not FTP session over a {@link ControlChannel}: every reply and every transport failure passes
 * through the {@link Classifier}, and failures come out as typed {@link FtpException}s with the transcript.
 */
public final class Session implements Closeable {
    private static final int MAX_PRELIMINARY_GREETINGS = 20;

    private ControlChannel channel;
    private final ConnectOptions options;
    private Reply greeting;
    private Boolean anonymous;
    private final ServerName server = new ServerName();
    private volatile Reply lastReply;
    private volatile String lastVerb;
    private volatile String sentVerb;
    private volatile String sentArgument;
    private volatile boolean tlsUnconfirmed; // TLS is up and the server has not answered over it yet
    private final SessionEvents events;
    private final long started;
    private long commandStarted;
    private volatile boolean failed; // a failure was raised: the session may be out of step
    private boolean ended;

    Session(ControlChannel channel, ConnectOptions options, SessionEvents events, long started) {
        this.channel = channel;
        this.options = options;
        this.events = events;
        this.started = started;
    }

    /**
     * Connects, reads the greeting (waiting through {@code 120} within the reply timeout) and returns the session.
     * The listener of the options hears every step, {@code sessionEnd} included when this fails.
     */
    public static Session open(ConnectOptions options) throws FtpException {
        return SessionOpener.open(options, false);
    }

    /**
     * Like {@link #open(ConnectOptions)}; with {@code deferAuth}, an explicit-FTPS session stops after the greeting
     * and the caller runs {@link #authTls()} itself (the server check times and reports the two apart).
     */
    public static Session open(ConnectOptions options, boolean deferAuth) throws FtpException {
        return SessionOpener.open(options, deferAuth);
    }

    /** Reads the greeting; for explicit FTPS, then AUTH TLS unless the caller runs it itself. */
    void start(boolean tlsFirst, boolean deferAuth) throws FtpException {
        tlsUnconfirmed = tlsFirst;
        readGreeting();
        if (options.tls() != null && options.tls().explicit() && !deferAuth) {
            authTls();
        }
    }

    private void readGreeting() throws FtpException {
        long deadline = System.nanoTime() + options.replyTimeout().toNanos();
        ExchangeContext ctx = ExchangeContext.connecting()
                .withFailedLogins(HostHistory.recentFailedLogins(options.host(), options.port()));
        commandStarted = events.now();
        events.commandStart(ExchangeContext.CONNECT, null);
        try {
            readGreeting(deadline, ctx);
        } catch (FtpException e) {
            if (greeting == null) { // no greeting at all; a refusing one was reported as the reply
                events.commandFailed(ExchangeContext.CONNECT, e, commandStarted);
            }
            throw e;
        }
    }

    private void readGreeting(long deadline, ExchangeContext ctx) throws FtpException {
        for (int i = 0; i < MAX_PRELIMINARY_GREETINGS; i++) {
            Reply reply;
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TransportFailure(TransportEvent.GREETING_TIMEOUT, "no 220 greeting from "
                            + channel.peer() + " within " + options.replyTimeout().toMillis() + " ms", null);
                }
                channel.setReplyTimeout(Duration.ofNanos(left));
                reply = channel.readReply();
            } catch (TransportFailure f) {
                throw unconfirmedTls(SessionOpener.greetingEvent(f)).toException(classifier(), ctx, transcript());
            } catch (IOException e) {
                throw unconfirmedTls(new TransportFailure(TransportEvent.RESET_BEFORE_GREETING, e.getMessage(), e))
                        .toException(classifier(), ctx, transcript());
            }
            tlsUnconfirmed = false;
            events.replyReceived(ExchangeContext.CONNECT, reply);
            if (reply.isPositivePreliminary()) {
                continue; // 120 Service ready in nnn minutes: keep waiting within the timeout
            }
            greeting = reply;
            server.greeting(reply);
            channel.setReplyTimeout(options.replyTimeout());
            if (events.on()) {
                events.commandEnd(ExchangeContext.CONNECT, reply,
                        classifier().classify(reply, ctx.withServer(server().id())), commandStarted);
            }
            if (reply.isPositiveCompletion()) {
                return;
            }
            throw failure(reply, ctx.withServer(server().id()));
        }
        throw new TransportFailure(TransportEvent.GREETING_TIMEOUT, "only preliminary replies, no 220 greeting", null)
                .toException(classifier(), ctx, transcript());
    }

    /**
     * AUTH TLS (RFC 4217 §4): anything but 234 fails, never continuing in plain text; replies that arrived before
     * the handshake completed are dropped with the plain socket's buffer.
     */
    public void authTls() throws FtpException {
        expect("AUTH", "TLS", c -> c == 234);
        long tlsStarted = events.now();
        events.tlsStart();
        FtpException failure;
        try {
            javax.net.ssl.SSLSocket ssl = TlsUpgrade.wrap(channel.socket(), options.host(), options.tls());
            channel = channel.over(ssl);
            tlsUnconfirmed = true;
            events.tlsEnd(ssl, tlsStarted);
            return;
        } catch (TransportFailure f) {
            failure = transportFailure(f.withCertificateHint(options), "AUTH", false);
        } catch (IOException e) {
            failure = transportFailure(TlsUpgrade.failure(e, options.host()).withCertificateHint(options), "AUTH", false);
        }
        events.tlsFailed(failure, tlsStarted);
        throw failure;
    }

    /** Whether data connections are to be encrypted (PROT P). */
    public TlsOptions tls() {
        return options.tls();
    }

    /**
     * Sends a command and returns its final reply, which must come within the reply timeout (1xx replies are skipped
     * and do not extend it); only transport failures throw.
     */
    public Reply send(String verb, String argument) throws FtpException {
        checkOpen(verb);
        try {
            sent(verb, argument);
            Reply reply = channel.readReply();
            while (reply.isPositivePreliminary()) {
                events.replyReceived(verb, reply);
                reply = channel.readFinalReply();
            }
            return afterRead(reply, verb);
        } catch (TransportFailure f) {
            throw transportFailure(f, verb);
        } catch (IOException e) {
            throw transportFailure(new TransportFailure(TransportEvent.RESET_MID_SESSION, e.getMessage(), e), verb);
        }
    }

    /**
     * Sends a command and returns its first reply, a 1xx included: transfer commands answer 150 before the data
     * and their final reply after it.
     */
    public Reply sendForFirstReply(String verb, String argument) throws FtpException {
        checkOpen(verb);
        try {
            sent(verb, argument);
            return afterRead(channel.readReply(), verb);
        } catch (TransportFailure f) {
            throw transportFailure(f, verb);
        } catch (IOException e) {
            throw transportFailure(new TransportFailure(TransportEvent.RESET_MID_SESSION, e.getMessage(), e), verb);
        }
    }

    /** Reads the next reply (the final reply of a transfer), diagnosing transport failures as answers to {@code verb}. */
    public Reply readReply(String verb) throws FtpException {
        checkOpen(verb);
        try {
            return afterRead(channel.readReply(), verb);
        } catch (TransportFailure f) {
            throw transportFailure(f, verb);
        } catch (IOException e) {
            throw transportFailure(new TransportFailure(TransportEvent.RESET_MID_SESSION, e.getMessage(), e), verb);
        }
    }

    /**
     * Sends a command without reading its reply (ABOR from another thread, NOOP during a transfer); the caller
     * accounts for the reply. Thread-safe with respect to other sends.
     */
    public void sendWithoutReply(String verb, String argument) throws FtpException {
        checkOpen(verb);
        try {
            channel.send(verb, argument);
            events.commandStart(verb, argument);
        } catch (IOException e) {
            throw transportFailure(e instanceof TransportFailure f ? f
                    : new TransportFailure(TransportEvent.RESET_MID_SESSION, e.getMessage(), e), verb);
        }
    }

    private void sent(String verb, String argument) throws IOException {
        channel.send(verb, argument);
        sentVerb = verb;
        sentArgument = Transcript.isSecret(verb) ? null : argument;
        commandStarted = events.now();
        events.commandStart(verb, argument);
    }

    private Reply afterRead(Reply reply, String verb) {
        tlsUnconfirmed = false;
        lastReply = reply;
        lastVerb = verb;
        if (reply.code() == 421) {
            channel.close(); // the server closes after 421 (RFC 959 §4.2)
        }
        if (events.on()) {
            events.replyReceived(verb, reply);
            if (!reply.isPositivePreliminary()) {
                events.commandEnd(verb, reply, diagnose(reply, verb), commandStarted);
            }
        }
        return reply;
    }

    private void checkOpen(String verb) throws FtpException {
        if (!channel.isOpen()) {
            throw new TransportFailure(TransportEvent.CLOSED_MID_SESSION, "the control connection is already closed",
                    null).toException(classifier(), context(verb), transcript());
        }
    }

    /** The exception for a transport event during a command, e.g. a failed data connection. */
    public FtpException failure(TransportEvent event, String verb, String detail, Reply reply, Throwable cause) {
        failed = true;
        Diagnosis d = classifier().classify(event, context(verb), detail, reply);
        return FtpException.of(d, channel.transcript().snapshot(), cause);
    }

    /**
     * Sends a command and returns its reply if {@code accept} takes the code; a negative reply throws its diagnosed
     * exception, and a positive reply the command cannot have is a protocol error.
     */
    public Reply expect(String verb, String argument, IntPredicate accept) throws FtpException {
        Reply reply = send(verb, argument);
        if (accept.test(reply.code())) {
            return reply;
        }
        throw failure(reply, context(verb));
    }

    /** The exception for a reply: its own diagnosis when negative, a protocol error when positive but unexpected. */
    public FtpException failure(Reply reply, ExchangeContext ctx) {
        failed = true;
        Diagnosis d = classifier().classify(reply, ctx);
        if (!d.isFailure()) {
            d = classifier().classify(TransportEvent.UNEXPECTED_REPLY, ctx,
                    "unexpected reply " + reply.code() + " to " + ctx.command(), reply);
        }
        return FtpException.of(d, channel.transcript().snapshot(), null);
    }

    /** The exception for a diagnosis, with this session's transcript. */
    public FtpException exception(Diagnosis diagnosis) {
        failed = true;
        return FtpException.of(diagnosis, channel.transcript().snapshot(), null);
    }

    /** Diagnoses a reply in the context of the command it answered. */
    public Diagnosis diagnose(Reply reply, String verb) {
        return classifier().classify(reply, context(verb));
    }

    /** As {@link #diagnose}, made when first read (a successful step need not wait for the catalog). */
    public Diagnosis diagnoseWhenRead(Reply reply, String verb) {
        ExchangeContext now = new ExchangeContext(verb, anonymous, null, 0, argumentOf(verb));
        return Diagnosis.whenRead(() -> classifier().classify(reply, now.withServer(server().id())));
    }

    private FtpException transportFailure(TransportFailure f, String verb) {
        return transportFailure(f, verb, true);
    }

    /** The connection is unusable after a transport failure: closed, and the command reported as failed. */
    private FtpException transportFailure(TransportFailure f, String verb, boolean commandFailed) {
        failed = true;
        channel.close();
        FtpException e = unconfirmedTls(f).toException(classifier(), context(verb), transcript());
        if (commandFailed) {
            events.commandFailed(verb, e, commandStarted);
        }
        return e;
    }

    /** Until the server has answered over TLS, a failure may be the server refusing our client certificate. */
    private TransportFailure unconfirmedTls(TransportFailure f) {
        return tlsUnconfirmed ? f.withCertificateHint(options) : f;
    }

    /** The context of a reply to this command, with what is known of the login name. */
    public ExchangeContext context(String verb) {
        return new ExchangeContext(verb, anonymous, server().id(), 0, argumentOf(verb));
    }

    private String argumentOf(String verb) {
        return verb != null && verb.equalsIgnoreCase(sentVerb) ? sentArgument : null;
    }

    /** The server family, from the greeting (and SYST, once asked); named when first asked for. */
    public Server server() {
        return server.get(() -> classifier().catalog());
    }

    /** Refines the server family with the SYST reply when the greeting did not tell. */
    public void learnSystem(String syst) {
        server.system(syst);
    }

    /** The classifier of the options (the built-in one is read when first needed). */
    private Classifier classifier() {
        return options.classifier();
    }

    /** Records whether the login name is anonymous, for the diagnosis of the replies that follow. */
    public void setAnonymous(Boolean value) {
        this.anonymous = value;
    }

    /** The diagnosis of the last reply received (the greeting before any command). */
    public Diagnosis lastDiagnosis() {
        Reply r = lastReply;
        return r == null ? classifier().classify(greeting, ExchangeContext.connecting()) : diagnose(r, lastVerb);
    }

    public Reply greeting() {
        return greeting;
    }

    public ControlChannel channel() {
        return channel;
    }

    public ConnectOptions options() {
        return options;
    }

    public List<String> transcript() {
        return channel.transcript().snapshot();
    }

    public boolean isOpen() {
        return channel.isOpen();
    }

    /** Whether this session raised a failure (any {@link FtpException}): it may be out of step with the server. */
    public boolean hasFailed() {
        return failed;
    }

    /** Records a failure raised outside this class (a transfer's negative final reply). */
    public void markFailed() {
        failed = true;
    }

    /** The session's event listener. */
    public SessionEvents events() { return events; }

    /** Closes the connection; the first call reports the end of the session. */
    @Override
    public void close() {
        channel.close();
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        events.sessionEnd(started);
    }
}
