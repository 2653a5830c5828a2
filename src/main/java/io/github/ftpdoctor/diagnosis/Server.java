package io.github.ftpdoctor.diagnosis;

/**
 * The FTP server software a session talks to, as far as its greeting, SYST and FEAT tell.
 *
 * @param id      the family's catalog id ({@code vsftpd}, {@code proftpd}, ...) or {@code unknown}
 * @param name    a readable name
 * @param version the version the server announced, or null
 */
public record Server(String id, String name, String version) {
    /** A server that could not be recognised. */
    public static final Server UNKNOWN = new Server("unknown", "unknown server", null);

    public boolean isKnown() {
        return !UNKNOWN.id.equals(id);
    }

    @Override
    public String toString() {
        return version == null ? name : name + " " + version;
    }
}
