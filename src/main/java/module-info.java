/**
 * ftpdoctor: an FTP client that tells you why. Three packages are public: the client
 * ({@code io.github.ftpdoctor}), the diagnosis model ({@code .diagnosis}) and the typed exceptions ({@code .error}).
 */
module io.github.ftpdoctor {
    requires org.slf4j;
    requires tools.jackson.databind;
    requires static info.picocli;

    exports io.github.ftpdoctor;
    exports io.github.ftpdoctor.diagnosis;
    exports io.github.ftpdoctor.error;

    opens io.github.ftpdoctor.cli to info.picocli;
}
