package io.github.ftpdoctor.internal.logs;

/** The client-log formats the reader tells apart, each with the id that {@code analyze} prints. */
public enum Format {
    /** {@code lftp -d}: {@code --->}, {@code <---}, {@code ----}, {@code ****}. */
    LFTP("lftp"),
    /** BSD {@code ftp} and tnftp: {@code ---> USER x} with bare replies, {@code ftp>} prompts, {@code Not connected.} */
    BSD_FTP("bsd-ftp"),
    /** {@code ncftp -d}: {@code Cmd: USER x}, {@code 331: text}. */
    NCFTP("ncftp"),
    /** {@code curl -v}: {@code > }, {@code < }, {@code * }, {@code curl: (N)}. */
    CURL("curl"),
    /** Python {@code ftplib} debug output ({@code *cmd*}, {@code *resp*}) and tracebacks. */
    PYTHON("python"),
    /** Java exceptions and stack traces (Apache Commons Net and others). */
    JAVA("java"),
    /**
     * .NET: {@code Unhandled exception. System.Net.WebException: ... (550) ...} (.NET Framework: {@code Unhandled
     * Exception: }) with its {@code at ... in file:line N} frames; PowerShell: {@code Exception calling "GetResponse"
     * with "0" argument(s): "..."} and the lines of its error record.
     */
    DOTNET("dotnet"),
    /** Ruby: {@code ftp.rb:243:in `getresp': 553 ... (Net::FTPPermError)} and its {@code from ...:in `x'} frames. */
    RUBY("ruby"),
    /** Perl's Net::FTP with {@code Debug => 1}: {@code Net::FTP=GLOB(0x55d0)>>> USER x}, {@code ...<<< 331 ...}. */
    PERL("perl"),
    /** WinSCP session logs: {@code . }, {@code < }, {@code > }, {@code ! }, {@code * } with timestamps. */
    WINSCP("winscp"),
    /** FileZilla client: {@code Status:}, {@code Command:}, {@code Response:}, {@code Error:}. */
    FILEZILLA("filezilla"),
    /** CuteFTP, as in the seed: {@code STATUS:>}, unprefixed replies and commands, {@code ERROR:}. */
    CUTEFTP("cuteftp"),
    /**
     * GNU Wget: {@code --> USER x} with bare replies under {@code -d}, and without it its own lines such as
     * {@code Connecting to host|addr|:21... failed: Connection refused.}
     */
    WGET("wget"),
    /** This project's own reports and transcripts. */
    FTPDOCTOR("ftpdoctor"),
    /** A plain transcript of replies and commands (also what Commons Net's PrintCommandListener writes). */
    PLAIN("plain"),
    /** A command or reply found inside a line of some other text (the fallback). */
    EMBEDDED("embedded");

    private final String id;

    Format(String id) {
        this.id = id;
    }

    /** The short name printed by {@code analyze}: {@code lftp}, {@code python}, ... */
    public String id() {
        return id;
    }
}
