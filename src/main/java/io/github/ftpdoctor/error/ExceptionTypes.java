package io.github.ftpdoctor.error;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Outcome;
import java.util.List;

/** Maps a diagnosis to its exception type: dedicated outcome types first, then the category's type. */
final class ExceptionTypes {
    private ExceptionTypes() {
    }

    static FtpException create(Diagnosis d, List<String> t, Throwable c) {
        Outcome outcome = d.outcome();
        switch (outcome) {
            case AnonymousDenied: return new AnonymousDeniedException(d, t, c);
            case BadCredentialsOrUnknownUser: return new BadCredentialsOrUnknownUserException(d, t, c);
            case IpNotAllowed: return new IpNotAllowedException(d, t, c);
            case LikelyBanned: return new LikelyBannedException(d, t, c);
            case TooManyUsers: return new TooManyUsersException(d, t, c);
            case PerIpSessionLimit: return new PerIpSessionLimitException(d, t, c);
            case PerUserSessionLimit: return new PerUserSessionLimitException(d, t, c);
            case ConnectionTimedOut: return new ConnectionTimedOutException(d, t, c);
            case ConnectionRefused: return new ConnectionRefusedException(d, t, c);
            case HostNotFound: return new HostNotFoundException(d, t, c);
            default: break;
        }
        switch (d.category()) {
            case CONNECTION: return new FtpConnectionException(d, t, c);
            case ACCESS: return new FtpAccessException(d, t, c);
            case CAPACITY: return new FtpCapacityException(d, t, c);
            case SECURITY: return new FtpSecurityException(d, t, c);
            case FILE: return new FtpFileException(d, t, c);
            case TRANSFER: return new FtpTransferException(d, t, c);
            default: return new FtpProtocolException(d, t, c);
        }
    }
}
