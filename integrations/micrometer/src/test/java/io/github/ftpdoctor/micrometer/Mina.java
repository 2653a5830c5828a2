package io.github.ftpdoctor.micrometer;

import java.nio.file.Path;
import java.util.List;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/** Apache MINA FtpServer 1.2.1 in-process on 127.0.0.1 (ephemeral port), one user in memory, no anonymous login. */
final class Mina implements AutoCloseable {
    static final String USER = "metrics-user";
    private final DefaultFtpServer server;

    Mina(Path home, String password) throws Exception {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(0);
        listener.setIdleTimeout(60);
        factory.addListener("default", listener.createListener());
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
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
        factory.setConnectionConfig(config.createConnectionConfig());
        server = (DefaultFtpServer) factory.createServer();
        server.start();
    }

    int port() {
        return server.getListener("default").getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
