package io.github.ftpdoctor;

import io.github.ftpdoctor.error.FtpException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Transfers many files over up to {@code maxSessions} sessions at once, one {@link FtpClient} per worker thread,
 * without hammering the server.
 *
 * <p>Sessions are opened one at a time, only while files are waiting. When the server refuses an additional
 * session with a diagnosis whose retry guidance says fewer sessions would help (a per-address or per-user
 * session limit) or with any capacity refusal while at least one session of ours works (some servers, such as
 * Apache MINA FtpServer, use the same words for every limit), the pool has found the server's limit: it never
 * opens more than the sessions it has open then, in this run and later ones ({@link #discoveredSessionLimit()}).
 * Any other refusal of an additional session also stops the pool from growing, for this run only.
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
    private final String password;
    private final int maxSessions;
    private final RetryPolicy retryPolicy;
    private final AtomicInteger discoveredLimit = new AtomicInteger(); // 0: none yet
    private final ReentrantLock runs = new ReentrantLock(); // one run at a time; workers never take it

    private ParallelTransfers(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.config = b.config;
        this.user = b.user;
        this.password = b.password;
        this.maxSessions = b.maxSessions;
        this.retryPolicy = b.retryPolicy;
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
        int limit = discoveredLimit.get();
        return limit == 0 ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** The most sessions a run opens (the builder's value, or the discovered limit when lower). */
    public int sessionLimit() {
        int limit = discoveredLimit.get();
        return limit == 0 ? maxSessions : Math.min(limit, maxSessions);
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

    /** Records a limit the server revealed. */
    void discovered(int limit) {
        discoveredLimit.accumulateAndGet(limit, (old, now) -> old == 0 ? now : Math.min(old, now));
    }

    /** Connects and logs in; the client is closed if the login fails. */
    FtpClient openSession() throws FtpException {
        FtpClient client = FtpClient.connect(host, port, config);
        try {
            if (user == null) {
                client.loginAnonymous();
            } else {
                client.login(user, password);
            }
            return client;
        } catch (FtpException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "ParallelTransfers[" + (user == null ? "anonymous" : user) + "@" + host + ":" + port
                + ", maxSessions=" + maxSessions + ", discoveredLimit=" + discoveredLimit.get() + "]";
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

        public ParallelTransfers build() {
            return new ParallelTransfers(this);
        }
    }
}
