package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.Catalog;
import io.github.ftpdoctor.diagnosis.Fingerprint;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.Server;
import java.util.function.Supplier;

/**
 * A session's server family: from the greeting, and from the SYST reply when the greeting does not tell. Named when
 * first asked for, so that a session that never needs it never reads the catalog for it.
 */
final class ServerName {
    private Reply greeting;
    private String system;
    private Server named;

    void greeting(Reply reply) {
        greeting = reply;
        named = null;
    }

    /** Refines the family with the SYST reply when the greeting did not tell. */
    void system(String syst) {
        if (named == null || !named.isKnown()) {
            system = syst;
            named = null;
        }
    }

    Server get(Supplier<Catalog> catalog) {
        Server s = named;
        if (s == null) {
            s = Server.UNKNOWN;
            if (greeting != null) {
                Fingerprint names = new Fingerprint(catalog.get());
                s = names.identify(greeting, null); // the greeting first, as when SYST was never asked
                if (!s.isKnown() && system != null) {
                    s = names.identify(greeting, system);
                }
            }
            named = s;
        }
        return s;
    }
}
