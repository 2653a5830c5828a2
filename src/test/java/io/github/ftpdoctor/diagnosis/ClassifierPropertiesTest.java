package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.Fuzz;
import io.github.ftpdoctor.testsupport.Property;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Classifier} on random replies, events and contexts (commands, arguments, servers, login history): always
 * a diagnosis, never an exception, and the same diagnosis when asked again (the memo changes nothing).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClassifierPropertiesTest {
    private static final String SUBJECT = "Classifier";
    private static final Classifier CLASSIFIER = Classifier.standard();
    private static final String[] PHRASES = {"Login incorrect.", "Too many users", "from your IP", "anonymous",
        "Permission denied", "No such file or directory", "Disk quota exceeded", "TLS", "not logged in", "530",
        "Sorry, no ANONYMOUS access allowed.", "Service not available.", "中文", "只允许", "连接数过多"};
    private static final String[] COMMANDS = {"USER", "PASS", "RETR", "STOR", "LIST", "CWD", "PASV", "EPSV",
        "CONNECT", "AUTH", "QUIT", "user", " retr ", "", "X-UNKNOWN"};
    private static final String[] SERVERS = {"vsftpd", "proftpd", "pure-ftpd", "filezilla", "iis", "serv-u",
        "unknown", " VSFTPD ", "nope", ""};

    /** A random context: any field may be missing, odd or hostile. */
    static ExchangeContext context(Random r) {
        if (r.nextInt(10) == 0) {
            return null;
        }
        String command = r.nextInt(5) == 0 ? Fuzz.randomText(r, 12) : Fuzz.pick(r, COMMANDS);
        Boolean anonymous = r.nextInt(3) == 0 ? null : r.nextBoolean();
        String server = r.nextInt(3) == 0 ? null : r.nextInt(5) == 0 ? Fuzz.randomText(r, 10) : Fuzz.pick(r, SERVERS);
        String argument = r.nextBoolean() ? null : Fuzz.randomText(r, 30, "/pub/file.txt", "file.txt", "/", " ", "\u0001");
        return new ExchangeContext(command, anonymous, server, r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(3), argument);
    }

    static String text(Random r) {
        String t = r.nextBoolean() ? Fuzz.randomText(r, 300, PHRASES) : Fuzz.mutate(r, Fuzz.pick(r, PHRASES), 3, PHRASES);
        return r.nextInt(200) == 0 ? t.repeat(1 + 20_000 / (t.length() + 1)) : t;
    }

    private record Input(int code, String text, ExchangeContext context) {
        @Override
        public String toString() {
            return code + " " + Fuzz.show(text) + " in " + (context == null ? "null" : Fuzz.show(context.command()) + " "
                    + context.anonymous() + " " + Fuzz.show(context.server()) + " " + context.failedLogins() + " "
                    + Fuzz.show(context.argument()));
        }
    }

    @Test
    void everyReplyGetsADiagnosis() {
        Property.forAll(SUBJECT, "random replies", r -> new Input(100 + r.nextInt(600), text(r), context(r)))
                .seed(0xC1A_0001L).tries(30_000)
                .shrinkWith(in -> Fuzz.SHRINK_STRING.smaller(in.text()).stream()
                        .map(t -> new Input(in.code(), t, in.context())).toList())
                .check(in -> {
                    Reply reply = Reply.of(in.code(), in.text());
                    Diagnosis d = CLASSIFIER.classify(reply, in.context());
                    assertNotNull(d.outcome());
                    assertNotNull(d.rule());
                    assertSame(reply, d.reply());
                    assertTrue(d.rule().codes().isEmpty() || d.rule().coversCode(in.code()), d::ruleId);
                    assertNotNull(d.summary());
                    assertNotNull(d.toString());
                    Diagnosis again = CLASSIFIER.classify(reply, in.context());
                    assertEquals(d.ruleId(), again.ruleId());
                    assertEquals(d.alternatives(), again.alternatives());
                });
    }

    @Test
    void everyEventGetsADiagnosis() {
        Property.forAll(SUBJECT, "random events", r -> new Object[] {Fuzz.pick(r, TransportEvent.values()), context(r),
                r.nextBoolean() ? null : text(r), r.nextBoolean() ? null : Reply.of(100 + r.nextInt(600), text(r))})
                .seed(0xC1A_0002L).tries(20_000).showWith(o -> List.of(o).toString())
                .check(o -> {
                    TransportEvent e = (TransportEvent) o[0];
                    Diagnosis d = CLASSIFIER.classify(e, (ExchangeContext) o[1], (String) o[2], (Reply) o[3]);
                    assertEquals(e, d.event());
                    assertEquals(e, d.rule().event());
                    assertNotNull(d.outcome());
                    assertNotNull(d.toString());
                });
    }
}
