package io.github.ftpdoctor.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.FtpEntry;
import io.github.ftpdoctor.diagnosis.Outcome;
import io.github.ftpdoctor.error.FtpFileException;
import io.github.ftpdoctor.testsupport.Requirements;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mockftpserver.core.command.CommandHandler;
import org.mockftpserver.core.session.DefaultSession;
import org.mockftpserver.core.session.Session;
import org.mockftpserver.fake.FakeFtpServer;
import org.mockftpserver.fake.UserAccount;
import org.mockftpserver.fake.filesystem.DirectoryEntry;
import org.mockftpserver.fake.filesystem.FileEntry;
import org.mockftpserver.fake.filesystem.FileSystemEntry;
import org.mockftpserver.fake.filesystem.UnixFakeFileSystem;

/**
 * MockFtpServer's FakeFtpServer (UnixFakeFileSystem) as a legacy GBK server. FakeFtpServer 3.2.0 has no encoding
 * setting: its control connection uses the JVM's default charset and its LIST handler sends
 * {@code String.getBytes()} with {@code String.length()} as the byte count, which cuts non-ASCII listings short. So
 * the control socket is wrapped to transcode GBK on the wire, and LIST is replaced by a handler that sends GBK.
 * Everything is bound to 127.0.0.1. Because the server decodes with the JVM's default charset, this class runs in
 * the surefire execution {@code utf8-jvm} (tag), whose JVM sets {@code -Dfile.encoding=UTF-8} itself under any locale;
 * the client never uses the default charset.
 */
@Tag("utf8-jvm")
@Timeout(30)
class FakeFtpServerGbkTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final FtpConfig CONFIG = FtpConfig.builder().controlEncoding(GBK)
            .connectTimeout(Duration.ofSeconds(2)).replyTimeout(Duration.ofSeconds(5))
            .dataConnectTimeout(Duration.ofSeconds(2)).dataTimeout(Duration.ofSeconds(5)).build();
    private static final byte[] CONTENT = "内容 content\r\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path local;
    private UnixFakeFileSystem fs;
    private GbkFakeFtpServer server;

    @BeforeEach
    void start() {
        Requirements.require(Charset.defaultCharset().newEncoder().canEncode("测试"),
                "a default charset that encodes Chinese for FakeFtpServer (-Dfile.encoding=UTF-8, set by the utf8-jvm"
                        + " surefire execution in pom.xml); found " + Charset.defaultCharset());
        fs = new UnixFakeFileSystem();
        fs.add(new DirectoryEntry("/"));
        FileEntry file = new FileEntry("/测试.txt");
        file.setContents(CONTENT);
        file.setLastModified(Date.from(java.time.Instant.parse("2021-03-04T05:06:00Z")));
        fs.add(file);
        fs.add(new DirectoryEntry("/中文目录"));
        server = new GbkFakeFtpServer();
        server.setServerControlPort(0);
        server.addUserAccount(new UserAccount("user", "secret", "/"));
        server.setFileSystem(fs);
        server.setCommandHandler("LIST", gbkList());
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private CommandHandler gbkList() {
        return (command, session) -> {
            List<String> lines = new ArrayList<>();
            for (Object entry : fs.listFiles("/")) {
                lines.add(fs.formatDirectoryListing((FileSystemEntry) entry));
            }
            byte[] data = (String.join("\r\n", lines) + "\r\n").getBytes(GBK);
            session.sendReply(150, "Here comes the directory listing.");
            session.openDataConnection();
            session.sendData(data, data.length);
            session.closeDataConnection();
            session.sendReply(226, "Directory send OK.");
        };
    }

    @Test
    void listsDownloadsAndUploadsChineseNamesInGbk() throws Exception {
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.getServerControlPort(), CONFIG)) {
            ftp.login("user", "secret");
            List<FtpEntry> entries = ftp.list(null);
            assertEquals(2, entries.size(), entries::toString);
            FtpEntry file = entries.stream().filter(e -> e.type() == FtpEntry.Type.FILE).findFirst().orElseThrow();
            assertEquals("测试.txt", file.name(), file::raw);
            assertEquals(CONTENT.length, file.size().orElseThrow(), file::raw);
            FtpEntry dir = entries.stream().filter(e -> e.type() == FtpEntry.Type.DIR).findFirst().orElseThrow();
            assertEquals("中文目录", dir.name(), dir::raw);

            assertEquals(CONTENT.length, ftp.size("测试.txt"));
            Path target = local.resolve("测试.txt");
            assertEquals(CONTENT.length, ftp.download("测试.txt", target));
            assertArrayEquals(CONTENT, Files.readAllBytes(target));

            ftp.store("上传.txt", new ByteArrayInputStream(CONTENT));
            assertTrue(fs.exists("/上传.txt"), () -> fs.listNames("/").toString());

            ftp.cwd("中文目录");
            assertEquals("/中文目录", ftp.pwd());
            FtpFileException e = assertThrows(FtpFileException.class, () -> ftp.download("不存在.txt",
                    local.resolve("x")));
            assertEquals(Outcome.FileNotFound, e.diagnosis().outcome(), e::toString);
            assertTrue(e.diagnosis().reply().text().contains("/中文目录/不存在.txt"), e.diagnosis().reply()::text);
        }
    }

    /** FakeFtpServer on 127.0.0.1 only, with GBK on the wire of the control connection. */
    private static final class GbkFakeFtpServer extends FakeFtpServer {
        GbkFakeFtpServer() {
            serverSocketFactory = port -> new ServerSocket(port, 8, InetAddress.getByName("127.0.0.1"));
        }

        @Override
        protected Session createSession(Socket socket) {
            Session session = super.createSession(new GbkSocket(socket));
            try {
                java.lang.reflect.Field f = DefaultSession.class.getDeclaredField("serverSocketFactory");
                f.setAccessible(true); // passive listeners on 127.0.0.1 too
                f.set(session, serverSocketFactory);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            return session;
        }
    }

    /** A control socket whose streams turn GBK lines into the default charset and back. */
    private static final class GbkSocket extends Socket {
        private final Socket raw;

        GbkSocket(Socket raw) {
            this.raw = raw;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            InputStream in = raw.getInputStream();
            return new InputStream() {
                private byte[] buf = new byte[0];
                private int pos;

                private boolean fill() throws IOException {
                    ByteArrayOutputStream line = new ByteArrayOutputStream();
                    int b;
                    while ((b = in.read()) >= 0) {
                        line.write(b);
                        if (b == '\n') {
                            break;
                        }
                    }
                    buf = new String(line.toByteArray(), GBK).getBytes(Charset.defaultCharset());
                    pos = 0;
                    return buf.length > 0;
                }

                @Override
                public int read() throws IOException {
                    return pos < buf.length || fill() ? buf[pos++] & 0xFF : -1;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (pos >= buf.length && !fill()) {
                        return -1;
                    }
                    int n = Math.min(len, buf.length - pos);
                    System.arraycopy(buf, pos, b, off, n);
                    pos += n;
                    return n;
                }

                @Override
                public int available() throws IOException {
                    return buf.length - pos + in.available();
                }
            };
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            OutputStream out = raw.getOutputStream();
            return new OutputStream() {
                private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

                @Override
                public void write(int b) {
                    pending.write(b);
                }

                @Override
                public void flush() throws IOException {
                    out.write(new String(pending.toByteArray(), Charset.defaultCharset()).getBytes(GBK));
                    pending.reset();
                    out.flush();
                }
            };
        }

        @Override
        public InetAddress getInetAddress() {
            return raw.getInetAddress();
        }

        @Override
        public InetAddress getLocalAddress() {
            return raw.getLocalAddress();
        }

        @Override
        public int getPort() {
            return raw.getPort();
        }

        @Override
        public int getLocalPort() {
            return raw.getLocalPort();
        }

        @Override
        public boolean isClosed() {
            return raw.isClosed();
        }

        @Override
        public synchronized void close() throws IOException {
            raw.close();
        }
    }
}
