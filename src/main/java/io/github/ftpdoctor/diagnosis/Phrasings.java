package io.github.ftpdoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule's exact phrasings: whole reply texts as a server writes them, normalized like replies, with the server's
 * placeholders ({@code %s}, {@code %v}, {@code {}}: any text on one line of up to {@value #MAX_ANY} characters;
 * {@code %d}, {@code %u}, {@code %lu}, {@code %i}: a whole number; {@code %x}: a hexadecimal number). A final full
 * stop or exclamation mark is optional on both sides. Matching needs no regular expression: literal parts are
 * compared in place, so thousands of phrasings cost nothing to load and little to test. Immutable.
 */
public final class Phrasings {
    static final int MAX_ANY = 512;
    private static final int MAX_STEPS = 10_000;

    private enum Hole { ANY, NUMBER, HEX }

    /** One phrasing: literal parts with a hole between each two. */
    private record Template(String text, String[] literals, Hole[] holes) {
        boolean matches(String t) {
            return t.startsWith(literals[0]) && matchFrom(t, 0, literals[0].length(), new int[] {MAX_STEPS});
        }

        /** Backtracking over the holes, bounded in steps so that no text can make it slow. */
        private boolean matchFrom(String t, int hole, int pos, int[] budget) {
            if (--budget[0] < 0) {
                return false;
            }
            if (hole == holes.length) {
                return pos == t.length();
            }
            String next = literals[hole + 1];
            if (holes[hole] != Hole.ANY) {
                boolean hex = holes[hole] == Hole.HEX;
                int end = pos;
                if (!hex && end < t.length() && t.charAt(end) == '-') {
                    end++;
                }
                int digits = end;
                while (end < t.length() && end - digits < 20 && isDigit(t.charAt(end), hex)) {
                    end++;
                }
                return end > digits && t.startsWith(next, end) && matchFrom(t, hole + 1, end + next.length(), budget);
            }
            int limit = Math.min(t.length(), pos + MAX_ANY);
            if (hole + 1 == holes.length) {
                int at = t.length() - next.length();
                return at >= pos && at <= limit && t.startsWith(next, at) && noNewline(t, pos, at);
            }
            // an empty literal is found at every position, the text's end included: stop at the limit
            for (int at = t.indexOf(next, pos); at >= 0 && at <= limit;
                    at = at < limit ? t.indexOf(next, at + 1) : -1) {
                if (!noNewline(t, pos, at)) {
                    return false;
                }
                if (matchFrom(t, hole + 1, at + next.length(), budget)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean noNewline(String t, int from, int to) {
            for (int i = from; i < to; i++) {
                if (t.charAt(i) == '\n') {
                    return false;
                }
            }
            return true;
        }

        private static boolean isDigit(char c, boolean hex) {
            return c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
        }
    }

    private final List<Template> templates;

    private Phrasings(List<Template> templates) {
        this.templates = List.copyOf(templates);
    }

    /** Phrasings from templates already normalized; each must not be empty. */
    static Phrasings of(List<String> normalizedTemplates) {
        List<Template> out = new ArrayList<>();
        for (String t : normalizedTemplates) {
            out.add(parse(stripFinalStop(t)));
        }
        return new Phrasings(out);
    }

    /** The phrasings as normalized, placeholders as written. */
    public List<String> templates() {
        List<String> out = new ArrayList<>();
        templates.forEach(t -> out.add(t.text()));
        return out;
    }

    /** Whether the normalized text is one of the phrasings, whole. */
    public boolean matches(String normalizedText) {
        String t = stripFinalStop(normalizedText);
        for (Template template : templates) {
            if (template.matches(t)) {
                return true;
            }
        }
        return false;
    }

    private static String stripFinalStop(String s) {
        return !s.isEmpty() && (s.charAt(s.length() - 1) == '.' || s.charAt(s.length() - 1) == '!')
                ? s.substring(0, s.length() - 1) : s;
    }

    /** Splits at printf placeholders ({@code %s %d %u %lu %llu %zu %i %x %v %q %c}), {@code {}} and {@code {0}}. */
    private static Template parse(String text) {
        List<String> literals = new ArrayList<>();
        List<Hole> holes = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 1 < text.length()) {
                if (text.charAt(i + 1) == '%') {
                    lit.append('%');
                    i += 2;
                    continue;
                }
                int j = i + 1;
                while (j < text.length() && j - i <= 3 && "lhz".indexOf(text.charAt(j)) >= 0) {
                    j++;
                }
                if (j < text.length()) {
                    char conv = text.charAt(j);
                    Hole h = "diu".indexOf(conv) >= 0 ? Hole.NUMBER : conv == 'x' ? Hole.HEX
                            : j == i + 1 && "sqvc".indexOf(conv) >= 0 ? Hole.ANY : null;
                    if (h != null) {
                        addHole(literals, holes, lit, h);
                        i = j + 1;
                        continue;
                    }
                }
            }
            if (c == '{' && (i + 1 < text.length() && text.charAt(i + 1) == '}'
                    || i + 2 < text.length() && Character.isDigit(text.charAt(i + 1)) && text.charAt(i + 2) == '}')) {
                addHole(literals, holes, lit, Hole.ANY);
                i += text.charAt(i + 1) == '}' ? 2 : 3;
                continue;
            }
            lit.append(c);
            i++;
        }
        literals.add(lit.toString());
        return new Template(text, literals.toArray(new String[0]), holes.toArray(new Hole[0]));
    }

    /** Ends the literal before a hole; two text holes in a row ({@code %s%s}) are one. */
    private static void addHole(List<String> literals, List<Hole> holes, StringBuilder lit, Hole h) {
        if (h == Hole.ANY && lit.length() == 0 && !holes.isEmpty() && holes.get(holes.size() - 1) == Hole.ANY) {
            return;
        }
        literals.add(lit.toString());
        lit.setLength(0);
        holes.add(h);
    }

    @Override
    public String toString() {
        return templates().toString();
    }
}
