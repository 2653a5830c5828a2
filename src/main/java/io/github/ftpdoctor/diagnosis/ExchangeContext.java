package io.github.ftpdoctor.diagnosis;

import java.util.Locale;

/**
 * What a reply answered: the command (its verb, upper case; {@code CONNECT} for the greeting) and whether
 * the login name is an anonymous one. The same code means different things in different contexts:
 * 530 after {@code USER anonymous} is not 530 after {@code PASS}.
 *
 * @param command   the verb of the command the reply answered, {@code CONNECT} for the greeting, or null if unknown
 * @param anonymous true or false when the login name is known to be anonymous or not, null when unknown
 * @param server    the server family's id ({@code vsftpd}, ...), or null when unknown
 * @param failedLogins how many logins to this host failed recently in this process (0 if none or unknown): refused,
 *                  reset or silent connections after failed logins point to an automatic ban
 * @param argument  the command's argument (a path), or null; servers echo it in their replies, and a file named
 *                  {@code banned.txt} must not make a reply look like a ban, so the classifier masks it before matching
 */
public record ExchangeContext(String command, Boolean anonymous, String server, int failedLogins, String argument) {
    /** The pseudo-command of the server's greeting. */
    public static final String CONNECT = "CONNECT";

    private static final ExchangeContext UNKNOWN = new ExchangeContext(null, null);

    public ExchangeContext {
        command = command == null || command.isBlank() ? null : command.trim().toUpperCase(Locale.ROOT);
        server = server == null || server.isBlank() || Server.UNKNOWN.id().equals(server) ? null
                : server.trim().toLowerCase(Locale.ROOT);
    }

    /** A context with no known server family. */
    public ExchangeContext(String command, Boolean anonymous) {
        this(command, anonymous, null, 0, null);
    }

    /** A context with no history of failed logins. */
    public ExchangeContext(String command, Boolean anonymous, String server) {
        this(command, anonymous, server, 0, null);
    }

    /** Nothing known about what the reply answered. */
    public static ExchangeContext unknown() {
        return UNKNOWN;
    }

    /** A reply to the given command. */
    public static ExchangeContext after(String command) {
        return new ExchangeContext(command, null);
    }

    /** The greeting, or an event while connecting. */
    public static ExchangeContext connecting() {
        return new ExchangeContext(CONNECT, null);
    }

    /** This context with the anonymous flag known. */
    public ExchangeContext withAnonymous(Boolean isAnonymous) {
        return new ExchangeContext(command, isAnonymous, server, failedLogins, argument);
    }

    /** This context with the server family known. */
    public ExchangeContext withServer(String serverId) {
        return new ExchangeContext(command, anonymous, serverId, failedLogins, argument);
    }

    /** This context with the number of recent failed logins to the same host. */
    public ExchangeContext withFailedLogins(int count) {
        return new ExchangeContext(command, anonymous, server, Math.max(0, count), argument);
    }

    /** This context with the command's argument known (never a password). */
    public ExchangeContext withArgument(String commandArgument) {
        return new ExchangeContext(command, anonymous, server, failedLogins, commandArgument);
    }

    /**
     * The reply text with the command's argument (and its last path segment) masked where servers echo it: the first
     * place it stands as a whole. Words in file names are then not read as the server's words, and when the name is
     * one of the server's words ({@code denied: Permission denied}) the server's own copy stays.
     */
    public String maskArgument(String text) {
        if (argument == null || argument.isBlank() || text == null) {
            return text;
        }
        String masked = mask(text, argument.trim());
        int slash = argument.lastIndexOf('/');
        if (masked == text && slash >= 0) {
            masked = mask(masked, argument.substring(slash + 1)); // after a trailing slash: empty, masks nothing
        }
        return masked;
    }

    /** The text with the first occurrence of the token that stands as a whole replaced by an ellipsis. */
    private static String mask(String text, String token) {
        if (token.isEmpty()) {
            return text; // an argument of control characters trims to nothing, which would match forever
        }
        int from = 0;
        int at;
        while ((at = text.indexOf(token, from)) >= 0) {
            int end = at + token.length();
            boolean bounded = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
            if (bounded) {
                return text.substring(0, at) + '\u2026' + text.substring(end);
            }
            from = at + 1;
        }
        return text;
    }

    /** Whether a login name is an anonymous one ({@code anonymous} or {@code ftp}, any case). */
    public static boolean isAnonymousName(String user) {
        return user != null && ("anonymous".equalsIgnoreCase(user.trim()) || "ftp".equalsIgnoreCase(user.trim()));
    }
}
