package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.ftpdoctor.internal.protocol.ReplyDecoder;
import io.github.ftpdoctor.internal.protocol.ReplyReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chinese replies as real servers put them on the wire, read back by {@link ReplyReader} with automatic charset
 * detection, then classified. Pure-FTPd's Chinese builds compile the messages of src/messages_zh_cn.h (GB2312) or
 * src/messages_zh_tw.h (Big5) into the binary and send those bytes unchanged; ProFTPD's translations
 * (locale/zh_CN.po) are UTF-8.
 */
class ChineseWireTest {
    private static final Charset GB2312 = Charset.forName("GB2312");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset UTF8 = StandardCharsets.UTF_8;

    private static Reply read(byte[] wire) throws IOException {
        return new ReplyReader(new ByteArrayInputStream(wire), new ReplyDecoder(StandardCharsets.UTF_8, true)).read();
    }

    static Stream<Arguments> replies() {
        return Stream.of(
                // Pure-FTPd --with-language=simplified-chinese (jedisct1/pure-ftpd src/messages_zh_cn.h@158a095b6b)
                row("GB2312", 421, "CONNECT", "-", "50 使用者(最大值)已经登录，抱歉", Outcome.TooManyUsers),
                row("GB2312", 421, "CONNECT", "-", "太多连接 (3) 来自这个 IP", Outcome.PerIpSessionLimit),
                row("GB2312", 530, "USER", "anonymous", "这是私人系统 - 不开放匿名登录", Outcome.AnonymousDenied),
                row("GB2312", 530, "PASS", "bob", "验证失败，抱歉", Outcome.BadCredentialsOrUnknownUser),
                row("GB2312", 421, "PASS", "bob", "无法接受来自同一使用者超过 3 的连接数", Outcome.PerUserSessionLimit),
                row("GB2312", 421, "NOOP", "bob", "超时 - 下回试试敲键时速度快一点", Outcome.IdleTimeout),
                row("GB2312", 421, "NOOP", "bob", "超时 (已 1800 秒无操作)", Outcome.IdleTimeout),
                row("GB2312", 421, "RETR", "bob", "超时", Outcome.IdleTimeout),
                row("GB2312", 530, "CWD", "-", "您并未登录", Outcome.NotLoggedIn),
                // Pure-FTPd --with-language=traditional-chinese (jedisct1/pure-ftpd src/messages_zh_tw.h@158a095b6b)
                row("Big5", 421, "CONNECT", "-", "50 使用者(最大值)已經登入，抱歉", Outcome.TooManyUsers),
                row("Big5", 421, "CONNECT", "-", "太多連線 (3) 來自這個 IP", Outcome.PerIpSessionLimit),
                row("Big5", 530, "USER", "anonymous", "這是私用系統 - 不開放匿名登入", Outcome.AnonymousDenied),
                row("Big5", 530, "PASS", "bob", "驗證失敗，抱歉", Outcome.BadCredentialsOrUnknownUser),
                row("Big5", 421, "PASS", "bob", "無法接受來自同一使用者超過 3 的連線數", Outcome.PerUserSessionLimit),
                row("Big5", 421, "NOOP", "bob", "逾時 - 下回試試敲鍵時速度快一點", Outcome.IdleTimeout),
                row("Big5", 421, "NOOP", "bob", "逾時 (已 1800 秒無操作)", Outcome.IdleTimeout),
                row("Big5", 421, "RETR", "bob", "逾時", Outcome.IdleTimeout),
                row("Big5", 530, "CWD", "-", "您並未登入", Outcome.NotLoggedIn),
                // ProFTPD zh_CN translation, UTF-8 (proftpd/proftpd locale/zh_CN.po@4794c9b404)
                row("UTF-8", 530, "PASS", "bob", "登录不正确", Outcome.BadCredentialsOrUnknownUser),
                row("UTF-8", 530, "PASS", "anonymous", "登录不正确", Outcome.AnonymousDenied),
                row("UTF-8", 530, "CONNECT", "-", "访问被拒绝", Outcome.IpNotAllowed),
                row("UTF-8", 421, "NOOP", "bob", "空闲超时（600秒）：关闭控制连接", Outcome.IdleTimeout),
                row("UTF-8", 421, "USER", "bob", "登录超时（300秒）：关闭控制连接", Outcome.IdleTimeout),
                row("UTF-8", 421, "NOOP", "bob", "FTP服务器正在关闭 － 系统维护", Outcome.ServerShuttingDown),
                row("UTF-8", 500, "CONNECT", "-", "FTP服务器关闭（系统维护) -- 请稍后再试", Outcome.ServerShuttingDown),
                row("UTF-8", 550, "USER", "bob", "控制通道须使用SSL/TLS", Outcome.TlsRequired),
                row("UTF-8", 530, "CWD", "-", "请用用户名和密码登录", Outcome.NotLoggedIn));
    }

    private static Arguments row(String charset, int code, String after, String user, String text, Outcome expected) {
        return Arguments.of(charset, code, after, user, text, expected);
    }

    @ParameterizedTest(name = "{0}: {1} {4} after {2} -> {5}")
    @MethodSource("replies")
    void decodesAndClassifiesChineseReply(String charset, int code, String after, String user, String text,
            Outcome expected) throws IOException {
        Reply reply = read((code + " " + text + "\r\n").getBytes(Charset.forName(charset)));
        assertEquals(code, reply.code());
        assertEquals(text, reply.text(), charset);
        Boolean anonymous = user.equals("-") ? null : ExchangeContext.isAnonymousName(user);
        Diagnosis d = Classifier.standard().classify(reply, new ExchangeContext(after, anonymous));
        assertEquals(expected, d.outcome(), () -> charset + " " + text + ": " + d);
    }

    @Test
    void decodesPureFtpdSimplifiedChineseBannerLineByLine() throws IOException {
        List<String> lines = List.of(
                "220---------- 欢迎来到 Pure-FTPd [privsep] [TLS] ----------",
                "220-您是第 1 个使用者，最多可达 50 个连接",
                "220-现在本地时间是 23:39。服务器端口： 21。",
                "220-这是私人系统 - 不开放匿名登录",
                "220-这部主机也欢迎IPv6的连接",
                "220 在 15 分钟内没有活动，您被会断线。");
        Reply reply = read((String.join("\r\n", lines) + "\r\n").getBytes(GB2312));
        assertEquals(lines, reply.lines());
        assertEquals(Outcome.Success,
                Classifier.standard().classify(reply, new ExchangeContext(ExchangeContext.CONNECT, null)).outcome());
    }

    @Test
    void decodesPureFtpdTraditionalChineseBannerLineByLine() throws IOException {
        List<String> lines = List.of(
                "220---------- 歡迎來到 Pure-FTPd [privsep] [TLS] ----------",
                "220-您是第 1 個使用者，最多可達 50 個連線",
                "220-現在本地時間是 23:39 。伺服器埠口: 21。",
                "220-這是私用系統 - 不開放匿名登入",
                "220-這部主機也歡迎IPv6的連線",
                "220 在 15 分鐘內沒有活動，您被會斷線。");
        Reply reply = read((String.join("\r\n", lines) + "\r\n").getBytes(BIG5));
        assertEquals(lines, reply.lines());
        assertEquals(Outcome.Success,
                Classifier.standard().classify(reply, new ExchangeContext(ExchangeContext.CONNECT, null)).outcome());
    }

    @Test
    void readsTheFirstLineOfPureFtpdCleartextRefusal() throws IOException {
        // die(421, ..., MSG_TLS_NEEDED) prints "421 <line 1>\n<line 2>\r\n": the second line carries no code, so the
        // reply ends at the bare LF (src/ftpd.c die(), src/ftp_parser.c).
        byte[] wire = "421 抱歉，此服务器不接受明文式连接。\n请使用SSL/TLS的安全机制重新连接。\r\n".getBytes(GB2312);
        Reply reply = read(wire);
        assertEquals("抱歉，此服务器不接受明文式连接。", reply.text());
        assertEquals(Outcome.TlsRequired,
                Classifier.standard().classify(reply, new ExchangeContext("USER", false)).outcome());
    }

    @Test
    void decodesProftpdUtf8EvenWhenItIsValidGb18030Too() throws IOException {
        byte[] wire = "421 空闲超时（600秒）：关闭控制连接\r\n".getBytes(UTF8);
        assertEquals("空闲超时（600秒）：关闭控制连接", read(wire).text());
    }

    /**
     * Real Pure-FTPd zh_TW messages whose Big5 bytes are also valid GB18030: short, so the character-frequency
     * decision has little to go on (the whole corpus is in internal/protocol/HanziCorpusTest).
     */
    @ParameterizedTest(name = "Big5: {0}")
    @MethodSource("big5Misreads")
    void decodesShortBig5RepliesThatAreAlsoValidGb18030(String wire) throws IOException {
        assertEquals(wire.substring(4), read((wire + "\r\n").getBytes(BIG5)).text());
    }

    static Stream<String> big5Misreads() {
        return Stream.of(
                "522 僅支援IPv4與IPv6 (1,2)", // MSG_ONLY_IPV4V6, reply to EPRT with an unknown family
                "522 僅支援IPv4 (1)",         // MSG_ONLY_IPV4
                "503 遺失參數",               // MSG_MISSING_ARG, e.g. PROT without an argument
                "250 刪除 report.pdf");       // MSG_DELE_SUCCESS "刪除 %s%s%s%s"
    }
}
