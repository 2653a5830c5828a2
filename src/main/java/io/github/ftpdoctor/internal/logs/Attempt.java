package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.diagnosis.Reply;

/** One connection attempt in a log (one control connection, or one report of this project). Mutable state. */
final class Attempt {
    final int index;
    /** The TCP connection is known to be made. */
    boolean tcp;
    /** The log shows the client connecting ("Connecting to ..."). */
    boolean connectingSeen;
    /** The server greeted (or a command was sent, so it must have). */
    boolean greeted;
    /** The server closed or will close the connection (421, 221, a close seen). */
    boolean ended;
    /** Ended by a 421 or 221 reply (the client may still write a command into the closing connection). */
    boolean endedByReply;
    /** A transport failure was reported: what the client prints next in this attempt echoes it. */
    boolean failed;
    boolean quitSent;
    /** The client is connecting a data connection (lftp, curl, ncftp log it). */
    boolean dataConnecting;
    /** A passive command was answered and its data connection is still to come. */
    boolean dataExpected;
    boolean passive;
    /** The last 227 announced 0.0.0.0, an address no client can connect to (RFC 1122 §3.2.1.3). */
    boolean passiveToNowhere;
    boolean active;
    /** A 1xx reply came for the transfer command under way. */
    boolean preliminary;
    /** A command was sent since the attempt began. */
    boolean commandSent;
    boolean malformedReported;
    String lastCommand;
    String lastArgument;
    Boolean anonymous;
    Reply greeting;
    String server;
    /** The failure that the lines now being read follow from, or null when the session went on working. */
    Found open;
    /** The first distinctive format seen in this attempt, to name the format of plain lines. */
    Format dialect;

    Attempt(int index) {
        this.index = index;
    }

    void sawFormat(Format f) {
        if (dialect == null && f != Format.PLAIN && f != Format.EMBEDDED && f != Format.PYTHON && f != Format.JAVA
                && f != Format.DOTNET && f != Format.RUBY) {
            dialect = f;
        }
    }

    /** Whether a connection being made now is the data connection (after PASV or EPSV, as curl logs it). */
    boolean dataConnectionNext() {
        return greeted && !ended && !failed && (dataConnecting || dataExpected);
    }

    /**
     * Whether the log shows nothing of this connection before the current line: no connecting, no connection, no
     * greeting, no command. A connection closed then may have closed at any point of the session.
     */
    boolean nothingShown() {
        return !connectingSeen && !tcp && !greeted && !commandSent;
    }

    boolean transferUnderWay() {
        return lastCommand != null && ClientPhrases.TRANSFER_VERBS.contains(lastCommand);
    }
}
