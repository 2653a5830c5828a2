package io.github.ftpdoctor.integration;

import static io.github.ftpdoctor.integration.MinaServer.HOST;
import static io.github.ftpdoctor.integration.MinaServer.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.testsupport.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Chinese directory name over the wire in UTF-8 to MINA FtpServer, which stores it on the local disk. MINA's
 * native file system names files through the JVM's {@code sun.jnu.encoding}, so this class runs in the surefire
 * execution {@code utf8-jvm} (tag {@value #TAG}), whose JVM runs with {@code LC_ALL=C.UTF-8} under any locale of
 * the build (Java 17 takes {@code sun.jnu.encoding} from the locale only). The client side never depends on it: {@code FtpClient} encodes names with the control encoding.
 */
@Tag(MinaUtf8NamesTest.TAG)
@Timeout(60)
class MinaUtf8NamesTest {
    /** The JUnit tag of tests that run in a JVM of their own with UTF-8 file names and default charset. */
    static final String TAG = "utf8-jvm";

    @TempDir
    Path home;

    @Test
    void chineseDirectoryNameRoundTripsInUtf8() throws Exception {
        Requirements.require("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "sun.jnu.encoding=UTF-8 for MINA's local file names (the utf8-jvm surefire execution in pom.xml"
                        + " runs with LC_ALL=C.UTF-8; is that locale installed?); found " + System.getProperty("sun.jnu.encoding") + ")");
        String password = "pw-" + UUID.randomUUID();
        try (MinaServer server = MinaServer.start(home, password);
             FtpClient ftp = FtpClient.connect(HOST, server.port(), MinaServer.config())) {
            ftp.login(USER, password);
            assertEquals("/测试目录", ftp.mkd("测试目录"));
            assertTrue(Files.isDirectory(home.resolve("测试目录")));
            ftp.cwd("测试目录");
            assertEquals("/测试目录", ftp.pwd());
        }
    }
}
