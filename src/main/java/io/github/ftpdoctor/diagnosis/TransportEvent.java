package io.github.ftpdoctor.diagnosis;

/**
 * Something that happened on the connection rather than a reply from the server. The classifier maps
 * each event to an outcome through the catalog's rules, exactly as it does for reply codes.
 */
public enum TransportEvent {
    CONNECT_REFUSED, CONNECT_TIMEOUT, UNKNOWN_HOST, NETWORK_UNREACHABLE,
    CLOSED_BEFORE_GREETING, RESET_BEFORE_GREETING, GREETING_TIMEOUT, NOT_FTP_GREETING,
    CLOSED_MID_SESSION, RESET_MID_SESSION, REPLY_TIMEOUT,
    MALFORMED_REPLY, LINE_TOO_LONG, REPLY_TOO_LONG, UNEXPECTED_REPLY,
    /** The data connection (to the passive port, or from the server in active mode) could not be made. */
    DATA_CONNECT_TIMEOUT, DATA_CONNECT_REFUSED, DATA_ACCEPT_TIMEOUT,
    /** The data connection stalled or broke during a transfer. */
    DATA_READ_TIMEOUT, DATA_CONNECTION_RESET,
    /** The transfer ended without a positive completion reply, or with fewer bytes than announced. */
    TRANSFER_INCOMPLETE,
    /** The TLS handshake failed: certificate not trusted, name mismatch, or no common protocol. */
    TLS_CERTIFICATE_UNTRUSTED, TLS_HOSTNAME_MISMATCH, TLS_HANDSHAKE_FAILED,
    /** The server asked for a client certificate and the handshake, or the connection right after it, failed. */
    TLS_CLIENT_CERTIFICATE_REQUIRED,
    /**
     * Findings of the server check ({@code io.github.ftpdoctor.check}), diagnosed through the catalog like every
     * event; {@code GREETING_REVIEWED} carries the greeting, whose text the rules read (a version in the banner).
     */
    GREETING_REVIEWED, TLS_OFFERED_NOT_USED, TLS_CERTIFICATE_EXPIRING,
    /** A 227 reply named another address than the control connection's peer (the check connects to the peer). */
    PASSIVE_ADDRESS_MISMATCH,
    /** The check's connection to the announced passive port timed out, or was refused. */
    PASSIVE_CONNECT_TIMEOUT, PASSIVE_CONNECT_REFUSED,
    /** The server accepted a TLS data connection with a fresh session, not resuming the control session. */
    TLS_SESSION_REUSE_NOT_ENFORCED,
    LISTING_UNPARSED, CLOCK_SKEW,
    /** The check's upload of a new file to the login directory was refused (read-only account). */
    WRITE_REFUSED,
    /** The bytes downloaded back differ from those uploaded. */
    CONTENT_MISMATCH
}
