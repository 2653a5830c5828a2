package io.github.ftpdoctor.internal.logs;

import io.github.ftpdoctor.internal.logs.LogLine.Kind;
import io.github.ftpdoctor.internal.logs.LogLine.Side;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fallback of {@link LineReader}: a command or a reply found inside a line of some other text. */
final class EmbeddedLines {
    /**
     * The separators after which the fallback looks for a command or a reply inside other text: a closing bracket
     * or an arrow, not a colon ({@code Login failed: 530 ...} is a client's message, not a reply), except after
     * the word response ({@code FTPException: Connection refused. (Response: 502 Command not implemented.)}).
     */
    private static final Pattern EMBEDDED = Pattern.compile(
            "(?:[\\])>]:?|<-+|-+>|\\b(?:[Rr]esponse|RESPONSE)\\s*:)\\s*(?:[<>]\\s*)?");

    /**
     * A reply quoted as a string inside other text, as a program's debug output prints a field
     * ({@code Response { status: NotLoggedIn, body: "530 Login incorrect." }}, {@code reply='550 No such file'}).
     */
    private static final Pattern QUOTED_REPLY = Pattern.compile(
            "(?<![\\w\\\\])([\"'])([1-5]\\d\\d[ -][^\"'\\\\]{2,300}?)(?:\\\\r)?(?:\\\\n)?\\1");

    /** The fallback looks no further than this many separators, in lines no longer than this. */
    private static final int MAX_EMBEDDED_TRIES = 16;
    private static final int MAX_EMBEDDED_LINE = 2048;

    private EmbeddedLines() {
    }

    /**
     * The fallback: a command or a reply inside some other text, after a separator ({@code ]}, {@code )},
     * {@code >}, an arrow), as in {@code I/flutter (13572): [12:42:48.553] < 220 Microsoft FTP Service}.
     */
    static LogLine read(String t, boolean indented) {
        if (t.length() > MAX_EMBEDDED_LINE || t.indexOf(']') < 0 && t.indexOf(')') < 0 && t.indexOf('>') < 0) {
            return LogLine.of(Kind.OTHER, Side.PLAIN, Format.PLAIN, t, indented);
        }
        if (Messages.isCode(t)) {
            return LogLine.of(Kind.CODE, Side.PLAIN, Format.PLAIN, null, indented);
        }
        Matcher m = EMBEDDED.matcher(t);
        for (int tries = 0; tries < MAX_EMBEDDED_TRIES && m.find(); tries++) {
            int at = m.end();
            if (at >= t.length()) {
                break;
            }
            Matcher r = LineReader.REPLY_LINE.matcher(t).region(at, t.length());
            if (r.matches() && t.length() - at > 4) {
                return new LogLine(Kind.REPLY, Side.SERVER, Format.EMBEDDED, t.substring(at).strip(),
                        Integer.parseInt(r.group(1)), null, null, null, null, indented);
            }
            Matcher c = LineReader.COMMAND_LINE.matcher(t).region(at, t.length());
            if (c.matches() && ClientPhrases.KNOWN_VERBS.contains(c.group(1))) {
                return LineReader.command(Side.CLIENT, Format.EMBEDDED, t.substring(at).strip(), true, indented);
            }
        }
        Matcher q = QUOTED_REPLY.matcher(t);
        if (q.find()) {
            String reply = q.group(2).strip();
            return new LogLine(Kind.REPLY, Side.SERVER, Format.EMBEDDED, reply, Integer.parseInt(reply.substring(0, 3)),
                    null, null, null, null, indented);
        }
        return LogLine.of(Kind.OTHER, Side.PLAIN, Format.PLAIN, t, indented);
    }
}
