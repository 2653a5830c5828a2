package io.github.ftpdoctor.internal.logs;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FTP command a Java stack trace was in: the frames under an exception name the client library's method that
 * sent it. Apache Commons Net 3.x ({@code org.apache.commons.net.ftp.FTP}, {@code FTPClient}, {@code FTPSClient}):
 * one method per command in {@code FTP} ({@code user}, {@code pass}, {@code retr}...), the higher-level ones in
 * {@code FTPClient} ({@code login}, {@code retrieveFile}, {@code storeFile}...), and {@code _connectAction_} while
 * the connection is made and the greeting read. Frames are listed innermost first, so the first frame that names
 * a command is the command under way.
 */
final class JavaFrames {
    private static final Pattern COMMONS_NET = Pattern.compile(
            "\\borg\\.apache\\.commons\\.net\\.(?:ftp\\.(?:FTP|FTPClient|FTPSClient|FTPHTTPClient)|SocketClient)"
                    + "\\.(\\w+)\\(");
    private static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry("_connectAction_", "CONNECT"), Map.entry("connect", "CONNECT"),
            Map.entry("user", "USER"), Map.entry("pass", "PASS"), Map.entry("acct", "ACCT"),
            Map.entry("login", "PASS"), Map.entry("quit", "QUIT"), Map.entry("logout", "QUIT"),
            Map.entry("rein", "REIN"), Map.entry("cwd", "CWD"), Map.entry("cdup", "CDUP"),
            Map.entry("changeWorkingDirectory", "CWD"), Map.entry("changeToParentDirectory", "CDUP"),
            Map.entry("pwd", "PWD"), Map.entry("printWorkingDirectory", "PWD"),
            Map.entry("mkd", "MKD"), Map.entry("makeDirectory", "MKD"), Map.entry("rmd", "RMD"),
            Map.entry("removeDirectory", "RMD"), Map.entry("dele", "DELE"), Map.entry("deleteFile", "DELE"),
            Map.entry("rnfr", "RNFR"), Map.entry("rnto", "RNTO"), Map.entry("rename", "RNFR"),
            Map.entry("pasv", "PASV"), Map.entry("epsv", "EPSV"), Map.entry("port", "PORT"),
            Map.entry("eprt", "EPRT"), Map.entry("type", "TYPE"), Map.entry("setFileType", "TYPE"),
            Map.entry("mode", "MODE"), Map.entry("stru", "STRU"), Map.entry("rest", "REST"),
            Map.entry("retr", "RETR"), Map.entry("retrieveFile", "RETR"), Map.entry("retrieveFileStream", "RETR"),
            Map.entry("stor", "STOR"), Map.entry("storeFile", "STOR"), Map.entry("storeFileStream", "STOR"),
            Map.entry("appe", "APPE"), Map.entry("appendFile", "APPE"), Map.entry("stou", "STOU"),
            Map.entry("storeUniqueFile", "STOU"), Map.entry("list", "LIST"), Map.entry("listFiles", "LIST"),
            Map.entry("listDirectories", "LIST"), Map.entry("initiateListParsing", "LIST"),
            Map.entry("nlst", "NLST"), Map.entry("listNames", "NLST"), Map.entry("mlsd", "MLSD"),
            Map.entry("mlistDir", "MLSD"), Map.entry("mlst", "MLST"), Map.entry("mlistFile", "MLST"),
            Map.entry("size", "SIZE"), Map.entry("mdtm", "MDTM"), Map.entry("getModificationTime", "MDTM"),
            Map.entry("mfmt", "MFMT"), Map.entry("setModificationTime", "MFMT"), Map.entry("feat", "FEAT"),
            Map.entry("features", "FEAT"), Map.entry("syst", "SYST"), Map.entry("getSystemType", "SYST"),
            Map.entry("noop", "NOOP"), Map.entry("sendNoOp", "NOOP"), Map.entry("site", "SITE"),
            Map.entry("sendSiteCommand", "SITE"), Map.entry("stat", "STAT"), Map.entry("abor", "ABOR"),
            Map.entry("abort", "ABOR"), Map.entry("execAUTH", "AUTH"), Map.entry("execPBSZ", "PBSZ"),
            Map.entry("execPROT", "PROT"), Map.entry("execCCC", "CCC"), Map.entry("allo", "ALLO"));

    private JavaFrames() {
    }

    /** The command the frame's method sends, or null for a frame that names none (getReply, sendCommand...). */
    static String command(String frame) {
        if (frame.indexOf("commons.net") < 0) {
            return null;
        }
        Matcher m = COMMONS_NET.matcher(frame);
        return m.find() ? METHODS.get(m.group(1)) : null;
    }
}
