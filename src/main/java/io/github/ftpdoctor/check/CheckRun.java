package io.github.ftpdoctor.check;

import io.github.ftpdoctor.TlsMode;
import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Server;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.protocol.ConnectOptions;
import io.github.ftpdoctor.internal.protocol.Session;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of a {@link ServerCheck}: the steps in order, each bounded by the watchdog, each skipped (naming why) when a
 * step it needs did not succeed or the control connection is gone. Session steps live here; TLS, passive/data and
 * write steps in {@link TlsStep}, {@link DataSteps} and {@link WriteSteps}.
 */
final class CheckRun {
    private static final int TRANSCRIPT_LINES = 5000;

    final CheckOptions options;
    final Classifier classifier;
    final StepLog log;
    final ObservedSockets sockets = new ObservedSockets();
    final Watchdog watchdog;
    final TlsStep tls;
    private final SessionSteps sessionSteps;
    Session session;
    /** How the session was opened (a cleanup session is opened the same way). */
    ConnectOptions connectOptions;
    DataChannel data;
    /** FEAT after login (feature name to parameters), or null before it is known. */
    java.util.Map<String, String> features;
    List<String> lostTranscript = List.of();
    /** The transcript of a session the server ended, when the check had to open another. */
    private final List<String> earlierTranscript = new ArrayList<>();
    /** Lines of a cleanup session, added to the transcript. */
    final List<String> extraTranscript = new ArrayList<>();
    private Step closedAt;
    private InetAddress[] addresses;

    /** The body of a step; {@code start} is its {@link System#nanoTime()} at the start. */
    interface Body {
        void run(long start) throws FtpException;
    }

    CheckRun(CheckOptions options) {
        this.options = options;
        this.classifier = options.classifier();
        this.log = new StepLog(StepTexts.builtIn(), options);
        this.watchdog = new Watchdog(sockets::closeAll);
        this.tls = new TlsStep(this);
        this.sessionSteps = new SessionSteps(this);
    }

    CheckReport run() {
        try {
            step(Step.RESOLVE, this::resolve);
            if (ready(Step.CONNECT, Step.RESOLVE)) {
                step(Step.CONNECT, this::connect);
            }
            if (options.tls() == TlsMode.IMPLICIT) { // TLS first, then the greeting
                if (!log.recorded(Step.TLS) && ready(Step.TLS, Step.CONNECT)) {
                    step(Step.TLS, tls::implicit);
                }
                if (!log.recorded(Step.GREETING) && ready(Step.GREETING, Step.TLS)) {
                    step(Step.GREETING, this::greeting);
                }
            } else {
                if (!log.recorded(Step.GREETING) && ready(Step.GREETING, Step.CONNECT)) {
                    step(Step.GREETING, this::greeting);
                }
                if (!log.recorded(Step.TLS) && ready(Step.TLS, Step.GREETING)) {
                    step(Step.TLS, tls::explicitOrPlain);
                }
            }
            if (ready(Step.LOGIN, Step.GREETING, Step.TLS)) {
                step(Step.LOGIN, sessionSteps::login);
            }
            if (ready(Step.FEATURES, Step.LOGIN)) {
                step(Step.FEATURES, sessionSteps::features);
            }
            if (ready(Step.PWD, Step.LOGIN)) {
                step(Step.PWD, sessionSteps::pwd);
            }
            DataSteps dataSteps = new DataSteps(this);
            dataSteps.run();
            new WriteSteps(this).run();
            if (session == null && log.succeeded(Step.CONNECT)) {
                Step where = log.status(Step.TLS) == StepStatus.FAIL ? Step.TLS : Step.GREETING;
                log.skip(Step.QUIT, "not run: the control connection was closed during the " + where.id() + " step",
                        "skipped.closed", "advice.fixFirst", "dependency", where.id());
            } else if (ready(Step.QUIT, Step.CONNECT)) {
                step(Step.QUIT, sessionSteps::quit);
            }
        } finally {
            watchdog.close();
            if (session != null) {
                session.close();
            }
        }
        return new CheckReport(options.target(), session == null ? Server.UNKNOWN : session.server(), log.inOrder(),
                transcript());
    }

    /** Runs a step under the watchdog; a failure it throws is recorded with its diagnosis. */
    void step(Step s, Body body) {
        long start = System.nanoTime();
        watchdog.arm(budgetMillis());
        try {
            body.run(start);
        } catch (FtpException e) {
            if (!log.recorded(s)) {
                log.problem(s, StepStatus.FAIL, ms(start), diagnosisOf(e), null, data == null ? null
                        : DataSteps.portAdvice(this, e.diagnosis()));
            }
        } catch (RuntimeException e) {
            if (!log.recorded(s)) {
                Diagnosis d = classifier.classify(TransportEvent.UNEXPECTED_REPLY, context(null),
                        "the check stopped this step: " + e, null);
                log.problem(s, StepStatus.FAIL, ms(start), d, null, null);
            }
        } finally {
            watchdog.disarm();
            if (closedAt == null && session != null && !session.isOpen()) {
                closedAt = s;
            }
        }
    }

    /** The step's budget: three timeouts, so that a step of several bounded waits is never cut short. */
    long budgetMillis() {
        return 3L * options.timeoutMillis() + 1000;
    }

    /** When the watchdog ended the step, that is the diagnosis; else the failure's own. */
    Diagnosis diagnosisOf(FtpException e) {
        if (watchdog.fired()) {
            return classifier.classify(TransportEvent.REPLY_TIMEOUT, context(e.diagnosis().command()),
                    "the step did not finish within " + budgetMillis() + " ms (three timeouts), so the check closed"
                            + " its connections", null);
        }
        return e.diagnosis();
    }

    /**
     * Whether a step may run: every step it needs succeeded and the control connection (once made) is open;
     * otherwise the step is recorded as skipped, naming why.
     */
    boolean ready(Step s, Step... needs) {
        for (Step n : needs) {
            if (!log.succeeded(n)) {
                log.skipAfter(s, n);
                return false;
            }
        }
        if (session != null && !session.isOpen()) {
            Step where = closedAt == null ? Step.CONNECT : closedAt;
            log.skip(s, "not run: the control connection was closed during the " + where.id() + " step",
                    "skipped.closed", "advice.fixFirst", "dependency", where.id());
            return false;
        }
        return true;
    }

    ExchangeContext context(String verb) {
        if (session != null) {
            return session.context(verb);
        }
        return new ExchangeContext(verb, null);
    }

    static long ms(long start) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    // ---- resolve, connect, greeting

    private void resolve(long start) throws FtpException {
        try {
            CompletableFuture<InetAddress[]> lookup = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    lookup.complete(InetAddress.getAllByName(options.host()));
                } catch (Exception | Error e) {
                    lookup.completeExceptionally(e);
                }
            }, "ftpdoctor-check-resolve");
            t.setDaemon(true);
            t.start();
            addresses = lookup.get(options.timeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof TimeoutException ? "no answer from the resolver within "
                    + options.timeoutMillis() + " ms" : "cannot resolve " + options.host();
            throw FtpException.of(classifier.classify(TransportEvent.UNKNOWN_HOST, ExchangeContext.connecting(),
                    why + " (" + options.host() + ")", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FtpException.of(classifier.classify(TransportEvent.UNKNOWN_HOST, ExchangeContext.connecting(),
                    "interrupted while resolving " + options.host(), null));
        }
        List<String> shown = new ArrayList<>();
        for (InetAddress a : addresses) {
            shown.add(a.getHostAddress() + (a instanceof Inet6Address ? " (IPv6)" : " (IPv4)"));
        }
        log.ok(Step.RESOLVE, ms(start), options.host() + ": " + String.join(", ", shown), "resolve.ok",
                "host", options.host(), "addresses", String.join(", ", shown));
    }

    private void connect(long start) throws FtpException {
        sockets.allow(Set.of(addresses), "control");
        ConnectOptions co = new ConnectOptions(options.host(), options.port(), options.timeout(), options.timeout(),
                StandardCharsets.UTF_8, true, classifier, sockets, TRANSCRIPT_LINES, tls.options());
        connectOptions = co;
        try {
            session = Session.open(co, true);
        } catch (FtpException e) {
            lostTranscript = e.transcript();
            if (connected() == null) {
                throw e; // the TCP connection itself failed: the connect step's failure
            }
            log.ok(Step.CONNECT, connectMillis(), connectDetail(), "connect.ok", "address",
                    connected().address().getHostAddress(), "port", options.port());
            tls.openFailed(start, e); // a greeting, or an implicit TLS handshake, that failed
            return;
        }
        sockets.allow(Set.of(session.channel().socket().getInetAddress()), "data");
        log.ok(Step.CONNECT, connectMillis(), connectDetail(), "connect.ok", "address",
                connected().address().getHostAddress(), "port", options.port());
        data = new DataChannel(session, sockets, options.timeoutMillis(), null);
        tls.opened(start);
    }

    /** The control connect attempt that succeeded, or null. */
    ObservedSockets.Attempt connected() {
        for (ObservedSockets.Attempt a : sockets.attempts()) {
            if (a.error() == null && "control".equals(a.purpose())) {
                return a;
            }
        }
        return null;
    }

    private long connectMillis() {
        long n = 0;
        for (ObservedSockets.Attempt a : sockets.attempts()) {
            if ("control".equals(a.purpose())) {
                n += a.nanos();
            }
        }
        return TimeUnit.NANOSECONDS.toMillis(n);
    }

    private String connectDetail() {
        List<String> tries = new ArrayList<>();
        for (ObservedSockets.Attempt a : sockets.attempts()) {
            if ("control".equals(a.purpose())) {
                tries.add(a.address().getHostAddress() + " port " + a.port()
                        + (a.error() == null ? " connected" : " failed: " + a.error()));
            }
        }
        return String.join("; ", tries);
    }

    void greeting(long start) {
        var g = session.greeting();
        Server server = session.server();
        Diagnosis d = classifier.classify(TransportEvent.GREETING_REVIEWED,
                ExchangeContext.connecting().withServer(server.id()), null, g);
        String detail = g + (server.isKnown() ? "; server: " + server : "; server family not recognised");
        long ms = tls.greetingMillis(start);
        if (d.isFailure()) {
            log.problem(Step.GREETING, StepStatus.WARN, ms, d, detail, null);
        } else if (server.isKnown()) {
            log.ok(Step.GREETING, ms, detail, "greeting.ok", "code", g.code(), "server", server.name());
        } else {
            log.ok(Step.GREETING, ms, detail, "greeting.unknown", "code", g.code());
        }
    }

    /**
     * Opens the session again after the server ended it on purpose (vsftpd ends a session whose data connection it
     * refused over TLS): connect, TLS, login, PBSZ/PROT, OPTS UTF8 as before, to the same address.
     */
    boolean reopen(String why) {
        earlierTranscript.addAll(session.transcript());
        earlierTranscript.add("* check: " + why + "; a new session continues the check");
        try {
            Session s = Session.open(connectOptions);
            session = s;
            io.github.ftpdoctor.internal.protocol.Login.run(s, options.loginName(),
                    options.user() == null ? "anonymous@" : options.password(), null);
            if (s.tls() != null) {
                s.expect("PBSZ", "0", c -> c / 100 == 2);
                s.expect("PROT", "P", c -> c / 100 == 2);
            }
            if (features != null && features.containsKey("UTF8")) {
                s.send("OPTS", "UTF8 ON");
            }
            data = new DataChannel(s, sockets, options.timeoutMillis(), data == null ? null : data.portsSeen());
            return true;
        } catch (FtpException e) {
            earlierTranscript.addAll(e.transcript());
            return false;
        }
    }

    // ---- transcript

    private List<String> transcript() {
        List<String> all = new ArrayList<>();
        for (ObservedSockets.Attempt a : sockets.attempts()) {
            if ("control".equals(a.purpose())) {
                all.add("* check: control connection to " + a.address().getHostAddress() + " port " + a.port()
                        + (a.error() == null ? "" : " failed: " + a.error()));
            }
        }
        all.addAll(earlierTranscript);
        all.addAll(session != null ? session.transcript() : lostTranscript);
        all.addAll(extraTranscript);
        List<String> masked = new ArrayList<>(all.size());
        for (String l : all) {
            masked.add(options.mask(l));
        }
        return masked;
    }
}
