package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.Category;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.error.FtpException;

/**
 * The RFC 959 login sequence: USER, then PASS when asked (331), then ACCT when asked (332). A 230 straight after
 * USER needs no password. Failed and successful logins feed the per-host history.
 */
public final class Login {
    private Login() {
    }

    /** Logs in; returns the diagnosis (Success) of the reply that completed the login. */
    public static Diagnosis run(Session session, String user, String password, String account) throws FtpException {
        session.setAnonymous(ExchangeContext.isAnonymousName(user));
        String host = session.options().host();
        int port = session.options().port();
        SessionEvents events = session.events();
        long started = events.now();
        events.loginStart(user);
        try {
            Diagnosis done = steps(session, user, password, account);
            HostHistory.loginSucceeded(host, port);
            events.loginEnd(user, done, started);
            return done;
        } catch (FtpException e) {
            if (e.diagnosis().category() == Category.ACCESS) {
                HostHistory.loginFailed(host, port);
            }
            events.loginFailed(user, e, started);
            throw e;
        }
    }

    private static Diagnosis steps(Session session, String user, String password, String account) throws FtpException {
        String verb = "USER";
        Reply reply = session.expect(verb, user, c -> c == 230 || c == 331 || c == 332);
        if (reply.code() == 331) {
            verb = "PASS";
            reply = session.expect(verb, password == null ? "" : password, c -> c == 230 || c == 202 || c == 332);
        }
        if (reply.code() == 332) {
            if (account == null) {
                throw session.exception(session.diagnose(reply, verb)); // 332: the server wants an account
            }
            verb = "ACCT";
            reply = session.expect(verb, account, c -> c == 230 || c == 202);
        }
        return session.diagnoseWhenRead(reply, verb);
    }
}
