package io.github.ftpdoctor.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code ftpdoctor.servers.<name>.*}: one FTP server per name, each with its pool, TLS trust and health check.
 * <pre>
 * ftpdoctor.servers.partner.url=ftpes://bob@ftp.example.com/
 * ftpdoctor.servers.partner.password=${PARTNER_FTP_PASSWORD}
 * ftpdoctor.servers.partner.pool.max-sessions=4
 * </pre>
 */
@ConfigurationProperties("ftpdoctor")
public class FtpDoctorProperties {
    /** The servers, by name (the name appears in bean names, health and the metrics' server tag). */
    private Map<String, Server> servers = new LinkedHashMap<>();

    public Map<String, Server> getServers() {
        return servers;
    }

    public void setServers(Map<String, Server> servers) {
        this.servers = servers;
    }

    /** One server. */
    public static class Server {
        /**
         * ftp://, ftpes:// (explicit FTPS) or ftps:// (implicit FTPS) URL: [user[:password]@]host[:port]/[path];
         * without a user, the login is anonymous.
         */
        private String url;
        /** The password, when the URL has none (it is never shown: not in health details, logs or metrics). */
        private String password;
        /** How long the TCP connect may take. */
        private Duration connectTimeout = Duration.ofSeconds(15);
        /** How long to wait for each reply. */
        private Duration replyTimeout = Duration.ofSeconds(60);
        /** The longest silence allowed on a data connection. */
        private Duration dataTimeout = Duration.ofSeconds(60);
        private final Tls tls = new Tls();
        private final Pool pool = new Pool();
        private final Health health = new Health();

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
        public Duration getReplyTimeout() { return replyTimeout; }
        public void setReplyTimeout(Duration replyTimeout) { this.replyTimeout = replyTimeout; }
        public Duration getDataTimeout() { return dataTimeout; }
        public void setDataTimeout(Duration dataTimeout) { this.dataTimeout = dataTimeout; }
        public Tls getTls() { return tls; }
        public Pool getPool() { return pool; }
        public Health getHealth() { return health; }
    }

    /** Certificate checks for ftpes:// and ftps://. */
    public static class Tls {
        /** Trust exactly the certificates in this PEM or DER file instead of the JDK's trust store. */
        private Path trustCertificates;
        /** Trust any certificate and skip the host name check: only for test servers you control. */
        private boolean insecure;

        public Path getTrustCertificates() { return trustCertificates; }
        public void setTrustCertificates(Path trustCertificates) { this.trustCertificates = trustCertificates; }
        public boolean isInsecure() { return insecure; }
        public void setInsecure(boolean insecure) { this.insecure = insecure; }
    }

    /** The server's FtpClientPool. */
    public static class Pool {
        /** Sessions at most (per user of this server). */
        private int maxSessions = 4;
        /** Sessions at most in all. */
        private int maxTotal = 16;
        /** How long a borrow waits for a free session. */
        private Duration borrowTimeout = Duration.ofSeconds(30);
        /** Close sessions idle this long. */
        private Duration idleTimeout = Duration.ofMinutes(1);
        /** Close sessions this old. */
        private Duration maxLifetime = Duration.ofMinutes(30);
        /** Reply timeout of the NOOP that tests an idle session before it is lent. */
        private Duration validationTimeout = Duration.ofSeconds(5);
        /** After the server revealed a session limit, raise it by one each time this passes. */
        private Duration limitRaiseInterval = Duration.ofMinutes(5);

        public int getMaxSessions() { return maxSessions; }
        public void setMaxSessions(int maxSessions) { this.maxSessions = maxSessions; }
        public int getMaxTotal() { return maxTotal; }
        public void setMaxTotal(int maxTotal) { this.maxTotal = maxTotal; }
        public Duration getBorrowTimeout() { return borrowTimeout; }
        public void setBorrowTimeout(Duration borrowTimeout) { this.borrowTimeout = borrowTimeout; }
        public Duration getIdleTimeout() { return idleTimeout; }
        public void setIdleTimeout(Duration idleTimeout) { this.idleTimeout = idleTimeout; }
        public Duration getMaxLifetime() { return maxLifetime; }
        public void setMaxLifetime(Duration maxLifetime) { this.maxLifetime = maxLifetime; }
        public Duration getValidationTimeout() { return validationTimeout; }
        public void setValidationTimeout(Duration validationTimeout) { this.validationTimeout = validationTimeout; }
        public Duration getLimitRaiseInterval() { return limitRaiseInterval; }
        public void setLimitRaiseInterval(Duration limitRaiseInterval) { this.limitRaiseInterval = limitRaiseInterval; }
    }

    /** The actuator health check of the server: connect, log in, list. */
    public static class Health {
        /** Whether the server is part of the {@code ftpdoctor} health contributor. */
        private boolean enabled = true;
        /** The directory to list (default: the URL's path, else the login directory). */
        private String path;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getPath() { return path; }
        public void setPath(String path) { this.path = path; }
    }
}
