package io.github.ftpdoctor;

import io.github.ftpdoctor.error.PoolExhaustedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Transfers many files over up to {@code maxSessions} sessions at once, one {@link FtpClient} per worker thread,
 * without hammering the server.
 *
 * <p>Sessions are opened one at a time, only while files are waiting. When the server refuses an additional
 * session with a diagnosis whose retry guidance says fewer sessions would help (a per-address or per-user
 * session limit) or with any capacity refusal while at least one session of ours works (some servers, such as
 * Apache MINA FtpServer, use the same words for every limit), the run stays at the sessions it has. Sessions come
 * from an {@link FtpClientPool} (the builder's {@link Builder#pool shared one}, or one of its own), which learns a
 * limit the refusal reveals ({@code PerIpSessionLimit}, {@code PerUserSessionLimit}, {@code TooManyUsers}) and
 * keeps later runs under it ({@link #discoveredSessionLimit()}) until its raise interval lets it try one more.
 * Any other refusal of an additional session also stops the run from growing, for this run only.
 *
 * <p>When no session at all is open, opening one follows the {@link RetryPolicy} (server full: wait and retry).
 * When it gives up, or the server likely banned us (at any time), every file not yet transferred fails at once
 * with that failure. A file whose transfer fails is retried as the policy advises (on a new session when the
 * connection was lost); otherwise its result carries the failure and the others go on.
 *
 * <pre>{@code
 * ParallelTransfers pool = ParallelTransfers.builder("ftp.example.com", 21).login("bob", secret).maxSessions(6).build();
 * for (TransferResult r : pool.downloadAll(Map.of("/pub/a.iso", Path.of("a.iso"), "/pub/b.iso", Path.of("b.iso")))) {
 *     System.out.println(r.remote() + ": " + (r.succeeded() ? r.bytes() + " bytes" : r.failure().getMessage()));
 * }
 * }</pre>
 *
 * <p>Runs on one instance happen one after the other. Every worker closes its session, and no worker thread is
 * left running when {@code downloadAll} or {@code uploadAll} returns (they are daemon threads, waited for within
 * bounds).
 */
public final class ParallelTransfers {
    private final String host;
    private final int port;
    private final FtpConfig config;
    private final String user;
    private final int maxSessions;
    private final RetryPolicy retryPolicy;
    private final FtpClientPool sessions;
    private final boolean sharedPool; // sessions go back to a shared pool; those of our own pool are closed
    private final FtpUrl target;
    private final ReentrantLock runs = new ReentrantLock(); // one run at a time; workers never take it

    private ParallelTransfers(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.config = b.config;
        this.user = b.user;
        this.maxSessions = b.maxSessions;
        this.retryPolicy = b.retryPolicy;
        this.target = new FtpUrl(user, b.password, host, port, "", "ftp"); // toString() masks the password
        this.sharedPool = b.pool != null;
        this.sessions = sharedPool ? b.pool : FtpClientPool.builder(target).config(config)
                .maxPerKey(maxSessions).maxTotal(maxSessions).build();
    }

    /** A pool for a server; log in with {@link Builder#login}, or anonymously by default. */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /**
     * Downloads every remote file to its local path (parent directories are created), each through
     * {@code <file>.part} as {@link FtpClient#download} does.
     *
     * @return one result per entry, in the map's iteration order
     */
    public List<TransferResult> downloadAll(Map<String, Path> remoteToLocal) {
        List<TransferRun.Job> jobs = new ArrayList<>();
        remoteToLocal.forEach((remote, local) -> jobs.add(new TransferRun.Job(jobs.size(),
                Objects.requireNonNull(remote, "remote"), Objects.requireNonNull(local, "local"))));
        return run(false, jobs);
    }

    /**
     * Uploads every local file to its remote path.
     *
     * @return one result per entry, in the map's iteration order
     */
    public List<TransferResult> uploadAll(Map<Path, String> localToRemote) {
        List<TransferRun.Job> jobs = new ArrayList<>();
        localToRemote.forEach((local, remote) -> jobs.add(new TransferRun.Job(jobs.size(),
                Objects.requireNonNull(remote, "remote"), Objects.requireNonNull(local, "local"))));
        return run(true, jobs);
    }

    private List<TransferResult> run(boolean upload, List<TransferRun.Job> jobs) {
        runs.lock();
        try {
            return new TransferRun(this, upload, jobs).run();
        } finally {
            runs.unlock();
        }
    }

    /** The server's session limit, once a refusal has revealed it; runs never open more sessions than this. */
    public OptionalInt discoveredSessionLimit() {
        return sessions.learnedSessionLimit(target);
    }

    /** The most sessions a run opens (the builder's value, or the discovered limit when lower). */
    public int sessionLimit() {
        return Math.min(maxSessions, sessions.sessionLimit(target));
    }

    public int maxSessions() {
        return maxSessions;
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    FtpConfig config() {
        return config;
    }

    /**
     * A logged-in session from the pool: waiting up to the pool's borrow timeout for the first session of a run, not
     * at all for more ({@link PoolExhaustedException} when the pool's limit is reached). A failed connect or login
     * throws its diagnosis.
     */
    FtpClientPool.Lease openSession(boolean first) throws IOException {
        FtpClientPool.Lease lease = first ? sessions.borrow(target) : sessions.borrow(target, Duration.ZERO);
        if (!sharedPool) {
            lease.invalidate(); // a run's sessions are closed at its end: no idle session, no evictor thread
        }
        return lease;
    }

    @Override
    public String toString() {
        return "ParallelTransfers[" + (user == null ? "anonymous" : user) + "@" + host + ":" + port
                + ", maxSessions=" + maxSessions + ", discoveredLimit=" + discoveredSessionLimit() + "]";
    }

    /** Builds a {@link ParallelTransfers}. */
    public static final class Builder {
        private final String host;
        private final int port;
        private FtpConfig config = FtpConfig.defaults();
        private String user;
        private String password;
        private int maxSessions = 4;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private FtpClientPool pool;

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1 to 65535: " + port);
            }
            this.port = port;
        }

        public Builder config(FtpConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Logs every session in as {@code user}; a null user logs in anonymously. */
        public Builder login(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** The most sessions at once (default 4). */
        public Builder maxSessions(int sessions) {
            if (sessions < 1) {
                throw new IllegalArgumentException("maxSessions must be at least 1: " + sessions);
            }
            this.maxSessions = sessions;
            return this;
        }

        /** How to retry opening a first session and failed files (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /**
         * Takes sessions from (and returns them to) a shared pool, e.g. a service's, whose configuration then applies
         * instead of {@link #config}; the password of {@link #login}, when given, is used rather than the pool's.
         */
        public Builder pool(FtpClientPool pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        public ParallelTransfers build() {
            return new ParallelTransfers(this);
        }
    }
}
