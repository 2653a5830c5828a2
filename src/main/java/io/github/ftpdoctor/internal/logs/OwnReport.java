package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.internal.logs.Found.Tentative;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of this project's own report ({@code Reply:}, {@code After:}, {@code Event:}), read as the evidence of
 * one connection. Its transcript follows as another, so the same failure found there is folded into it. Not
 * thread-safe; part of one {@link Session}.
 */
final class OwnReport {
    private static final Pattern USER = Pattern.compile("^[a-z]+://([^:@/\\s]+)(?::[^@/\\s]*)?@");
    private static final Pattern EVENT = Pattern.compile("^([A-Z_]+)(?:\\s+\\((.*)\\))?$");
    private static final Pattern REPLY = Pattern.compile("^([1-6]\\d\\d)(?:[ -].*)?$");

    private final Session s;
    private boolean open;
    private final List<String> reply = new ArrayList<>();
    private int replyLine;
    private int replyCode;
    private String after;
    private String event;
    private String eventDetail;
    private int eventLine;

    OwnReport(Session session) {
        this.s = session;
    }

    void field(int lineNo, LogLine l) {
        String key = l.verb();
        String value = l.text();
        if (!open) {
            open = true;
            s.newAttempt(); // a report is a connection of its own
        }
        switch (key) {
            case "target" -> {
                Matcher m = USER.matcher(value);
                s.at.anonymous = m.find() ? ExchangeContext.isAnonymousName(m.group(1)) : Boolean.TRUE;
            }
            case "greeting" -> {
                Matcher m = REPLY.matcher(value);
                if (m.matches()) {
                    s.at.greeting = Reply.of(Integer.parseInt(m.group(1)), List.of(value.split(" \\| ")));
                    s.at.server = Session.serverId(s.fingerprint().identify(s.at.greeting, null));
                }
            }
            case "reply" -> {
                Matcher m = REPLY.matcher(value);
                if (m.matches()) {
                    reply.clear();
                    reply.add(value);
                    replyLine = lineNo;
                    replyCode = Integer.parseInt(m.group(1));
                }
            }
            case "reply+" -> {
                if (!reply.isEmpty()) {
                    reply.add(Events.masked(value)); // an indented line may be a client's: never keep a password
                }
            }
            case "after" -> after = value.isBlank() ? null : value.strip();
            case "event" -> {
                Matcher m = EVENT.matcher(value);
                if (m.matches()) {
                    event = m.group(1);
                    eventDetail = m.group(2);
                    eventLine = lineNo;
                }
            }
            default -> { } // the report's own conclusions are never evidence
        }
    }

    /** Diagnoses the header's evidence, once, when the header ends. */
    void flush() {
        if (!open) {
            return;
        }
        open = false;
        String command = after == null ? ExchangeContext.CONNECT : after;
        Attempt at = s.at;
        Diagnosis d = null;
        int line = 0;
        if (!reply.isEmpty()) {
            d = s.classifier().classify(Reply.of(replyCode, reply), s.context(command, null));
            line = replyLine;
        } else if (event != null) {
            try {
                TransportEvent e = TransportEvent.valueOf(event);
                d = s.classifier().classify(e, s.context(command, null), Events.detail(eventDetail));
                line = eventLine;
            } catch (IllegalArgumentException unknown) {
                d = null; // a report of another version: no such event here
            }
        }
        if (d != null && d.isFailure()) {
            at.open = s.findings().add(new Found(line, d, Format.FTPDOCTOR, at, command, null, Tentative.NONE));
        }
        reply.clear();
        after = null;
        event = null;
        eventDetail = null;
    }
}
