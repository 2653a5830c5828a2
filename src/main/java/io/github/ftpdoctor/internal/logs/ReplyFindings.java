package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.internal.logs.Found.Tentative;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a reply to a command does to the findings of a log: a failure becomes a finding, or is folded into the
 * failure it follows from; a success ends what earlier failures held open. Part of one {@link Session}.
 */
final class ReplyFindings {
    /**
     * Replies to a transfer that say why its data connection broke: the server stopped taking the data for a reason
     * of its own (a quota, a full disk, a permission, a name, a local error), and the client saw only the broken
     * connection. Such a reply is the failure; the broken connection follows from it.
     */
    private static final Set<Outcome> EXPLAIN_A_BROKEN_TRANSFER = EnumSet.of(Outcome.QuotaExceeded,
            Outcome.InsufficientStorage, Outcome.PermissionDenied, Outcome.FileNameNotAllowed, Outcome.ServerLocalError,
            Outcome.TransferAborted);

    /** A probe's refusal whose words say more than "not understood": the server's state, not the command's. */
    private static final Set<Outcome> SAYS_MORE_THAN_A_REFUSAL = EnumSet.of(Outcome.ServerShuttingDown,
            Outcome.ServiceUnavailable, Outcome.TlsRequired, Outcome.LikelyBanned, Outcome.TooManyUsers,
            Outcome.PerIpSessionLimit, Outcome.IpNotAllowed, Outcome.IdleTimeout);

    private final Session s;

    ReplyFindings(Session session) {
        this.s = session;
    }

    void failed(int lineNo, Diagnosis d, Format format, String command, int code, Found absorb) {
        Attempt at = s.at;
        Findings findings = s.findings();
        Found open = at.open;
        boolean login = ClientPhrases.LOGIN_VERBS.contains(command);
        if (open != null && !open.gone) {
            if (open.diagnosis.outcome() == Outcome.NotFtpService) {
                open.fold(lineNo); // a mail or SSH server on the FTP port refuses every command that follows
                return;
            }
            if (open.isLogin() && (!login && (code == 530 || code == 503 || code == 332)
                    || code == 503 && "PASS".equals(command) && "USER".equals(open.verb))) {
                // also "503 Login with USER first." to the PASS a client sends after its USER was refused
                open.fold(lineNo); // "530 Please login with USER and PASS." after a refused login
                return;
            }
            if (open.isDataFailure() && (ClientPhrases.TRANSFER_VERBS.contains(command)
                    || ClientPhrases.PASSIVE_VERBS.contains(command) || ClientPhrases.ACTIVE_VERBS.contains(command))) {
                if (!EXPLAIN_A_BROKEN_TRANSFER.contains(d.outcome())) {
                    open.fold(lineNo); // the server's side of the data connection that failed, or a refused fallback
                    return;
                }
                absorb = open; // "552 Disk quota exceeded" after the data connection broke: the reply says why
            }
        }
        Tentative tentative = Tentative.NONE;
        if (ClientPhrases.PROBE_VERBS.contains(command) && code >= 500 && code <= 504
                && !SAYS_MORE_THAN_A_REFUSAL.contains(d.outcome())) {
            tentative = Tentative.REFUSED_PROBE;
        } else if (ClientPhrases.PATH_PROBE_VERBS.contains(command) && at.lastArgument != null) {
            if (open != null && !open.gone && open.tentative == Tentative.NONE) {
                open.fold(lineNo); // lftp's SIZE of the file whose STOR just failed, to see what arrived
                return;
            }
            tentative = Tentative.PATH_PROBE;
        }
        Found f = findings.add(new Found(lineNo, d, format, at, command, at.lastArgument, tentative));
        if (absorb != null) {
            f.absorb(absorb);
        }
        if (ClientPhrases.TRANSFER_VERBS.contains(command) && at.lastArgument != null) {
            for (Found probe : findings.tentatives(at, Tentative.PATH_PROBE)) {
                if (at.lastArgument.equals(probe.argument) && probe != f) {
                    f.absorb(probe); // lftp's SIZE and MDTM of the file that RETR then fails on
                }
            }
        }
        if (tentative == Tentative.NONE || open == null || open.gone) {
            at.open = f; // a probe's refusal does not take over what follows a real failure
        }
    }

    void succeeded(String command) {
        Attempt at = s.at;
        Findings findings = s.findings();
        if (at.lastArgument != null && ClientPhrases.TRANSFER_VERBS.contains(command)) {
            for (Found probe : findings.tentatives(at, Tentative.PATH_PROBE)) {
                if (at.lastArgument.equals(probe.argument)) {
                    probe.gone = true; // the probe failed, the transfer worked: the probe did not matter
                }
            }
        }
        if (!"QUIT".equals(command) && !ExchangeContext.CONNECT.equals(command)) {
            at.open = null; // the server answers again: what follows is no echo of an earlier failure
        }
        if (ClientPhrases.WORK_VERBS.contains(command)) {
            findings.recovered(at); // and the session goes on working: earlier failures did not end it
        }
    }
}
