package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Classifier;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.Fingerprint;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.Server;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.internal.logs.Found.Tentative;
import io.github.ftpdoctor.internal.logs.LogLine.Kind;
import java.util.List;

/**
 * The reading of one log: the connection attempt under way, the multi-line reply being read, and the failures so
 * far. Replies are diagnosed in the context of the command they answer; what only follows from an earlier failure
 * is folded into it ({@code 530 Please login} after a refused login, {@code Not connected.} after a refused
 * connection, the exception that restates a reply, a client's retry of the same failure). Not thread-safe.
 */
final class Session {

    /** The formats of exceptions, whose restated replies answer a command the log may not show. */
    private static final java.util.Set<Format> EXCEPTIONS = java.util.EnumSet.of(Format.JAVA, Format.DOTNET,
            Format.RUBY, Format.PYTHON);

    private final Classifier classifier;
    private final Fingerprint fingerprint;
    private final LineReader reader = new LineReader();
    private final Findings findings = new Findings();
    private final Events events;
    private final ReplyFindings replies = new ReplyFindings(this);
    private final OwnReport report;
    Attempt at = new Attempt(0);
    private int attempts = 1;
    /** The log marks its connections ({@code Connecting to}, {@code Connected}): a command never implies one. */
    private boolean markersSeen;
    /** Whether a reply with its code was seen; the replies a client prints without one. */
    private boolean codesSeen;
    private boolean readingBare;
    private final BareReplies bare = new BareReplies();
    private final NodeErrors nodeErrors = new NodeErrors();
    /** A close that the reply being diagnosed explains. */
    private Found absorbNext;

    /** The multi-line reply being read, or null. */
    private PendingReply pending;

    Session(Classifier classifier) {
        this.classifier = classifier;
        this.fingerprint = new Fingerprint(classifier.catalog());
        this.events = new Events(this);
        this.report = new OwnReport(this);
    }

    /**
     * Reads one line. A carriage return inside it (curl redraws its progress meter with them) separates parts
     * of the line that are read one after the other, under the same line number.
     */
    void accept(int lineNo, String raw) {
        int from = 0;
        int cr;
        while ((cr = raw.indexOf('\r', from)) >= 0) {
            acceptPart(lineNo, raw.substring(from, cr));
            from = cr + 1;
        }
        acceptPart(lineNo, from == 0 ? raw : raw.substring(from));
    }

    private void acceptPart(int lineNo, String raw) {
        LogLine node = nodeErrors.read(lineNo, raw);
        if (node != null) {
            restated(nodeErrors.line(), node); // the code of a Node error, under its stack: the message's reply
            return;
        }
        LogLine l = reader.read(raw);
        if (l.kind() == Kind.BLANK) {
            return;
        }
        if (pending != null) {
            if (pending.continuedBy(l)) {
                if (pending.add(l)) {
                    completePending();
                }
                return;
            }
            completePending();
        }
        if (events.frame(l)) {
            return; // a frame under an exception whose command is still to be known
        }
        if (l.kind() != Kind.REPORT_FIELD) {
            report.flush();
        }
        switch (l.kind()) {
            case REPLY -> startReply(lineNo, l);
            case REPLY_BLOCK -> reply(l.code(), List.of(l.text().split("\n", -1)), lineNo, l.format());
            case SERVER_TEXT -> events.serverText(lineNo, l);
            case COMMAND -> command(l);
            case CONNECTING -> connecting(l.text());
            case CONNECTED -> connected(l.text());
            case DATA_CONNECTING -> {
                at.dataConnecting = true;
                at.dataExpected = true;
            }
            case DATA_CONNECTED -> at.dataConnecting = false;
            case PASSIVE -> { // FileZilla: "Server sent passive reply with unroutable address. Using server address..."
                at.passiveToNowhere = false;
                at.passive = true;
                at.active = false;
                at.dataExpected = true;
            }
            case EVENT -> events.event(lineNo, l);
            case RESTATED -> restated(lineNo, l);
            case CLIENT_ERROR -> foldIntoOpen(lineNo);
            case QUOTED_TEXT -> quoted(lineNo, l);
            case REPORT_FIELD -> report.field(lineNo, l);
            case REPORT_TRANSCRIPT -> {
                report.flush();
                newAttempt();
            }
            default -> { // commentary, status, code, debug output: never a finding, but for a reply without its code
                LogLine bareReply = codesSeen || !markersSeen || !at.tcp ? null : bare.read(classifier, l, at.lastCommand);
                if (bareReply != null) {
                    at.greeted |= bare.afterText();
                    readingBare = true; // (a code the log does not show: later lines may be bare replies too)
                    restated(lineNo, bareReply);
                    readingBare = false;
                }
            }
        }
        at.sawFormat(l.format());
        if (l.kind() == Kind.CONNECTING || l.kind() == Kind.CONNECTED) {
            markersSeen = true;
        }
    }

    /** The last reply, when it was a 227 to an address nothing can be reached at, and its line. */
    private LogLine deadEnd;
    private int deadEndLine;

    List<LogFinding> finish() {
        if (pending != null) {
            completePending();
        }
        events.release();
        if (deadEnd != null && at.passiveToNowhere && at.open == null && !at.failed && !at.ended) {
            // the log stops at a "227 (0,0,0,0,...)": the client was left connecting where nothing can answer
            events.passiveDeadEnd(deadEndLine, deadEnd);
        }
        report.flush();
        return findings.finish();
    }

    // ---- replies

    private void startReply(int lineNo, LogLine l) {
        pending = new PendingReply(lineNo, l);
        if (pending.add(l) || !PendingReply.startsMultiLine(l)) {
            completePending();
        }
    }

    private void completePending() {
        PendingReply p = pending;
        pending = null;
        reply(p.code, p.lines(), p.lineNo, p.format);
    }

    void reply(int code, List<String> lines, int lineNo, Format format) {
        Reply r = Reply.of(code, lines);
        codesSeen |= !readingBare;
        Found open = at.open;
        if (at.ended || at.failed) {
            if (open != null && open.code() == code && open.diagnosis.reply() != null
                    && open.diagnosis.reply().text().equals(r.text())) {
                open.fold(lineNo); // the client prints the reply again (tnftp)
                return;
            }
            boolean reasonForClose = at.failed && !at.greeted && !at.commandSent && open != null
                    && (open.event() == TransportEvent.CLOSED_BEFORE_GREETING
                    || open.event() == TransportEvent.RESET_BEFORE_GREETING) && code >= 400;
            if (reasonForClose || open != null && open.explainedBy(code)) {
                absorbNext = open; // NcFTP logs the close first, then the 421 that said why
            } else {
                newAttempt(); // the connection was gone: this reply is the greeting of another one
            }
        }
        // Only an attempt's first reply, before any command, can be the greeting, and only with a code a greeting
        // (or a refusal sent instead of one) has: a log that starts in the middle of a session shows replies to
        // commands it does not show (a 229, then a 425), and those answer an unknown command, not the connection.
        boolean first = at.lastCommand == null && at.greeting == null && !at.greeted;
        boolean greetingCode = code == 220 || code == 120 || code >= 400 && !Attempt.FILE_ACTION_CODES.contains(code);
        if (first && greetingCode) {
            at.greeting = r;
            at.server = serverId(fingerprint.identify(r, null));
        } else if ("SYST".equals(at.lastCommand) && code == 215 && at.server == null) {
            at.server = serverId(fingerprint.identify(at.greeting, r.text()));
        }
        String command = at.lastCommand == null ? ExchangeContext.CONNECT : at.lastCommand;
        String answered = at.lastCommand == null && (!first || !greetingCode || !greetingKnown(code)) ? null : command;
        String quoted = code >= 500 && code <= 504 ? ClientPhrases.quotedVerb(r.text()) : null;
        if (quoted != null && !first) { // "502 'auth' not implemented": a command the log does not show
            command = quoted;
            answered = quoted;
        }
        Diagnosis d = classifier.classify(r, context(answered, at.lastArgument));
        if (first && ExchangeContext.CONNECT.equals(answered) && !markersSeen && !at.tcp) { // pasted alone
            d = NotAGreeting.reread(classifier, r, d, context(null, null));
        }
        at.tcp = true;
        at.greeted = true;
        at.dataConnecting = false;
        if (code == 227 || code == 228 || code == 229) { // a passive reply, whatever the log shows of the command
            at.passive = true;
            at.active = false;
            at.dataExpected = true;
            at.passiveToNowhere = code == 227 && at.unreachable(r.text());
            deadEnd = at.passiveToNowhere ? new LogLine(LogLine.Kind.REPLY, LogLine.Side.SERVER, format,
                    code + " " + r.text(), code, null, null, null, null, false) : null;
            deadEndLine = lineNo;
        } else {
            deadEnd = null; // another reply came after it: the log did not stop there
        }
        if (code / 100 == 1 && at.transferUnderWay()) {
            at.preliminary = true;
        }
        if (code == 421 || code == 221) {
            at.ended = true;
            at.endedByReply = true;
        }
        if (code == 331 && "USER".equals(at.lastCommand)) {
            at.lastCommand = "PASS"; // the client's next command, even where the log does not show it
            at.lastArgument = null;
        }
        if (d.isFailure()) {
            replies.failed(lineNo, d, format, command, code, absorbNext);
            absorbNext = null;
        } else {
            replies.succeeded(command);
        }
    }

    /** A client's message or exception that restates a reply: folded into the failure it restates. */
    private void restated(int lineNo, LogLine l) {
        Found open = at.open;
        if (open != null && open.explainedBy(l.code())) {
            reply(l.code(), List.of(l.text().split("\n")), lineNo, l.format());
            return;
        }
        if (open != null && !open.gone) {
            open.fold(lineNo);
            return;
        }
        if (l.code() != 0 && findings.restatedAtTheEnd(at, l.code(), l.text(), lineNo)) {
            return;
        }
        if (findings.any(at) || l.format() == Format.PLAIN || at.ended || at.failed
                || events.holdRestated(lineNo, l)) {
            return;
        }
        restatedReply(lineNo, l);
    }

    /** A reply the client restates, with nothing before it: the client's conclusion is the only evidence. */
    void restatedReply(int lineNo, LogLine l) {
        // a traceback pasted alone. Wget's restatements name the command for certain (its progress line may
        // show several: "==> PASV ... ==> RETR")
        if (l.verb() != null && (at.lastCommand == null || l.format() == Format.WGET)) {
            at.lastCommand = l.verb();
        } else if (l.verb() == null && EXCEPTIONS.contains(l.format())) {
            at.greeted = true; // a library raises a refused greeting as a connection failure: this answered a command
        }
        reply(l.code(), List.of(l.text().split("\n")), lineNo, l.format());
    }

    /** A reply's text quoted without its code: read under the code a server's own phrasing of it has. */
    private void quoted(int lineNo, LogLine l) {
        Found open = at.open;
        if (open != null && !open.gone || at.ended || at.failed) {
            foldIntoOpen(lineNo);
            return;
        }
        int code = QuotedTexts.code(classifier, l.text(), l.verb());
        if (code != 0) {
            restated(lineNo, new LogLine(Kind.RESTATED, l.side(), l.format(), code + " " + l.text(), code, l.verb(),
                    null, null, l.connected(), l.indented()));
        }
    }

    void foldIntoOpen(int lineNo) {
        Found open = at.open;
        if (open != null && !open.gone) {
            open.fold(lineNo);
        }
    }

    // ---- the client

    private void command(LogLine l) {
        if ((at.ended || at.failed) && !markersSeen) {
            newAttempt(); // a reconnection whose greeting the log does not show (a log with connection markers
                          // would show it: there, a command after the end is written into the closing connection)
        }
        String verb = l.verb();
        if (!"QUIT".equals(verb)) {
            for (Found probe : findings.tentatives(at, Tentative.REFUSED_PROBE)) {
                probe.gone = true; // the client went on without what it probed
            }
        }
        at.tcp = true;
        at.greeted = true;
        at.commandSent = true;
        at.dataConnecting = false;
        if (!ClientPhrases.TRANSFER_VERBS.contains(verb) && !ClientPhrases.PASSIVE_VERBS.contains(verb)) {
            at.dataExpected = false;
        }
        if (ClientPhrases.PASSIVE_VERBS.contains(verb)) {
            at.passive = true;
            at.active = false;
            at.dataExpected = true;
        } else if (ClientPhrases.ACTIVE_VERBS.contains(verb)) {
            at.active = true;
            at.passive = false;
        }
        if (ClientPhrases.TRANSFER_VERBS.contains(verb)) {
            at.preliminary = false;
        }
        at.lastCommand = verb;
        at.lastArgument = l.argument();
        if ("USER".equals(verb)) {
            at.anonymous = l.argument() == null ? null : ExchangeContext.isAnonymousName(l.argument());
        }
        if ("QUIT".equals(verb)) {
            at.quitSent = true;
        }
    }

    private void connecting(String text) {
        if (at.dataConnectionNext()) {
            at.dataConnecting = true;
        } else {
            if (at.tcp || at.greeted || at.ended || at.failed || at.commandSent) {
                newAttempt();
            }
            at.connectingSeen = true;
            at.control(text);
        }
    }

    private void connected(String text) {
        if (at.dataConnectionNext()) {
            at.dataConnecting = false;
            return;
        }
        if (at.ended || at.failed || at.quitSent) {
            newAttempt();
        }
        at.tcp = true;
        at.control(text);
    }

    // ---- shared with Events and OwnReport

    /**
     * Whether a reply that answers no command seen is the greeting: a greeting code, or a log that shows the
     * connection being made. A lone {@code 530 Login incorrect.} quoted in an exception answers a command the log
     * does not show, and is read without one rather than as a refused connection.
     */
    private boolean greetingKnown(int code) {
        return code == 220 || code == 120 || code == 421 || markersSeen || at.tcp;
    }

    ExchangeContext context(String command, String argument) {
        // failed logins of earlier connections are not counted: a pasted log may hold several hosts' sessions
        return new ExchangeContext(command, at.anonymous, at.server, 0, argument);
    }

    Classifier classifier() {
        return classifier;
    }

    Fingerprint fingerprint() {
        return fingerprint;
    }

    Findings findings() {
        return findings;
    }

    static String serverId(Server s) {
        return s.isKnown() ? s.id() : null;
    }

    void newAttempt() {
        at = new Attempt(attempts++);
    }
}
