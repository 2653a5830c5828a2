package io.github.ftpdoctor;

/** Who opens the data connection. */
public enum DataConnectionMode {
    /** The client connects to the server (EPSV, then PASV if EPSV is refused). The default. */
    PASSIVE,
    /** The server connects back to the client (EPRT, then PORT if EPRT is refused). */
    ACTIVE
}
