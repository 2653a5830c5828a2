package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A failure found in a log, while the log is read: it may still absorb lines, be folded or dropped. Mutable. */
final class Found {
    /** Findings that are not yet sure to be failures of the session. */
    enum Tentative {
        /** A sure finding. */
        NONE,
        /** A probe the server refused (500-504); dropped when the client goes on without it. */
        REFUSED_PROBE,
        /** SIZE, MDTM or MLST of a file that failed; folded into a failing transfer of that file. */
        PATH_PROBE
    }

    final int line;
    final Diagnosis diagnosis;
    final Format format;
    final String verb;
    final String argument;
    final List<Integer> folded = new ArrayList<>();
    Tentative tentative;
    /** The attempt it was found in. */
    final Attempt firstAttempt;
    /** The attempt of its latest occurrence (a retry that fails the same way moves it). */
    Attempt attempt;
    /** The line of its latest occurrence. */
    int occurredAt;
    /** Dropped, or folded into another finding. */
    boolean gone;
    /** The session went on working after it, in its attempt. */
    boolean recovered;

    Found(int line, Diagnosis diagnosis, Format format, Attempt attempt, String verb, String argument,
          Tentative tentative) {
        this.line = line;
        this.diagnosis = Objects.requireNonNull(diagnosis, "diagnosis");
        this.format = format;
        this.attempt = attempt;
        this.firstAttempt = attempt;
        this.verb = verb;
        this.argument = verb != null && ClientPhrases.PATH_VERBS.contains(verb) ? argument : null;
        this.tentative = tentative;
        this.occurredAt = line;
    }

    int code() {
        Integer c = diagnosis.code();
        return c == null ? 0 : c;
    }

    TransportEvent event() {
        return diagnosis.event();
    }

    boolean isLogin() {
        return verb != null && ClientPhrases.LOGIN_VERBS.contains(verb);
    }

    boolean isDataFailure() {
        TransportEvent e = event();
        return e != null && (e.name().startsWith("DATA_") || e == TransportEvent.PASSIVE_ADDRESS_MISMATCH);
    }

    /**
     * Whether another failure is this one again: the same outcome from the same event, or from the same reply code
     * to the same command on the same file.
     */
    boolean sameAs(Found other) {
        if (diagnosis.outcome() != other.diagnosis.outcome() || event() != other.event()) {
            return false;
        }
        return event() != null
                || code() == other.code() && Objects.equals(verb, other.verb) && Objects.equals(argument, other.argument);
    }

    /** Takes a line into this finding. */
    void fold(int foldedLine) {
        if (foldedLine != line && !folded.contains(foldedLine)) {
            folded.add(foldedLine);
        }
    }

    /** Takes another finding, with the lines it had taken, into this one. */
    void absorb(Found other) {
        fold(other.line);
        for (int l : other.folded) {
            fold(l);
        }
        other.gone = true;
    }

    @Override
    public String toString() {
        return "line " + line + " " + diagnosis.outcome() + (gone ? " (gone)" : "") + " folded " + folded;
    }

    /**
     * Whether a reply says why the connection this finding saw break mid-session broke: a 425, 426 or 451 names the
     * data connection and the transfer (rclone: "write: connection reset by peer", then "426 Data connection closed;
     * transfer aborted."), which the client's own words did not.
     */
    boolean explainedBy(int code) {
        return !gone && (code == 425 || code == 426 || code == 451)
                && (event() == TransportEvent.RESET_MID_SESSION || event() == TransportEvent.CLOSED_MID_SESSION);
    }
}
