package io.github.ftpdoctor.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code explain}, {@code get} and {@code put} without picocli. Building picocli's model of a command reads its
 * annotations by reflection and spins a proxy class per annotation type: on a cold JVM that is tens of milliseconds
 * of a command that lasts a fifth of a second, spent before the first packet or the diagnosis. These commands take
 * few arguments, so their usual forms are read here: the positional arguments and the commands' own options
 * ({@code --json}, {@code --insecure}; {@code --lang}, {@code --timeout}, {@code --cacert}, {@code --after},
 * {@code --user}, {@code --server} with their value after a space or an {@code =}). Anything else (help, version,
 * {@code --rules}, an unknown or repeated option, {@code --}, an {@code @file} of arguments, a value picocli would
 * reject, a wrong number of arguments) returns null, and the caller gives the same arguments to picocli, which reads
 * and reports them as it always does. The command runs the same code either way.
 */
final class QuickCommands {
    private static final Set<String> TRANSFER_FLAGS = Set.of("--json", "--insecure");
    private static final Set<String> TRANSFER_VALUES = Set.of("--lang", "--timeout", "--cacert");
    private static final Set<String> EXPLAIN_FLAGS = Set.of("--json");
    private static final Set<String> EXPLAIN_VALUES = Set.of("--lang", "--after", "--user", "--server");

    private QuickCommands() {
    }

    /** The arguments after the command's name, read: the options given and the positional arguments in order. */
    record Args(Set<String> flags, Map<String, String> values, List<String> positional) {
    }

    /** The exit status of {@code args} run as explain, get or put, or null when picocli must read them. */
    static Integer run(PrintStream out, PrintStream err, String[] args) {
        Callable<Integer> command = parse(args, out);
        if (command == null) {
            return null;
        }
        try {
            return command.call();
        } catch (io.github.ftpdoctor.diagnosis.CatalogException e) {
            err.println("ftp-doctor: " + e.getMessage());
            return FtpDoctorCli.USAGE;
        } catch (IllegalArgumentException e) {
            // what picocli's handler does with it: the message, then the command's usage
            err.println("ftp-doctor: " + e.getMessage());
            FtpDoctorCli.usage(args[0], err);
            return FtpDoctorCli.USAGE;
        } catch (Exception e) {
            err.println("ftp-doctor: " + e);
            return 1;
        }
    }

    /** The command with its fields set as picocli would set them, printing to {@code out}, or null. */
    static Callable<Integer> parse(String[] args, PrintStream out) {
        if (args.length < 2) {
            return null;
        }
        try {
            switch (args[0]) {
                case "get":
                case "put":
                    return transfer(args, out);
                case "explain":
                    return explain(args, out);
                default:
                    return null;
            }
        } catch (RuntimeException e) {
            return null; // a value picocli would refuse: it gives the message
        }
    }

    private static TransferCommands.Base transfer(String[] args, PrintStream out) {
        Args a = scan(args, TRANSFER_FLAGS, TRANSFER_VALUES);
        if (a == null || a.positional().size() != 2) {
            return null;
        }
        NetworkOptions options = new NetworkOptions();
        options.json = a.flags().contains("--json");
        options.insecure = a.flags().contains("--insecure");
        options.lang = a.values().getOrDefault("--lang", "en");
        if (a.values().containsKey("--timeout")) {
            options.timeout = Double.valueOf(a.values().get("--timeout"));
        }
        if (a.values().containsKey("--cacert")) {
            options.cacert = LocalFiles.path(a.values().get("--cacert"));
        }
        TransferCommands.Base command;
        if ("get".equals(args[0])) {
            TransferCommands.Get get = new TransferCommands.Get();
            get.url = a.positional().get(0);
            get.localFile = LocalFiles.path(a.positional().get(1));
            command = get;
        } else {
            TransferCommands.Put put = new TransferCommands.Put();
            put.localFile = LocalFiles.path(a.positional().get(0));
            put.url = a.positional().get(1);
            command = put;
        }
        command.options = options;
        command.parent = new FtpDoctorCli(out);
        return command;
    }

    private static ExplainCommand explain(String[] args, PrintStream out) {
        Args a = scan(args, EXPLAIN_FLAGS, EXPLAIN_VALUES);
        if (a == null || a.positional().isEmpty()) {
            return null;
        }
        ExplainCommand command = new ExplainCommand();
        command.json = a.flags().contains("--json");
        command.lang = a.values().getOrDefault("--lang", "en");
        command.after = a.values().get("--after");
        command.user = a.values().get("--user");
        command.server = a.values().get("--server");
        command.code = a.positional().get(0);
        List<String> text = a.positional().subList(1, a.positional().size());
        command.text = text.isEmpty() ? null : new ArrayList<>(text);
        command.parent = new FtpDoctorCli(out);
        return command;
    }

    /**
     * The arguments after {@code args[0]}, or null for anything but positional arguments and the named options,
     * each at most once.
     */
    static Args scan(String[] args, Set<String> flags, Set<String> valued) {
        Set<String> flagsGiven = new HashSet<>();
        Map<String, String> values = new HashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("@")) {
                return null; // picocli reads an argument file
            }
            if (!a.startsWith("-")) {
                positional.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = a.startsWith("--") && eq > 2 ? a.substring(0, eq) : a;
            String value = name.equals(a) ? null : a.substring(eq + 1);
            if (flags.contains(name) && value == null) {
                if (!flagsGiven.add(name)) {
                    return null; // repeated: picocli says so
                }
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("-") || args[i + 1].startsWith("@")) {
                        return null;
                    }
                    value = args[++i];
                }
                if (values.put(name, value) != null) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return new Args(flagsGiven, values, positional);
    }
}
