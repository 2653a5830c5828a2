package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Kind;
import io.github.ftpdoctor.internal.logs.LogLine.Side;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompts of command-line clients and the commands typed at them: BSD {@code ftp} and tnftp ({@code Name
 * (host:user):}, {@code ftp> get x}), Windows {@code ftp.exe} ({@code User (host:(none)):}), and, once a prompt was
 * seen, commands echoed without it ({@code ftp -s:script}). Part of one {@link LineReader}.
 */
final class Prompts {
    private static final Pattern BSD_NAME = Pattern.compile("^Name \\([^)]*\\):\\s*(.*)$");
    private static final Pattern BSD_PROMPT = Pattern.compile("^ftp>\\s*(.*)$");
    /** Windows ftp.exe asks {@code User (host:(none)): name}. */
    private static final Pattern WINDOWS_USER = Pattern.compile("^User \\((?:[^()]|\\([^()]*\\))*\\):\\s*(.*)$");
    /** A command typed at a command-line client's prompt: a word and at most two arguments. */
    private static final Pattern TYPED = Pattern.compile("^[A-Za-z]+(?:\\s+\\S+){0,2}\\s*$");

    /** A command-line client's prompt was seen: its typed commands may follow without it. */
    private boolean promptSeen;

    /** The line as a prompt's command, or null. */
    LogLine read(String line, char first, boolean indented) {
        Matcher m = line.startsWith("Name (") ? BSD_NAME.matcher(line)
                : line.startsWith("User (") ? WINDOWS_USER.matcher(line) : null;
        if (m != null && m.matches()) {
            promptSeen = true;
            return LineReader.command(Side.CLIENT, Format.BSD_FTP, "USER " + m.group(1).strip(), false, indented);
        }
        if (line.startsWith("Password:")) {
            return new LogLine(Kind.COMMAND, Side.CLIENT, Format.BSD_FTP, null, 0, "PASS", null, null, null, indented);
        }
        m = line.startsWith("ftp>") ? BSD_PROMPT.matcher(line) : null;
        if (m != null && m.matches()) {
            promptSeen = true;
            return typed(m.group(1).strip(), indented);
        }
        if (promptSeen && Character.isLetter(first) && TYPED.matcher(line).matches()
                && ClientPhrases.promptVerb(line.split("\\s+")[0]) != null) {
            return typed(line, indented); // a command typed at the prompt, echoed without it (ftp -s:script)
        }
        return null;
    }

    /** A command typed at the prompt: the FTP verb it sends, or nothing (never the words typed). */
    private static LogLine typed(String typed, boolean indented) {
        String[] words = typed.split("\\s+");
        String verb = words[0].isEmpty() ? null : ClientPhrases.promptVerb(words[0]);
        if (verb == null) {
            return LogLine.of(Kind.OTHER, Side.CLIENT, Format.BSD_FTP, null, indented);
        }
        String argument = null;
        if (words.length > 1 && ClientPhrases.PATH_VERBS.contains(verb)) {
            boolean upload = "STOR".equals(verb) || "APPE".equals(verb);
            argument = upload ? words[words.length - 1] : words[1];
        } else if ("USER".equals(verb) && words.length > 1) {
            argument = words[1]; // "user NAME PASSWORD": the password is dropped
        }
        return new LogLine(Kind.COMMAND, Side.CLIENT, Format.BSD_FTP, null, 0, verb, argument, null, null, indented);
    }
}
