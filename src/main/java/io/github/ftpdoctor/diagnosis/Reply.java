package io.github.ftpdoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One complete server reply: a three-digit code and one or more lines (RFC 959 §4.2).
 * Immutable; {@link #lines()} are the lines as received (decoded, without CR LF).
 */
public final class Reply {
    private final int code;
    private final List<String> lines;
    private String text;

    private Reply(int code, List<String> lines) {
        if (code < 100 || code > 699) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
        this.code = code;
        this.lines = List.copyOf(lines);
    }

    /** A reply from the lines as received; the first line starts with the code. */
    public static Reply of(int code, List<String> lines) {
        return new Reply(code, Objects.requireNonNull(lines, "lines"));
    }

    /**
     * A reply from a code and its text without the code, as in {@code of(530, "Not logged in.")}.
     * Line breaks in the text make a multi-line reply.
     */
    public static Reply of(int code, String text) {
        String[] parts = Objects.requireNonNull(text, "text").split("\r?\n", -1);
        List<String> lines = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            boolean first = i == 0;
            lines.add(first || last ? code + (last ? " " : "-") + parts[i] : parts[i]);
        }
        return new Reply(code, lines);
    }

    public int code() {
        return code;
    }

    /** The lines as received, first and last starting with the code. */
    public List<String> lines() {
        return lines;
    }

    /** The reply's text: every line with its code prefix ({@code "530 "}, {@code "230-"}) removed, joined by {@code \n}. */
    public String text() {
        String t = text;
        if (t == null) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    sb.append('\n');
                }
                sb.append(stripCode(lines.get(i)));
            }
            t = sb.toString();
            text = t;
        }
        return t;
    }

    /** 1 to 6: the first digit of the code. */
    public int codeClass() {
        return code / 100;
    }

    public boolean isPositivePreliminary() {
        return codeClass() == 1;
    }

    public boolean isPositiveCompletion() {
        return codeClass() == 2;
    }

    public boolean isPositiveIntermediate() {
        return codeClass() == 3;
    }

    public boolean isNegative() {
        return codeClass() == 4 || codeClass() == 5;
    }

    private String stripCode(String line) {
        if (line.length() >= 3 && line.startsWith(Integer.toString(code))) {
            if (line.length() == 3) {
                return "";
            }
            char sep = line.charAt(3);
            if (sep == ' ' || sep == '-') {
                return line.substring(4);
            }
        }
        return line;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reply r && r.code == code && r.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return code * 31 + lines.hashCode();
    }

    /** The reply as the server sent it, lines joined by {@code \n}. */
    @Override
    public String toString() {
        return String.join("\n", lines);
    }
}
