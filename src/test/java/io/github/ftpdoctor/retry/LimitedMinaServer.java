package io.github.ftpdoctor.retry;

import io.github.ftpdoctor.FtpConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * An in-process Apache MINA FtpServer 1.2.1 on 127.0.0.1 (ephemeral port), as in the integration package's
 * MinaServer, whose one user may have at most {@code perIp} sessions from one address and whose transfers are
 * throttled (so that a run of small files lasts long enough for the pool to try a session too many). It counts
 * what the server saw: connections, USER commands, USER refusals (421) and the most users logged in at once.
 */
final class LimitedMinaServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final String USER = "alice";
    static final String PASSWORD = "alice-pw";

    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger userCommands = new AtomicInteger();
    final AtomicInteger refusedLogins = new AtomicInteger();
    final AtomicInteger maxLoggedIn = new AtomicInteger();

    private DefaultFtpServer server;
    private int port;

    /**
     * @param perIp      sessions per address for the user (0: unlimited)
     * @param bytesPerSecond throttle for downloads and uploads (0: unlimited)
     * @param connection changes to the connection config (anonymous login off and no failed-login delay before)
     */
    static LimitedMinaServer start(Path home, int perIp, int bytesPerSecond, Consumer<ConnectionConfigFactory> connection)
            throws Exception {
        LimitedMinaServer s = new LimitedMinaServer();
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
        user.setPassword(PASSWORD);
        user.setHomeDirectory(home.toAbsolutePath().toString());
        List<Authority> authorities = new ArrayList<>(List.of(new WritePermission(),
                new ConcurrentLoginPermission(0, perIp)));
        authorities.add(new TransferRatePermission(bytesPerSecond, bytesPerSecond));
        user.setAuthorities(authorities);
        userManager.save(user);
        factory.setUserManager(userManager);

        ConnectionConfigFactory config = new ConnectionConfigFactory();
        config.setAnonymousLoginEnabled(false);
        config.setLoginFailureDelay(0);
        connection.accept(config);
        factory.setConnectionConfig(config.createConnectionConfig());
        factory.setFtplets(new HashMap<>(Map.of("counter", s.new Counter()))); // mutable: stop() clears it

        s.server = (DefaultFtpServer) factory.createServer();
        s.server.start();
        s.port = s.server.getListener("default").getPort();
        return s;
    }

    int port() {
        return port;
    }

    /** Users logged in right now, as the server counts them. */
    int loggedIn() {
        return server.getServerContext().getFtpStatistics().getCurrentLoginNumber();
    }

    /** Closes every session on the server's side, as an idle timeout or a restart would. */
    void dropAllSessions() {
        server.getListener("default").getActiveSessions().forEach(s -> s.closeNow().awaitUninterruptibly(5_000));
    }

        /** Short timeouts: every wait in the tests is bounded by these. */
    static FtpConfig config() {
        return FtpConfig.builder().connectTimeout(Duration.ofSeconds(2)).replyTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Counter extends DefaultFtplet {
        @Override
        public FtpletResult onConnect(FtpSession session) {
            connections.incrementAndGet();
            return FtpletResult.DEFAULT;
        }

        @Override
        public FtpletResult beforeCommand(FtpSession session, FtpRequest request) {
            if ("USER".equalsIgnoreCase(request.getCommand())) {
                userCommands.incrementAndGet();
            }
            return FtpletResult.DEFAULT;
        }

        @Override
        public FtpletResult afterCommand(FtpSession session, FtpRequest request, FtpReply reply) throws IOException {
            if (reply == null) {
                return FtpletResult.DEFAULT;
            }
            if ("USER".equalsIgnoreCase(request.getCommand()) && reply.getCode() == 421) {
                refusedLogins.incrementAndGet();
            }
            if ("PASS".equalsIgnoreCase(request.getCommand()) && reply.getCode() == 230) {
                maxLoggedIn.accumulateAndGet(loggedIn(), Math::max);
            }
            return FtpletResult.DEFAULT;
        }
    }
}
