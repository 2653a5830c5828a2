package io.github.ftpdoctor.cli;

import java.io.PrintStream;

/**
 * {@code get} and {@code put} without picocli. Building picocli's model of a command reads its annotations by
 * reflection and spins a proxy class per annotation type: on a cold JVM that is about a third of a short transfer's
 * time, before the first packet. The two transfer commands take few arguments, so their usual forms are read here
 * directly: the two positional arguments, {@code --json}, {@code --insecure}, and {@code --lang}, {@code --timeout},
 * {@code --cacert} with their value after a space or an {@code =}. Anything else (help, version, an unknown or
 * repeated option, {@code --}, an {@code @file} of arguments, a value picocli would reject, a wrong number of
 * arguments) returns null, and the
 * caller gives the same arguments to picocli, which reads and reports them as it always does. The command runs the
 * same {@link TransferCommands} code either way.
 */
final class QuickTransfer {
    private QuickTransfer() {
    }

    /** The exit status of {@code args} run as get or put, or null when picocli must read them. */
    static Integer run(PrintStream out, PrintStream err, String[] args) {
        TransferCommands.Base command = parse(args);
        if (command == null) {
            return null;
        }
        command.parent = new FtpDoctorCli(out);
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

    /** The command with its fields set as picocli would set them, or null. */
    static TransferCommands.Base parse(String[] args) {
        if (args.length < 3 || !("get".equals(args[0]) || "put".equals(args[0]))) {
            return null;
        }
        NetworkOptions options = new NetworkOptions();
        options.lang = "en";
        boolean json = false;
        boolean insecure = false;
        String lang = null;
        String timeout = null;
        String cacert = null;
        String[] positional = new String[2];
        int count = 0;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("@")) {
                return null; // picocli reads an argument file
            }
            if (!a.startsWith("-")) {
                if (count == 2) {
                    return null;
                }
                positional[count++] = a;
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 2) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--json":
                case "--insecure":
                    if (value != null || ("--json".equals(name) ? json : insecure)) {
                        return null;
                    }
                    if ("--json".equals(name)) {
                        json = true;
                    } else {
                        insecure = true;
                    }
                    continue;
                case "--lang":
                case "--timeout":
                case "--cacert":
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                            return null;
                        }
                        value = args[++i];
                    }
                    if ("--lang".equals(name) && lang == null) {
                        lang = value;
                    } else if ("--timeout".equals(name) && timeout == null) {
                        timeout = value;
                    } else if ("--cacert".equals(name) && cacert == null) {
                        cacert = value;
                    } else {
                        return null; // repeated: picocli says so
                    }
                    continue;
                default:
                    return null;
            }
        }
        if (count != 2) {
            return null;
        }
        options.json = json;
        options.insecure = insecure;
        if (lang != null) {
            options.lang = lang;
        }
        try {
            if (timeout != null) {
                options.timeout = Double.valueOf(timeout);
            }
            if (cacert != null) {
                options.cacert = LocalFiles.path(cacert);
            }
            if ("get".equals(args[0])) {
                TransferCommands.Get get = new TransferCommands.Get();
                get.url = positional[0];
                get.localFile = LocalFiles.path(positional[1]);
                get.options = options;
                return get;
            }
            TransferCommands.Put put = new TransferCommands.Put();
            put.localFile = LocalFiles.path(positional[0]);
            put.url = positional[1];
            put.options = options;
            return put;
        } catch (RuntimeException e) {
            return null; // a value picocli would refuse: it gives the message
        }
    }
}
