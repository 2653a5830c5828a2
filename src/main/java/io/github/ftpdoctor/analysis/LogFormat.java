package io.github.ftpdoctor.analysis;

import java.util.Locale;

/** The log format a finding's evidence was read in. */
public enum LogFormat {
    /** {@code lftp -d}: {@code --->}, {@code <---}, {@code ----}, {@code ****} lines. */
    LFTP,
    /** BSD {@code ftp} and tnftp ({@code -d -v}, or a terminal session with {@code ftp>} prompts). */
    BSD_FTP,
    /** {@code ncftp -d} / {@code ncftpget -d}: {@code Cmd: USER x}, {@code 331: text}. */
    NCFTP,
    /** {@code curl -v}. */
    CURL,
    /** Python {@code ftplib} debug output and tracebacks. */
    PYTHON,
    /** Java exceptions and stack traces. */
    JAVA,
    /** .NET exceptions ({@code FtpWebRequest}'s {@code WebException}) and PowerShell's error records. */
    DOTNET,
    /** Ruby exceptions ({@code Net::FTPPermError}) and their {@code from} frames. */
    RUBY,
    /** WinSCP session logs. */
    PERL,
    WINSCP,
    /** FileZilla client logs. */
    FILEZILLA,
    /** CuteFTP logs, as in the seed. */
    CUTEFTP,
    /** GNU Wget: {@code -d} output ({@code --> USER x}, bare replies) and its failure lines. */
    WGET,
    /** This project's own reports and transcripts. */
    FTPDOCTOR,
    /** Plain transcripts of replies and commands (also Apache Commons Net's {@code PrintCommandListener}). */
    PLAIN,
    /** A command or reply found inside a line of some other text. */
    EMBEDDED;

    /** The short name {@code analyze} prints: {@code lftp}, {@code bsd-ftp}, {@code python}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
