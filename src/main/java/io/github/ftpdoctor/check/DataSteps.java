package io.github.ftpdoctor.check;

import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.Text;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.data.DataAddresses;
import io.github.ftpdoctor.internal.listing.ListingParser;
import io.github.ftpdoctor.internal.protocol.ReplyDecoder;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

/** The passive, data, listing and active steps. */
final class DataSteps {
    /** Failures of a data connection with a fresh TLS session that mean the server refused it. */
    private static final Set<TransportEvent> REFUSALS = EnumSet.of(TransportEvent.TLS_HANDSHAKE_FAILED,
            TransportEvent.DATA_CONNECTION_RESET, TransportEvent.TRANSFER_INCOMPLETE);
    private static final Set<Outcome> PORT_PROBLEMS = EnumSet.of(Outcome.PassivePortsBlocked,
            Outcome.PassivePortRefused, Outcome.DataConnectionFailed);

    private final CheckRun run;

    DataSteps(CheckRun run) {
        this.run = run;
    }

    void run() {
        if (run.ready(Step.PASSIVE, Step.LOGIN)) {
            run.step(Step.PASSIVE, this::passive);
        }
        if (run.ready(Step.DATA, Step.PASSIVE)) {
            run.step(Step.DATA, this::data);
        }
        if (run.ready(Step.LISTING, Step.DATA)) {
            run.step(Step.LISTING, this::listing);
        }
        if (!run.options.active()) {
            run.log.skip(Step.ACTIVE, "not run: active mode is tested only when asked for (--active)",
                    "skipped.noActive", "advice.noActive");
        } else if (run.ready(Step.ACTIVE, Step.LOGIN)) {
            run.step(Step.ACTIVE, this::active);
        }
    }

    /** The ports to open, when a data connection to a passive port failed: those the server announced. */
    static Text portAdvice(CheckRun run, Diagnosis d) {
        if (run.data == null || !PORT_PROBLEMS.contains(d.outcome())) {
            return null;
        }
        SortedSet<Integer> ports = run.data.portsSeen();
        if (ports.isEmpty()) {
            return null;
        }
        String range = ports.first().equals(ports.last()) ? ports.first().toString()
                : ports.first() + "-" + ports.last();
        List<String> all = new ArrayList<>();
        ports.forEach(p -> all.add(p.toString()));
        return run.log.texts().get("advice.ports", "ports", String.join(", ", all), "range", range);
    }

    private void passive(long start) throws FtpException {
        var session = run.session;
        InetAddress peer = run.data.peer();
        Reply epsv = session.send("EPSV", null);
        int epsvPort = epsv.code() == 229 ? DataAddresses.parse229(epsv) : -1;
        Reply pasv = null;
        DataAddresses.Passive announced = null;
        if (peer instanceof Inet4Address) {
            pasv = session.send("PASV", null);
            announced = pasv.code() == 227 ? DataAddresses.parse227(pasv) : null;
        }
        if (epsvPort > 0) {
            run.data.notePort(epsvPort);
        }
        if (announced != null) {
            run.data.notePort(announced.port());
        }
        String detail = "EPSV: " + (epsvPort > 0 ? "port " + epsvPort : epsv.toString())
                + (pasv == null ? "; PASV: not tried over IPv6" : "; PASV: " + (announced == null ? pasv.toString()
                : announced.address().getHostAddress() + " port " + announced.port()))
                + "; control connection to " + peer.getHostAddress();
        long ms = CheckRun.ms(start);
        if (epsvPort < 1 && announced == null) {
            Reply last = pasv != null ? pasv : epsv;
            String verb = pasv != null ? "PASV" : "EPSV";
            Diagnosis d = last.isNegative() ? session.diagnose(last, verb)
                    : run.classifier.classify(TransportEvent.MALFORMED_REPLY, run.context(verb),
                    verb + " reply without a usable port", last);
            run.log.problem(Step.PASSIVE, StepStatus.FAIL, ms, d, detail, null);
        } else if (announced != null && !announced.address().equals(peer)) {
            String why = detail + "; PASV announced " + announced.address().getHostAddress() + ", "
                    + kind(announced.address(), peer) + "; the check connects only to " + peer.getHostAddress();
            Diagnosis d = run.classifier.classify(TransportEvent.PASSIVE_ADDRESS_MISMATCH, run.context("PASV"), why,
                    null);
            run.log.problem(Step.PASSIVE, StepStatus.WARN, ms, d, why, null);
        } else {
            String key = epsvPort > 0 && announced != null ? "passive.ok" : pasv == null ? "passive.epsvIpv6"
                    : epsvPort > 0 ? "passive.epsvOnly" : "passive.pasvOnly";
            run.log.ok(Step.PASSIVE, ms, detail, key, "address", peer.getHostAddress());
        }
    }

    /** What a transfer's detail adds when it needed the second attempt of {@link DataChannel#run}. */
    static String retried(DataChannel.Done d) {
        return d.retried() ? "; the first attempt's TLS data connection was not resumed by this client (no session"
                + " ticket left) and refused, the second attempt worked" : "";
    }

    static String kind(InetAddress announced, InetAddress peer) {
        if (announced.isAnyLocalAddress()) {
            return "which is no address at all";
        }
        if (announced.isLoopbackAddress() && !peer.isLoopbackAddress()) {
            return "a loopback address, reachable only on the server itself";
        }
        if (DataAddresses.isPrivate(announced) && !DataAddresses.isPrivate(peer)) {
            return "a private address of a server reached at a public one: it is behind NAT";
        }
        return "another address than the one this connection reached";
    }

    private void data(long start) throws FtpException {
        DataChannel.Done first = run.data.run(DataChannel.Transfer.receive("LIST", null));
        InetAddress peer = run.data.peer();
        String detail = "LIST over a passive connection to " + peer.getHostAddress() + " port " + first.port() + ": "
                + first.data().length + " bytes, " + first.fin() + retried(first);
        StepTexts texts = run.log.texts();
        Text explanation = texts.get("data.ok", "port", first.port(), "bytes", first.data().length);
        if (first.tls() == null) {
            run.log.ok(Step.DATA, CheckRun.ms(start), detail, explanation);
            return;
        }
        detail += "; TLS " + first.tls() + (first.resumed() ? ", resuming the control connection's session"
                : ", a new session (the control connection's session was not resumed)");
        explanation = explanation.append(texts.get(first.resumed() ? "data.tlsResumed" : "data.tlsNew",
                "protocol", first.tls()));
        run.watchdog.arm(run.budgetMillis()); // the fresh-session test has a budget of its own
        try {
            DataChannel.Done fresh = run.data.run(new DataChannel.Transfer("LIST", null, 0, null, false,
                    run.tls.freshContext()));
            String why = detail + "; a data connection with a fresh TLS session (" + fresh.tls()
                    + (fresh.resumed() ? ", resumed" : ", not resumed") + ") was accepted: " + fresh.fin();
            Diagnosis d = run.classifier.classify(TransportEvent.TLS_SESSION_REUSE_NOT_ENFORCED, run.context("LIST"),
                    why, null);
            run.log.problem(Step.DATA, StepStatus.WARN, CheckRun.ms(start), d, why, null);
        } catch (FtpException e) {
            Diagnosis why = e.diagnosis();
            boolean refused = !run.watchdog.fired() && (why.outcome() == Outcome.TlsSessionReuseRequired
                    || why.reply() != null && why.reply().isNegative()
                    || why.event() != null && REFUSALS.contains(why.event()));
            detail += "; a data connection with a fresh TLS session " + (refused ? "was refused: "
                    : "could not be tested: ") + StepLog.describe(run.diagnosisOf(e));
            explanation = explanation.append(texts.get(refused ? "data.reuseEnforced" : "data.reuseUnknown"));
            if (!stillThere() && run.reopen("the server ended the session after refusing the data connection"
                    + " with a fresh TLS session")) {
                detail += "; the server then ended the session, and the check opened a new one";
            }
            run.log.ok(Step.DATA, CheckRun.ms(start), detail, explanation);
        }
    }

    /** Whether the control connection survived (vsftpd ends the session after refusing a data connection's TLS). */
    private boolean stillThere() {
        if (!run.session.isOpen()) {
            return false;
        }
        try {
            return run.session.send("NOOP", null).isPositiveCompletion();
        } catch (FtpException e) {
            return false;
        }
    }

    private void listing(long start) throws FtpException {
        boolean mlsd = run.features != null && run.features.containsKey("MLST");
        String verb = mlsd ? "MLSD" : "LIST";
        DataChannel.Done done;
        try {
            done = run.data.run(DataChannel.Transfer.receive(verb, null));
        } catch (FtpException e) {
            Reply r = e.diagnosis().reply();
            if (!mlsd || r == null || r.code() < 500 || !run.session.isOpen()) {
                throw e;
            }
            verb = "LIST"; // FEAT promised MLST, MLSD was refused: LIST then
            done = run.data.run(DataChannel.Transfer.receive(verb, null));
        }
        List<String> lines = lines(done.data());
        List<FtpEntry> entries = verb.equals("MLSD") ? ListingParser.parseMlsd(lines) : ListingParser.parseList(lines);
        List<String> unparsed = new ArrayList<>();
        for (FtpEntry e : entries) {
            if (e.type() == FtpEntry.Type.UNPARSED) {
                unparsed.add(e.raw());
            }
        }
        String detail = verb + ": " + lines.size() + " lines, " + entries.size() + " entries"
                + (done.truncated() ? " (cut off after " + DataChannel.MAX_BYTES + " bytes)" : "") + retried(done);
        long ms = CheckRun.ms(start);
        if (!unparsed.isEmpty()) {
            String why = detail + "; " + unparsed.size() + " line(s) not understood, first: \"" + unparsed.get(0)
                    + "\"";
            Diagnosis d = run.classifier.classify(TransportEvent.LISTING_UNPARSED, run.context(verb), why, null);
            run.log.problem(Step.LISTING, StepStatus.WARN, ms, d, why, null);
        } else {
            run.log.ok(Step.LISTING, ms, detail, entries.isEmpty() ? "listing.empty" : "listing.ok",
                    "verb", verb, "count", entries.size());
        }
    }

    /** The lines of a listing, decoded like replies (UTF-8, else the likely legacy encoding). */
    private List<String> lines(byte[] bytes) {
        ReplyDecoder decoder = new ReplyDecoder(run.session.channel().charset(), true);
        List<String> lines = new ArrayList<>();
        int begin = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > begin && bytes[i - 1] == '\r' ? i - 1 : i;
                if (end > begin) {
                    lines.add(decoder.decode(java.util.Arrays.copyOfRange(bytes, begin, end), end - begin));
                }
                begin = i + 1;
            }
        }
        return lines;
    }

    private void active(long start) throws FtpException {
        DataChannel.Done done = run.data.run(new DataChannel.Transfer("LIST", null, 0, null, true, null));
        String detail = "LIST in active mode: the server connected to " + run.session.channel().socket()
                .getLocalAddress().getHostAddress() + " port " + done.port() + "; " + done.data().length + " bytes, "
                + done.fin() + (done.tls() == null ? "" : "; TLS " + done.tls()) + retried(done);
        run.log.ok(Step.ACTIVE, CheckRun.ms(start), detail, "active.ok", "port", done.port());
    }
}
