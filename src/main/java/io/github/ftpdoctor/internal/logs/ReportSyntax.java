package io.github.ftpdoctor.internal.logs;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This project's own report, as {@code probe}, {@code get}, {@code put} and {@code explain} print it in English or
 * Chinese: a block of {@code Label: value} fields, then {@code Transcript:} and the indented transcript. Only the
 * fields {@code Target} (the login name), {@code Greeting}, {@code Reply}, {@code After} and {@code Event} are kept;
 * the report's explanations are never evidence. Holds the state of one report; not thread-safe.
 */
final class ReportSyntax {
    /** A field of the report: its key ({@code reply}, {@code after}, ...; {@code reply+} continues a reply). */
    record Field(String key, String value) {
    }

    private static final Pattern FIELD = Pattern.compile("^([^:：]{1,20})[:：]\\s*(.*)$");
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("Target", "target"), Map.entry("目标", "target"),
            Map.entry("Greeting", "greeting"), Map.entry("欢迎信息", "greeting"),
            Map.entry("Outcome", "outcome"), Map.entry("结论", "outcome"),
            Map.entry("Reply", "reply"), Map.entry("服务器应答", "reply"),
            Map.entry("After", "after"), Map.entry("所答命令", "after"),
            Map.entry("Event", "event"), Map.entry("连接事件", "event"),
            Map.entry("Or perhaps", "other"), Map.entry("其他可能", "other"),
            Map.entry("Server", "other"), Map.entry("服务器", "other"),
            Map.entry("Code means", "other"), Map.entry("代码含义", "other"),
            Map.entry("Explanation", "other"), Map.entry("说明", "other"),
            Map.entry("Advice", "other"), Map.entry("建议", "other"),
            Map.entry("Retry", "other"), Map.entry("重试", "other"),
            Map.entry("Rule", "other"), Map.entry("规则", "other"),
            Map.entry("PWD", "other"), Map.entry("当前目录", "other"),
            Map.entry("Features", "other"), Map.entry("服务器特性", "other"),
            Map.entry("Bytes", "other"), Map.entry("字节数", "other"),
            Map.entry("Local", "other"), Map.entry("Exception", "other"), Map.entry("异常类型", "other"),
            Map.entry("Transcript", "transcript"), Map.entry("会话记录", "transcript"));

    private enum Mode { NONE, HEADER, TRANSCRIPT }

    private Mode mode = Mode.NONE;
    private String lastKey;

    /**
     * The report field this line is, or null when the line is no part of a report's header (then it is read as an
     * ordinary line; in a report's transcript section, with this project's format).
     */
    Field read(String raw, boolean indented) {
        String line = raw.strip();
        if (mode == Mode.TRANSCRIPT) {
            if (line.isEmpty() || indented) {
                return null;
            }
            mode = Mode.NONE;
        }
        if (mode == Mode.HEADER && indented && "reply".equals(lastKey) && !line.isEmpty()) {
            return new Field("reply+", line);
        }
        if (mode == Mode.NONE && !(line.startsWith("Target") || line.startsWith("Outcome") || line.startsWith("目标")
                || line.startsWith("结论"))) {
            return null;
        }
        Matcher m = FIELD.matcher(line);
        String key = m.matches() ? LABELS.get(m.group(1).strip()) : null;
        if (mode == Mode.NONE) {
            if (!"target".equals(key) && !"outcome".equals(key)) {
                return null;
            }
            mode = Mode.HEADER;
        } else if (key == null) {
            if (line.isEmpty()) {
                return new Field("blank", "");
            }
            mode = Mode.NONE;
            return null;
        }
        lastKey = key;
        if ("transcript".equals(key)) {
            mode = Mode.TRANSCRIPT;
        }
        return new Field(key, m.group(2).strip());
    }

    /** Whether the line being read belongs to a report's transcript section. */
    boolean inTranscript() {
        return mode == Mode.TRANSCRIPT;
    }
}
