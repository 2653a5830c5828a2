package io.github.ftpdoctor.cli.demo;

import io.github.ftpdoctor.FtpClient;
import io.github.ftpdoctor.FtpConfig;
import io.github.ftpdoctor.diagnosis.Text;
import io.github.ftpdoctor.error.FtpException;
import io.github.ftpdoctor.internal.protocol.HostHistory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The eight situations of the seed document (a field guide to Serv-U replies), each reproduced on loopback with
 * the server's exact words, and the client action that meets it.
 */
public final class SeedSituations {
    /** The seed's Serv-U greeting. */
    public static final String SERV_U_GREETING = "220 Serv-U FTP Server v4.0 for WinSock ready...";
    private static final String LOOPBACK = InetAddress.getLoopbackAddress().getHostAddress();

    /** A client action against a prepared server; returns the exception it ended with, or null on success. */
    @FunctionalInterface
    interface Action {
        void run(FtpConfig config) throws IOException;
    }

    /**
     * One situation.
     *
     * @param number the seed's number, 1 to 8
     * @param title  what the seed says it is
     */
    public record Situation(int number, Text title, Action action) {
        /** Runs the situation; returns the client's exception, or null if the client succeeded. */
        public FtpException run(FtpConfig config) throws IOException {
            HostHistory.clear(); // each situation stands for a different host: no ban history carries over
            try {
                action.run(config);
                return null;
            } catch (FtpException e) {
                return e;
            }
        }
    }

    private SeedSituations() {
    }

    public static List<Situation> all() {
        return List.of(
                new Situation(1, new Text("Anonymous login not allowed", "不许匿名登录"), cfg ->
                        scripted(Map.of("USER", "530 Sorry, no ANONYMOUS access allowed."),
                                port -> login(cfg, port, "anonymous", "guest@"))),
                new Situation(2, new Text("Wrong password, or no such user", "密码错误(或帐号不存在)"), cfg ->
                        scripted(Map.of("USER", "331 User name okay, need password.", "PASS", "530 Not logged in."),
                                port -> login(cfg, port, "test", "xxxxxx"))),
                new Situation(3, new Text("Host is off or out of reach: connection timed out", "对方未开机或不可达:连接超时"),
                        cfg -> {
                            try (SilentHost silent = SilentHost.start()) {
                                FtpClient.connect(LOOPBACK, silent.port(), cfg).close();
                            }
                        }),
                new Situation(4, new Text("Host is up but no FTP service: connection refused", "对方已开机但未开 FTP 服务:连接被拒绝"),
                        cfg -> FtpClient.connect(LOOPBACK, closedPort(), cfg).close()),
                new Situation(5, new Text("Connected, then dropped before any greeting: likely banned", "连上后未见欢迎信息就被断开:多半被 Ban 了"),
                        cfg -> {
                            try (ScriptedServer server = ScriptedServer.start(null, Map.of())) {
                                FtpClient.connect(LOOPBACK, server.port(), cfg).close();
                            }
                        }),
                new Situation(6, new Text("Your IP is not on the allow list", "你的 IP 不在允许访问的范围内"), cfg ->
                        scripted(Map.of("USER", "331 User name okay, need password",
                                        "PASS", "530 Not logged in, unauthorized IP address."),
                                port -> login(cfg, port, "XXX", "xxxxxx"))),
                new Situation(7, new Text("Too many users", "用户太多"), cfg ->
                        scripted(Map.of("USER", "421 Too many users - please try again later."),
                                port -> login(cfg, port, "user", "xxxxxx"))),
                new Situation(8, new Text("Only one session per IP address at a time", "每个 IP 同时只允许一个会话"), cfg ->
                        scripted(Map.of("USER", "530 Not logged in, only one session from same IP allowed at a time."),
                                port -> login(cfg, port, "test", "xxxxxx"))));
    }

    @FunctionalInterface
    private interface PortAction {
        void run(int port) throws IOException;
    }

    private static void scripted(Map<String, String> replies, PortAction action) throws IOException {
        try (ScriptedServer server = ScriptedServer.start(SERV_U_GREETING, replies)) {
            action.run(server.port());
        }
    }

    private static void login(FtpConfig cfg, int port, String user, String password) throws IOException {
        try (FtpClient ftp = FtpClient.connect(LOOPBACK, port, cfg)) {
            ftp.login(user, password);
        }
    }

    /** A loopback port with nothing listening: bound, then released. */
    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The configuration the demo uses: short timeouts so the timed-out situation takes seconds, not minutes. */
    public static FtpConfig demoConfig() {
        return FtpConfig.builder().connectTimeout(Duration.ofSeconds(2)).replyTimeout(Duration.ofSeconds(5)).build();
    }
}
