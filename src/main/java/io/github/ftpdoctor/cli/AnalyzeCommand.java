package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.analysis.Finding;
import io.github.ftpdoctor.analysis.TranscriptAnalyzer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code analyze [--json] [--lang en|zh] FILE|-} */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Diagnose every failure in a client's session log (lftp -d, ftp/tnftp -d -v, ncftp -d, curl -v, wget, "
                + "Python ftplib debug output and traceback, Java stack traces and Commons Net, WinSCP, FileZilla, "
                + "CuteFTP, ftp-doctor's own reports, or a plain transcript of replies and commands); lines that only "
                + "follow from a failure are folded into it, and the failure that ended the connection is marked as "
                + "the cause. Exit status 1 if any failure was found.")
final class AnalyzeCommand implements Callable<Integer> {
    @ParentCommand
    FtpDoctorCli parent;

    @Option(names = "--lang", paramLabel = "en|zh", defaultValue = "en", description = "Language of the report (default en).")
    String lang;

    @Option(names = "--json", description = "Print one JSON object per failure, with its \"line\", \"cause\", "
            + "\"folded\" (the lines that follow from it) and \"format\".")
    boolean json;

    @Parameters(index = "0", paramLabel = "FILE", description = "The log file (UTF-8), or - for standard input.")
    String file;

    @Override
    public Integer call() throws IOException {
        Cli.checkLang(lang);
        List<Finding> findings;
        try (Reader in = open(file)) {
            findings = TranscriptAnalyzer.standard().analyze(in);
        }
        DiagnosisPrinter p = new DiagnosisPrinter(parent.out(), lang);
        boolean first = true;
        for (Finding f : findings) {
            if (json) {
                ObjectNode o = DiagnosisPrinter.json(f.diagnosis());
                o.put("line", f.line());
                o.put("cause", f.cause());
                ArrayNode folded = o.putArray("folded");
                f.folded().forEach(folded::add);
                o.put("format", f.format().id());
                p.printJson(o);
            } else {
                if (!first) {
                    p.out().println();
                }
                if (p.chinese()) {
                    p.out().println("第 " + f.line() + " 行" + (f.cause() ? "（原因：这个故障结束了连接）" : "") + "：");
                } else {
                    p.out().println("line " + f.line() + (f.cause() ? " (the cause: this failure ended the connection)" : "")
                            + ":");
                }
                p.printText(f.diagnosis());
                if (!f.folded().isEmpty()) {
                    p.line(p.chinese() ? "随之而来" : "Follows on", (p.chinese() ? "第 " : "lines ")
                            + f.folded().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                            + (p.chinese() ? " 行" : ""));
                }
                p.line(p.chinese() ? "日志格式" : "Log format", f.format().id());
            }
            first = false;
        }
        return findings.isEmpty() ? 0 : 1;
    }

    /** The log as UTF-8 text; undecodable bytes become U+FFFD rather than failing the whole analysis. */
    private static Reader open(String file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        if ("-".equals(file)) {
            return new InputStreamReader(new NonClosing(System.in), decoder);
        }
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a file name: '" + file + "'");
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(Files.exists(path)
                    ? "not a regular file: " + file : "no such file: " + file);
        }
        return new InputStreamReader(Files.newInputStream(path), decoder);
    }

    /** Standard input stays open when the reader over it is closed. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(java.io.InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // standard input belongs to the process
        }
    }
}
