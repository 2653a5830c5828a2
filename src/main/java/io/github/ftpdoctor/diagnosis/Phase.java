package io.github.ftpdoctor.diagnosis;

/**
 * The part of an FTP session a reply belongs to, decided by the command it answers (the catalog's {@code phases}
 * table). Every outcome names the phases it can occur in, and the classifier never concludes an outcome outside the
 * phase of the command answered: a {@code 425} to {@code RETR} is a data-connection failure, never a refused
 * address, and a {@code 221} to {@code NOOP} is the server closing the session, not a success.
 */
public enum Phase {
    /** The greeting, or a reply sent instead of it. */
    CONNECT,
    /** {@code USER}, {@code PASS}, {@code ACCT}. */
    LOGIN,
    /** {@code AUTH}, {@code PBSZ}, {@code PROT}, {@code CCC}. */
    TLS,
    /** Any other command of the session: {@code CWD}, {@code SIZE}, {@code PASV}, {@code NOOP}, ... */
    COMMAND,
    /** {@code RETR}, {@code STOR}, {@code APPE}, {@code STOU}, {@code LIST}, {@code NLST}, {@code MLSD}. */
    TRANSFER,
    /** {@code QUIT}. */
    QUIT
}
