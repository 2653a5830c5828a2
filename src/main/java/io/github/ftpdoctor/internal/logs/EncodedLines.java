package io.github.ftpdoctor.internal.logs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Lines whose words are encoded, decoded before they are read, one line for one line so that line numbers hold:
 * <ul>
 * <li>a structured log line, one JSON object per line (rclone's {@code --use-json-log}, Go's {@code log/slog},
 * logrus, zap, Bunyan/pino, Logstash): its message and error fields ({@code msg}, {@code message}, {@code error},
 * {@code err}, {@code @message}) joined by {@code ": "}, after the reply code when a field holds one ({@code "code": 421},
 * as node-ftp's error objects do);</li>
 * <li>a reply kept as bytes and printed as a list of numbers, as Rust's {@code Debug} prints a {@code Vec<u8>}
 * (suppaftp's {@code Response { status: NotLoggedIn, body: [53, 51, 48, 32, ...] }}): the list becomes the quoted
 * text, line end removed, when the bytes are UTF-8 and printable.</li>
 * </ul>
 * Bounded: lines longer than {@value #MAX_LINE} characters are left as they are.
 */
final class EncodedLines {
    static final int MAX_LINE = 8192;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final String[] MESSAGE_FIELDS = {"msg", "message", "@message", "MESSAGE"};
    private static final String[] ERROR_FIELDS = {"error", "err", "exception", "error.message"};
    /** A reply code kept beside the message (node-ftp's errors carry the reply's code as {@code code}). */
    private static final String[] CODE_FIELDS = {"code", "replyCode", "responseCode", "ftpCode"};
    private static final Pattern CUT_MESSAGE = Pattern.compile("^\\{\\s*\"(?:msg|message)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){1,2000})\"");
    private static final Pattern CUT_CODE = Pattern.compile("\"(?:code|replyCode|responseCode)\"\\s*:\\s*([1-5]\\d\\d)\\b");
    /** An Erlang or Elixir error tuple: {@code {:error, :timeout}}, {@code {error,econnrefused}}. */
    private static final Pattern ERLANG_ERROR = Pattern.compile("^\\{:?error,\\s*:?([a-z_]{2,40})\\}$");
    /** At least four byte values: a reply has a code and a space. */
    private static final Pattern BYTES = Pattern.compile("\\[(\\d{1,3}(?:, ?\\d{1,3}){3,})\\]");

    private EncodedLines() {
    }

    /** The line with its encoded words decoded, or the line itself. */
    static String decode(String line) {
        if (line.length() > MAX_LINE) {
            return line;
        }
        String s = line.strip();
        Matcher tuple = s.startsWith("{") ? ERLANG_ERROR.matcher(s) : null;
        if (tuple != null && tuple.matches()) { // Erlang/Elixir: {:error, :timeout}, {error,econnrefused}
            return "Error: {:error, :" + tuple.group(1) + "}";
        }
        if (s.length() > 2 && s.charAt(0) == '{') {
            String text = s.charAt(s.length() - 1) == '}' ? json(s) : null;
            text = text == null ? cutJson(s) : text;
            if (text != null) {
                return text;
            }
        }
        return line.indexOf(", ") > 0 || line.indexOf(',') > 0 ? bytes(line) : line;
    }

    /** The message of a one-line JSON object, or null when it is no such object or has no message. */
    private static String json(String s) {
        String message = null;
        String error = null;
        int code = 0;
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), s)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                    p.skipChildren();
                } else if (v == JsonToken.VALUE_NUMBER_INT && oneOf(name, CODE_FIELDS)) {
                    int n = p.getIntValue();
                    code = n >= 100 && n <= 599 ? n : code;
                } else if (v == JsonToken.VALUE_STRING) {
                    if (message == null && oneOf(name, MESSAGE_FIELDS)) {
                        message = p.getString();
                    } else if (error == null && oneOf(name, ERROR_FIELDS)) {
                        error = p.getString();
                    }
                }
            }
        } catch (JacksonException e) {
            return null; // not JSON after all: read as written
        }
        if (message == null && error == null) {
            return null;
        }
        String text = message == null ? error
                : error == null || message.contains(error) ? message : message + ": " + error;
        text = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').strip();
        // node-ftp's error object: {"message": "There are too many ...", "code": 421}: the reply is its code and text
        return code != 0 && !text.contains(String.valueOf(code)) ? "Error: " + code + " " + text : text;
    }

    /**
     * A JSON log line cut short, as pastes often are: its message field and a reply code field read where they
     * stand, or null.
     */
    private static String cutJson(String s) {
        Matcher m = CUT_MESSAGE.matcher(s);
        if (!m.find()) {
            return null;
        }
        String text = m.group(1).replace("\\n", " ").replace("\\\"", "\"").strip();
        Matcher c = CUT_CODE.matcher(s);
        String code = c.find() ? c.group(1) : null;
        return code != null && !text.contains(code) ? "Error: " + code + " " + text : text;
    }

    private static boolean oneOf(String name, String[] names) {
        for (String n : names) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String bytes(String line) {
        Matcher m = BYTES.matcher(line);
        if (!m.find()) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int last = 0;
        do {
            String text = text(m.group(1));
            if (text != null) {
                out.append(line, last, m.start()).append('"').append(text).append('"');
                last = m.end();
            }
        } while (m.find());
        return last == 0 ? line : out.append(line, last, line.length()).toString();
    }

    /** The bytes as UTF-8 text without its line end, or null when they are no printable text. */
    private static String text(String list) {
        String[] values = list.split(", ?");
        ByteBuffer bytes = ByteBuffer.allocate(values.length);
        for (String v : values) {
            int b = Integer.parseInt(v);
            if (b > 255 || b < 0x20 && b != '\r' && b != '\n' && b != '\t') {
                return null;
            }
            bytes.put((byte) b);
        }
        bytes.flip();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            text = text.strip();
            return text.isEmpty() || text.indexOf('"') >= 0 ? null : text.replace("\r\n", " ").replace('\n', ' ');
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
