package io.github.ftpdoctor.spring;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.diagnosis.Category;
import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.error.FtpException;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The health of one FTP server: a session of its own connects, logs in and lists the configured directory, then
 * quits. {@code UP} with the server family and the pool's state; {@code DOWN} with the diagnosis: {@code outcome},
 * {@code category}, {@code explanation} and {@code advice} (English), {@code server} (the URL, password masked), the
 * reply's {@code code} and text. When the server refuses the health session for capacity (full, per-address or
 * per-user limit) while the pool holds sessions to it, an idle pooled session is tested instead: the application
 * still works, the server just has no room for one more. No detail ever holds the password.
 */
public class FtpServerHealthIndicator implements HealthIndicator {
    private final FtpClientPools.Server server;

    public FtpServerHealthIndicator(FtpClientPools.Server server) {
        this.server = server;
    }

    @Override
    public Health health() {
        long start = System.nanoTime();
        try (FtpClient ftp = server.url().open(server.config())) {
            int entries = ftp.list(server.healthPath()).size();
            return up(ftp, entries, start).build();
        } catch (FtpException e) {
            Diagnosis d = e.diagnosis();
            FtpClientPool pool = server.pool();
            if (d.category() == Category.CAPACITY && pool.idle() + pool.active() > 0) {
                Health viaPool = throughPool(d, start);
                if (viaPool != null) {
                    return viaPool;
                }
            }
            return down(d).build();
        } catch (IOException | RuntimeException e) {
            return Health.down().withDetail("server", server.url().toString())
                    .withDetail("error", mask(e.getClass().getSimpleName() + ": " + e.getMessage())).build();
        }
    }

    private Health.Builder up(FtpClient ftp, int entries, long start) {
        FtpClientPool pool = server.pool();
        Map<String, Object> sessions = new LinkedHashMap<>();
        sessions.put("idle", pool.idle());
        sessions.put("active", pool.active());
        sessions.put("limit", pool.sessionLimit());
        pool.learnedSessionLimit(pool.target()).ifPresent(l -> sessions.put("learnedLimit", l));
        return Health.up().withDetail("server", server.url().toString()).withDetail("family", ftp.server().id())
                .withDetail("listed", entries).withDetail("time",
                        Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms")
                .withDetail("pool", sessions);
    }

    /** The server had no room for the health session: test an idle pooled one instead, if there is one. */
    private Health throughPool(Diagnosis refusal, long start) {
        try (FtpClientPool.Lease lease = server.pool().borrow(server.pool().target(), Duration.ZERO)) {
            int entries = lease.client().list(server.healthPath()).size();
            return up(lease.client(), entries, start).withDetail("note", "the server refused one more session ("
                    + refusal.outcome() + "); a pooled session was tested instead").build();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Health.Builder down(Diagnosis d) {
        Health.Builder h = Health.down().withDetail("outcome", d.outcome().name())
                .withDetail("category", d.category().name().toLowerCase(Locale.ROOT))
                .withDetail("explanation", d.explanation(Locale.ENGLISH))
                .withDetail("advice", d.advice(Locale.ENGLISH))
                .withDetail("server", server.url().toString())
                .withDetail("family", d.server());
        if (d.reply() != null) {
            h.withDetail("code", d.reply().code()).withDetail("reply", mask(String.join("\n", d.reply().lines())));
        } else if (d.detail() != null) {
            h.withDetail("detail", mask(d.detail()));
        }
        if (d.retry().retryable()) {
            h.withDetail("retryAfterSeconds", d.retry().delay().toSeconds());
        }
        return h;
    }

    /** Text from the server or the system, with the password (should it ever appear) replaced. */
    private String mask(String text) {
        String pw = server.url().password();
        return text == null || pw == null || pw.isEmpty() ? text : text.replace(pw, "****");
    }
}
