package io.github.ftpdoctor;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.error.PoolExhaustedException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Logged-in sessions kept for reuse, keyed by host, port, user and TLS mode, bounded per key and in total.
 * <pre>{@code
 * FtpClientPool pool = FtpClientPool.builder(FtpUrl.parse("ftpes://bob@ftp.example.com/")).password(secret)
 *         .maxPerKey(4).build();
 * try (FtpClientPool.Lease lease = pool.borrow()) {
 *     lease.client().download("/pub/a.iso", Path.of("a.iso"));
 * }
 * }</pre>
 *
 * <p><b>Borrowing</b> takes the most recently used idle session and tests it with NOOP under the validation timeout
 * (default 5 s): a session the server closed or timed out meanwhile is dropped and the next one tried. Otherwise a
 * new session is opened (connect and login) when the bounds allow; else the borrow waits for a release, at most the
 * borrow timeout, then throws {@link PoolExhaustedException}. A failed connect or login throws its diagnosed
 * {@link FtpException} at once: wrong password, anonymous refused, address not allowed, a likely ban are never
 * retried by the pool.
 *
 * <p><b>Server limits</b>: when the server refuses a new session as {@code PerIpSessionLimit}, {@code TooManyUsers}
 * (for the host and port, every user together) or {@code PerUserSessionLimit} (for the key), the pool learns the
 * limit, from {@link Diagnosis#limit()} when the server states the number, else the number of sessions it had open
 * then, and stays under it: the borrow waits for one of its sessions instead. Each
 * {@link Builder#limitRaiseInterval(Duration) raise interval} (default 5 minutes, lftp's default for its
 * {@code net:connection-limit-timer}) the limit goes up by one, until the pool's own bound is reached again.
 *
 * <p><b>Releasing</b> ({@link Lease#close()}) returns the session, unless it failed (it raised any
 * {@link FtpException}), was closed, outlived {@link Builder#maxLifetime}, is over a learned limit, or the lease was
 * {@link Lease#invalidate() invalidated}: then it is closed. Idle sessions are closed after
 * {@link Builder#idleTimeout} by one daemon thread, started with the first idle session and stopped by
 * {@link #close()}. Thread-safe.
 */
public final class FtpClientPool implements AutoCloseable {
    /** What sessions are pooled by; the password is not part of it and never shown. */
    public record Key(String host, int port, String user, TlsMode tls) {
        public Key {
            Objects.requireNonNull(host, "host");
            user = user == null ? "anonymous" : user;
            Objects.requireNonNull(tls, "tls");
        }

        @Override
        public String toString() {
            return user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port
                    + (tls == TlsMode.NONE ? "" : " (" + tls + ")");
        }
    }

    /** A borrowed session: use {@link #client()}, then close the lease (try-with-resources) to give it back. */
    public static final class Lease implements AutoCloseable {
        private final FtpClientPool pool;
        private final Key key;
        private final FtpClient client;
        private final long created;
        private boolean invalid;
        private boolean released;

        Lease(FtpClientPool pool, Key key, FtpClient client, long created) {
            this.pool = pool;
            this.key = key;
            this.client = client;
            this.created = created;
        }

        /** The logged-in session; valid until the lease is closed. */
        public FtpClient client() {
            if (released) {
                throw new IllegalStateException("the lease was closed: borrow again");
            }
            return client;
        }

        public Key key() {
            return key;
        }

        /** Marks the session unusable: closing the lease closes it instead of returning it. */
        public void invalidate() {
            invalid = true;
        }

        /** Gives the session back (or closes it when it cannot be reused). Safe to call twice. */
        @Override
        public void close() {
            if (!released) {
                released = true;
                pool.release(this, invalid);
            }
        }
    }

    private final FtpConfig config;
    private final FtpUrl target;
    private final String password;
    private final int maxPerKey;
    private final int maxTotal;
    private final Duration borrowTimeout;
    private final Duration validationTimeout;
    private final boolean validateOnBorrow;
    private final PoolState state;

    private FtpClientPool(Builder b) {
        this.config = b.config;
        this.target = b.target;
        this.password = b.password;
        this.maxPerKey = b.maxPerKey;
        this.maxTotal = b.maxTotal;
        this.borrowTimeout = b.borrowTimeout;
        this.validationTimeout = b.validationTimeout;
        this.validateOnBorrow = b.validateOnBorrow;
        this.state = new PoolState(maxPerKey, maxTotal, b.idleTimeout, b.maxLifetime, b.limitRaiseInterval,
                b.evictionInterval);
    }

    /** A pool whose {@link #borrow()} opens sessions to {@code target} (its password, or {@link Builder#password}). */
    public static Builder builder(FtpUrl target) {
        return new Builder(Objects.requireNonNull(target, "target"));
    }

    /** A pool without a default target: borrow with {@link #borrow(FtpUrl)}. */
    public static Builder builder() {
        return new Builder(null);
    }

    /** A session to the pool's target; see the class comment. */
    public Lease borrow() throws IOException {
        if (target == null) {
            throw new IllegalStateException("this pool has no default target: use borrow(FtpUrl)");
        }
        return borrow(target, borrowTimeout);
    }

    /** A session to {@code url}'s host as its user (its password, else the builder's). */
    public Lease borrow(FtpUrl url) throws IOException {
        return borrow(url, borrowTimeout);
    }

    /**
     * Borrows, waiting at most {@code maxWait} for a free session. When the server refused a new session during
     * this call and the wait ends, its {@link FtpException} is thrown (it says why); otherwise
     * {@link PoolExhaustedException}.
     */
    public Lease borrow(FtpUrl url, Duration maxWait) throws IOException {
        Key key = keyOf(url);
        long deadline = System.nanoTime() + maxWait.toNanos();
        FtpException refused = null;
        while (true) {
            PoolState.Claim claim = state.claim(key, deadline, refused);
            if (claim.idle() != null) {
                FtpClient c = claim.idle().client();
                if (alive(c)) {
                    return new Lease(this, key, c, claim.idle().created());
                }
                state.discard(key);
                c.close();
                continue;
            }
            long created = System.nanoTime();
            FtpClient client;
            try {
                client = open(url, key);
            } catch (FtpException e) {
                if (state.refused(key, e.diagnosis()) && System.nanoTime() < deadline) {
                    refused = e; // the server's limit is reached: wait for one of our sessions
                    continue;
                }
                throw e;
            } catch (RuntimeException e) {
                state.refused(key, null);
                throw e;
            }
            state.opened(key);
            return new Lease(this, key, client, created);
        }
    }

    private FtpClient open(FtpUrl url, Key key) throws FtpException {
        String pw = url.password() != null ? url.password() : password;
        FtpUrl withPassword = new FtpUrl(url.user(), pw, url.host(), url.port(), url.path(), url.scheme());
        return withPassword.open(key.tls() == config.tlsMode() ? config : config.toBuilder().tls(key.tls()).build());
    }

    /** NOOP within the validation timeout; false when the session is closed, failed or stale. */
    private boolean alive(FtpClient c) {
        if (!c.isConnected() || c.session().hasFailed()) {
            return false;
        }
        if (!validateOnBorrow) {
            return true;
        }
        try {
            c.session().channel().setReplyTimeout(validationTimeout);
            c.noop();
            return true;
        } catch (FtpException e) {
            return false;
        } finally {
            c.session().channel().setReplyTimeout(config.replyTimeout());
        }
    }

    void release(Lease lease, boolean invalid) {
        FtpClient c = lease.client;
        boolean reusable = !invalid && c.isConnected() && !c.session().hasFailed();
        if (!state.release(lease.key, c, lease.created, reusable)) {
            c.close();
        }
    }

    /** The key sessions to {@code url} are pooled by (the configuration's TLS mode, else the URL scheme's). */
    public Key keyOf(FtpUrl url) {
        TlsMode tls = config.tlsMode() != TlsMode.NONE ? config.tlsMode() : url.tlsMode();
        return new Key(url.host(), url.port(), url.user(), tls);
    }

    // gauges, for metrics
    /** Idle sessions, all keys. */
    public int idle() {
        return state.idle();
    }

    /** Borrowed sessions (and sessions being opened for a borrow), all keys. */
    public int active() {
        return state.active();
    }

    /** The sessions a borrow of the default target may have at once now: the bounds and any learned limit. */
    public int sessionLimit() {
        return sessionLimit(Objects.requireNonNull(target, "this pool has no default target"));
    }

    /** The sessions to {@code url} the pool may have at once now. */
    public int sessionLimit(FtpUrl url) {
        return state.limit(keyOf(url));
    }

    /** The limit learned from the server for {@code url}'s key or host, while it holds. */
    public OptionalInt learnedSessionLimit(FtpUrl url) {
        return state.learned(keyOf(url));
    }

    /** The refusal that taught the limit now in force for {@code url}, or null. */
    public Diagnosis learnedFrom(FtpUrl url) {
        return state.why(keyOf(url));
    }

    /** The default target, password masked in its {@code toString()}, or null. */
    public FtpUrl target() {
        return target;
    }

    public int maxPerKey() { return maxPerKey; }

    public int maxTotal() { return maxTotal; }

    /** Closes every idle session now (QUIT). Borrowed sessions are not touched. */
    public void closeIdle() {
        state.takeAllIdle().forEach(FtpClient::close);
    }

    /** Closes the idle sessions and stops the evictor; sessions still borrowed are closed when released. */
    @Override
    public void close() {
        List<FtpClient> idle = state.shutdown();
        idle.forEach(FtpClient::close);
    }

    @Override
    public String toString() {
        return "FtpClientPool[" + (target == null ? "" : target + ", ") + "maxPerKey=" + maxPerKey + ", maxTotal="
                + maxTotal + ", idle=" + idle() + ", active=" + active() + "]";
    }

    /** Builds an {@link FtpClientPool}; every setting has a default. */
    public static final class Builder {
        private final FtpUrl target;
        private FtpConfig config = FtpConfig.defaults();
        private String password;
        private int maxPerKey = 4;
        private int maxTotal = 16;
        private Duration borrowTimeout = Duration.ofSeconds(30);
        private Duration validationTimeout = Duration.ofSeconds(5);
        private boolean validateOnBorrow = true;
        private Duration idleTimeout = Duration.ofMinutes(1);
        private Duration maxLifetime = Duration.ofMinutes(30);
        private Duration limitRaiseInterval = Duration.ofMinutes(5);
        private Duration evictionInterval = Duration.ofSeconds(15);

        private Builder(FtpUrl target) {
            this.target = target;
        }

        /** The configuration of every session (timeouts, TLS trust, listeners); default {@link FtpConfig#defaults()}. */
        public Builder config(FtpConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The password for URLs that carry none (kept out of every {@code toString()}). */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Sessions per key at most (default 4). */
        public Builder maxPerKey(int sessions) {
            this.maxPerKey = atLeastOne(sessions, "maxPerKey");
            return this;
        }

        /** Sessions in all at most (default 16). */
        public Builder maxTotal(int sessions) {
            this.maxTotal = atLeastOne(sessions, "maxTotal");
            return this;
        }

        /** How long a borrow waits for a free session (default 30 s). */
        public Builder borrowTimeout(Duration timeout) {
            this.borrowTimeout = notNegative(timeout, "borrowTimeout");
            return this;
        }

        /** The reply timeout of the NOOP that tests an idle session on borrow (default 5 s). */
        public Builder validationTimeout(Duration timeout) {
            this.validationTimeout = positive(timeout, "validationTimeout");
            return this;
        }

        /** Test idle sessions with NOOP before lending them (default on). */
        public Builder validateOnBorrow(boolean on) {
            this.validateOnBorrow = on;
            return this;
        }

        /** Close sessions idle this long (default 1 minute: below most servers' own idle timeouts). */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /** Close sessions this old when they come back or are found idle (default 30 minutes). */
        public Builder maxLifetime(Duration lifetime) {
            this.maxLifetime = positive(lifetime, "maxLifetime");
            return this;
        }

        /** After a learned limit, raise it by one each time this passes (default 5 minutes, as lftp). */
        public Builder limitRaiseInterval(Duration interval) {
            this.limitRaiseInterval = positive(interval, "limitRaiseInterval");
            return this;
        }

        /** How often the evictor thread looks for idle and old sessions (default 15 s). */
        public Builder evictionInterval(Duration interval) {
            this.evictionInterval = positive(interval, "evictionInterval");
            return this;
        }

        public FtpClientPool build() {
            if (maxPerKey > maxTotal) {
                throw new IllegalArgumentException("maxPerKey (" + maxPerKey + ") exceeds maxTotal (" + maxTotal + ")");
            }
            return new FtpClientPool(this);
        }

        private static int atLeastOne(int n, String name) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be at least 1: " + n);
            }
            return n;
        }

        private static Duration notNegative(Duration d, String name) {
            return positive(d, name, true);
        }

        private static Duration positive(Duration d, String name) {
            return positive(d, name, false);
        }

        private static Duration positive(Duration d, String name, boolean zeroAllowed) {
            if (Objects.requireNonNull(d, name).isNegative() || !zeroAllowed && d.isZero()) {
                throw new IllegalArgumentException(name + " must be " + (zeroAllowed ? "0 or more" : "positive") + ": " + d);
            }
            return d;
        }
    }
}
