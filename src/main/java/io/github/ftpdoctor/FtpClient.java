package io.github.ftpdoctor;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.Reply;
import io.github.ftpdoctor.diagnosis.Server;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.data.DataOptions;
import io.github.ftpdoctor.internal.data.Transfers;
import io.github.ftpdoctor.internal.listing.Listings;
import io.github.ftpdoctor.internal.protocol.ConnectOptions;
import io.github.ftpdoctor.internal.protocol.EventListeners;
import io.github.ftpdoctor.internal.protocol.Login;
import io.github.ftpdoctor.internal.protocol.Replies;
import io.github.ftpdoctor.internal.protocol.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A blocking FTP client. One instance is one session and belongs to one thread at a time.
 *
 * <p>Every reply is diagnosed; a failure throws a typed {@link FtpException} whose
 * {@link FtpException#diagnosis() diagnosis} says in English and Chinese what happened and what to do.
 * <pre>{@code
 * try (FtpClient ftp = FtpClient.connect("ftp.example.com", 21)) {
 *     ftp.loginAnonymous();
 *     System.out.println(ftp.pwd());
 * } catch (AnonymousDeniedException e) {
 *     System.err.println(e.diagnosis().advice(Locale.ENGLISH));
 * }
 * }</pre>
 */
public final class FtpClient implements AutoCloseable {
    private static final Duration QUIT_TIMEOUT = Duration.ofSeconds(2);

    private final Session session;
    private final FtpConfig config;
    private final Transfers transfers;
    private final Listings listings;
    private Features features;

    private FtpClient(Session session, FtpConfig config) {
        this.session = session;
        this.config = config;
        this.transfers = new Transfers(session, new DataOptions(config.dataConnectionMode() == DataConnectionMode.ACTIVE,
                config.trustPassiveAddress(), config.activePortLow(), config.activePortHigh(), config.activeAddress(),
                config.dataConnectTimeout(), config.dataTimeout(), config.bufferSize()),
                config.keepAliveInterval(), config.verifySize(), config.keepPartialDownloads());
        this.listings = new Listings(session, transfers, config.autoDetectEncoding());
    }

    /** Connects to port 21 with the default configuration and reads the greeting. */
    public static FtpClient connect(String host) throws FtpException {
        return connect(host, 21, FtpConfig.defaults());
    }

    /** Connects with the default configuration and reads the greeting. */
    public static FtpClient connect(String host, int port) throws FtpException {
        return connect(host, port, FtpConfig.defaults());
    }

    /**
     * Connects and reads the greeting, waiting through {@code 120 Service ready in nnn minutes} within the reply
     * timeout. A refused, timed-out or dropped connection, or a greeting other than 220, throws its diagnosis.
     */
    public static FtpClient connect(String host, int port, FtpConfig config) throws FtpException {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(config, "config");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1 to 65535: " + port);
        }
        ConnectOptions options = new ConnectOptions(host, port, config.connectTimeout(), config.replyTimeout(),
                config.controlEncoding(), config.autoDetectEncoding(), config.classifierOrNull(), config.socketFactory(),
                config.transcriptLines(), config.tlsOptions(), EventListeners.forSession(
                        config.eventListenerFactory(), config.transferListener(), host, port));
        return new FtpClient(Session.open(options), config);
    }

    /** Connects to an {@code ftp://}, {@code ftpes://} or {@code ftps://} URL and logs in: {@link FtpUrl#open}. */
    public static FtpClient open(String url, FtpConfig config) throws FtpException {
        return FtpUrl.parse(url).open(config);
    }

    /** The server's greeting (normally 220; a multi-line banner keeps all its lines). */
    public Reply greeting() {
        return session.greeting();
    }

    /**
     * Logs in: USER, then PASS if asked (331), then ACCT if asked (332) and an account is given. A 230 straight
     * after USER needs no password. Then, when enabled, switches the control connection to UTF-8 if FEAT offers it.
     *
     * @param account the account for ACCT, or null
     * @return the diagnosis (Success) of the reply that completed the login: usually 230, whose text is often a
     *         welcome message
     */
    public Diagnosis login(String user, String password, String account) throws FtpException {
        Objects.requireNonNull(user, "user");
        Diagnosis done = Login.run(session, user, password, account);
        if (session.tls() != null) {
            session.expect("PBSZ", "0", c -> c / 100 == 2);
            session.expect("PROT", session.tls().protectData() ? "P" : "C", c -> c / 100 == 2);
        }
        negotiateUtf8();
        return done;
    }

    /** Logs in with a user name and password; returns the diagnosis of the reply that completed the login. */
    public Diagnosis login(String user, String password) throws FtpException {
        return login(user, password, null);
    }

    /** Logs in as {@code anonymous} with the configured anonymous password. */
    public Diagnosis loginAnonymous() throws FtpException {
        return login("anonymous", config.anonymousPassword(), null);
    }

    private void negotiateUtf8() throws FtpException {
        if (config.negotiateUtf8() && StandardCharsets.UTF_8.equals(session.channel().charset())
                && features().has("UTF8")) {
            session.send("OPTS", "UTF8 ON"); // a refusal changes nothing: we already speak UTF-8
        }
    }

    /** The current directory (PWD), unquoted per RFC 959: {@code "a ""b"""} is {@code a "b"}. */
    public String pwd() throws FtpException {
        return Replies.pwdPath(session, session.expect("PWD", null, c -> c == 257));
    }

    /** Changes the working directory. */
    public void cwd(String path) throws FtpException {
        session.expect("CWD", path, c -> c / 100 == 2);
    }

    /** Changes to the parent directory. */
    public void cdup() throws FtpException {
        session.expect("CDUP", null, c -> c / 100 == 2);
    }

    /** Creates a directory; returns the path the server reports (or the one asked for, if it reports none). */
    public String mkd(String path) throws FtpException {
        Reply reply = session.expect("MKD", path, c -> c / 100 == 2);
        String created = Replies.quotedPath(reply);
        return created == null ? path : created;
    }

    /** Removes a directory. */
    public void rmd(String path) throws FtpException {
        session.expect("RMD", path, c -> c / 100 == 2);
    }

    /** Deletes a file. */
    public void dele(String path) throws FtpException {
        session.expect("DELE", path, c -> c / 100 == 2);
    }

    /** Renames with RNFR then RNTO. */
    public void rename(String from, String to) throws FtpException {
        session.expect("RNFR", from, c -> c == 350);
        session.expect("RNTO", to, c -> c / 100 == 2);
    }

    /** The size of a file in bytes (SIZE, RFC 3659), as the server counts it in the current TYPE. */
    public long size(String path) throws FtpException {
        Reply reply = session.expect("SIZE", path, c -> c == 213);
        long size = Replies.size(reply);
        if (size < 0) {
            throw session.failure(reply, session.context("SIZE"));
        }
        return size;
    }

    /** The last modification time of a file (MDTM, RFC 3659), in UTC. */
    public Instant modificationTime(String path) throws FtpException {
        Reply reply = session.expect("MDTM", path, c -> c == 213);
        Instant time = Replies.time(reply);
        if (time == null) {
            throw session.failure(reply, session.context("MDTM"));
        }
        return time;
    }

    /** The server's features (FEAT, RFC 2389), asked once and remembered; empty if FEAT is not implemented. */
    public Features features() throws FtpException {
        if (features == null) {
            Reply reply = session.send("FEAT", null);
            if (reply.code() == 211) {
                features = new Features(Replies.features(reply));
            } else if (reply.codeClass() == 5) {
                features = Features.none();
            } else {
                throw session.failure(reply, session.context("FEAT"));
            }
        }
        return features;
    }

    /** The system type (SYST), e.g. {@code UNIX Type: L8}. */
    public String system() throws FtpException {
        String syst = session.expect("SYST", null, c -> c == 215).text();
        session.learnSystem(syst);
        return syst;
    }

    /** The server software as far as the greeting and SYST tell, or {@link Server#UNKNOWN}. */
    public Server server() {
        return session.server();
    }

    /** Server status (STAT): the whole reply. */
    public Reply status() throws FtpException {
        return session.expect("STAT", null, c -> c / 100 == 2);
    }

    /** Status of a file or directory (STAT path): the whole reply, which many servers fill with a listing. */
    public Reply status(String path) throws FtpException {
        return session.expect("STAT", path, c -> c / 100 == 2);
    }

    /** Help (HELP, or HELP topic when the topic is not null). */
    public Reply help(String topic) throws FtpException {
        return session.expect("HELP", topic, c -> c / 100 == 2);
    }

    /** NOOP: keeps the session alive and checks the server still answers. */
    public void noop() throws FtpException {
        session.expect("NOOP", null, c -> c / 100 == 2);
    }

    /** A SITE command; returns the server's reply. */
    public Reply site(String arguments) throws FtpException {
        return session.expect("SITE", arguments, c -> c / 100 == 2);
    }

    /**
     * Sends any command and diagnoses its reply without throwing for negative replies; only transport failures
     * throw. CR, LF and NUL in the argument are refused before anything is sent.
     */
    public Diagnosis execute(String verb, String argument) throws FtpException {
        return session.diagnose(session.send(verb, argument), verb);
    }

    // transfers: a failure raises a diagnosed FtpException carrying the byte count
    /** The representation type of the following transfers (default {@link TransferType#BINARY}). */
    public void setTransferType(TransferType type) {
        transfers.setAscii(type == TransferType.ASCII);
    }

    /**
     * Downloads to a path. The data goes to {@code <local>.part}, moved into place only after a positive final reply
     * with every byte SIZE announced; a failed download never leaves a file that looks complete.
     *
     * @return the size of the local file
     */
    public long download(String remote, Path local) throws IOException {
        return transfers.download(remote, local, false);
    }

    /** Like {@link #download(String, Path)}, continuing {@code <local>.part} from an earlier attempt with REST. */
    public long downloadResume(String remote, Path local) throws IOException {
        return transfers.download(remote, local, true);
    }

    /** Downloads into a stream (not closed); returns the bytes received. */
    public long retrieve(String remote, OutputStream sink) throws IOException {
        return transfers.retrieve(remote, sink);
    }

    /**
     * A stream of a remote file. Closing it completes the command (with ABOR if not read to the end) and throws
     * the diagnosis if the transfer failed: no {@code completePendingCommand}.
     */
    public InputStream openRead(String remote) throws IOException {
        return transfers.openRead(remote, 0);
    }

    /** A stream of a remote file from {@code offset} on (REST). */
    public InputStream openRead(String remote, long offset) throws IOException {
        return transfers.openRead(remote, offset);
    }

    /** A stream to a remote file (STOR); closing it completes the command and checks the server's reply. */
    public OutputStream openWrite(String remote) throws IOException {
        return transfers.openWrite("STOR", remote, 0);
    }

    /** A stream appending to a remote file (APPE). */
    public OutputStream openAppend(String remote) throws IOException {
        return transfers.openWrite("APPE", remote, 0);
    }

    /** Uploads from a stream (read to its end, not closed); returns the bytes sent. */
    public long store(String remote, InputStream source) throws IOException {
        return transfers.store("STOR", remote, source);
    }

    /** Appends a stream to a remote file (APPE); returns the bytes sent. */
    public long append(String remote, InputStream source) throws IOException {
        return transfers.store("APPE", remote, source);
    }

    /** Uploads under a name the server chooses (STOU); returns that name, or null if the server did not say. */
    public String storeUnique(InputStream source) throws IOException {
        return transfers.storeUnique(source);
    }

    /** Uploads a local file, which is only read; returns the bytes sent. */
    public long upload(Path local, String remote) throws IOException {
        return transfers.upload(local, remote, false);
    }

    /** Uploads only what the remote file lacks: SIZE, then REST and STOR from there. */
    public long uploadResume(Path local, String remote) throws IOException {
        return transfers.upload(local, remote, true);
    }

    /**
     * The entries of a directory ({@code null}: the current one): MLSD when FEAT lists MLST (exact sizes and UTC
     * times), else LIST parsed as Unix or DOS format. Lines no parser understands come back as
     * {@link FtpEntry.Type#UNPARSED} entries with the raw line, never dropped.
     */
    public List<FtpEntry> list(String path) throws IOException {
        return listings.list(path, features().has("MLST"));
    }

    /** The LIST lines exactly as the server sent them, decoded. */
    public List<String> listRaw(String path) throws IOException {
        return listings.rawList(path);
    }

    /** The names in a directory (NLST). */
    public List<FtpEntry> nameList(String path) throws IOException {
        return listings.names(path);
    }

    /** One entry's facts (MLST, RFC 3659), if the server returned any. */
    public java.util.Optional<FtpEntry> entry(String path) throws FtpException {
        return listings.entry(path);
    }

    /** Aborts the running transfer from any thread (ABOR); the transferring call then fails with its diagnosis. */
    public void abort() {
        transfers.abort();
    }

    /** Ends the session politely (QUIT) and closes the connection. Safe to call twice. */
    public void quit() throws FtpException {
        try {
            if (session.isOpen()) {
                session.channel().setReplyTimeout(QUIT_TIMEOUT);
                session.send("QUIT", null);
            }
        } catch (java.io.IOException e) {
            // closing anyway; a server that drops the connection on QUIT is fine
        } finally {
            session.close(); // also ends the session (its sessionEnd event) when the connection was already lost
        }
    }

    /** The diagnosis of the last reply the server sent, e.g. the 226 that completed a transfer. */
    public Diagnosis lastReply() {
        return session.lastDiagnosis();
    }

    /** Whether the control connection is still open. */
    public boolean isConnected() {
        return session.isOpen();
    }

    /** The session's recent transcript ({@code > } sent, {@code < } received), passwords masked. */
    public List<String> transcript() {
        return session.transcript();
    }

    Session session() { // for the pool
        return session;
    }

    /** The configuration this client was built with. */
    public FtpConfig config() {
        return config;
    }

    /** Sends QUIT (briefly waiting for its reply) and closes the connection; never throws. */
    @Override
    public void close() {
        try {
            quit();
        } catch (FtpException e) {
            session.close();
        }
    }

}
