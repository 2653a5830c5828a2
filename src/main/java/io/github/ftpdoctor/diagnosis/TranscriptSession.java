package io.github.ftpdoctor.diagnosis;

import io.github.ftpdoctor.diagnosis.LogFormat.Side;
import io.github.ftpdoctor.diagnosis.TranscriptLine.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The state of one {@link TranscriptAnalyzer#analyze} run: the connection attempt under way (TCP connected,
 * greeting seen, last command, login name), the multi-line reply being read, and the findings so far.
 * Not thread-safe; one per run.
 */
final class TranscriptSession {
    /** Lines kept of one reply (the catalog's client limit); the terminating line is always kept. */
    static final int MAX_REPLY_LINES = 1000;
    /** Characters kept of one reply line, as the client's own reply reader (8 KiB). */
    static final int MAX_REPLY_LINE_CHARS = 8192;
    /** Characters kept of one reply's lines together. */
    static final int MAX_REPLY_CHARS = 16384;
    /** After these, the client's next connection is the data connection (curl logs it like a control one). */
    private static final Set<String> PASSIVE = Set.of("PASV", "EPSV", "LPSV");

    private final Classifier classifier;
    private final Fingerprint fingerprint;
    private final List<Finding> findings = new ArrayList<>();

    // the connection attempt under way
    private boolean tcp;
    private boolean greeted;
    /** The server closed or will close the connection (421, 221, a close seen): the attempt is over. */
    private boolean ended;
    /** A transport failure was reported: what the client prints next in this attempt are echoes of it. */
    private boolean failed;
    /** A close now would be explained (after QUIT, or after a failure reply): not a separate failure. */
    private boolean closeExplained;
    private boolean dataConnecting;
    private boolean malformedReported;
    private String lastCommand;
    private Boolean anonymous;
    /** The greeting of the attempt, and the server family it (or SYST) names, as the client itself does. */
    private Reply greeting;
    private String server;

    // the multi-line reply being read
    private List<String> pending;
    private int pendingCode;
    private int pendingLine;
    private int pendingChars;
    private Side pendingSide;

    TranscriptSession(Classifier classifier) {
        this.classifier = classifier;
        this.fingerprint = new Fingerprint(classifier.catalog());
    }

    void accept(int lineNo, String raw) {
        TranscriptLine l = TranscriptLine.parse(raw);
        if (l.kind() == Kind.BLANK) {
            return;
        }
        if (pending != null) {
            if (continuesReply(l)) {
                addToPending(l);
                return;
            }
            completePending();
        }
        switch (l.kind()) {
            case REPLY -> startReply(lineNo, l);
            case SERVER_TEXT -> serverText(lineNo, l);
            case COMMAND -> command(l);
            case CONNECTING -> connecting();
            case CONNECTED -> connected();
            case EVENT -> event(lineNo, l);
            default -> { } // commentary, status, debug output: never a finding
        }
    }

    List<Finding> finish() {
        if (pending != null) {
            completePending();
        }
        return List.copyOf(findings);
    }

    // ---- replies

    private boolean continuesReply(TranscriptLine l) {
        if (pendingSide == Side.PLAIN) {
            return l.side() == Side.PLAIN && l.kind() != Kind.COMMAND;
        }
        return l.side() == pendingSide && l.fromServer();
    }

    private static boolean isTerminator(TranscriptLine l, int code) {
        return l.kind() == Kind.REPLY && l.code() == code && (l.text().length() == 3 || l.text().charAt(3) == ' ');
    }

    private void startReply(int lineNo, TranscriptLine l) {
        String text = l.text();
        pending = new ArrayList<>();
        pendingCode = l.code();
        pendingLine = lineNo;
        pendingSide = l.side();
        pendingChars = 0;
        addToPending(l);
        if (text.length() <= 3 || text.charAt(3) != '-') {
            completePending();
        }
    }

    private void addToPending(TranscriptLine l) {
        String text = l.text().length() > MAX_REPLY_LINE_CHARS ? l.text().substring(0, MAX_REPLY_LINE_CHARS) : l.text();
        boolean last = pending.size() > 0 && isTerminator(l, pendingCode);
        if (last || pending.size() < MAX_REPLY_LINES - 1 && pendingChars + text.length() <= MAX_REPLY_CHARS) {
            pending.add(text);
            pendingChars += text.length();
        }
        if (last) {
            completePending();
        }
    }

    private void completePending() {
        List<String> lines = pending;
        pending = null;
        reply(pendingCode, lines, pendingLine);
    }

    private void reply(int code, List<String> lines, int lineNo) {
        if (ended || failed) {
            newAttempt(); // the connection was gone: this reply is the greeting of another one
        }
        Reply reply = Reply.of(code, lines);
        if (lastCommand == null && greeting == null) {
            greeting = reply;
            server = serverId(fingerprint.identify(reply, null));
        } else if ("SYST".equals(lastCommand) && code == 215 && server == null) {
            server = serverId(fingerprint.identify(greeting, reply.text()));
        }
        ExchangeContext ctx = new ExchangeContext(lastCommand == null ? ExchangeContext.CONNECT : lastCommand,
                anonymous, server);
        Diagnosis d = classifier.classify(reply, ctx);
        tcp = true;
        greeted = true;
        dataConnecting = false;
        if (d.isFailure()) {
            findings.add(new Finding(lineNo, d));
            closeExplained = true;
        }
        if (code == 421 || code == 221) {
            ended = true; // the server closes after these: what the client prints next is no new failure
        }
    }

    private void serverText(int lineNo, TranscriptLine l) {
        if (ended || failed) {
            return;
        }
        if (!greeted) {
            emit(lineNo, TransportEvent.NOT_FTP_GREETING, true, l.text());
            failed = true;
        } else if (!malformedReported) {
            emit(lineNo, TransportEvent.MALFORMED_REPLY, false, l.text());
            malformedReported = true;
        }
    }

    // ---- the client

    private void command(TranscriptLine l) {
        if (ended || failed) {
            newAttempt(); // a reconnection whose greeting the log does not show
        }
        tcp = true;
        greeted = true; // a command was sent, so the server greeted, logged or not
        dataConnecting = false;
        lastCommand = l.verb();
        if ("USER".equals(l.verb())) {
            anonymous = l.argument() == null ? null : ExchangeContext.isAnonymousName(l.argument());
        }
        closeExplained = "QUIT".equals(l.verb());
    }

    private boolean dataConnectionNext() {
        return greeted && !ended && !failed && (dataConnecting || lastCommand != null && PASSIVE.contains(lastCommand));
    }

    private boolean fresh() {
        return !tcp && !greeted && !ended && !failed && lastCommand == null;
    }

    private void connecting() {
        if (dataConnectionNext()) {
            dataConnecting = true;
        } else if (!fresh()) {
            newAttempt();
        }
    }

    private void connected() {
        if (dataConnectionNext()) {
            dataConnecting = false;
            return;
        }
        if (tcp || greeted || ended || failed) {
            newAttempt();
        }
        tcp = true;
    }

    private void event(int lineNo, TranscriptLine l) {
        if (ended || failed) {
            return; // the connection is already gone: this line echoes that
        }
        boolean data = greeted && (dataConnecting || LogFormat.mentionsDataConnection(l.text()));
        switch (l.happening()) {
            case UNKNOWN_HOST -> connectFailure(lineNo, TransportEvent.UNKNOWN_HOST, l);
            case UNREACHABLE -> connectFailure(lineNo, TransportEvent.NETWORK_UNREACHABLE, l);
            case REFUSED -> {
                if (data) {
                    dataFailure(lineNo, TransportEvent.DATA_CONNECT_REFUSED, l);
                } else {
                    connectFailure(lineNo, TransportEvent.CONNECT_REFUSED, l);
                }
            }
            case TIMED_OUT -> {
                if (data) {
                    dataFailure(lineNo, TransportEvent.DATA_CONNECT_TIMEOUT, l);
                } else if (greeted) {
                    // e.g. FileZilla "Connection timed out after 20 seconds of inactivity" after login:
                    // the server stopped answering the command in flight
                    emit(lineNo, TransportEvent.REPLY_TIMEOUT, false, l.text());
                    failed = true;
                } else {
                    connectFailure(lineNo, tcp ? TransportEvent.GREETING_TIMEOUT : TransportEvent.CONNECT_TIMEOUT, l);
                }
            }
            case RESET -> {
                if (data) {
                    dataFailure(lineNo, TransportEvent.DATA_CONNECTION_RESET, l);
                } else {
                    closed(lineNo, TransportEvent.RESET_BEFORE_GREETING, TransportEvent.RESET_MID_SESSION, l);
                }
            }
            case CLOSED -> {
                if (!LogFormat.mentionsDataConnection(l.text())) { // a data connection closing is routine
                    closed(lineNo, TransportEvent.CLOSED_BEFORE_GREETING, TransportEvent.CLOSED_MID_SESSION, l);
                }
            }
        }
    }

    private void connectFailure(int lineNo, TransportEvent e, TranscriptLine l) {
        emit(lineNo, e, true, l.text());
        failed = true;
    }

    private void dataFailure(int lineNo, TransportEvent e, TranscriptLine l) {
        emit(lineNo, e, false, l.text());
        dataConnecting = false;
    }

    private void closed(int lineNo, TransportEvent beforeGreeting, TransportEvent midSession, TranscriptLine l) {
        if (!closeExplained) { // after QUIT, 421 or a refusal the server closing is expected
            emit(lineNo, greeted ? midSession : beforeGreeting, !greeted, l.text());
        }
        ended = true;
        failed = true;
    }

    private void emit(int lineNo, TransportEvent e, boolean connecting, String text) {
        String command = connecting || lastCommand == null ? ExchangeContext.CONNECT : lastCommand;
        Diagnosis d = classifier.classify(e, new ExchangeContext(command, anonymous, server),
                LogFormat.detail(text));
        if (d.isFailure()) {
            findings.add(new Finding(lineNo, d));
        }
    }

    private static String serverId(Server s) {
        return s.isKnown() ? s.id() : null;
    }

    private void newAttempt() {
        tcp = false;
        greeted = false;
        ended = false;
        failed = false;
        closeExplained = false;
        dataConnecting = false;
        malformedReported = false;
        lastCommand = null;
        anonymous = null;
        greeting = null;
        server = null;
    }
}
