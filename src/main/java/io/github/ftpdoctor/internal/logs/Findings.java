package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.Found.Tentative;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The failures of a log as it is read: a failure that only repeats the last one (a client retrying, or the same
 * failure seen again) is folded into it; probes are held until the log shows whether they mattered; and at the
 * end, the failure that ended each connection is marked as its cause. Not thread-safe.
 */
final class Findings {
    private final List<Found> all = new ArrayList<>();

    /** The last finding that is neither gone nor tentative, or null. */
    Found lastSure() {
        for (int i = all.size() - 1; i >= 0; i--) {
            Found f = all.get(i);
            if (!f.gone && f.tentative == Tentative.NONE) {
                return f;
            }
        }
        return null;
    }

    /**
     * Adds a failure. A sure failure that is the last sure one again, in this connection or a later one, is folded
     * into it: the returned finding is then that earlier one, now belonging to this attempt.
     */
    Found add(Found f) {
        Found previous = lastSure();
        if (f.tentative == Tentative.NONE && previous != null && previous.sameAs(f)) {
            previous.fold(f.line);
            previous.occurredAt = f.line;
            previous.attempt = f.attempt;
            previous.recovered = false;
            return previous;
        }
        all.add(f);
        return f;
    }

    /** The tentative findings of an attempt, of one kind. */
    List<Found> tentatives(Attempt a, Tentative kind) {
        List<Found> out = new ArrayList<>();
        for (Found f : all) {
            if (!f.gone && f.tentative == kind && f.attempt == a) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * A program's last words restate a failure the session seemed to recover from (ftputil goes back to its
     * directory, then raises the 522 it got): that failure ended the program after all. Returns whether one did.
     */
    boolean restatedAtTheEnd(Attempt a, int code, String text, int line) {
        for (int i = all.size() - 1; i >= 0; i--) {
            Found f = all.get(i);
            if (!f.gone && f.attempt == a && f.recovered && f.code() == code && f.diagnosis.reply() != null
                    && text.strip().endsWith(f.diagnosis.reply().text().strip())) {
                f.recovered = false;
                f.fold(line);
                return true;
            }
        }
        return false;
    }

    /** The session went on working in this attempt: its failures so far did not end it. */
    void recovered(Attempt a) {
        for (Found f : all) {
            if (!f.gone && f.attempt == a) {
                f.recovered = true;
            }
        }
    }

    /** Whether the attempt has a finding, sure or tentative. */
    boolean any(Attempt a) {
        for (Found f : all) {
            if (!f.gone && f.attempt == a) {
                return true;
            }
        }
        return false;
    }

    /**
     * The findings left, in line order, each with its cause mark: a failure is the cause of its connection when
     * nothing failed after it in that connection and the session did not go on working after it.
     */
    List<LogFinding> finish() {
        List<Found> live = new ArrayList<>();
        for (Found f : all) {
            if (!f.gone) {
                f.tentative = Tentative.NONE;
                live.add(f);
            }
        }
        live.sort(Comparator.comparingInt(f -> f.line));
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (Found f : live) {
            taken.add(f.line); // a line that is evidence is folded nowhere (a line may hold parts, curl's CRs)
        }
        List<LogFinding> out = new ArrayList<>(live.size());
        for (Found f : live) {
            boolean superseded = false;
            for (Found g : live) {
                if (g != f && g.attempt == f.attempt && g.occurredAt > f.occurredAt) {
                    superseded = true;
                    break;
                }
            }
            Format format = f.format == Format.PLAIN && f.firstAttempt.dialect != null ? f.firstAttempt.dialect : f.format;
            List<Integer> folded = new ArrayList<>();
            for (int l : f.folded) {
                if (taken.add(l)) {
                    folded.add(l);
                }
            }
            folded.sort(null);
            out.add(new LogFinding(f.line, f.diagnosis, !superseded && !f.recovered, List.copyOf(folded), format));
        }
        return out;
    }
}
