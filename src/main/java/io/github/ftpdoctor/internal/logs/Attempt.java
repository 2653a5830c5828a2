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
    /** Codes RFC 959 §5.4 gives only to the data and file commands: never a greeting or a refusal of one. */
    static final java.util.Set<Integer> FILE_ACTION_CODES = java.util.Set.of(425, 426, 450, 451, 452, 532, 550, 551,
            552, 553);
    /** The last 227 announced an address this client cannot reach (see {@link #unreachable}). */
    boolean passiveToNowhere;
    /** The server's IPv4 address as the log shows the client connecting to it, or null. */
    String controlAddress;
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

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
            "(?<![\\d.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.])");
    private static final java.util.regex.Pattern PASV = java.util.regex.Pattern.compile(
            "\\(?\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*(\\d{1,3})\\s*,\\s*\\d{1,3}\\s*,\\s*\\d{1,3}");

    /** Notes the first IPv4 address on a line that says the client is connecting or connected. */
    void control(String text) {
        if (controlAddress == null && text != null) {
            java.util.regex.Matcher m = IPV4.matcher(text);
            controlAddress = m.find() ? m.group() : null;
        }
    }

    /**
     * Whether the address a 227 reply announces cannot be reached by this client: 0.0.0.0 (RFC 1122 §3.2.1.3: no
     * host's address), or, when the log shows the server's own address, a loopback address of a server that is not
     * on the client's host, or a private address (RFC 1918) of a server the client reached at a public one: a
     * server behind NAT that announces its inside address (RFC 1918 §3; RFC 2428 §1 names the problem).
     */
    boolean unreachable(String reply) {
        java.util.regex.Matcher m = PASV.matcher(reply);
        if (!m.find()) {
            return false;
        }
        int[] a = {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4))};
        if (a[0] == 0 && a[1] == 0 && a[2] == 0 && a[3] == 0) {
            return true;
        }
        java.util.regex.Matcher c = controlAddress == null ? null : IPV4.matcher(controlAddress);
        if (c == null || !c.matches()) {
            return false;
        }
        int[] s = {Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)), Integer.parseInt(c.group(3)),
                Integer.parseInt(c.group(4))};
        return a[0] == 127 && s[0] != 127 || isPrivate(a) && !isPrivate(s) && s[0] != 127;
    }

    private static boolean isPrivate(int[] a) {
        return a[0] == 10 || a[0] == 172 && a[1] >= 16 && a[1] <= 31 || a[0] == 192 && a[1] == 168;
    }
}
