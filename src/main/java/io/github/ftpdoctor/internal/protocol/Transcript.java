package io.github.ftpdoctor.internal.protocol;

import io.github.ftpdoctor.diagnosis.Reply;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/** The last lines exchanged on a control connection, passwords masked. Bounded; thread-safe. */
public final class Transcript {
    private static final int MAX_LINES_PER_REPLY = 20;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final int capacity;

    public Transcript(int capacity) {
        this.capacity = Math.max(1, capacity);
    }

    /** Commands whose argument is a secret and is never written anywhere. */
    public static boolean isSecret(String verb) {
        String v = verb.toUpperCase(Locale.ROOT);
        return v.equals("PASS") || v.equals("ACCT");
    }

    /** The command as it may be shown: {@code PASS ****} for secrets. */
    public static String show(String verb, String argument) {
        String v = verb.toUpperCase(Locale.ROOT);
        if (argument == null) {
            return v;
        }
        return v + " " + (isSecret(v) ? "****" : argument);
    }

    public synchronized void sent(String verb, String argument) {
        add("> " + show(verb, argument));
    }

    public synchronized void received(Reply reply) {
        List<String> ls = reply.lines();
        int n = Math.min(ls.size(), MAX_LINES_PER_REPLY);
        for (int i = 0; i < n; i++) {
            add("< " + ls.get(i));
        }
        if (ls.size() > n) {
            add("< … (" + (ls.size() - n) + " more lines)");
        }
    }

    public synchronized void note(String text) {
        add("* " + text);
    }

    private void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    public synchronized List<String> snapshot() {
        return List.copyOf(lines);
    }
}
