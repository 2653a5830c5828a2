package io.github.ftpdoctor.example;

import io.github.ftpdoctor.FtpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * With the profile {@code embedded}: an Apache MINA FtpServer on 127.0.0.1 before the application starts, so the
 * example runs with no FTP server around. User {@code demo}, password {@code demo-password}, a directory holding
 * {@code hello.txt}. Settings: {@code embedded-ftp.port} (default 0: a free port, published back as
 * {@code embedded-ftp.port} for the server URL), {@code embedded-ftp.max-logins} (0: no limit) and {@code embedded-ftp.occupy} (that
 * many sessions of another client are logged in from the start: with {@code max-logins} equal to it the server is
 * full).
 */
public class EmbeddedFtpServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    static final String USER = "demo";
    static final String PASSWORD = "demo-password";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.acceptsProfiles(Profiles.of("embedded"))) {
            return;
        }
        try {
            Path home = Files.createTempDirectory("ftpdoctor-example-");
            Files.writeString(home.resolve("hello.txt"), "Hello from the embedded FTP server.\n");
            DefaultFtpServer server = start(home, env.getProperty("embedded-ftp.port", Integer.class, 0),
                    env.getProperty("embedded-ftp.max-logins", Integer.class, 0));
            int port = server.getListener("default").getPort();
            env.getPropertySources().addFirst(new MapPropertySource("embedded-ftp", Map.of("embedded-ftp.port", port)));
            List<FtpClient> occupants = new ArrayList<>();
            for (int i = 0; i < env.getProperty("embedded-ftp.occupy", Integer.class, 0); i++) {
                FtpClient other = FtpClient.connect("127.0.0.1", port);
                other.login(USER, PASSWORD);
                occupants.add(other);
            }
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    occupants.forEach(FtpClient::close);
                    server.stop();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded FTP server did not start", e);
        } catch (FtpException e) {
            throw new IllegalStateException("the embedded FTP server did not start: " + e.getMessage(), e);
        }
    }

    private static DefaultFtpServer start(Path home, int port, int maxLogins) throws FtpException {
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        factory.addListener("default", listener.createListener());
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager userManager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(home.toString());
        userManager.save(user);
        factory.setUserManager(userManager);
        ConnectionConfigFactory config = new ConnectionConfigFactory();
        config.setAnonymousLoginEnabled(false);
        if (maxLogins > 0) {
            config.setMaxLogins(maxLogins);
        }
        factory.setConnectionConfig(config.createConnectionConfig());
        DefaultFtpServer server = (DefaultFtpServer) factory.createServer();
        server.start();
        return server;
    }
}
