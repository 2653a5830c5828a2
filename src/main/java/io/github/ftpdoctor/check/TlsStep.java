package io.github.ftpdoctor.check;

import io.github.ftpdoctor.TlsMode;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.protocol.ClientCertificateProbe;
import io.github.ftpdoctor.internal.protocol.TlsContexts;
import io.github.ftpdoctor.internal.protocol.TlsOptions;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;

/**
 * The tls step: on ftpes:// and ftps:// the handshake, protocol, cipher and certificate (chain, days left, self-signed,
 * host name; with {@code insecure} also what the JDK's trust store would say); on ftp:// whether FEAT offers AUTH TLS
 * all the same (a warning to use ftpes://).
 */
final class TlsStep {
    private static final Pattern AUTH_TLS = Pattern.compile("(?i)^\\s*AUTH\\b.*\\bTLS");
    private static final Set<TransportEvent> HANDSHAKE_EVENTS = EnumSet.of(TransportEvent.TLS_CERTIFICATE_UNTRUSTED,
            TransportEvent.TLS_HOSTNAME_MISMATCH, TransportEvent.TLS_HANDSHAKE_FAILED,
            TransportEvent.TLS_CLIENT_CERTIFICATE_REQUIRED);
    /** Fewer days left than this is a warning. */
    static final int EXPIRY_WARNING_DAYS = 30;

    private final CheckRun run;
    private RecordingTrust recorder;
    private X509TrustManager manager;
    private long openStart;
    private long openEnd;
    /** ftp:// whose FEAT could not be read before login: decided after the features step. */
    private boolean deferred;

    TlsStep(CheckRun run) {
        this.run = run;
    }

    /** The FTPS settings of the session (null for ftp://), with a recorder of the server's certificate chain. */
    TlsOptions options() {
        CheckOptions o = run.options;
        if (o.tls() == TlsMode.NONE) {
            return null;
        }
        RecordingTrust.Pair pair = RecordingTrust.wrap(o.trust() != null ? o.trust() : CertificateFacts.systemTrust());
        recorder = pair.recorder();
        manager = pair.manager();
        ClientCertificateProbe probe = TlsContexts.probe(null);
        return new TlsOptions(o.tls() == TlsMode.EXPLICIT, TlsContexts.fresh(manager, probe), probe, !o.insecure(),
                true, null);
    }

    /** A context with an empty session cache and the same trust: a data connection with it cannot resume. */
    SSLContext freshContext() {
        return TlsContexts.fresh(manager, TlsContexts.probe(null));
    }

    /** The session is open (greeting read; implicit: TLS up). */
    void opened(long start) {
        openStart = start;
        openEnd = System.nanoTime();
    }

    private long connectEnd() {
        ObservedSockets.Attempt a = run.connected();
        return a == null ? openStart : a.endNanos();
    }

    /** The greeting's time: from the TCP connection (implicit: the handshake) to the greeting read. */
    long greetingMillis(long ignored) {
        long from = connectEnd();
        if (run.options.tls() == TlsMode.IMPLICIT && recorder != null && recorder.checkedAtNanos() > from) {
            from = recorder.checkedAtNanos();
        }
        return Math.max(0, (openEnd - from) / 1_000_000);
    }

    /**
     * Opening failed after the TCP connection: the greeting failed, or (implicit FTPS) the handshake did. Records
     * the failed step; the steps after it are then skipped by the run.
     */
    void openFailed(long start, FtpException e) {
        openStart = start;
        openEnd = System.nanoTime();
        Diagnosis d = e.diagnosis();
        boolean handshake = d.event() != null && HANDSHAKE_EVENTS.contains(d.event());
        if (run.options.tls() == TlsMode.IMPLICIT && handshake) {
            run.log.problem(Step.TLS, StepStatus.FAIL, Math.max(0, (openEnd - connectEnd()) / 1_000_000), d,
                    withChain(StepLog.describe(d)), null);
        } else {
            run.log.problem(Step.GREETING, StepStatus.FAIL, Math.max(0, (openEnd - connectEnd()) / 1_000_000), d,
                    null, null);
        }
    }

    /** ftpes://: AUTH TLS and the handshake, then the inspection; ftp://: does FEAT offer TLS anyway? */
    void explicitOrPlain(long start) throws FtpException {
        if (run.options.tls() == TlsMode.NONE) {
            plain(start);
            return;
        }
        try {
            run.session.authTls();
        } catch (FtpException e) {
            Diagnosis d = run.diagnosisOf(e);
            run.log.problem(Step.TLS, StepStatus.FAIL, CheckRun.ms(start), d, withChain(StepLog.describe(d)), null);
            return;
        }
        inspect(CheckRun.ms(start), "AUTH");
    }

    /** ftps://: the handshake is done; its time ran from the TCP connection to the certificate check. */
    void implicit(long start) {
        long from = connectEnd();
        long to = recorder != null && recorder.checkedAtNanos() > from ? recorder.checkedAtNanos() : openEnd;
        inspect(Math.max(0, (to - from) / 1_000_000), "CONNECT");
    }

    private void plain(long start) throws FtpException {
        Reply feat = run.session.send("FEAT", null);
        if (feat.code() != 211) {
            deferred = true; // some servers answer FEAT only after login: decided in the features step
            run.log.ok(Step.TLS, CheckRun.ms(start), "FEAT before login: " + feat, "tls.laterAfterLogin");
            return;
        }
        decidePlain(CheckRun.ms(start), feat);
    }

    /** After login: the FEAT reply, for an ftp:// session whose FEAT could not be read before login. */
    void afterFeatures(Reply feat) {
        if (deferred) {
            deferred = false;
            long ms = run.log.inOrder().get(Step.TLS.ordinal()).elapsedMs();
            decidePlain(ms, feat);
        }
    }

    private void decidePlain(long ms, Reply feat) {
        boolean listed = feat.code() == 211 && feat.lines().stream().anyMatch(l -> AUTH_TLS.matcher(l).find());
        long start = System.nanoTime();
        Offer offer = listed ? confirm() : null;
        ms += CheckRun.ms(start);
        CheckStep result;
        if (offer != null && offer.works() != Boolean.FALSE) {
            String detail = "FEAT lists AUTH TLS; this session is plain ftp://; " + offer.detail();
            Diagnosis d = run.classifier.classify(TransportEvent.TLS_OFFERED_NOT_USED, run.context("FEAT"), detail,
                    null);
            result = new CheckStep(Step.TLS, StepStatus.WARN, d.outcome(), run.options.mask(detail), d.explanation(),
                    d.advice(), ms);
        } else {
            String detail = offer != null ? "FEAT lists AUTH TLS, but " + offer.detail()
                    : feat.code() == 211 ? "FEAT lists no AUTH TLS" : "FEAT not available: " + feat;
            result = new CheckStep(Step.TLS, StepStatus.OK, null, detail, run.log.texts().get("tls.none"),
                    run.log.texts().get("advice.none"), ms);
        }
        run.log.replace(result); // after login it replaces the provisional result
    }

    /**
     * Whether the offer is real: FEAT is a fixed text on some servers (Apache MINA FtpServer lists AUTH TLS without
     * any certificate). A second connection to the same peer tries AUTH TLS and the handshake, trusting any
     * certificate since nothing is sent over it but QUIT, and describes what it found.
     *
     * @param works TRUE when the handshake worked, FALSE when AUTH TLS was refused, null when it could not be told
     */
    private record Offer(Boolean works, String detail) {
    }

    private Offer confirm() {
        io.github.ftpdoctor.internal.protocol.ConnectOptions main = run.connectOptions;
        ClientCertificateProbe probe = TlsContexts.probe(null);
        io.github.ftpdoctor.internal.protocol.ConnectOptions probeOptions =
                new io.github.ftpdoctor.internal.protocol.ConnectOptions(
                        run.session.channel().socket().getInetAddress().getHostAddress(), main.port(),
                        main.connectTimeout(), main.replyTimeout(), main.charset(), true, main.classifier(),
                        main.socketFactory(), 50, new TlsOptions(true,
                        TlsContexts.fresh(TlsContexts.trustingEverything(), probe), probe, false, true, null));
        var t = run.session.channel().transcript();
        t.note("check: a second connection to the same address, to see whether AUTH TLS really works");
        try (io.github.ftpdoctor.internal.protocol.Session s =
                     io.github.ftpdoctor.internal.protocol.Session.open(probeOptions)) {
            SSLSession ss = ((SSLSocket) s.channel().socket()).getSession();
            X509Certificate[] chain = chain(ss);
            String what = "AUTH TLS on a second connection worked: " + ss.getProtocol() + ", " + ss.getCipherSuite()
                    + (chain == null ? "" : "; " + new CertificateFacts(chain, run.options.host(), Instant.now())
                    .describe());
            try {
                s.send("QUIT", null);
            } catch (FtpException ignored) {
                // the probe is done either way
            }
            s.transcript().forEach(l -> t.note("check (second connection): " + l));
            return new Offer(Boolean.TRUE, what);
        } catch (FtpException e) {
            e.transcript().forEach(l -> t.note("check (second connection): " + l));
            Diagnosis d = e.diagnosis();
            boolean refused = "AUTH".equals(d.command()) && d.reply() != null && d.reply().isNegative();
            return new Offer(refused ? Boolean.FALSE : null, (refused ? "AUTH TLS is refused: "
                    : "whether AUTH TLS works could not be tried: ") + StepLog.describe(d));
        }
    }

    /** The handshake succeeded: report protocol, cipher and certificate, warning about what deserves it. */
    private void inspect(long ms, String verb) {
        SSLSession s = ((SSLSocket) run.session.channel().socket()).getSession();
        X509Certificate[] chain = chain(s);
        if (chain == null) {
            run.log.ok(Step.TLS, ms, s.getProtocol() + ", " + s.getCipherSuite() + "; no certificate",
                    "tls.noCertificate", "protocol", s.getProtocol(), "cipher", s.getCipherSuite());
            return;
        }
        CertificateFacts f = new CertificateFacts(chain, run.options.host(), Instant.now());
        String detail = s.getProtocol() + ", " + s.getCipherSuite() + "; " + f.describe();
        TransportEvent event = null;
        if (run.options.insecure()) {
            String problem = f.systemTrustProblem(recorder.authType());
            if (problem != null) {
                event = TransportEvent.TLS_CERTIFICATE_UNTRUSTED;
                detail += "; not checked (insecure), and the JDK trust store refuses it: " + problem;
            } else if (!f.matchesHost()) {
                event = TransportEvent.TLS_HOSTNAME_MISMATCH;
                detail += "; not checked (insecure), and it does not name " + run.options.host();
            }
        }
        if (event == null && f.daysLeft() < EXPIRY_WARNING_DAYS) {
            event = TransportEvent.TLS_CERTIFICATE_EXPIRING;
        }
        if (event != null) {
            Diagnosis d = run.classifier.classify(event, run.context(verb), detail, null);
            run.log.problem(Step.TLS, StepStatus.WARN, ms, d, detail, null);
        } else {
            run.log.ok(Step.TLS, ms, detail, "tls.ok", "protocol", s.getProtocol(), "cipher", s.getCipherSuite(),
                    "subject", f.subject(), "days", f.daysLeft());
        }
    }

    private X509Certificate[] chain(SSLSession s) {
        return chain(s, recorder);
    }

    private static X509Certificate[] chain(SSLSession s, RecordingTrust recorder) {
        try {
            Certificate[] c = s.getPeerCertificates();
            X509Certificate[] x = new X509Certificate[c.length];
            for (int i = 0; i < c.length; i++) {
                x[i] = (X509Certificate) c[i];
            }
            return x.length == 0 ? null : x;
        } catch (SSLPeerUnverifiedException | ClassCastException e) {
            return recorder == null ? null : recorder.chain();
        }
    }

    /** A failure's detail with the facts of the certificate the server presented, when one reached the check. */
    private String withChain(String detail) {
        X509Certificate[] chain = recorder == null ? null : recorder.chain();
        if (chain == null || chain.length == 0) {
            return detail;
        }
        return detail + "; " + new CertificateFacts(chain, run.options.host(), Instant.now()).describe();
    }
}
