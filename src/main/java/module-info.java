/**
 * ftpdoctor: an FTP client that tells you why. Four packages are public: the client
 * ({@code io.github.ftpdoctor}), the diagnosis model ({@code .diagnosis}), the typed exceptions ({@code .error}) and
 * the reading of client logs ({@code .analysis}) and the server check ({@code .check}).
 */
module io.github.ftpdoctor {
    requires org.slf4j;
    requires tools.jackson.databind;
    requires static info.picocli;

    exports io.github.ftpdoctor;
    exports io.github.ftpdoctor.diagnosis;
    exports io.github.ftpdoctor.analysis;
    exports io.github.ftpdoctor.error;
    exports io.github.ftpdoctor.check;

    opens io.github.ftpdoctor.cli to info.picocli;
}
