package io.github.ftpdoctor;

/** The representation type of transfers (RFC 959 §3.1.1). */
public enum TransferType {
    /** {@code TYPE I}: bytes as they are. The default. */
    BINARY,
    /** {@code TYPE A}: text; line ends are CR LF on the wire and the platform's line separator locally. */
    ASCII
}
