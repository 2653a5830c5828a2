package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Happening;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What FTP clients write about themselves: the English phrases of their messages for transport events, the
 * exception classes they throw, the words of their error messages, and the FTP commands they send on their own to
 * probe a server. This is client-log syntax, taken from the clients' own messages (sources below); what a server's
 * reply means is decided by the catalog alone.
 */
final class ClientPhrases {
    private ClientPhrases() {
    }

    /**
     * A phrase, what it says happened, what it says about the TCP connection (TRUE made, FALSE not made), and a word
     * that must be in the line beside it (or null).
     */
    private record Phrase(String text, Happening happening, Boolean connected, String also) {
    }

    /**
     * The English phrases of clients' messages for transport events ({@code reply-catalog/logs/client-phrases.tsv},
     * whose header names the sources), in the table's order: the first found wins, so the more specific come first.
     */
    private static final class Table {
        static final List<Phrase> PHRASES = new java.util.ArrayList<>();
        /** The first two characters of every phrase: a line holding none of these pairs is passed over at once. */
        static final boolean[] STARTS = new boolean[1 << 16];

        static {
            for (String[] r : LogTables.read("client-phrases.tsv", 4)) {
                Boolean connected = r[2].equals("yes") ? Boolean.TRUE : r[2].equals("no") ? Boolean.FALSE : null;
                PHRASES.add(new Phrase(r[0], Happening.valueOf(r[1]), connected, r[3].isEmpty() ? null : r[3]));
                STARTS[TranslatedMessages.pair(r[0], 0)] = true;
            }
        }
    }

    /** What a client's line says, read once: what happened, the connection, a failure, passive mode. */
    record Said(Happening happening, Boolean connected, boolean failure, boolean passive) {
    }

    /** The FTP command behind an lftp command ({@code cd} sends CWD, {@code get} RETR...), or null. */
    static String lftpVerb(String typed) {
        return switch (typed) {
            case "cd" -> "CWD";
            case "get", "get1", "pget", "mget", "cat", "more", "zcat", "zmore" -> "RETR";
            case "put", "mput", "reput" -> "STOR";
            case "ls", "cls", "dir" -> "LIST";
            case "nlist", "renlist" -> "NLST";
            case "rm", "mrm" -> "DELE";
            case "rmdir" -> "RMD";
            case "mkdir" -> "MKD";
            case "mv" -> "RNFR";
            case "chmod", "site" -> "SITE";
            default -> null;
        };
    }

    static Said said(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Phrase ph = phraseLower(lower);
        return new Said(ph == null ? null : ph.happening(), ph == null ? null : ph.connected(), failureLower(lower),
                lower.contains("passive reply") || lower.contains("data stream passively"));
    }

    /** The phrase a client's line contains, or null. */
    private static Phrase phrase(String text) {
        return text.length() < 4 ? null : phraseLower(text.toLowerCase(Locale.ROOT));
    }

    private static Phrase phraseLower(String lower) {
        if (lower.contains("continuing anyway")) {
            return null; // curl -k: "SSL certificate verify result: ... (18), continuing anyway." is no failure
        }
        lower = lower.indexOf("  ") >= 0 ? lower.replaceAll(" {2,}", " ") : lower; // "certificate  verify failed"
        boolean maybe = false;
        for (int i = 0; i + 1 < lower.length() && !maybe; i++) {
            maybe = Table.STARTS[TranslatedMessages.pair(lower, i)];
        }
        for (int i = 0; maybe && i < Table.PHRASES.size(); i++) {
            Phrase ph = Table.PHRASES.get(i);
            if (lower.contains(ph.text()) && (ph.also() == null || lower.contains(ph.also()))) {
                return ph;
            }
        }
        TranslatedMessages.Message m = TranslatedMessages.in(lower); // FileZilla's, in the languages it ships
        return m == null ? null : new Phrase(m.text(), m.happening(), m.connected(), null);
    }

    /** What a client's line says happened on the connection, or null. */
    static Happening happening(String text) {
        Phrase ph = phrase(text);
        return ph == null ? null : ph.happening();
    }

    /** What a client's line says about the TCP connection: TRUE made, FALSE not made, null unknown. */
    static Boolean connected(String text) {
        Phrase ph = phrase(text);
        return ph == null ? null : ph.connected();
    }

    /**
     * Exception classes (simple names) and what they mean when their message says nothing more: Python's
     * built-in and {@code socket}/{@code ftplib} exceptions, {@code java.net}, {@code java.io} and Apache Commons
     * Net.
     */
    private static final Map<String, Happening> EXCEPTIONS = Map.ofEntries(
            Map.entry("EOFError", Happening.CLOSED),
            Map.entry("EOFException", Happening.CLOSED),
            Map.entry("FTPConnectionClosedException", Happening.CLOSED),
            Map.entry("ConnectionRefusedError", Happening.REFUSED),
            Map.entry("ConnectionResetError", Happening.RESET),
            Map.entry("ConnectionAbortedError", Happening.RESET),
            Map.entry("BrokenPipeError", Happening.RESET),
            Map.entry("TimeoutError", Happening.TIMED_OUT),
            Map.entry("timeout", Happening.TIMED_OUT),
            Map.entry("SocketTimeoutException", Happening.TIMED_OUT),
            Map.entry("gaierror", Happening.UNKNOWN_HOST),
            Map.entry("UnknownHostException", Happening.UNKNOWN_HOST),
            Map.entry("NoRouteToHostException", Happening.UNREACHABLE),
            Map.entry("SSLCertVerificationError", Happening.TLS_UNTRUSTED),
            Map.entry("SSLHandshakeException", Happening.TLS_HANDSHAKE));

    /** What an exception means by its class, when its message has no phrase of the table; or null. */
    static Happening exception(String className) {
        int dot = className.lastIndexOf('.');
        return EXCEPTIONS.get(dot < 0 ? className : className.substring(dot + 1));
    }

    /** Words of a client's failure message: it reports a failure, even if it says nothing new. */
    private static final List<String> FAILURE_WORDS = List.of("error", "fail", "fatal", "cannot", "can't",
            "can not", "could not", "couldn't", "unable", "not connected", "denied", "refused", "lost", "exceeded",
            "aborted", "rejected", "not accepted", "hungup", "hung up", "login incorrect", "does not exist",
            "no such file", "not found", "unexpected");

    static boolean reportsFailure(String text) {
        return failureLower(text.toLowerCase(Locale.ROOT));
    }

    private static boolean failureLower(String lower) {
        for (String w : FAILURE_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Lines naming the data connection rather than the control connection. */
    static boolean mentionsDataConnection(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("data connection") || lower.contains("data socket") || lower.contains("data channel")
                || lower.contains("transfer channel");
    }

    /** Whether a line is about the control connection: FileZilla's "Disconnected from server", WinSCP's. */
    static boolean mentionsControlConnection(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("disconnected from server") || lower.contains("control connection");
    }

    /** Client status lines saying the session is in passive mode (FileZilla, curl). */
    static boolean mentionsPassive(String text) {
        if (text.indexOf('a') < 0) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("passive reply") || lower.contains("data stream passively");
    }

    // ---- FTP commands

    /**
     * Verbs that make an unprefixed upper-case line a command (RFC 959, 2228, 2389, 2428, 3659, 7151 and common
     * X-commands); prefixed lines ({@code >}, {@code Command:}, {@code --->}) may carry any verb.
     */
    static final Set<String> KNOWN_VERBS = Set.of(
            "USER", "PASS", "ACCT", "CWD", "CDUP", "SMNT", "REIN", "QUIT", "PORT", "PASV", "TYPE", "STRU", "MODE",
            "RETR", "STOR", "STOU", "APPE", "ALLO", "REST", "RNFR", "RNTO", "ABOR", "DELE", "RMD", "MKD", "PWD",
            "LIST", "NLST", "SITE", "SYST", "STAT", "HELP", "NOOP", "FEAT", "OPTS", "AUTH", "ADAT", "PBSZ", "PROT",
            "CCC", "MIC", "CONF", "ENC", "EPRT", "EPSV", "LPRT", "LPSV", "MDTM", "SIZE", "MLSD", "MLST", "LANG",
            "HOST", "CLNT", "XCWD", "XCUP", "XMKD", "XRMD", "XPWD", "MFMT", "MFCT", "MFF", "AVBL", "HASH", "CSID");
    static final Set<String> LOGIN_VERBS = Set.of("USER", "PASS", "ACCT");
    /** Commands whose argument is a secret and is never kept. */
    static final Set<String> SECRET_VERBS = Set.of("PASS", "ACCT");
    static final Set<String> TRANSFER_VERBS = Set.of("RETR", "STOR", "APPE", "STOU", "LIST", "NLST", "MLSD");
    static final Set<String> PASSIVE_VERBS = Set.of("PASV", "EPSV", "LPSV");
    static final Set<String> ACTIVE_VERBS = Set.of("PORT", "EPRT", "LPRT");
    /** Commands whose argument is a path, kept to tell which file a failure is about. */
    static final Set<String> PATH_VERBS = Set.of("RETR", "STOR", "APPE", "STOU", "LIST", "NLST", "MLSD", "MLST",
            "SIZE", "MDTM", "CWD", "XCWD", "MKD", "XMKD", "RMD", "XRMD", "DELE", "RNFR", "RNTO");
    /**
     * Commands clients send on their own to find out what a server supports, and do without when it refuses them
     * (500, 501, 502, 504): FEAT and OPTS (RFC 2389), the RFC 3659 and 2428 extensions, AUTH/PBSZ/PROT for
     * "FTPS if available", CLNT, HOST, HELP SITE, REST 1 and such (NcFTP, FileZilla, curl, lftp, tnftp).
     */
    static final Set<String> PROBE_VERBS = Set.of("FEAT", "CLNT", "OPTS", "HOST", "LANG", "MLST", "MLSD", "SIZE",
            "MDTM", "MFMT", "MFCT", "MFF", "XCRC", "XMD5", "XSHA1", "HASH", "AVBL", "CSID", "SITE", "HELP", "SYST",
            "STAT", "REST", "EPSV", "EPRT", "LPSV", "LPRT", "PASV", "PORT", "AUTH", "PBSZ", "PROT", "CCC", "MODE",
            "STRU", "TYPE", "ALLO", "NOOP");
    /** Probes of one file before a transfer (lftp, curl, NcFTP, tnftp ask SIZE, MDTM or MLST before RETR). */
    /** A refusal that names the command it refuses: {@code 'auth' not implemented}, {@code 'LIST ': command not...}. */
    private static final java.util.regex.Pattern QUOTED_VERB = java.util.regex.Pattern.compile(
            "^['\"`‘“]([A-Za-z]{3,4})\\s*['\"`’”]:?\\s");

    /** The command a refusal's text names first, quoted, upper case; or null. */
    static String quotedVerb(String text) {
        java.util.regex.Matcher m = text == null ? null : QUOTED_VERB.matcher(text);
        return m != null && m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    static final Set<String> PATH_PROBE_VERBS = Set.of("SIZE", "MDTM", "MLST");
    /** Commands that do the user's work: a positive answer to one means the session went on after a failure. */
    static final Set<String> WORK_VERBS = Set.of("RETR", "STOR", "APPE", "STOU", "LIST", "NLST", "MLSD", "MLST",
            "CWD", "CDUP", "XCWD", "XCUP", "MKD", "XMKD", "RMD", "XRMD", "DELE", "RNFR", "RNTO", "SIZE", "MDTM",
            "MFMT", "USER", "PASS", "ACCT", "SMNT");

    /**
     * The commands of the BSD {@code ftp} and tnftp prompt ({@code ftp> get x}) and the FTP verb each sends for
     * its work (NetBSD ftp(1)); others are not FTP commands and are never kept (a password typed at the prompt).
     */
    private static final Map<String, String> PROMPT_COMMANDS = Map.ofEntries(
            Map.entry("ls", "LIST"), Map.entry("dir", "LIST"), Map.entry("mls", "LIST"), Map.entry("mdir", "LIST"),
            Map.entry("nlist", "NLST"), Map.entry("get", "RETR"), Map.entry("recv", "RETR"),
            Map.entry("reget", "RETR"), Map.entry("mget", "RETR"), Map.entry("newer", "RETR"),
            Map.entry("put", "STOR"), Map.entry("send", "STOR"), Map.entry("mput", "STOR"),
            Map.entry("append", "APPE"), Map.entry("cd", "CWD"), Map.entry("cdup", "CDUP"),
            Map.entry("mkdir", "MKD"), Map.entry("rmdir", "RMD"), Map.entry("delete", "DELE"),
            Map.entry("mdelete", "DELE"), Map.entry("rename", "RNFR"), Map.entry("pwd", "PWD"),
            Map.entry("size", "SIZE"), Map.entry("modtime", "MDTM"), Map.entry("quit", "QUIT"),
            Map.entry("bye", "QUIT"), Map.entry("exit", "QUIT"), Map.entry("user", "USER"),
            Map.entry("binary", "TYPE"), Map.entry("ascii", "TYPE"), Map.entry("image", "TYPE"));

    /** The FTP verb a prompt command sends, or null for anything else. */
    static String promptVerb(String word) {
        return PROMPT_COMMANDS.get(word.toLowerCase(Locale.ROOT));
    }

    /**
     * Python {@code ftplib} methods and the command each sends, to name the command a traceback's exception
     * answers when the log has no debug output (the method is the innermost {@code ftplib.py} frame's function).
     */
    private static final Map<String, String> FTPLIB_METHODS = Map.ofEntries(
            Map.entry("connect", "CONNECT"), Map.entry("login", "PASS"), Map.entry("cwd", "CWD"),
            Map.entry("retrbinary", "RETR"), Map.entry("retrlines", "LIST"), Map.entry("storbinary", "STOR"),
            Map.entry("storlines", "STOR"), Map.entry("nlst", "NLST"), Map.entry("dir", "LIST"),
            Map.entry("mlsd", "MLSD"), Map.entry("size", "SIZE"), Map.entry("delete", "DELE"),
            Map.entry("rename", "RNFR"), Map.entry("mkd", "MKD"), Map.entry("rmd", "RMD"), Map.entry("pwd", "PWD"),
            Map.entry("quit", "QUIT"), Map.entry("auth", "AUTH"), Map.entry("prot_p", "PROT"));

    static String ftplibCommand(String method) {
        return FTPLIB_METHODS.get(method);
    }
}
