package io.github.ftpdoctor.diagnosis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The cue words of {@code reply-catalog/cues/*.json}: for each concept ({@code TOO_MANY}, {@code FROM_ADDRESS},
 * {@code TLS}, ...), the words and phrases that say it in each language, already normalized. {@link #scan} tells
 * which concepts a normalized text mentions, as a bit mask (at most 64 concepts).
 *
 * <p>Matching: in scripts written with spaces a term matches at the start of a word and may end inside one
 * ({@code verbindung} matches {@code verbindungen}); in Chinese, Japanese, Korean and other scripts without spaces it
 * matches anywhere. A {@code *} in a term stands for up to {@value #GAP} characters on the same line. Terms are found
 * through an index by their first two characters, so a scan costs about one map look-up per character of the text.
 * Immutable and thread-safe.
 */
final class Lexicon {
    static final int MAX_CONCEPTS = 64;
    static final int GAP = 12;
    /** The longest quoted or bracketed argument a gap steps over as one character. */
    static final int MAX_ARGUMENT = 512;
    /** Terms of scripts with spaces this short or shorter match whole words only. */
    static final int SHORT = 3;

    /** One term: its concept, its parts (split at {@code *}), and where it came from. */
    record Term(int concept, String[] parts, boolean wordStart, boolean wholeWord, String lang, String family,
                String source) {
        String text() {
            return String.join("*", parts);
        }
    }

    private final List<String> concepts;
    private final Map<String, Integer> conceptIndex;
    private final List<Term> terms;
    private final Map<Integer, Term[]> byFirstTwo = new HashMap<>();
    private final Map<Character, Term[]> byFirstOnly = new HashMap<>();

    Lexicon(List<String> concepts, List<Term> terms) {
        if (concepts.size() > MAX_CONCEPTS) {
            throw new CatalogException("cues: at most " + MAX_CONCEPTS + " concepts, not " + concepts.size());
        }
        this.concepts = List.copyOf(concepts);
        this.conceptIndex = new HashMap<>();
        for (int i = 0; i < concepts.size(); i++) {
            conceptIndex.put(concepts.get(i), i);
        }
        this.terms = List.copyOf(terms);
        Map<Integer, List<Term>> two = new HashMap<>();
        Map<Character, List<Term>> one = new HashMap<>();
        for (Term t : terms) {
            String first = indexForm(t.parts()[0]);
            if (first.length() == 1) {
                one.computeIfAbsent(first.charAt(0), k -> new ArrayList<>()).add(t);
            } else {
                two.computeIfAbsent(key(first.charAt(0), first.charAt(1)), k -> new ArrayList<>()).add(t);
            }
        }
        two.forEach((k, v) -> byFirstTwo.put(k, v.toArray(new Term[0])));
        one.forEach((k, v) -> byFirstOnly.put(k, v.toArray(new Term[0])));
    }

    static Lexicon empty() {
        return new Lexicon(List.of(), List.of());
    }

    private static int key(char a, char b) {
        return a << 16 | b;
    }

    /** The concept's index, or -1 when no file defines it. */
    int concept(String name) {
        Integer i = conceptIndex.get(name);
        return i == null ? -1 : i;
    }

    List<String> concepts() {
        return concepts;
    }

    List<Term> terms() {
        return terms;
    }

    /** The same lexicon without the terms the filter picks (the leave-one-family-out evaluation). */
    Lexicon without(Predicate<Term> drop) {
        List<Term> kept = new ArrayList<>();
        for (Term t : terms) {
            if (!drop.test(t)) {
                kept.add(t);
            }
        }
        return new Lexicon(concepts, kept);
    }

    /** The concepts the normalized text mentions, one bit per concept index. */
    long scan(String text) {
        if (text == null || terms.isEmpty()) {
            return 0L;
        }
        long found = 0L;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n') {
                continue;
            }
            Term[] singles = byFirstOnly.get(c);
            if (singles != null) {
                found |= matchAll(singles, text, i, found);
            }
            if (i + 1 < n) {
                char second = text.charAt(i + 1);
                Term[] candidates = byFirstTwo.get(key(c, second));
                if (candidates != null) {
                    found |= matchAll(candidates, text, i, found);
                }
                if (second == ' ' && i + 2 < n && isHangul(c)) {
                    Term[] spaced = byFirstTwo.get(key(c, text.charAt(i + 2)));
                    if (spaced != null) {
                        found |= matchAll(spaced, text, i, found);
                    }
                }
            }
        }
        return found;
    }

    private static long matchAll(Term[] candidates, String text, int at, long already) {
        long found = 0L;
        for (Term t : candidates) {
            long bit = 1L << t.concept();
            if ((already & bit) == 0 && (found & bit) == 0 && matchesAt(t, text, at)) {
                found |= bit;
            }
        }
        return found;
    }

    /**
     * Whether a term of the concept starts at the position: a stated wait's unit right after its number, which may
     * be written on to the number ({@code 45s}).
     */
    boolean termAt(int concept, String text, int at) {
        if (at >= text.length()) {
            return false;
        }
        for (Term t : terms) {
            if (t.concept() == concept && matchesAt(t, text, at, false)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(Term t, String text, int at) {
        return matchesAt(t, text, at, true);
    }

    private static boolean matchesAt(Term t, String text, int at, boolean checkStart) {
        String[] parts = t.parts();
        int end = partEnd(parts[0], text, at);
        if (end < 0) {
            return false;
        }
        if (checkStart && t.wordStart() && at > 0 && continuesWord(text.charAt(at - 1))) {
            return false;
        }
        for (int p = 1; p < parts.length; p++) {
            end = nextWithinGap(text, parts[p], end);
            if (end < 0) {
                return false;
            }
        }
        // a short word (ip, min, ja) stands for itself only: "min" is no "minimum", "ja" no "jail"
        boolean whole = t.wholeWord() || t.wordStart() && parts[parts.length - 1].length() <= SHORT;
        return !whole || end == text.length() || !continuesWord(text.charAt(end));
    }

    /**
     * Whether a character next to a term of a spaced script makes it part of a longer word: a letter or digit of a
     * spaced script. A Han, kana or Hangul character does not ({@code TLS握手失败} mentions TLS).
     */
    private static boolean continuesWord(char c) {
        return Character.isLetterOrDigit(c) && (c < 0x80 || startsWord(String.valueOf(c)));
    }

    /**
     * Where a part of a term that starts at {@code at} ends, or -1 when it does not start there. In Korean the
     * spaces between words are optional in many places and writers differ (the standard orthography allows both
     * "로부터" and spaced forms of auxiliaries and bound nouns, and translators do not keep to it), so a Hangul part
     * matches with or without single spaces between its syllables.
     */
    private static int partEnd(String part, String text, int at) {
        if (part.isEmpty() || !isHangul(part.charAt(0))) {
            return text.startsWith(part, at) ? at + part.length() : -1;
        }
        int j = at;
        for (int k = 0; k < part.length(); k++) {
            char pc = part.charAt(k);
            if (pc == ' ') {
                continue;
            }
            if (j > at && j < text.length() && text.charAt(j) == ' ' && k > 0) {
                j++;
            }
            if (j >= text.length() || text.charAt(j) != pc) {
                return -1;
            }
            j++;
        }
        return j;
    }

    /** Hangul syllables and jamo (the Unicode blocks Korean text is written in). */
    private static boolean isHangul(char c) {
        return c >= 0xAC00 && c <= 0xD7A3 || c >= 0x1100 && c <= 0x11FF || c >= 0x3130 && c <= 0x318F
                || c >= 0xA960 && c <= 0xA97F || c >= 0xD7B0 && c <= 0xD7FF;
    }

    /** The form a term is indexed under: a Hangul term without its spaces (see {@link #partEnd}). */
    private static String indexForm(String part) {
        return !part.isEmpty() && isHangul(part.charAt(0)) ? part.replace(" ", "") : part;
    }

    /**
     * Where {@code part} ends when it starts after at most {@value #GAP} characters (and the spaces around them)
     * from {@code from} on the same line, or -1. A quoted or bracketed argument ({@code "a.txt"}, {@code [/pub/x]},
     * {@code <bob>}) counts as one character however long it is: it names a file or a user, and "could [/long/path]
     * not read" is as much one phrase as "could it not read".
     */
    private static int nextWithinGap(String text, String part, int from) {
        int budget = GAP + 3;
        for (int i = from; i < text.length() && budget > 0; i++, budget--) {
            int end = partEnd(part, text, i);
            if (end >= 0) {
                return end;
            }
            char c = text.charAt(i);
            if (c == '\n') {
                return -1;
            }
            int close = argumentEnd(text, i);
            if (close > i) {
                i = close;
            }
        }
        return -1;
    }

    /** Where the quoted or bracketed argument opened at {@code at} closes on the same line, or -1. */
    static int argumentEnd(String text, int at) {
        char open = text.charAt(at);
        char close = open == '[' ? ']' : open == '<' ? '>' : open == '"' ? '"' : 0;
        if (close == 0) {
            return -1;
        }
        int limit = Math.min(text.length(), at + 1 + MAX_ARGUMENT);
        for (int j = at + 1; j < limit; j++) {
            char c = text.charAt(j);
            if (c == close) {
                return j;
            }
            if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Whether a term must start a word: it begins with a letter or digit of a script written with spaces between
     * words (Latin, Cyrillic, Greek, ...), not with a Han, kana, Hangul or Thai character.
     */
    static boolean startsWord(String term) {
        int cp = term.codePointAt(0);
        if (!Character.isLetterOrDigit(cp)) {
            return false;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s != Character.UnicodeScript.HAN && s != Character.UnicodeScript.HIRAGANA
                && s != Character.UnicodeScript.KATAKANA && s != Character.UnicodeScript.HANGUL
                && s != Character.UnicodeScript.THAI && s != Character.UnicodeScript.LAO
                && s != Character.UnicodeScript.KHMER && s != Character.UnicodeScript.MYANMAR;
    }

    /** The names of the concepts in a mask, for messages and tests. */
    List<String> names(long mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < concepts.size(); i++) {
            if ((mask & (1L << i)) != 0) {
                out.add(concepts.get(i));
            }
        }
        return out;
    }
}
