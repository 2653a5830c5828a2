package io.github.ftpdoctor.internal.logs;

/**
 * One line of a client log, recognised by {@link LineReader}: what it is, who wrote it and in which format.
 * A {@code PASS} or {@code ACCT} argument is never kept, and neither is anything typed at a prompt that is not a
 * known command.
 *
 * @param kind      what the line is
 * @param side      who wrote it, according to its prefix
 * @param format    the format its syntax belongs to ({@link Format#PLAIN} when nothing tells)
 * @param text      the line without its prefixes; a reply as the server sent it (lines joined by {@code \n} for
 *                  {@link Kind#REPLY_BLOCK}); the client's message for events; null for commands
 * @param code      the reply code of a reply, or of the reply a client message restates; else 0
 * @param verb      the upper-case FTP verb of a command, else null
 * @param argument  the command's argument when it is a file name or a login name, else null
 * @param happening what a client's message says happened on the connection, else null
 * @param connected what the message says about the TCP connection: TRUE made (a read timed out), FALSE not made
 *                  (the connect itself failed), null when it does not say
 * @param indented  the raw line started with white space
 */
public record LogLine(Kind kind, Side side, Format format, String text, int code, String verb, String argument,
                      Happening happening, Boolean connected, boolean indented) {

    /** What a line is. */
    public enum Kind {
        BLANK,
        /** A reply line ({@code 220 ...}, {@code 230-...}): a single-line reply or the first line of one. */
        REPLY,
        /** A complete reply in one log line (Python's {@code *resp*}), its lines joined by {@code \n}. */
        REPLY_BLOCK,
        /** A server line that is no reply line: a continuation line, or not FTP at all. */
        SERVER_TEXT,
        COMMAND,
        /** The client starts a (control) connection. */
        CONNECTING,
        /** The control connection is made. */
        CONNECTED,
        /** The client connects a data connection. */
        DATA_CONNECTING,
        /** The data connection is made. */
        DATA_CONNECTED,
        /** The client says it uses passive mode. */
        PASSIVE,
        /** The client reports what happened on the connection (refused, timed out, closed...). */
        EVENT,
        /** The client restates a reply it got ({@code ftplib.error_perm: 530 ...}, {@code ls: Login failed: 530 ...}). */
        RESTATED,
        /** The client reports a failure without saying anything new ({@code Not connected.}, {@code Login failed.}). */
        CLIENT_ERROR,
        /**
         * The client quotes a reply's text without its code: PHP's {@code ftp_login(): Login incorrect.}, a .NET
         * {@code FtpCommandException: Login authentication failed}. Its code is the one a server's own phrasing of
         * that text has in the catalog, when one has it.
         */
        QUOTED_TEXT,
        /** A field of this project's own report ({@code Reply:}, {@code After:}, {@code Event:}, {@code Target:}). */
        REPORT_FIELD,
        /** The {@code Transcript:} heading of this project's report. */
        REPORT_TRANSCRIPT,
        /** Program code, stack frames, option echoes, debug output: never evidence. */
        CODE,
        /** Anything else: commentary, status, banners. */
        OTHER
    }

    /** Who wrote a line, according to its prefix. */
    public enum Side {
        /** No prefix. */
        PLAIN,
        /** A line from the server: {@code Response:}, {@code <}, {@code <---}, {@code S:}. */
        SERVER,
        /** A command from the client: {@code Command:}, {@code >}, {@code --->}, {@code Cmd:}. */
        CLIENT,
        /** Client status that never carries evidence: FileZilla {@code Status:}, lftp {@code ----}. */
        STATUS,
        /** A client message that may report a failure: curl {@code *}, WinSCP {@code .}, program messages. */
        MESSAGE,
        /** A client error: FileZilla {@code Error:}, lftp {@code ****}, WinSCP {@code *} and {@code !}. */
        ERROR,
        /** Debug output nobody should read as a dialogue. */
        IGNORED
    }

    /** What a client's message says happened on the connection. */
    public enum Happening {
        UNKNOWN_HOST, UNREACHABLE, REFUSED, TIMED_OUT, RESET, CLOSED,
        TLS_UNTRUSTED, TLS_HOSTNAME, TLS_HANDSHAKE,
        /** The data connection ended before all of the file came (curl's CURLE_PARTIAL_FILE). */
        TRUNCATED
    }

    static final LogLine BLANK = new LogLine(Kind.BLANK, Side.PLAIN, Format.PLAIN, "", 0, null, null, null, null,
            false);

    static LogLine of(Kind kind, Side side, Format format, String text, boolean indented) {
        return new LogLine(kind, side, format, text, 0, null, null, null, null, indented);
    }

    LogLine withFormat(Format f) {
        return new LogLine(kind, side, f, text, code, verb, argument, happening, connected, indented);
    }

    /** Whether the line came from the server. */
    public boolean fromServer() {
        return kind == Kind.REPLY || kind == Kind.SERVER_TEXT;
    }

    /** Never the text: a command has none, and a password is never kept anyway. */
    @Override
    public String toString() {
        return kind + " " + format.id() + (verb == null ? "" : " " + verb) + (code == 0 ? "" : " " + code)
                + (happening == null ? "" : " " + happening);
    }
}
