package io.github.ftpdoctor.cli;

import io.github.ftpdoctor.diagnosis.Diagnosis;
import io.github.ftpdoctor.diagnosis.RetryAdvice;
import io.github.ftpdoctor.diagnosis.Text;
import java.io.PrintStream;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prints diagnoses for people (in English or Chinese) or as one JSON object per line. JSON is built as a tree
 * ({@link JsonNodeFactory}) and written with the streaming generator: no {@code JsonMapper}, whose set-up costs a
 * cold JVM a few hundred milliseconds, more than the rest of a short command.
 */
final class DiagnosisPrinter {

    private final PrintStream out;
    private final Locale locale;
    private final boolean zh;

    DiagnosisPrinter(PrintStream out, String lang) {
        this.out = out;
        this.zh = "zh".equalsIgnoreCase(lang);
        this.locale = zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }

    /** The JSON object of a diagnosis; callers may add fields before {@link #printJson(ObjectNode)}. */
    static ObjectNode json(Diagnosis d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("outcome", d.outcome().name());
        o.put("category", d.category().name());
        o.put("confidence", d.confidence().name());
        ArrayNode alternatives = o.putArray("alternatives");
        d.alternatives().forEach(a -> alternatives.add(a.name()));
        o.put("server", d.server());
        if (d.code() == null) {
            o.putNull("code");
            o.putNull("reply");
        } else {
            o.put("code", d.code());
            o.put("reply", d.reply().toString());
        }
        o.put("command", d.command());
        o.put("phase", d.phase() == null ? null : d.phase().name());
        o.put("rule", d.ruleId());
        o.put("event", d.event() == null ? null : d.event().name());
        o.put("detail", d.detail());
        if (d.limit().isPresent()) {
            o.put("limit", d.limit().getAsInt());
        } else {
            o.putNull("limit");
        }
        o.put("address", d.address().orElse(null));
        RetryAdvice r = d.retry();
        o.put("retryable", r.retryable());
        ObjectNode retry = o.putObject("retry");
        retry.put("retryable", r.retryable());
        retry.put("waitSeconds", r.delay().toSeconds());
        retry.put("reduceParallelSessions", r.reduceParallelSessions());
        retry.put("stopRetrying", r.stopRetrying());
        putText(o, "explanation", d.explanation());
        putText(o, "advice", d.advice());
        if (d.codeMeaning() == null) {
            o.putNull("meaning");
        } else {
            putText(o, "meaning", d.codeMeaning());
        }
        return o;
    }

    private static void putText(ObjectNode o, String field, Text t) {
        ObjectNode n = o.putObject(field);
        n.put("en", t.en());
        n.put("zh", t.zh());
    }

    void printJson(ObjectNode o) {
        out.println(toJson(o));
    }

    /** The tree as compact JSON, as a mapper would write it. */
    static String toJson(JsonNode node) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), w)) {
            write(g, node);
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, JsonNode n) {
        if (n.isObject()) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                g.writeName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (n.isArray()) {
            g.writeStartArray();
            for (JsonNode v : n.values()) {
                write(g, v);
            }
            g.writeEndArray();
        } else if (n.isString()) {
            g.writeString(n.stringValue());
        } else if (n.isNumber()) {
            g.writeNumber(n.numberValue().toString()); // as the number writes itself: 42, 1.5
        } else if (n.isBoolean()) {
            g.writeBoolean(n.booleanValue());
        } else {
            g.writeNull(); // null; a missing node has no place in the tree the commands build
        }
    }

    /** Created on the first JSON output only. */
    private static final class Json {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    void printText(Diagnosis d) {
        line(zh ? "结论" : "Outcome", d.outcome() + " (" + d.category().name().toLowerCase(Locale.ROOT) + ", "
                + d.confidence().name().toLowerCase(Locale.ROOT) + ")");
        if (d.reply() != null) {
            line(zh ? "服务器应答" : "Reply", String.join("\n             ", d.reply().lines()));
        }
        if (d.command() != null) {
            line(zh ? "所答命令" : "After", d.command() + (d.phase() == null ? "" : " (" + d.phase().name().toLowerCase(Locale.ROOT) + ")"));
        }
        if (d.limit().isPresent()) {
            line(zh ? "上限" : "Limit", String.valueOf(d.limit().getAsInt()));
        }
        if (!d.alternatives().isEmpty()) {
            line(zh ? "其他可能" : "Or perhaps", d.alternatives().toString().replaceAll("[\\[\\]]", ""));
        }
        if (!"unknown".equals(d.server())) {
            line(zh ? "服务器" : "Server", d.server());
        }
        if (d.event() != null) {
            line(zh ? "连接事件" : "Event", d.event() + (d.detail() == null ? "" : " (" + d.detail() + ")"));
        }
        if (d.codeMeaning() != null) {
            line(zh ? "代码含义" : "Code means", d.codeMeaning().in(locale));
        }
        line(zh ? "说明" : "Explanation", d.explanation(locale));
        line(zh ? "建议" : "Advice", d.advice(locale));
        line(zh ? "重试" : "Retry", retry(d));
        line(zh ? "规则" : "Rule", d.ruleId());
    }

    private String retry(Diagnosis d) {
        RetryAdvice r = d.retry();
        if (!d.isFailure()) {
            return zh ? "不需要" : "not needed";
        }
        if (r.stopRetrying()) {
            return zh ? "不要重试（再试只会更糟）" : "no: stop, retrying makes it worse";
        }
        if (!r.retryable()) {
            return zh ? "不要重试（再试结果也一样）" : "no: the same attempt will fail again";
        }
        StringBuilder sb = new StringBuilder(zh ? "可以" : "yes");
        if (!r.delay().isZero()) {
            sb.append(zh ? "，等待 " + r.delay().toSeconds() + " 秒后" : ", after " + r.delay().toSeconds() + " s");
        }
        if (r.reduceParallelSessions()) {
            sb.append(zh ? "，并减少并发会话" : ", with fewer parallel sessions");
        }
        return sb.toString();
    }

    void line(String label, String value) {
        // CJK characters take two columns on a terminal
        int columns = zh ? label.length() * 2 : label.length();
        int width = 13;
        out.println(label + (zh ? "：" : ":") + " ".repeat(Math.max(1, width - columns - (zh ? 2 : 1))) + value);
    }

    PrintStream out() {
        return out;
    }

    Locale locale() {
        return locale;
    }

    boolean chinese() {
        return zh;
    }
}
