package io.github.ftpdoctor.diagnosis;

/** A catalog file is missing or invalid; the message names the file, the entry and the problem. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
