package io.github.ftpdoctor.spring;

import io.github.ftpdoctor.EventListener;
import io.github.ftpdoctor.FtpClientPool;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.FtpUrl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;

/**
 * The configured servers, by name: each one's URL (with its password; {@code toString()} masks it), session
 * configuration and {@link FtpClientPool}. Closes the pools when the application context closes.
 */
public class FtpClientPools implements DisposableBean {
    /** One configured server. */
    public record Server(String name, FtpUrl url, FtpConfig config, FtpClientPool pool, String healthPath,
                         boolean healthEnabled) {
        @Override
        public String toString() {
            return "Server[" + name + ", " + url + "]"; // FtpUrl masks the password
        }
    }

    private final Map<String, Server> servers = new LinkedHashMap<>();

    public FtpClientPools(FtpDoctorProperties properties, List<FtpDoctorCustomizer> customizers) {
        properties.getServers().forEach((name, p) -> servers.put(name, build(name, p, customizers)));
    }

    private static Server build(String name, FtpDoctorProperties.Server p, List<FtpDoctorCustomizer> customizers) {
        if (p.getUrl() == null || p.getUrl().isBlank()) {
            throw new IllegalArgumentException("ftpdoctor.servers." + name + ".url is not set");
        }
        FtpUrl parsed;
        try {
            parsed = FtpUrl.parse(p.getUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ftpdoctor.servers." + name + ".url: " + e.getMessage());
        }
        String password = p.getPassword() != null ? p.getPassword() : parsed.password();
        FtpUrl url = new FtpUrl(parsed.user(), password, parsed.host(), parsed.port(), parsed.path(), parsed.scheme());
        FtpConfig.Builder config = FtpConfig.builder().connectTimeout(p.getConnectTimeout())
                .replyTimeout(p.getReplyTimeout()).dataTimeout(p.getDataTimeout()).tls(url.tlsMode());
        if (p.getTls().getTrustCertificates() != null) {
            config.trustCertificates(p.getTls().getTrustCertificates());
        }
        if (p.getTls().isInsecure()) {
            config.insecure();
        }
        List<EventListener.Factory> listeners = new ArrayList<>();
        for (FtpDoctorCustomizer c : customizers) {
            EventListener.Factory f = c.eventListenerFactory(name);
            if (f != null) {
                listeners.add(f);
            }
            c.customize(name, config);
        }
        if (!listeners.isEmpty()) {
            config.eventListenerFactory(EventListener.Factory.all(listeners));
        }
        FtpConfig built = config.build();
        FtpDoctorProperties.Pool pp = p.getPool();
        FtpClientPool pool = FtpClientPool.builder(url).config(built).maxPerKey(pp.getMaxSessions())
                .maxTotal(Math.max(pp.getMaxTotal(), pp.getMaxSessions())).borrowTimeout(pp.getBorrowTimeout())
                .idleTimeout(pp.getIdleTimeout()).maxLifetime(pp.getMaxLifetime())
                .validationTimeout(pp.getValidationTimeout()).limitRaiseInterval(pp.getLimitRaiseInterval()).build();
        customizers.forEach(c -> c.poolCreated(name, pool));
        String path = p.getHealth().getPath() != null ? p.getHealth().getPath()
                : url.path().isEmpty() ? null : url.path();
        return new Server(name, url, built, pool, path, p.getHealth().isEnabled());
    }

    /** The names of the configured servers, in configuration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(servers.keySet());
    }

    /** The pool of a configured server. */
    public FtpClientPool pool(String name) {
        return server(name).pool();
    }

    /** A configured server. */
    public Server server(String name) {
        Server s = servers.get(Objects.requireNonNull(name, "name"));
        if (s == null) {
            throw new IllegalArgumentException("no FTP server named '" + name + "' under ftpdoctor.servers; known: "
                    + servers.keySet());
        }
        return s;
    }

    @Override
    public void destroy() {
        servers.values().forEach(s -> s.pool().close());
    }

    @Override
    public String toString() {
        return "FtpClientPools" + servers.values();
    }
}
