package io.github.ftpdoctor.diagnosis;

/**
 * What a reply or a transport event means for the caller.
 *
 * <p>The constant names are the stable identifiers shared with the reply catalog, the CLI and its JSON
 * output ({@code "outcome": "PerIpSessionLimit"}), so they are spelled exactly as they appear there.
 * Each outcome's category, explanation, advice and retry guidance live in {@code reply-catalog/outcomes.json};
 * read them through {@link Catalog#definition(Outcome)} or from a {@link Diagnosis}.
 */
@SuppressWarnings("java:S115") // names are catalog identifiers, not Java-style constants
public enum Outcome {
    // positive
    Success, InProgress, ServiceReadySoon, PasswordRequired, AccountRequired, PendingFurtherInformation, ProtectedReply,
    // connection
    ConnectionRefused, ConnectionTimedOut, HostNotFound, NetworkUnreachable, GreetingTimedOut, NotFtpService,
    ConnectionClosed, ReplyTimedOut,
    // login and access
    AnonymousDenied, BadCredentialsOrUnknownUser, IpNotAllowed, LikelyBanned, AnonymousOnly, UserNotAllowed,
    AccountDisabled, HomeDirectoryUnavailable, NotLoggedIn, AccountRequiredForStorage,
    // security
    TlsRequired, TlsUnavailable, TlsSessionReuseRequired, DataChannelProtectionRequired, CertificateUntrusted,
    HostnameMismatch, TlsHandshakeFailed, ClientCertificateRequired,
    // capacity
    TooManyUsers, PerIpSessionLimit, PerUserSessionLimit, ServiceUnavailable, ServerShuttingDown, IdleTimeout,
    // files
    FileUnavailable, FileNotFound, PermissionDenied, FileBusy, ServerLocalError, InsufficientStorage, QuotaExceeded,
    FileNameNotAllowed, PageTypeUnknown,
    // data transfer
    DataConnectionFailed, TransferAborted, TransferIncomplete,
    // protocol
    SyntaxError, CommandNotImplemented, BadCommandSequence, ProtocolError, TransientFailure, PermanentFailure,
    // found by the server check (io.github.ftpdoctor.check): configuration problems rather than refused commands
    BannerRevealsVersion, TlsNotUsed, CertificateExpiringSoon, PassiveAddressUnroutable, PassivePortsBlocked,
    PassivePortRefused, TlsSessionReuseNotEnforced, ListingUnparsable, ClockSkew, ReadOnlyAccount, ContentMismatch
}
