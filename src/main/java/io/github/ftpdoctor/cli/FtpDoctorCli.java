package io.github.ftpdoctor.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ftp-doctor}: diagnose FTP replies and servers. Exit status 0 success, 1 diagnosed failure, 2 usage error.
 * The subcommands are registered in {@link #commandLine}: only the one named, when it is named.
 */
@Command(name = "ftp-doctor", mixinStandardHelpOptions = true, version = "ftp-doctor 0.1.0",
        description = "Tells you why an FTP server said no, in English and Chinese.")
public final class FtpDoctorCli implements Callable<Integer> {
    /** Exit status of a usage error. */
    static final int USAGE = 2;

    /** The subcommands, in the order the usage lists them. */
    private static final List<String> COMMANDS = List.of("explain", "probe", "demo", "get", "put", "ls", "catalog",
            "analyze", "check");

    /**
     * A new instance of the named subcommand, or null. A switch rather than a map of constructor references: on a
     * cold JVM every lambda and method reference costs a class spun at run time, and this runs once per process.
     */
    private static Object command(String name) {
        switch (name) {
            case "explain": return new ExplainCommand();
            case "probe": return new ProbeCommand();
            case "demo": return new DemoCommand();
            case "get": return new TransferCommands.Get();
            case "put": return new TransferCommands.Put();
            case "ls": return new LsCommand();
            case "catalog": return new CatalogCommand();
            case "analyze": return new AnalyzeCommand();
            case "check": return new CheckCommand();
            default: return null;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("-")) {
            warmUp();
        }
        System.exit(run(utf8(FileDescriptor.out), utf8(FileDescriptor.err), args));
    }

    /**
     * Loads the built-in reply catalog on another thread (another core, when there is one) while picocli builds its
     * model and parses the arguments, and while a network command connects: nearly every command needs the catalog,
     * and reading it is most of a short command's time. A failure here is ignored: the command meets it again and
     * reports it.
     */
    static void warmUp() {
        Thread t = new Thread(new WarmUp(), "ftp-doctor-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** The warm-up's task (a class, not a lambda: see {@link #command}). */
    private static final class WarmUp implements Runnable {
        @Override
        public void run() {
            try {
                io.github.ftpdoctor.diagnosis.Classifier.standard();
            } catch (RuntimeException | LinkageError e) {
                // reported by the command that needs the catalog
            }
        }
    }

    /** Runs the command line with the given streams; returns the exit status. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        Integer quick = QuickCommands.run(out, err, args);
        if (quick != null) {
            return quick;
        }
        CommandLine cl = commandLine(new FtpDoctorCli(out), args);
        cl.setOut(writer(out));
        cl.setErr(writer(err));
        cl.registerConverter(Path.class, new LocalPaths());
        cl.setExecutionExceptionHandler(new Failures());
        return cl.execute(args);
    }

    /** Prints the usage of the named subcommand, as picocli prints it after a usage error. */
    static void usage(String name, PrintStream err) {
        CommandLine cl = commandLine(new FtpDoctorCli(err), name);
        cl.registerConverter(Path.class, new LocalPaths());
        cl.getSubcommands().get(name).usage(writer(err));
    }

    /** Local file names read as {@link LocalFiles#path} does (a class, not a method reference: see {@link #command}). */
    private static final class LocalPaths implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return LocalFiles.path(value);
        }
    }

    /** What a command threw: a usage error (exit 2) or another failure (exit 1), said in one line. */
    static final class Failures implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
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
        }
    }

    /**
     * The command line for {@code args}. Picocli reads every registered command's annotations by reflection when the
     * command line is built, which costs a cold JVM about as much as the command itself: when the first argument
     * names a subcommand, only that one is registered (the usage, a typo or a root option get them all).
     */
    static CommandLine commandLine(FtpDoctorCli root, String... args) {
        CommandLine cl = new CommandLine(root);
        Object named = args.length > 0 ? command(args[0]) : null;
        if (named != null) {
            cl.addSubcommand(args[0], named);
        } else {
            for (String name : COMMANDS) {
                cl.addSubcommand(name, command(name));
            }
        }
        return cl;
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
        return new PrintWriter(new StreamWriter(stream), true);
    }

    private static final class StreamWriter extends Writer {
        private final PrintStream stream;

        StreamWriter(PrintStream stream) {
            this.stream = stream;
        }

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
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }
}
