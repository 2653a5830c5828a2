package io.github.ftpdoctor.cli;

import picocli.CommandLine.Option;

/** The options every command that talks to a server shares: {@code --json}, {@code --lang}, {@code --timeout}. */
final class NetworkOptions {
    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en", description = "Language of the report (default en).")
    String lang;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Connect, reply and data timeout "
            + "(default: 15 s to connect, 60 s for replies and data).")
    Double timeout;

    @Option(names = "--cacert", paramLabel = "FILE", description = "Trust the certificates in FILE (PEM or DER) for FTPS.")
    java.nio.file.Path cacert;

    @Option(names = "--insecure", description = "FTPS without checking the certificate or host name (test servers only).")
    boolean insecure;
}
