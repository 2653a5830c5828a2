package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The general rules written after the blind test of 2026-12-07, each on phrasings of its own (not the corpus's
 * rows): what the reply's words say decides, whatever server sends them.
 */
class GeneralCueRulesTest {
    private static final Classifier CLASSIFIER = Classifier.standard();

    private static Diagnosis read(int code, String command, String text) {
        return CLASSIFIER.classify(Reply.of(code, text), ExchangeContext.after(command));
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            332 | USER | Anonymous access is disabled, an account is needed.       | AnonymousDenied
            421 | PASS | Login not allowed from 198.51.100.23.                     | IpNotAllowed
            421 | PASS | Sorry, only 3 connections allowed per user.               | PerUserSessionLimit
            421 | PASS | Your account has expired, contact the administrator.      | AccountDisabled
            421 | NOOP | Session expired after 300 seconds.                        | IdleTimeout
            426 | RETR | Data connection reset by peer, transfer aborted.          | TransferAborted
            426 | STOR | Broken pipe while receiving upload.bin                    | TransferAborted
            550 | CWD  | /../etc points to a path outside of the permitted area.   | PermissionDenied
            550 | RETR | Not enough credits left to download movie.avi.            | QuotaExceeded
            425 | LIST | Passive data connection not connected.                    | DataConnectionFailed
            450 | RETR | 数据连接尚未连接                                          | DataConnectionFailed
            501 | PORT | PORT refused: EPSV ALL is in effect.                      | BadCommandSequence
            504 | AUTH | Unknown security type: KERBEROS_V4                        | TlsUnavailable
            553 | STOR | Upload denied by site policy.                             | PermissionDenied
            553 | STOR | File name not allowed.                                    | FileNameNotAllowed
            421 | CONNECT | Too many connections from your machine, try later.     | PerIpSessionLimit
            530 | CONNECT | Sorry, too much users online.                          | TooManyUsers
            504 | PROT | TLS is not enabled on this server.                        | TlsUnavailable
            530 | PASS | 登录失败次数过多，请稍后重试。                            | LikelyBanned
            451 | STOR | Broken pipe during transfer of upload.bin                 | TransferAborted
            554 | RETR | Restart offset 9000 is beyond the end of report.pdf       | SyntaxError
            550 | REST | Invalid restart position.                                 | SyntaxError
            501 | TYPE | Type E not supported.                                     | CommandNotImplemented
            501 | OPTS | Option not implemented.                                   | CommandNotImplemented
            501 | TYPE | Syntax error in parameters or arguments.                  | SyntaxError
            534 | EPSV | Encryption is required on the data channel.              | DataChannelProtectionRequired
            530 | USER | Too many connections for "carol", try later.            | PerUserSessionLimit
            202 | EPSV | EPSV not implemented.                                     | CommandNotImplemented
            202 | ALLO | ALLO command ignored.                                     | Success
            200 | SITE | Missing argument. Usage: SITE CHMOD mode file             | SyntaxError
            530 | PASS | Authentication failed: home directory is missing          | HomeDirectoryUnavailable
            552 | STOR | Error receiving data: connection reset                    | TransferAborted
            550 | RETR | Unable to allocate memory for the read buffer.            | ServerLocalError
            530 | USER | Unknown user name.                                        | BadCredentialsOrUnknownUser
            530 | USER | Sorry, only anonymous logins here.                        | AnonymousOnly
            434 | NOOP | Idle timeout, closing control connection.                 | IdleTimeout
            550 | LIST | Send PORT or PASV before LIST.                            | BadCommandSequence
            227 | PASV | Passive mode is not supported here.                       | CommandNotImplemented
            229 | EPSV | EPSV not implemented, use PASV                            | CommandNotImplemented
            230 | PASS | Access denied, the server is shutting down.               | ServerShuttingDown
            230 | PASS | Login refused for this account.                           | NotLoggedIn
            500 | NOOP | Idle time limit exceeded, goodbye.                        | IdleTimeout
            522 | RETR | Your client certificate does not match the control one.   | ClientCertificateRequired
            501 | MODE | Mode Z not supported.                                     | CommandNotImplemented
            550 | RNTO | Rename refused: RNTO without a previous RNFR.             | BadCommandSequence
            504 | TYPE | Wrong parameter.                                          | SyntaxError
            350 | RMD  | Removing the directory failed.                            | FileUnavailable
            200 | PORT | Could not connect back: connection failed.                | DataConnectionFailed
            550 | DELE | The file is locked by another user.                       | FileBusy
            425 | PASV | No free ports in the passive range.                       | DataConnectionFailed
            550 | STOR | report.pdf: The process cannot access the file because it is being used by another process. | FileBusy
            421 | CONNECT | Already 12 sessions from 203.0.113.9, try later.       | PerIpSessionLimit
            332 | PASS | Need a user first.                                        | BadCommandSequence
            200 | LIST | No such directory.                                        | FileNotFound
            226 | RETR | Descarga parcial.                                         | TransferIncomplete
            226 | RETR | Transfert partiel.                                        | TransferIncomplete
            530 | PWD  | Sie müssen sich zuerst anmelden.                          | NotLoggedIn
            553 | MKD  | That name is already in use.                              | PermanentFailure
            550 | STOR | Transfer failed: connection reset while transferring data | TransferAborted
            530 | USER | Utente sconosciuto.                                       | BadCredentialsOrUnknownUser
            550 | RETR | Chemin invalide.                                          | FileNotFound
            553 | RNTO | Ungültiger Pfad                                           | FileNameNotAllowed
            550 | SIZE | invalid path: /a/b                                        | FileNotFound
            221 | QUIT | Server shutting down, goodbye.                           | Success
            221 | NOOP | Server shutting down, goodbye.                           | ServerShuttingDown
            202 | SITE | SITE UMASK not implemented.                               | CommandNotImplemented
            521 | RMD  | Cannot remove: directory not empty                        | FileUnavailable
            551 | RETR | Requested action aborted. Page type unknown.              | PageTypeUnknown
            550 | STOR | report is a directory                                     | PermanentFailure
            550 | RETR | report is a directory                                     | FileUnavailable
            552 | APPE | Requested file action aborted                             | QuotaExceeded
            530 | PASS | PASS received without a user name                         | BadCommandSequence
            550 | DELE | Deletion blocked by the site policy script.               | PermissionDenied
            550 | CWD  | That folder is inaccessible.                              | PermissionDenied
            451 | RNTO | Rename failed: Permission denied                          | PermissionDenied
            550 | DELE | Directory is not exist                                    | FileNotFound
            550 | RETR | Data connection timed out: the client never connected.    | DataConnectionFailed
            426 | RETR | Data connection timed out                                 | TransferAborted
            431 | AUTH | SSL_connect returned an error                             | TlsHandshakeFailed
            534 | AUTH | TLS handshake aborted by the peer                         | TlsHandshakeFailed
            500 | NOOP | Too many errors, closing control connection.              | ConnectionClosed
            530 | PASS | Login incorrect, closing control connection.             | BadCredentialsOrUnknownUser
            530 | LIST | You were kicked out by the administrator.                 | ConnectionClosed
            550 | RETR | You don't have access to /secret.                         | PermissionDenied
            550 | CWD  | /etc is outside the root directory                        | PermissionDenied
            425 | LIST | Can't build data connection: use PORT or PASV first        | BadCommandSequence
            425 | RETR | Can't build data connection: Out of memory.               | ServerLocalError
            550 | SIZE | Filen existerar inte                                      | FileNotFound
            202 | SMNT | SMNT is not implemented here.                             | CommandNotImplemented
            552 | STOR | Refused: files uploaded exceed the limit of 20           | QuotaExceeded
            501 | ALLO | Insufficient disk space for 2000000 bytes                 | InsufficientStorage
            550 | RNTO | RNTO must be preceded by RNFR                             | BadCommandSequence
            550 | RETR | Failed writing to data connection: broken pipe            | TransferAborted
            522 | EPRT | Address family not supported; only IPv4                   | CommandNotImplemented
            425 | LIST | Aborted while accepting the data connection               | DataConnectionFailed
            150 | PWD  | Please log in first                                       | NotLoggedIn
            530 | PASS | Not logged in: user out of service                        | ServerLocalError
            421 | USER | Server out of service, try again later.                   | ServiceUnavailable
            550 | CWD  | 目录没有被找到                                              | FileNotFound
            501 | SIZE | report-2026.pdf does not exist                            | FileNotFound
            501 | DELE | No such file: old.log                                     | FileNotFound
            501 | CWD  | Verzeichnis nicht gefunden                                | FileNotFound
            501 | RETR | 文件不存在                                                  | FileNotFound
            501 | RETR | No file name given                                        | SyntaxError
            501 | STOR | No such file or directory                                 | SyntaxError
            150 | SITE | This command is not implemented.                          | CommandNotImplemented
            331 | PROT | TLS must be negotiated first (AUTH TLS)                    | BadCommandSequence
            530 | PASS | Login failed: unable to chroot to /srv/ftp/alice           | HomeDirectoryUnavailable
            501 | PASS | Syntax error: no password given                           | SyntaxError
            501 | PASS | Syntax error: password incorrect                          | BadCredentialsOrUnknownUser
            451 | RETR | The requested file could not be found.                    | FileNotFound
            550 | CWD  | The system cannot find the path specified.                | FileNotFound
            501 | DELE | Delete failed: no permission                              | PermissionDenied
            501 | SITE | Invalid permissions                                       | SyntaxError
            500 | STOR | Cannot STOR.                                              | FileUnavailable
            501 | RETR | Unknown command RETRX                                     | SyntaxError
            530 | PASS | Login refused: server is shutting down                    | ServerShuttingDown
            530 | PASS | Login denied, server booting up                           | ServiceUnavailable
            421 | USER | Server not ready, try again in a minute                   | ServiceUnavailable
            534 | AUTH | TLS initialization failed on the server                   | TlsHandshakeFailed
            534 | AUTH | AUTH TLS not supported by policy                          | TlsUnavailable
            550 | STOR | This share is read-only                                   | PermissionDenied
            502 | MKD  | Server is in read only mode                               | PermissionDenied
            553 | STOR | Read-only file system                                     | PermissionDenied
            200 | RETR | Use PORT or PASV first                                    | BadCommandSequence
            501 | USER | No such user                                              | BadCredentialsOrUnknownUser
            220 | CONNECT | smtp.example.org ESMTP Sendmail 8.17.1; ready          | NotFtpService
            220 | CONNECT | FTP server ready                                       | Success
            425 | LIST | The server requires a protected data channel.             | DataChannelProtectionRequired
            550 | RETR | Write-protected data disk                                 | FileUnavailable
            426 | RETR | Socket or network error                                   | TransferAborted
            550 | RETR | Cannot send: insufficient space on the server             | InsufficientStorage
            200 | SITE | SITE EXEC is not supported                                | CommandNotImplemented
            200 | SITE | SITE CHMOD command successful                             | Success
            451 | RETR | Übertragung fehlgeschlagen                                | TransferAborted
            552 | STOR | Upload limit exceeded, transfer aborted.                  | QuotaExceeded
            550 | DELE | Delete failed: the file does not exist or is in use.      | FileUnavailable
            550 | RNTO | Secuencia de comandos incorrecta                          | BadCommandSequence
            550 | RNTO | Нарушена последовательность команд                        | BadCommandSequence
            550 | RNTO | Sequenza di comandi errata                                | BadCommandSequence
            451 | RETR | Локальная ошибка при чтении файла                         | ServerLocalError
            """)
    void theWordsDecide(int code, String command, String text, Outcome expected) {
        assertEquals(expected, read(code, command, text).outcome(), text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Login refused from 203.0.113.7: too many connections (4).
            Maximum 10.0.0.1 sessions.
            """)
    void digitsOfAnAddressAreNoCountOfSessions(String text) {
        Diagnosis d = read(421, "PASS", text);
        assertNotEquals("cue.count-at-login", d.rule().id(), text + " read as " + d.outcome());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Rraportimi i gabimit: gabim i brendshem ne server | ServerLocalError
            """)
    void albanianWithoutDiacriticsReadsAsWithThem(String text, Outcome expected) {
        assertEquals(expected, read(451, "STOR", text).outcome(), text);
    }
}
