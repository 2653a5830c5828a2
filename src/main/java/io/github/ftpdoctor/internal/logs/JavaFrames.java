package io.github.ftpdoctor.internal.logs;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FTP command a Java stack trace was in: the frames under an exception name the client library's method that
 * sent it. Frames are listed innermost first, so the first frame that names a command is the command under way.
 * The libraries and their methods, from their public APIs:
 * <ul>
 * <li>Apache Commons Net 3.x ({@code org.apache.commons.net.ftp.FTP}, {@code FTPClient}, {@code FTPSClient}): one
 * method per command in {@code FTP} ({@code user}, {@code pass}, {@code retr}...), the higher-level ones in
 * {@code FTPClient} ({@code login}, {@code retrieveFile}, {@code storeFile}...), and {@code _connectAction_} while
 * the connection is made and the greeting read;</li>
 * <li>Spring Integration's {@code org.springframework.integration.ftp.session.FtpSession} ({@code read},
 * {@code write}, {@code append}, {@code remove}, {@code mkdir}, {@code rmdir}, {@code rename}, {@code list},
 * {@code listNames});</li>
 * <li>Apache Camel's {@code org.apache.camel.component.file.remote.FtpOperations} ({@code connect},
 * {@code retrieveFile}, {@code storeFile}, {@code deleteFile}, {@code renameFile}, {@code buildDirectory},
 * {@code changeCurrentDirectory}, {@code listFiles});</li>
 * <li>ftp4j's {@code it.sauronsoftware.ftp4j.FTPClient} ({@code connect}, {@code login}, {@code download},
 * {@code upload}, {@code append}, {@code changeDirectory}, {@code list}, {@code listNames}, {@code deleteFile},
 * {@code createDirectory}, {@code deleteDirectory}, {@code rename}, {@code fileSize}, {@code modifiedDate});</li>
 * <li>edtFTPj's {@code com.enterprisedt.net.ftp.FTPClient} and {@code FileTransferClient} ({@code login},
 * {@code user}, {@code password}, {@code get}, {@code put}, {@code chdir}, {@code mkdir}, {@code rmdir},
 * {@code delete}, {@code dir});</li>
 * <li>the JDK's own {@code sun.net.ftp.impl.FtpClient}, behind {@code ftp://} URLs ({@code connect}, {@code login},
 * {@code getFile}, {@code putFile}, {@code changeDirectory}, {@code list}, {@code nameList}, {@code deleteFile},
 * {@code makeDirectory}, {@code getSize}, {@code openPassiveDataConnection});</li>
 * <li>FluentFTP's {@code FluentFTP.FtpClient} and {@code AsyncFtpClient} (.NET: {@code Connect}, {@code GetListing},
 * {@code UploadFile}, {@code DownloadFile}, {@code OpenRead}, {@code OpenWrite}, and {@code OpenPassiveDataStream}
 * while the data connection is opened).</li>
 * </ul>
 */
final class JavaFrames {
    private static final Pattern LIBRARY = Pattern.compile(
            "\\b(?:org\\.apache\\.commons\\.net\\.(?:ftp\\.(?:FTP|FTPClient|FTPSClient|FTPHTTPClient)|SocketClient)"
                    + "|org\\.springframework\\.integration\\.ftp\\.session\\.FtpSession"
                    + "|org\\.apache\\.camel\\.component\\.file\\.remote\\.FtpOperations"
                    + "|it\\.sauronsoftware\\.ftp4j\\.FTPClient"
                    + "|com\\.enterprisedt\\.net\\.ftp\\.(?:FTPClient|FileTransferClient)"
                    + "|sun\\.net\\.ftp\\.impl\\.FtpClient|FluentFTP\\.(?:FtpClient|AsyncFtpClient))"
                    + "\\.(\\w+)\\(");
    /** A frame of one of the libraries above: the cheap test before the pattern. */
    private static final String[] MARKERS = {"commons.net", ".ftp.session.FtpSession", "remote.FtpOperations",
        "ftp4j.FTPClient", "enterprisedt", "sun.net.ftp", "FluentFTP."};
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
            Map.entry("execPROT", "PROT"), Map.entry("execCCC", "CCC"), Map.entry("allo", "ALLO"),
            // Spring Integration, Camel, ftp4j, edtFTPj, the JDK
            Map.entry("read", "RETR"), Map.entry("write", "STOR"), Map.entry("append", "APPE"),
            Map.entry("remove", "DELE"), Map.entry("mkdir", "MKD"), Map.entry("rmdir", "RMD"),
            Map.entry("renameFile", "RNFR"),
            Map.entry("buildDirectory", "MKD"), Map.entry("changeCurrentDirectory", "CWD"),
            Map.entry("download", "RETR"), Map.entry("upload", "STOR"), Map.entry("changeDirectory", "CWD"),
            Map.entry("createDirectory", "MKD"), Map.entry("deleteDirectory", "RMD"), Map.entry("fileSize", "SIZE"),
            Map.entry("modifiedDate", "MDTM"), Map.entry("password", "PASS"), Map.entry("get", "RETR"),
            Map.entry("put", "STOR"), Map.entry("chdir", "CWD"), Map.entry("delete", "DELE"),
            Map.entry("dir", "LIST"), Map.entry("getFile", "RETR"), Map.entry("putFile", "STOR"),
            Map.entry("nameList", "NLST"), Map.entry("getSize", "SIZE"),
            Map.entry("openPassiveDataConnection", "PASV"),
            // FluentFTP (.NET): FtpClient's public methods and the data stream it opens for them
            Map.entry("OpenPassiveDataStream", "PASV"), Map.entry("OpenActiveDataStream", "PORT"),
            Map.entry("Connect", "CONNECT"), Map.entry("Authenticate", "PASS"), Map.entry("GetListing", "LIST"),
            Map.entry("GetNameListing", "NLST"), Map.entry("UploadFile", "STOR"), Map.entry("DownloadFile", "RETR"),
            Map.entry("OpenRead", "RETR"), Map.entry("OpenWrite", "STOR"), Map.entry("OpenAppend", "APPE"),
            Map.entry("CreateDirectory", "MKD"), Map.entry("DeleteDirectory", "RMD"), Map.entry("DeleteFile", "DELE"),
            Map.entry("Rename", "RNFR"), Map.entry("GetFileSize", "SIZE"), Map.entry("SetWorkingDirectory", "CWD"));

    private JavaFrames() {
    }

    /** What {@link #command} returns for a frame of the socket's own connect (Java's or .NET's). */
    static final String CONNECTING = "connecting";

    /** The command the frame's method sends, or null for a frame that names none (getReply, sendCommand...). */
    static String command(String frame) {
        if (frame.contains("java.net.Socket.connect(") || (frame.contains("System.Net.Sockets.Socket.")
                || frame.contains("FluentFTP.FtpSocketStream.")) && (frame.contains("Connect(")
                || frame.contains("ConnectAsync("))) {
            return CONNECTING; // the TCP connection was being made when the exception came
        }
        boolean marked = false;
        for (String marker : MARKERS) {
            marked |= frame.indexOf(marker) >= 0;
        }
        if (!marked) {
            return null;
        }
        Matcher m = LIBRARY.matcher(frame);
        if (!m.find()) {
            return null;
        }
        String method = m.group(1);
        String verb = METHODS.get(method);
        return verb == null && method.endsWith("Async") ? METHODS.get(method.substring(0, method.length() - 5)) : verb;
    }
}
