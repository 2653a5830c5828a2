package io.github.ftpdoctor.check;

import java.util.Locale;

/** The steps of a {@link ServerCheck}, in the order they run; {@link #id()} is the name in reports and JSON. */
public enum Step {
    /** Every address of the host name, IPv4 and IPv6. */
    RESOLVE,
    /** The TCP connection of the control channel. */
    CONNECT,
    /** The 220 greeting: the server family, and whether the banner tells its exact version. */
    GREETING,
    /** TLS: offered, protocol and cipher, the certificate's chain, expiry, issuer and host name. */
    TLS,
    /** USER and PASS (anonymous without a user), then PBSZ and PROT over TLS. */
    LOGIN,
    /** SYST and FEAT: UTF8, MLST, EPSV, REST STREAM, SIZE, MDTM. */
    FEATURES,
    /** PWD. */
    PWD,
    /** EPSV and PASV, the address of the 227 reply compared with the address connected to. */
    PASSIVE,
    /** One passive data connection; over TLS, session resumption and a connection with a fresh TLS session. */
    DATA,
    /** MLSD, else LIST, every line parsed. */
    LISTING,
    /** EPRT or PORT and a listing in active mode (only when asked for). */
    ACTIVE,
    /** STOR of a small random file, then SIZE and MDTM (only when writing is allowed). */
    UPLOAD,
    /** RETR of that file, compared by SHA-256. */
    DOWNLOAD,
    /** REST and RETR from the middle of that file. */
    RESUME,
    /** RNFR and RNTO of that file. */
    RENAME,
    /** DELE of that file: the check never leaves a file behind. */
    DELETE,
    /** QUIT. */
    QUIT;

    /** The step's name in reports and JSON: {@code resolve}, {@code connect}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
