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

    /** A phrase, what it says happened, and what it says about the TCP connection (TRUE made, FALSE not made). */
    private record Phrase(String text, Happening happening, Boolean connected) {
    }

    private static Phrase p(String text, Happening h) {
        return new Phrase(text, h, null);
    }

    private static Phrase p(String text, Happening h, boolean connected) {
        return new Phrase(text, h, connected);
    }

    /**
     * THE table of client phrases, searched lower-cased; the first found wins, so the more specific come first.
     * Sources: curl ({@code Could not resolve host}, {@code connect to ... failed: Connection refused},
     * {@code Operation timed out after N milliseconds}, {@code response reading failed},
     * {@code Connection time-out}, {@code Timeout was reached}), lftp ({@code Socket error (...) - reconnecting},
     * {@code Timeout - reconnecting}, {@code Peer closed connection}), BSD ftp and tnftp ({@code Can't connect to
     * `host:port': ...}, {@code 421 Service not available, remote server has closed connection}), NcFTP
     * ({@code Could not read reply from control connection -- timed out}, {@code Remote host has closed the
     * connection}, {@code Data connection to host:port timed out}), FileZilla ({@code ECONNREFUSED - Connection
     * refused by server}, {@code Connection timed out after 20 seconds of inactivity}), WinSCP
     * ({@code Timeout detected.}, {@code Lost connection.}, {@code Connection has been unexpectedly closed.}),
     * CuteFTP (the seed, Winsock {@code Socket error = #100xx}), Java ({@code Connect timed out},
     * {@code Read timed out}), Apache Commons Net ({@code Connection closed without indication.},
     * {@code Timed out waiting for initial connect reply}), Python's {@code socket} ({@code timed out}), telnet
     * ({@code Connection closed by foreign host}), and this project's own transcript notes. Checked in the clients'
     * sources where they are public: curl {@code lib/pingpong.c}, {@code lib/ftp.c}, {@code lib/multi.c},
     * {@code lib/cf-ip-happy.c}; lftp {@code src/NetAccess.cc}, {@code src/Http.cc}; Apache Commons Net
     * {@code ftp/FTP.java}; WinSCP {@code source/resource/TextsFileZilla.rc} and {@code TextsCore1.rc}; tnftp and
     * NcFTP as their Debian 12 builds print them.
     */
    private static final Phrase DNS_LOOKUP = p("dns lookup", Happening.UNKNOWN_HOST, false);
    private static final List<Phrase> PHRASES = List.of(
            p("could not resolve", Happening.UNKNOWN_HOST, false),
            DNS_LOOKUP, // Cyberduck: "DNS lookup for host failed." (only with the failure)
            p("can't resolve", Happening.UNKNOWN_HOST, false),
            p("unknown host", Happening.UNKNOWN_HOST, false),
            p("unknownhostexception", Happening.UNKNOWN_HOST, false),
            p("getaddrinfo", Happening.UNKNOWN_HOST, false),
            p("eai_noname", Happening.UNKNOWN_HOST, false),
            p("eai_nodata", Happening.UNKNOWN_HOST, false),
            p("name or service not known", Happening.UNKNOWN_HOST, false),
            p("nodename nor servname", Happening.UNKNOWN_HOST, false),
            p("name resolution", Happening.UNKNOWN_HOST, false),
            p("host not found", Happening.UNKNOWN_HOST, false),
            p("no such host", Happening.UNKNOWN_HOST, false),
            p("no address associated with hostname", Happening.UNKNOWN_HOST, false),
            p("network is unreachable", Happening.UNREACHABLE, false),
            p("network unreachable", Happening.UNREACHABLE, false),
            p("enetunreach", Happening.UNREACHABLE, false),
            p("no route to host", Happening.UNREACHABLE, false),
            p("ehostunreach", Happening.UNREACHABLE, false),
            p("host is unreachable", Happening.UNREACHABLE, false),
            // the host name first: lftp "Certificate verification: subjectAltName does not match ‘host’", Go
            // crypto/x509 "x509: certificate is valid for a, not b"
            p("subjectaltname does not match", Happening.TLS_HOSTNAME, true),
            p("certificate is valid for", Happening.TLS_HOSTNAME, true),
            p("certificate verify failed", Happening.TLS_UNTRUSTED, true),
            // lftp 4.9 "%s: Certificate verification: %s" with its own reason (a GnuTLS reason after WARNING: is
            // lftp going on without verification); OpenSSL's X509_verify_cert_error_string; Go crypto/x509; .NET's
            // SslStream
            p("certificate verification: not trusted", Happening.TLS_UNTRUSTED, true),
            p("unable to get local issuer certificate", Happening.TLS_UNTRUSTED, true),
            p("unable to verify the first certificate", Happening.TLS_UNTRUSTED, true),
            p("certificate signed by unknown authority", Happening.TLS_UNTRUSTED, true),
            p("self signed certificate", Happening.TLS_UNTRUSTED, true), // OpenSSL 1.1 (Node, lftp's SSL_connect)
            p("self-signed certificate", Happening.TLS_UNTRUSTED, true), // OpenSSL 3
            p("remote certificate is invalid", Happening.TLS_UNTRUSTED, true),
            p("ssl certificate problem", Happening.TLS_UNTRUSTED, true),
            p("pkix path building failed", Happening.TLS_UNTRUSTED, true),
            p("unable to find valid certification path", Happening.TLS_UNTRUSTED, true),
            p("hostname mismatch", Happening.TLS_HOSTNAME, true),
            p("no subject alternative", Happening.TLS_HOSTNAME, true),
            p("no alternative certificate subject name", Happening.TLS_HOSTNAME, true),
            p("sslhandshakeexception", Happening.TLS_HANDSHAKE, true),
            // Go crypto/tls, talking TLS to a port that answers in clear text; lftp's failed gnutls_handshake()
            p("does not look like a tls handshake", Happening.TLS_HANDSHAKE, true),
            p("gnutls_handshake", Happening.TLS_HANDSHAKE, true),
            p("handshake failure", Happening.TLS_HANDSHAKE, true),
            p("handshake failed", Happening.TLS_HANDSHAKE, true), // Apache MINA SSHD/sshj, Go, .NET: "Handshake failed"
            p("wrong version number", Happening.TLS_HANDSHAKE, true),
            p("unexpected tls packet", Happening.TLS_HANDSHAKE, true), // GnuTLS -15, GNUTLS_E_UNEXPECTED_PACKET
            p("connection refused", Happening.REFUSED, false),
            // curl's CURLE_COULDNT_CONNECT (lib/strerror.c), all curl 7.88 says of a refused port without -v
            p("couldn't connect to server", Happening.REFUSED, false),
            p("econnrefused", Happening.REFUSED, false),
            p("actively refused", Happening.REFUSED, false),
            p("refused connection", Happening.REFUSED, false),
            p("#10061", Happening.REFUSED, false),
            // a read on an established connection, or a wait for a reply: the TCP connection was made
            p("read timed out", Happening.TIMED_OUT, true),
            // FluentFTP's FtpSocketStream: "Timed out trying to read data from the socket stream!", "...to connect!"
            p("timed out trying to read", Happening.TIMED_OUT, true),
            p("timed out trying to connect", Happening.TIMED_OUT, false),
            p("seconds of inactivity", Happening.TIMED_OUT, true),
            p("could not read reply", Happening.TIMED_OUT, true),
            p("waiting for initial connect reply", Happening.TIMED_OUT, true),
            p("waiting for server response", Happening.TIMED_OUT, true),
            p("remote server timed out", Happening.TIMED_OUT, true),
            p("no reply within", Happening.TIMED_OUT, true),
            // the connect itself
            p("connect timed out", Happening.TIMED_OUT, false),
            p("connect timeout", Happening.TIMED_OUT, false),
            p("connection attempt timed out", Happening.TIMED_OUT, false),
            p("connection timed out", Happening.TIMED_OUT, false),
            p("connection timeout", Happening.TIMED_OUT, false),
            p("connection time-out", Happening.TIMED_OUT, false),
            p("#10060", Happening.TIMED_OUT, false),
            p("after a period of time", Happening.TIMED_OUT), // Windows' WSAETIMEDOUT (10060), connect or read
            p("timed out", Happening.TIMED_OUT),
            p("etimedout", Happening.TIMED_OUT),
            p("time-out", Happening.TIMED_OUT),
            p("timeout -", Happening.TIMED_OUT),
            p("timeout detected. (control connection)", Happening.TIMED_OUT, true), // WinSCP, an established one
            p("timeout detected", Happening.TIMED_OUT),
            // Erlang/Elixir error tuples, as EncodedLines writes them: {:error, :timeout}, :econnrefused, :nxdomain
            p(":timeout}", Happening.TIMED_OUT), p(":econnrefused}", Happening.REFUSED, false),
            p(":nxdomain}", Happening.UNKNOWN_HOST, false),
            p("timeout was reached", Happening.TIMED_OUT), p("timeout expired", Happening.TIMED_OUT),
            p("timeout exceeded", Happening.TIMED_OUT),
            p("sockettimeoutexception", Happening.TIMED_OUT),
            p("bytes remaining to read", Happening.TRUNCATED, true), // curl lib/transfer.c, CURLE_PARTIAL_FILE (18)
            p("connection reset", Happening.RESET), p("reset by peer", Happening.RESET),
            // Windows' WSAECONNRESET (10054): "An existing connection was forcibly closed by the remote host."
            p("forcibly closed", Happening.RESET),
            p("econnreset", Happening.RESET), p("econnaborted", Happening.RESET),
            p("connection aborted", Happening.RESET), p("broken pipe", Happening.RESET),
            p("#10054", Happening.RESET),
            p("disconnected from server", Happening.CLOSED),
            // .NET's WebExceptionStatus.ConnectionClosed: "The underlying connection was closed: ..."
            p("underlying connection was closed", Happening.CLOSED),
            p("terminated before a greeting", Happening.CLOSED, true), // System.Net.FtpClient
            p("fin packet", Happening.CLOSED), // basic-ftp: "Server sent FIN packet unexpectedly, closing connection."
            p("connection closed by", Happening.CLOSED),
            p("remote side closed", Happening.CLOSED),
            p("server closed the connection", Happening.CLOSED), p("server closed connection", Happening.CLOSED),
            p("non-properly terminated", Happening.CLOSED, true), // GnuTLS -110: "...was non-properly terminated."
            p("closed the connection", Happening.CLOSED),
            p("closed control connection", Happening.CLOSED),
            p("control connection closed", Happening.CLOSED),
            p("has closed connection", Happening.CLOSED),
            p("peer closed connection", Happening.CLOSED),
            p("closed without indication", Happening.CLOSED),
            p("unexpectedly closed", Happening.CLOSED),
            p("response reading failed", Happening.CLOSED),
            p("lost connection", Happening.CLOSED), p("connection was lost", Happening.CLOSED),
            p("connection lost", Happening.CLOSED));

    /** Every phrase contains one of these: most lines contain none, and are passed over quickly. */
    private static final List<String> ANCHORS = List.of("time", "refus", "reset", "clos", "lost", "resol", "unknown",
            "getaddr", "eai_", "name", "host", "unreach", "route", "certif", "pkix", "alternative", "handshake",
            "version", "#100", "econn", "abort", "pipe", "disconnect", "inactivity", "reply", "response", "dns",
            "couldn't connect", "subjectalt", "trusted", "terminated", "packet", "forcibly", "remaining", "nxdomain");

    static {
        for (Phrase ph : PHRASES) {
            if (ANCHORS.stream().noneMatch(ph.text()::contains)) {
                throw new ExceptionInInitializerError("phrase without an anchor: " + ph.text());
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
        boolean anchored = false;
        for (String a : ANCHORS) {
            if (lower.contains(a)) {
                anchored = true;
                break;
            }
        }
        for (int i = 0; anchored && i < PHRASES.size(); i++) {
            if (lower.contains(PHRASES.get(i).text()) && (PHRASES.get(i) != DNS_LOOKUP || lower.contains("fail"))) {
                return PHRASES.get(i);
            }
        }
        TranslatedMessages.Message m = TranslatedMessages.in(lower); // FileZilla's, in the languages it ships
        return m == null ? null : new Phrase(m.text(), m.happening(), m.connected());
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
