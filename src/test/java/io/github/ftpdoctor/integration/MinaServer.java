package io.github.ftpdoctor.integration;

import io.github.ftpdoctor.FtpConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * An in-process Apache MINA FtpServer 1.2.1 on 127.0.0.1 (ephemeral port) with one user whose home is a given
 * directory (write permission) and no anonymous user. Users live in memory only (no properties file).
 */
final class MinaServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final String USER = "alice";

    private final DefaultFtpServer server;
    private final int port;

    private MinaServer(DefaultFtpServer server) {
        this.server = server;
        this.port = server.getListener("default").getPort();
    }

    /** Starts a server for {@value #USER} / {@code password}, anonymous logins disabled. */
    static MinaServer start(Path home, String password) throws Exception {
        return start(home, password, c -> { });
    }

    /**
     * Starts a server; {@code connection} may change the connection config (anonymous login is disabled and the
     * failed-login delay is 0 before it runs).
     */
    static MinaServer start(Path home, String password, Consumer<ConnectionConfigFactory> connection)
            throws Exception {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress(HOST);
        listener.setPort(0);
        listener.setIdleTimeout(60);
        factory.addListener("default", listener.createListener());

        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory(); // no file: in memory
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager userManager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(password);
        user.setHomeDirectory(home.toAbsolutePath().toString());
        user.setAuthorities(List.of(new WritePermission()));
        userManager.save(user);
        factory.setUserManager(userManager);

        ConnectionConfigFactory config = new ConnectionConfigFactory();
        config.setAnonymousLoginEnabled(false);
        config.setLoginFailureDelay(0);
        connection.accept(config);
        factory.setConnectionConfig(config.createConnectionConfig());

        DefaultFtpServer server = (DefaultFtpServer) factory.createServer();
        server.start();
        return new MinaServer(server);
    }

    int port() {
        return port;
    }

    /** Short timeouts: every wait in the tests is bounded by these. */
    static FtpConfig config() {
        return FtpConfig.builder().connectTimeout(Duration.ofSeconds(2)).replyTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void close() {
        server.stop();
    }
}
