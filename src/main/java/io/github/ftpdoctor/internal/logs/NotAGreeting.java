package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Phase;
import io.github.ftpdoctor.diagnosis.Reply;

/**
 * A log's first reply, pasted without anything that shows the connection being made, is read as the greeting when
 * its code allows (a 421 is sent instead of one). But its words may say what no greeting can: a limit "for user
 * bob" or "for this account" counts a login the server has not been told of before the greeting. Read without a
 * command, such a reply's outcome is one that cannot occur at the connection; then the reply answered a command the
 * log does not show (most likely the login), and that reading is the one kept.
 */
final class NotAGreeting {
    private NotAGreeting() {
    }

    /** The diagnosis of the reply as a greeting, or its reading without a command when no greeting can say it. */
    static Diagnosis reread(Classifier classifier, Reply reply, Diagnosis asGreeting, ExchangeContext unknown) {
        if (!asGreeting.isFailure()) {
            return asGreeting;
        }
        Diagnosis free = classifier.classify(reply, unknown);
        boolean wordsSayIt = free.rule() != null && !free.rule().evidence().isNone();
        boolean notAtConnect = !classifier.catalog().definition(free.outcome()).occursIn(Phase.CONNECT);
        return wordsSayIt && notAtConnect && free.isFailure() ? free : asGreeting;
    }
}
