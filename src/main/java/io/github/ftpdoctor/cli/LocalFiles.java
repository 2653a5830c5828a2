package io.github.ftpdoctor.cli;

import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/** Local file names from the command line, with an error that names the file and says why it cannot be used. */
final class LocalFiles {
    private LocalFiles() {
    }

    /**
     * The path for {@code name}. Java names files in the encoding of the locale it started in
     * ({@code sun.jnu.encoding}); under {@code LANG=C} that is ASCII, and a Chinese file name cannot be represented.
     *
     * @throws CommandLine.TypeConversionException naming the file and the reason
     */
    static Path path(String name) {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException(reason(name, e));
        }
    }

    static String reason(String name, InvalidPathException e) {
        String encoding = System.getProperty("sun.jnu.encoding", "");
        boolean unmappable = false;
        try {
            unmappable = !encoding.isEmpty() && !Charset.forName(encoding).newEncoder().canEncode(name);
        } catch (IllegalArgumentException unknownCharset) {
            // fall through to the JDK's reason
        }
        if (unmappable) {
            return "cannot use the local file name '" + name + "': this Java names files in " + encoding
                    + " (from the locale it started in), which cannot represent it; run under a UTF-8 locale,"
                    + " e.g. LANG=C.UTF-8 or LC_ALL=C.UTF-8";
        }
        return "cannot use the local file name '" + name + "': " + e.getReason()
                + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "");
    }
}
