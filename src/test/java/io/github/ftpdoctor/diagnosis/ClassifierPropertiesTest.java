package io.github.ftpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.testsupport.Fuzz;
import io.github.ftpdoctor.testsupport.Property;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Properties of {@link Classifier} that can fail: invariance under case, white space and width; masking of the
 * command's argument; phase discipline; the memo never changing an answer. At least 100,000 generated cases in all.
 * The generators are written here, independent of the production code: their own phrase list, their own width and
 * case changes, their own table of which command belongs to which phase.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClassifierPropertiesTest {
    private static final String SUBJECT = "Classifier";
    private static final Classifier MEMOIZED = Classifier.standard();
    private static final Classifier FRESH = new Classifier(Catalog.builtIn(), false);

    /** Reply texts as servers write them, and fragments of them. */
    private static final String[] PHRASES = {"Login incorrect.", "Too many users", "from your IP", "anonymous",
        "Permission denied", "No such file or directory", "Disk quota exceeded", "TLS", "not logged in", "530",
        "Sorry, no ANONYMOUS access allowed.", "Service not available.", "中文", "只允许", "连接数过多", "連線數過多",
        "There are too many connections from your internet address.", "Login failed: too many connections",
        "Zu viele Verbindungen von Ihrer IP-Adresse", "Trop de connexions", "Timeout.", "Goodbye.",
        "SSL/TLS required on the control channel", "Data connections must be encrypted.", "Could not create file.",
        "Failed to open file.", "Can't open data connection.", "Transfer aborted.", "session reuse required",
        "banned", "try again in 5 minutes", "Host 10.1.2.3 has been banned", "Benutzer", "接続", "사용자"};
    private static final String[] COMMANDS = {"CONNECT", "USER", "PASS", "ACCT", "AUTH", "PBSZ", "PROT", "CCC",
        "RETR", "STOR", "APPE", "STOU", "LIST", "NLST", "MLSD", "CWD", "PWD", "SIZE", "MDTM", "DELE", "RNFR", "RNTO",
        "MKD", "PASV", "EPSV", "PORT", "EPRT", "TYPE", "REST", "NOOP", "FEAT", "SITE", "QUIT"};
    /** The phases of the definition, written out here rather than read from the catalog. */
    private static final Map<String, Phase> PHASE_OF = Map.ofEntries(
            Map.entry("CONNECT", Phase.CONNECT), Map.entry("USER", Phase.LOGIN), Map.entry("PASS", Phase.LOGIN),
            Map.entry("ACCT", Phase.LOGIN), Map.entry("AUTH", Phase.TLS), Map.entry("PBSZ", Phase.TLS),
            Map.entry("PROT", Phase.TLS), Map.entry("CCC", Phase.TLS), Map.entry("RETR", Phase.TRANSFER),
            Map.entry("STOR", Phase.TRANSFER), Map.entry("APPE", Phase.TRANSFER), Map.entry("STOU", Phase.TRANSFER),
            Map.entry("LIST", Phase.TRANSFER), Map.entry("NLST", Phase.TRANSFER), Map.entry("MLSD", Phase.TRANSFER),
            Map.entry("QUIT", Phase.QUIT));
    private static final String[] SERVERS = {"vsftpd", "proftpd", "pure-ftpd", "filezilla", "iis", "serv-u", "mina", null};

    private static Phase phaseOf(String command) {
        return command == null ? null : PHASE_OF.getOrDefault(command, Phase.COMMAND);
    }

    static String text(Random r) {
        return r.nextBoolean() ? Fuzz.randomText(r, 200, PHRASES) : Fuzz.mutate(r, Fuzz.pick(r, PHRASES), 3, PHRASES);
    }

    static ExchangeContext context(Random r, String argument) {
        String command = r.nextInt(12) == 0 ? null : Fuzz.pick(r, COMMANDS);
        Boolean anonymous = r.nextInt(3) == 0 ? null : r.nextBoolean();
        return new ExchangeContext(command, anonymous, Fuzz.pick(r, SERVERS), r.nextInt(4) == 0 ? 1 : 0, argument);
    }

    private record Input(int code, String text, ExchangeContext context) {
        @Override
        public String toString() {
            return code + " " + Fuzz.show(text) + " after " + context.command() + " anonymous=" + context.anonymous()
                    + " server=" + context.server() + " failed=" + context.failedLogins() + " argument="
                    + Fuzz.show(context.argument());
        }
    }

    private static int code(Random r) {
        return r.nextInt(3) > 0 ? Fuzz.pick(r, new Integer[] {221, 421, 425, 426, 450, 451, 452, 500, 501, 502, 503,
            504, 521, 522, 530, 532, 533, 534, 550, 552, 553}) : 100 + r.nextInt(600);
    }

    private static Property.Shrinker<Input> shrinkText() {
        return in -> Fuzz.SHRINK_STRING.smaller(in.text()).stream().map(t -> new Input(in.code(), t, in.context())).toList();
    }

    /** Upper or lower case flipped at random, for letters whose case round-trips as one character. */
    static String flipCase(Random r, String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            char u = Character.toUpperCase(c);
            char l = Character.toLowerCase(c);
            boolean roundTrips = Character.toLowerCase(u) == l && Character.toUpperCase(l) == u
                    && String.valueOf(c).toUpperCase(java.util.Locale.ROOT).length() == 1;
            out.append(roundTrips && r.nextBoolean() ? (r.nextBoolean() ? u : l) : c);
        }
        return out.toString();
    }

    /** Each run of spaces replaced by one to three spaces, tabs or no-break spaces; lines padded at both ends. */
    static String respace(Random r, String s) {
        StringBuilder out = new StringBuilder();
        String[] lines = s.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(r.nextBoolean() ? " " : "");
            for (String word : lines[i].strip().split(" +", -1)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != '\n' && !word.isEmpty()) {
                    int n = 1 + r.nextInt(3);
                    for (int k = 0; k < n; k++) {
                        out.append(Fuzz.pick(r, new String[] {" ", "\t", "\u00A0", "\u3000"}));
                    }
                }
                out.append(word);
            }
            out.append(r.nextBoolean() ? "\t" : "");
        }
        return out.toString();
    }

    /** Printable ASCII turned into its full-width form (U+FF01..U+FF5E) at random. */
    static String widen(Random r, String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            out.append(c > 0x20 && c < 0x7F && r.nextBoolean() ? (char) (c - 0x21 + 0xFF01) : c);
        }
        return out.toString();
    }

    private static String single(String text) {
        return text.replaceAll("[ \t\u00A0\u3000]+", " ").strip();
    }

    @Test
    void sameAnswerWhateverTheCaseWhiteSpaceAndWidth() {
        Property.forAll(SUBJECT, "case, white space and width", r -> new Input(code(r), single(text(r)), context(r, null)))
                .seed(0xC1A_1001L).tries(30_000).shrinkWith(shrinkText())
                .check(in -> {
                    Diagnosis plain = FRESH.classify(Reply.of(in.code(), in.text()), in.context());
                    Random r = new Random(in.text().hashCode());
                    String varied = widen(r, respace(r, flipCase(r, in.text())));
                    Diagnosis d = FRESH.classify(Reply.of(in.code(), varied), in.context());
                    assertEquals(plain.ruleId(), d.ruleId(), () -> "varied: " + Fuzz.show(varied));
                    assertEquals(plain.outcome(), d.outcome());
                });
    }

    @Test
    void wordsInTheCommandsArgumentAreNotTheServers() {
        String[] words = {"banned", "quota", "denied", "anonymous", "timeout", "tls", "ssl", "busy", "home", "locked",
            "ip", "login", "incorrect", "too", "many", "connections", "user", "expired", "超时", "拒绝", "禁止"};
        String[] templates = {"%s: No such file or directory", "Could not open %s", "%s: Permission denied",
            "Opening BINARY mode data connection for %s (10 bytes).", "File %s unavailable.", "'%s': file exists",
            "Can't open %s", "Rename failed for %s", "%s is a directory"};
        Property.forAll(SUBJECT, "argument masked", r -> {
            StringBuilder name = new StringBuilder();
            for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                name.append(i > 0 ? Fuzz.pick(r, new String[] {"_", "-", " ", "."}) : "").append(Fuzz.pick(r, words));
            }
            String arg = (r.nextBoolean() ? "/pub/" : "") + name + (r.nextBoolean() ? ".txt" : "");
            String command = Fuzz.pick(r, new String[] {"RETR", "STOR", "DELE", "CWD", "SIZE", "MDTM", "RNFR", "MKD"});
            return new Input(Fuzz.pick(r, new Integer[] {150, 450, 550, 553, 451}), Fuzz.pick(r, templates),
                    new ExchangeContext(command, null, Fuzz.pick(r, SERVERS), 0, arg));
        }).seed(0xC1A_1002L).tries(20_000).check(in -> {
            String arg = in.context().argument();
            String shown = arg.substring(arg.lastIndexOf('/') + 1);
            Diagnosis withWords = FRESH.classify(Reply.of(in.code(), in.text().replace("%s", shown)), in.context());
            ExchangeContext neutral = in.context().withArgument("/pub/x.bin");
            Diagnosis neutralName = FRESH.classify(Reply.of(in.code(), in.text().replace("%s", "x.bin")), neutral);
            assertEquals(neutralName.outcome(), withWords.outcome(), () -> "argument " + Fuzz.show(arg));
            assertEquals(neutralName.ruleId(), withWords.ruleId());
        });
    }

    @Test
    void neverAnOutcomeOutsideThePhaseOfTheCommandAnswered() {
        // the examples: a transfer's 425/426/522/550 is never a login, address-deny or server-capacity outcome
        Set<Outcome> neverOnATransfer = Set.of(Outcome.BadCredentialsOrUnknownUser, Outcome.AnonymousDenied,
                Outcome.UserNotAllowed, Outcome.AccountDisabled, Outcome.IpNotAllowed, Outcome.LikelyBanned,
                Outcome.TooManyUsers, Outcome.PerIpSessionLimit, Outcome.PerUserSessionLimit);
        Property.forAll(SUBJECT, "phase", r -> new Input(code(r), text(r), context(r, null)))
                .seed(0xC1A_1003L).tries(30_000).shrinkWith(shrinkText())
                .check(in -> {
                    Diagnosis d = MEMOIZED.classify(Reply.of(in.code(), in.text()), in.context());
                    Phase phase = phaseOf(in.context().command());
                    assertEquals(phase, d.phase());
                    OutcomeDefinition def = Catalog.builtIn().definition(d.outcome());
                    assertTrue(phase == null || def.phases().contains(phase),
                            () -> d.outcome() + " in phase " + phase + " by " + d.ruleId());
                    if (phase == Phase.TRANSFER && Set.of(425, 426, 522, 550).contains(in.code())) {
                        assertTrue(!neverOnATransfer.contains(d.outcome()), () -> d.outcome() + " by " + d.ruleId());
                    }
                    if (in.code() == 221 && phase != null && phase != Phase.QUIT) {
                        assertNotEquals(Outcome.Success, d.outcome());
                        assertTrue(d.isFailure(), d::toString);
                    }
                });
    }

    @Test
    void theMemoNeverChangesAnAnswer() {
        String[] repeated = new String[64];
        Random seedRandom = new Random(7);
        for (int i = 0; i < repeated.length; i++) {
            repeated[i] = text(seedRandom);
        }
        Property.forAll(SUBJECT, "fresh vs memoized", r -> new Input(code(r),
                        r.nextBoolean() ? Fuzz.pick(r, repeated) : text(r), context(r, r.nextBoolean() ? null : "f.txt")))
                .seed(0xC1A_1004L).tries(30_000).shrinkWith(shrinkText())
                .check(in -> {
                    Reply reply = Reply.of(in.code(), in.text());
                    Diagnosis memo = MEMOIZED.classify(reply, in.context());
                    Diagnosis fresh = FRESH.classify(reply, in.context());
                    assertSame(reply, memo.reply());
                    assertEquals(fresh.ruleId(), memo.ruleId());
                    assertEquals(fresh.outcome(), memo.outcome());
                    assertEquals(fresh.alternatives(), memo.alternatives());
                    assertTrue(memo.rule().codes().isEmpty() || memo.rule().coversCode(in.code()), memo::ruleId);
                    assertNotNull(memo.summary());
                });
    }

    @Test
    void everyEventGetsADiagnosisOfThatEvent() {
        Property.forAll(SUBJECT, "random events", r -> new Object[] {Fuzz.pick(r, TransportEvent.values()),
                r.nextInt(10) == 0 ? null : context(r, null), r.nextBoolean() ? null : text(r),
                r.nextBoolean() ? null : Reply.of(100 + r.nextInt(600), text(r))})
                .seed(0xC1A_0002L).tries(10_000).showWith(o -> List.of(o).toString())
                .check(o -> {
                    TransportEvent e = (TransportEvent) o[0];
                    Diagnosis d = MEMOIZED.classify(e, (ExchangeContext) o[1], (String) o[2], (Reply) o[3]);
                    assertEquals(e, d.event());
                    assertEquals(e, d.rule().event());
                    assertNotNull(d.outcome());
                });
    }
}
