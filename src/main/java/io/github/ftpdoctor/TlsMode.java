package io.github.ftpdoctor;

/** Whether and how the control connection is encrypted (RFC 4217). */
public enum TlsMode {
    /** Plain FTP. */
    NONE,
    /** Explicit FTPS ({@code ftpes://}): connect in plain text, then AUTH TLS; refused AUTH fails, never falls back. */
    EXPLICIT,
    /** Implicit FTPS ({@code ftps://}, usually port 990): TLS from the first byte. */
    IMPLICIT
}
