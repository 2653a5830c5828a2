package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.FtpUrl;
import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.error.FtpException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code get} and {@code put}: one file each way, reported like {@code probe}. */
final class TransferCommands {
    private TransferCommands() {
    }

    /** Options shared by get and put. */
    abstract static class Base implements Callable<Integer> {
        @ParentCommand
        FtpDoctorCli parent;

        @Mixin
        NetworkOptions options;

        abstract FtpUrl url();

        abstract long transfer(FtpClient ftp, String remote) throws IOException;

        abstract Path local();

        /** Checks local arguments before anything goes on the network. */
        void check() {
        }

        @Override
        public Integer call() throws IOException {
            Cli.checkLang(options.lang);
            FtpUrl target = url();
            if (target.path().isEmpty() || target.path().endsWith("/")) {
                throw new IllegalArgumentException("the URL must name a file: ftp://host/path/file");
            }
            check();
            DiagnosisPrinter p = new DiagnosisPrinter(parent.out(), options.lang);
            Diagnosis result;
            List<String> transcript;
            long bytes = -1;
            Long failedAt = null;
            try (FtpClient ftp = Connection.open(target, Connection.config(target, options,
                    ProgressBar.forTerminal(options.json, System.err)))) {
                Connection.login(ftp, target);
                bytes = transfer(ftp, target.path());
                result = ftp.lastReply();
                transcript = ftp.transcript();
            } catch (FtpException e) {
                result = e.diagnosis();
                transcript = e.transcript();
                failedAt = e.bytesTransferred().isPresent() ? e.bytesTransferred().getAsLong() : null;
            }
            if (options.json) {
                ObjectNode o = DiagnosisPrinter.json(result);
                o.put("target", target.toString());
                o.put("local", local().toString());
                if (bytes >= 0) {
                    o.put("bytes", bytes);
                } else {
                    o.put("bytes", failedAt);
                }
                ArrayNode t = o.putArray("transcript");
                transcript.forEach(t::add);
                p.printJson(o);
            } else {
                p.line(p.chinese() ? "目标" : "Target", target.toString());
                if (bytes >= 0) {
                    p.line(p.chinese() ? "字节数" : "Bytes", Long.toString(bytes));
                }
                p.printText(result);
            }
            return Cli.exitStatus(result);
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Download one file: get URL LOCALFILE.")
    static final class Get extends Base {
        @Parameters(index = "0", paramLabel = "URL", description = "ftp://[user[:password]@]host[:port]/path/file")
        String url;

        @Parameters(index = "1", paramLabel = "LOCALFILE", description = "Where to write it (replaced only on success).")
        Path localFile;

        @Override
        FtpUrl url() {
            return FtpUrl.parse(url);
        }

        @Override
        Path local() {
            return localFile;
        }

        @Override
        long transfer(FtpClient ftp, String remote) throws IOException {
            return ftp.download(remote, localFile);
        }
    }

    @Command(name = "put", mixinStandardHelpOptions = true, description = "Upload one file: put LOCALFILE URL.")
    static final class Put extends Base {
        @Parameters(index = "0", paramLabel = "LOCALFILE", description = "The file to send (only read).")
        Path localFile;

        @Parameters(index = "1", paramLabel = "URL", description = "ftp://[user[:password]@]host[:port]/path/file")
        String url;

        @Override
        FtpUrl url() {
            return FtpUrl.parse(url);
        }

        @Override
        Path local() {
            return localFile;
        }

        @Override
        void check() {
            if (!java.nio.file.Files.isRegularFile(localFile)) {
                throw new IllegalArgumentException("no such local file: " + localFile);
            }
        }

        @Override
        long transfer(FtpClient ftp, String remote) throws IOException {
            return ftp.upload(localFile, remote);
        }
    }
}
