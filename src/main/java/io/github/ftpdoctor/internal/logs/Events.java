package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.ExchangeContext;
import io.github.ftpdoctor.diagnosis.TransportEvent;
import io.github.ftpdoctor.internal.logs.Found.Tentative;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a client reports about its connections, as transport events: which event a refusal, a timeout or a close is
 * depends on where the session stood (connecting, waiting for the greeting, waiting for a reply, connecting or
 * reading a data connection). What a client prints after a failure in the same connection echoes it and is
 * folded into it. Not thread-safe; part of one {@link Session}.
 */
final class Events {
    private static final int MAX_DETAIL_CHARS = 200;
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]*:)[^@\\s]*@");
    private static final Pattern PASS_ARGUMENT = Pattern.compile("(?i)\\b(PASS|ACCT)(\\s+)\\S+");

    private final Session s;
    /** A Java exception that closed a connection the log shows nothing else of, until its frames are read. */
    private LogLine held;
    private int heldLine;
    private String heldCommand;
    private boolean heldConnecting;
    /** The exception last released: reported now, never held again. */
    private LogLine released;

    Events(Session session) {
        this.s = session;
    }

    /**
     * Reads a line while an exception is held: a frame may name the command it broke off (the first that does is
     * the innermost); any other line releases it. Returns whether the line was a frame of it.
     */
    boolean frame(LogLine l) {
        if (held == null) {
            return false;
        }
        if (l.kind() == LogLine.Kind.CODE && l.format() == Format.JAVA) {
            if (JavaFrames.CONNECTING.equals(l.verb())) {
                heldConnecting |= heldCommand == null; // connecting, under the command that opened the connection
            } else if (heldCommand == null) {
                heldCommand = l.verb();
            }
            return true;
        }
        release();
        return false;
    }

    /** Reports the held exception, in the session its frames placed it in. */
    void release() {
        LogLine l = held;
        if (l == null) {
            return;
        }
        held = null;
        if (l.kind() == LogLine.Kind.RESTATED) {
            s.restatedReply(heldLine, new LogLine(l.kind(), l.side(), l.format(), l.text(), l.code(), heldCommand,
                    l.argument(), l.happening(), l.connected(), l.indented()));
            return;
        }
        Attempt at = s.at;
        if (ExchangeContext.CONNECT.equals(heldCommand)) {
            at.connectingSeen = true; // closed while connecting or waiting for the greeting
        } else if (heldCommand != null) {
            at.lastCommand = heldCommand; // closed in answer to a command: the greeting had come
            at.greeted = true;
            at.commandSent = true;
            // a socket connect under PASV or EPSV (FluentFTP's OpenPassiveDataStream): the passive data connection
            at.dataConnecting = heldConnecting && ("PASV".equals(heldCommand) || "EPSV".equals(heldCommand));
        }
        released = l;
        event(heldLine, l);
    }

    /** A client's message as a transport event's detail: bounded, and never with a password. */
    static String detail(String text) {
        if (text == null) {
            return null;
        }
        String d = masked(text);
        return d.length() > MAX_DETAIL_CHARS ? d.substring(0, MAX_DETAIL_CHARS) + "…" : d;
    }

    /** The text with the passwords of URLs and of PASS and ACCT commands masked. */
    static String masked(String text) {
        String d = text.indexOf("://") >= 0 ? URL_PASSWORD.matcher(text).replaceAll("$1****@") : text;
        return PASS_ARGUMENT.matcher(d).replaceAll("$1$2****");
    }

    /**
     * Holds a reply that a Java exception restates, with nothing before it in the log and no command named, until
     * its frames name the command it answered ({@code FtpSession.write} under Spring Integration's
     * {@code Server replied with: 553 ...}). Returns whether it was held.
     */
    boolean holdRestated(int lineNo, LogLine l) {
        if (held != null || l.format() != Format.JAVA || l.verb() != null || !s.at.nothingShown()) {
            return false;
        }
        held = l;
        heldLine = lineNo;
        heldCommand = null;
        heldConnecting = false;
        return true;
    }

    void event(int lineNo, LogLine l) {
        Attempt at = s.at;
        boolean stack = l.format() == Format.JAVA && l.connected() == null
                && (l.happening() == LogLine.Happening.CLOSED || l.happening() == LogLine.Happening.RESET)
                || l.format() == Format.DOTNET && l.happening() != null; // .NET: time-outs and refusals too
        if (l != released && stack && at.nothingShown()) {
            held = l; // its frames, which follow it, tell where the session stood
            heldLine = lineNo;
            heldCommand = null;
            heldConnecting = false;
            return;
        }
        if (at.ended || at.failed) {
            s.foldIntoOpen(lineNo); // the connection is already gone: this line echoes that
            return;
        }
        Found open = at.open;
        if (open != null && !open.gone && open.isDataFailure() && !at.dataConnecting
                && l.happening() != LogLine.Happening.CLOSED) {
            open.fold(lineNo); // the client's last word on the data connection that failed
            return;
        }
        String text = l.text() == null ? "" : l.text();
        boolean mentionsData = ClientPhrases.mentionsDataConnection(text);
        boolean data = at.greeted && (at.dataConnectionNext() || mentionsData)
                && !ClientPhrases.mentionsControlConnection(text);
        boolean nothingBefore = at.nothingShown();
        if (Boolean.TRUE.equals(l.connected()) && !at.greeted) {
            at.tcp = true;
            // a client writes on the control connection only after the greeting (RFC 959 §5.4): a write that
            // failed ("write: connection reset by peer", "write: broken pipe") was past it
            at.greeted = l.happening() == LogLine.Happening.RESET && text.toLowerCase(Locale.ROOT).contains("write");
        }
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
            case TIMED_OUT -> timedOut(lineNo, l, mentionsData, nothingBefore);
            case RESET -> {
                if (data) {
                    dataFailure(lineNo, TransportEvent.DATA_CONNECTION_RESET, l);
                } else {
                    closed(lineNo, TransportEvent.RESET_BEFORE_GREETING, TransportEvent.RESET_MID_SESSION, l);
                }
            }
            case CLOSED -> {
                if (!mentionsData) { // a data connection closing is routine
                    closed(lineNo, TransportEvent.CLOSED_BEFORE_GREETING, TransportEvent.CLOSED_MID_SESSION, l);
                }
            }
            case TLS_UNTRUSTED -> tlsFailure(lineNo, TransportEvent.TLS_CERTIFICATE_UNTRUSTED, l);
            case TLS_HOSTNAME -> tlsFailure(lineNo, TransportEvent.TLS_HOSTNAME_MISMATCH, l);
            case TLS_HANDSHAKE -> tlsFailure(lineNo, TransportEvent.TLS_HANDSHAKE_FAILED, l);
            case TRUNCATED -> dataFailure(lineNo, TransportEvent.TRANSFER_INCOMPLETE, l);
        }
    }

    private void timedOut(int lineNo, LogLine l, boolean mentionsData, boolean nothingBefore) {
        Attempt at = s.at;
        String lower = l.text() == null ? "" : l.text().toLowerCase(Locale.ROOT);
        boolean establishing = lower.contains("establish") || lower.contains("connection to")
                || lower.contains("connect to");
        if (at.greeted && (at.dataConnecting || mentionsData && establishing)) {
            dataFailure(lineNo, TransportEvent.DATA_CONNECT_TIMEOUT, l);
        } else if (at.greeted && at.transferUnderWay() && at.preliminary || at.greeted && mentionsData) {
            // the server said the transfer started (150), then the data went silent
            dataFailure(lineNo, TransportEvent.DATA_READ_TIMEOUT, l);
        } else if (at.greeted && at.dataExpected) {
            // no answer to the transfer command after PASV: the passive port cannot be reached, so the server
            // (vsftpd, ProFTPD) never starts the transfer; or the client's own connect to it timed out
            dataFailure(lineNo, TransportEvent.DATA_CONNECT_TIMEOUT, l);
        } else if (at.greeted && at.transferUnderWay() && at.active) {
            dataFailure(lineNo, TransportEvent.DATA_ACCEPT_TIMEOUT, l); // the server never connected back
        } else if (nothingBefore && mentionsData && !lower.contains("control connection")) {
            // WinSCP's "Timeout detected. (data connection)" pasted alone: the data connection, whatever the mode
            dataFailure(lineNo, TransportEvent.DATA_CONNECT_TIMEOUT, l);
        } else if (at.greeted || nothingBefore && lower.contains("(control connection)")) {
            // WinSCP's "Timeout detected. (control connection)" with nothing of the session shown: it says so of a
            // reply that did not come on the established connection, at any point of the session
            emit(lineNo, TransportEvent.REPLY_TIMEOUT, false, at.greeted ? at.lastCommand : null, l);
            at.failed = true;
        } else {
            connectFailure(lineNo, at.tcp ? TransportEvent.GREETING_TIMEOUT : TransportEvent.CONNECT_TIMEOUT, l);
        }
    }

    /** A server line that is no reply: before the greeting, not an FTP server; later, a malformed reply. */
    void serverText(int lineNo, LogLine l) {
        Attempt at = s.at;
        if (at.ended || at.failed) {
            return;
        }
        if (!at.greeted) {
            emit(lineNo, TransportEvent.NOT_FTP_GREETING, true, l);
            at.failed = true;
        } else if (!at.malformedReported) {
            emit(lineNo, TransportEvent.MALFORMED_REPLY, false, l);
            at.malformedReported = true;
        }
    }

    private void connectFailure(int lineNo, TransportEvent e, LogLine l) {
        emit(lineNo, e, true, l);
        s.at.failed = true;
    }

    private void tlsFailure(int lineNo, TransportEvent e, LogLine l) {
        emit(lineNo, e, !s.at.greeted, l);
        s.at.failed = true;
    }

    /** A log that ends at a passive reply to an address nothing can be reached at (see Session#finish). */
    void passiveDeadEnd(int lineNo, LogLine reply) {
        if (s.at.lastCommand == null) {
            s.at.lastCommand = "PASV"; // a 227 answers PASV, whether or not the log shows it
        }
        dataFailure(lineNo, TransportEvent.DATA_CONNECT_TIMEOUT, reply);
    }

    private void dataFailure(int lineNo, TransportEvent e, LogLine l) {
        boolean toNowhere = s.at.passiveToNowhere
                && (e == TransportEvent.DATA_CONNECT_REFUSED || e == TransportEvent.DATA_CONNECT_TIMEOUT);
        // a client that connects where a "227 (0,0,0,0,...)" points cannot reach the server: its passive address
        emit(lineNo, toNowhere ? TransportEvent.PASSIVE_ADDRESS_MISMATCH : e, false, l);
        s.at.dataConnecting = false;
        s.at.dataExpected = false;
    }

    /** "The connection was terminated before a greeting could be read." (System.Net.FtpClient) */
    private static boolean saysBeforeGreeting(LogLine l) {
        return l.text() != null && l.text().toLowerCase(Locale.ROOT).contains("before a greeting");
    }

    private void closed(int lineNo, TransportEvent beforeGreeting, TransportEvent midSession, LogLine l) {
        Attempt at = s.at;
        Found open = at.open;
        if (open != null && !open.gone) {
            open.fold(lineNo); // the server closing after a refusal is expected
        } else if (!at.quitSent && at.nothingShown() && isException(l.format()) && !saysBeforeGreeting(l)) {
            // a close with nothing of the session before it (a stack trace alone): not known to be before the
            // greeting, so no ban is assumed; the command it interrupted is unknown
            emit(lineNo, midSession, false, null, l);
        } else if (!at.quitSent) {
            emit(lineNo, at.greeted ? midSession : beforeGreeting, !at.greeted, l);
        }
        at.ended = true;
        at.failed = true;
    }

    private static boolean isException(Format f) {
        return f == Format.JAVA || f == Format.DOTNET || f == Format.PYTHON;
    }

    private void emit(int lineNo, TransportEvent e, boolean connecting, LogLine l) {
        Attempt at = s.at;
        emit(lineNo, e, connecting, connecting || at.lastCommand == null ? ExchangeContext.CONNECT : at.lastCommand, l);
    }

    private void emit(int lineNo, TransportEvent e, boolean connecting, String command, LogLine l) {
        Attempt at = s.at;
        Diagnosis d = s.classifier().classify(e, s.context(command, connecting ? null : at.lastArgument),
                detail(l.text()));
        if (d.isFailure()) {
            Found f = s.findings().add(new Found(lineNo, d, l.format(), at, command,
                    e.name().startsWith("DATA_") ? null : at.lastArgument, Tentative.NONE));
            at.open = f;
        }
    }
}
