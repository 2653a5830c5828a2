package io.github.ftpdoctor.load;

import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.testsupport.LeakCheck;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;
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
 * Shared setup for the load tests: an in-process MINA FtpServer 1.2.1 on 127.0.0.1 sized for hundreds of
 * sessions, the client configuration, a 1 MiB test file, and snapshots of threads and file descriptors.
 */
final class LoadFixture {
    static final String HOST = "127.0.0.1";
    static final String USER = "loaduser";
    static final String PASSWORD = "load-secret";
    static final String BIG_FILE = "big.bin";
    static final int BIG_SIZE = 1024 * 1024;

    private LoadFixture() {
    }

    /** The load test's client configuration: connect 10 s, reply 60 s, data 10 s / 60 s. */
    static FtpConfig clientConfig() {
        return FtpConfig.builder()
                .connectTimeout(Duration.ofSeconds(10))
                .replyTimeout(Duration.ofSeconds(60))
                .dataConnectTimeout(Duration.ofSeconds(10))
                .dataTimeout(Duration.ofSeconds(60))
                .build();
    }

    /** Writes the 1 MiB file (seeded pseudo-random bytes) into {@code home}; returns its CRC-32. */
    static long writeBigFile(Path home) throws IOException {
        byte[] data = new byte[BIG_SIZE];
        new Random(0x5eedL).nextBytes(data);
        Files.write(home.resolve(BIG_FILE), data);
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }

    /** An in-process MINA server on 127.0.0.1 (ephemeral port) with room for hundreds of sessions. */
    static final class Server implements AutoCloseable {
        private final DefaultFtpServer server;
        private final int port;
        private boolean stopped;

        private Server(DefaultFtpServer server) {
            this.server = server;
            this.port = server.getListener("default").getPort();
        }

        static Server start(Path home) throws Exception {
            FtpServerFactory factory = new FtpServerFactory();
            ListenerFactory listener = new ListenerFactory();
            listener.setServerAddress(HOST);
            listener.setPort(0);
            listener.setIdleTimeout(300); // seconds; no session of the test may be dropped as idle
            factory.addListener("default", listener.createListener());

            PropertiesUserManagerFactory users = new PropertiesUserManagerFactory(); // no file: in memory
            users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
            UserManager userManager = users.createUserManager();
            BaseUser user = new BaseUser();
            user.setName(USER);
            user.setPassword(PASSWORD);
            user.setHomeDirectory(home.toAbsolutePath().toString());
            user.setMaxIdleTime(300);
            user.setAuthorities(List.of(new WritePermission())); // no ConcurrentLoginPermission: no per-user cap
            userManager.save(user);
            factory.setUserManager(userManager);

            ConnectionConfigFactory config = new ConnectionConfigFactory();
            config.setAnonymousLoginEnabled(false);
            config.setLoginFailureDelay(0);
            config.setMaxLogins(500);       // default 10
            config.setMaxThreads(256);      // default: maxLogins
            factory.setConnectionConfig(config.createConnectionConfig());

            DefaultFtpServer server = (DefaultFtpServer) factory.createServer();
            server.start();
            return new Server(server);
        }

        int port() {
            return port;
        }

        /** Control connections MINA still has open: a client that never closes its socket keeps one here. */
        int openConnections() {
            return server.getServerContext().getFtpStatistics().getCurrentConnectionNumber();
        }

        @Override
        public void close() {
            if (!stopped) {
                stopped = true;
                server.stop();
            }
        }
    }

    /** Discards what it is given, counting the bytes and computing their CRC-32. */
    static final class CrcSink extends OutputStream {
        private final CRC32 crc = new CRC32();
        private long count;

        @Override
        public void write(int b) {
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }

        long crc() {
            return crc.getValue();
        }
    }

    /** One line describing a failure, with the diagnosis when it is an {@link FtpException}. */
    static String describe(Throwable t) {
        if (t instanceof FtpException e && e.diagnosis() != null) {
            return e.getClass().getSimpleName() + " [" + e.diagnosis().outcome() + "] " + e.getMessage();
        }
        return t.getClass().getName() + ": " + t.getMessage();
    }

    /** Polls {@code condition} for up to {@code timeout}; true as soon as it holds. */
    static boolean poll(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        return LeakCheck.poll(timeout, condition);
    }

    // -- threads

    /**
     * The threads that count for the leak check: every non-daemon thread (MINA's acceptor, processors and
     * executor threads are non-daemon, so a server that does not stop shows here) and every thread of ours
     * ({@code ftpdoctor-*}, daemon or not).
     */
    static List<String> countedThreads() {
        return LeakCheck.countedThreads("ftpdoctor");
    }

    static int totalThreads() {
        return Thread.getAllStackTraces().size();
    }

    // -- file descriptors (Linux)

    static boolean hasProcFd() {
        return LeakCheck.hasProcFd();
    }

    /** The open file descriptors of this process and what they point at (Linux /proc/self/fd). */
    static Map<String, String> openFds() {
        return LeakCheck.openFds();
    }

    static int fdCount() {
        return openFds().size();
    }

    /** The descriptors open now that were not open in {@code before} (or point elsewhere), for messages. */
    static List<String> newFds(Map<String, String> before) {
        List<String> extra = new ArrayList<>();
        openFds().forEach((fd, target) -> {
            if (!target.equals(before.get(fd))) {
                extra.add(fd + " -> " + target);
            }
        });
        return extra;
    }

    // -- heap

    /** Used heap after full collections, taken when two successive readings agree within 256 KiB (at most 6 tries). */
    static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 6; i++) {
            System.gc();
            Thread.sleep(100);
            used = rt.totalMemory() - rt.freeMemory();
            if (Math.abs(previous - used) < 256 * 1024) {
                break;
            }
            previous = used;
        }
        return used;
    }

    static String mib(long bytes) {
        return String.format("%.2f MiB", bytes / (1024.0 * 1024.0));
    }
}
