package io.github.ftpdoctor.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ftp-doctor}: diagnose FTP replies and servers. Exit status 0 success, 1 diagnosed failure, 2 usage error. */
@Command(name = "ftp-doctor", mixinStandardHelpOptions = true, version = "ftp-doctor 0.1.0",
        description = "Tells you why an FTP server said no, in English and Chinese.",
        subcommands = {ExplainCommand.class, ProbeCommand.class, DemoCommand.class,
            TransferCommands.Get.class, TransferCommands.Put.class, LsCommand.class, CatalogCommand.class,
            AnalyzeCommand.class, CheckCommand.class})
public final class FtpDoctorCli implements Callable<Integer> {
    /** Exit status of a usage error. */
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(utf8(FileDescriptor.out), utf8(FileDescriptor.err), args));
    }

    /** Runs the command line with the given streams; returns the exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new FtpDoctorCli(out));
        cl.setOut(writer(out));
        cl.setErr(writer(err));
        cl.registerConverter(Path.class, LocalFiles::path);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof io.github.ftpdoctor.diagnosis.CatalogException) {
                commandLine.getErr().println("ftp-doctor: " + e.getMessage());
                return USAGE;
            }
            if (e instanceof IllegalArgumentException) {
                commandLine.getErr().println("ftp-doctor: " + e.getMessage());
                commandLine.usage(commandLine.getErr());
                return USAGE;
            }
            commandLine.getErr().println("ftp-doctor: " + e);
            return 1;
        });
        return cl.execute(args);
    }

    private final PrintStream out;

    FtpDoctorCli(PrintStream out) {
        this.out = out;
    }

    PrintStream out() {
        return out;
    }

    /** Without a command: print the usage and fail as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("ftp-doctor: a command is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /**
     * A writer that hands characters to the stream, which encodes them with its own charset. (A
     * {@code new PrintWriter(OutputStream)} would encode with the JVM's default charset instead: under
     * {@code LANG=C}, every Chinese message and file name in picocli's output became '?'.)
     */
    static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                stream.append(CharBuffer.wrap(chars, off, len));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }
}
