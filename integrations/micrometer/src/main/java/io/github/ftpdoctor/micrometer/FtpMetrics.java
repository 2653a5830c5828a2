package io.github.ftpdoctor.micrometer;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Micrometer meters for ftpdoctor. Every meter has the tag {@code server}: a name you choose (the Spring Boot
 * starter uses the configured server's name), or {@code host:port}. No tag ever holds a password, a user name or a
 * file name.
 * <pre>{@code
 * FtpConfig config = FtpConfig.builder().eventListenerFactory(FtpMetrics.listenerFactory(registry, "partner-a")).build();
 * FtpClientPool pool = FtpClientPool.builder(url).config(config).build();
 * FtpMetrics.bindPool(pool, registry, "partner-a");
 * }</pre>
 *
 * <table>
 * <caption>Meters</caption>
 * <tr><th>name</th><th>type</th><th>tags besides {@code server}</th></tr>
 * <tr><td>{@value #DIAGNOSES}</td><td>counter</td><td>{@code outcome}, {@code category}: every reply (the greeting
 * included) and every transport failure (refused, timed out, data connection, TLS), once each</td></tr>
 * <tr><td>{@value #CONNECT}</td><td>timer</td><td>{@code outcome}: the TCP connection (and implicit TLS)</td></tr>
 * <tr><td>{@value #TLS}</td><td>timer</td><td>{@code outcome}: control-connection TLS handshakes</td></tr>
 * <tr><td>{@value #LOGIN}</td><td>timer</td><td>{@code outcome}</td></tr>
 * <tr><td>{@value #TRANSFER}</td><td>timer</td><td>{@code direction} ({@code download}, {@code upload},
 * {@code listing}), {@code outcome}</td></tr>
 * <tr><td>{@value #TRANSFER_SIZE}</td><td>distribution summary, bytes</td><td>{@code direction}: bytes moved per
 * transfer (a resumed transfer counts what it moved, failed ones too)</td></tr>
 * <tr><td>{@value #POOL_IDLE}, {@value #POOL_ACTIVE}, {@value #POOL_LIMIT}</td><td>gauges, sessions</td><td></td></tr>
 * </table>
 */
public final class FtpMetrics {
    public static final String DIAGNOSES = "ftp.client.diagnoses";
    public static final String CONNECT = "ftp.client.connect";
    public static final String TLS = "ftp.client.tls.handshake";
    public static final String LOGIN = "ftp.client.login";
    public static final String TRANSFER = "ftp.client.transfer";
    public static final String TRANSFER_SIZE = "ftp.client.transfer.size";
    public static final String POOL_IDLE = "ftp.client.pool.idle";
    public static final String POOL_ACTIVE = "ftp.client.pool.active";
    public static final String POOL_LIMIT = "ftp.client.pool.limit";
    static final String SESSIONS = "sessions";

    private final MeterRegistry registry;
    private final String server;

    private FtpMetrics(MeterRegistry registry, String server) {
        this.registry = registry;
        this.server = server;
    }

    /** One listener per session, tagged {@code server=host:port}. */
    public static EventListener.Factory listenerFactory(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return (host, port) -> new MetricsListener(new FtpMetrics(registry,
                (host.contains(":") ? "[" + host + "]" : host) + ":" + port));
    }

    /** One listener per session, tagged {@code server=name}. */
    public static EventListener.Factory listenerFactory(MeterRegistry registry, String server) {
        FtpMetrics metrics = new FtpMetrics(Objects.requireNonNull(registry, "registry"),
                Objects.requireNonNull(server, "server"));
        return (host, port) -> new MetricsListener(metrics);
    }

    /** Gauges of the pool's idle and borrowed sessions and of its session limit for its target. */
    public static void bindPool(FtpClientPool pool, MeterRegistry registry, String server) {
        Tags tags = Tags.of("server", server);
        Gauge.builder(POOL_IDLE, pool, FtpClientPool::idle).tags(tags).baseUnit(SESSIONS)
                .description("idle pooled FTP sessions").register(registry);
        Gauge.builder(POOL_ACTIVE, pool, FtpClientPool::active).tags(tags).baseUnit(SESSIONS)
                .description("borrowed FTP sessions, and sessions being opened for a borrow").register(registry);
        if (pool.target() != null) {
            Gauge.builder(POOL_LIMIT, pool, FtpClientPool::sessionLimit).tags(tags).baseUnit(SESSIONS)
                    .description("sessions the pool may have to the server now: its bound, or the limit the server"
                            + " revealed").register(registry);
        }
    }

    void diagnosis(Diagnosis d) {
        Counter.builder(DIAGNOSES).tags("server", server, "outcome", d.outcome().name(), "category", category(d))
                .description("diagnosed replies and transport failures").register(registry).increment();
    }

    void time(String name, String description, Duration duration, Diagnosis outcome) {
        Timer.builder(name).tags("server", server, "outcome", outcome == null ? "Success" : outcome.outcome().name())
                .description(description).register(registry).record(duration);
    }

    void transfer(String verb, long bytes, Duration duration, Diagnosis outcome) {
        String direction = direction(verb);
        Timer.builder(TRANSFER).tags("server", server, "direction", direction, "outcome",
                outcome == null ? "Success" : outcome.outcome().name()).description("FTP transfers, data and reply")
                .register(registry).record(duration);
        DistributionSummary.builder(TRANSFER_SIZE).tags("server", server, "direction", direction)
                .baseUnit(BaseUnits.BYTES).description("bytes moved per FTP transfer").register(registry)
                .record(bytes);
    }

    private static String category(Diagnosis d) {
        return d.category().name().toLowerCase(Locale.ROOT);
    }

    static String direction(String verb) {
        switch (verb) {
            case "STOR": case "APPE": case "STOU": return "upload";
            case "LIST": case "NLST": case "MLSD": return "listing";
            default: return "download";
        }
    }
}
