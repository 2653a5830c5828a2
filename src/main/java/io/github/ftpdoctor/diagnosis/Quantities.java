package io.github.ftpdoctor.diagnosis;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers a server states in a reply, read from its normalized text: a wait ({@code try again in 5 minutes},
 * {@code 5 Minuten}, {@code 5 分钟}; the unit words are the lexicon's {@code SECONDS}, {@code MINUTES} and
 * {@code HOURS} cues, so every language the catalog knows is read), a session limit ({@code (3)},
 * {@code more than 3 connections}) and an IP address. Language-neutral: only digits and the lexicon's units.
 */
final class Quantities {
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])((?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3})(?![\\d.]*\\d)");
    private static final Pattern IPV6 = Pattern.compile("(?<![0-9a-f:])((?:[0-9a-f]{1,4}:){2,7}(?::|(?::[0-9a-f]{1,4}){1,6}|[0-9a-f]{1,4})|[0-9a-f]{1,4}::(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}|::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})(?![0-9a-f:])");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.:,/-])\\d{1,6}(?![\\d.:/]\\d)");
    private static final Pattern PARENTHESIZED = Pattern.compile("\\((\\d{1,6})\\)");
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\d{1,2}:\\d{2}");
    /** The longest wait taken from a reply: a day. */
    private static final Duration MAX_WAIT = Duration.ofDays(1);

    private Quantities() {
    }

    /** The first IPv4 or IPv6 address in the text. */
    static Optional<String> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher v4 = IPV4.matcher(text);
        if (v4.find()) {
            return Optional.of(v4.group(1));
        }
        Matcher v6 = IPV6.matcher(text);
        while (v6.find()) {
            String a = v6.group(1);
            // a full address has eight groups (seven colons); a shorter one says "::" where groups were left out
            if ((a.contains("::") || a.chars().filter(c -> c == ':').count() == 7) && !TIME_OF_DAY.matcher(a).matches()) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * A wait the text states: a number followed by a unit of the lexicon, the first one found. A duration in a text
     * that speaks of a timeout and not of trying again later ({@code Idle timeout (900 seconds)}) says what happened,
     * not how long to wait, and is no wait.
     */
    static Optional<Duration> statedWait(String text, Lexicon lexicon) {
        if (text == null) {
            return Optional.empty();
        }
        int timeout = lexicon.concept("TIMEOUT");
        int later = lexicon.concept("LATER");
        if (timeout >= 0) {
            long seen = lexicon.scan(text);
            if ((seen & 1L << timeout) != 0 && (later < 0 || (seen & 1L << later) == 0)) {
                return Optional.empty();
            }
        }
        int seconds = lexicon.concept("SECONDS");
        int minutes = lexicon.concept("MINUTES");
        int hours = lexicon.concept("HOURS");
        int one = lexicon.concept("ONE");
        Matcher m = NUMBER.matcher(text);
        int from = 0;
        while (true) {
            long n;
            int unitAt;
            int numberAt = m.find(from) ? m.start() : -1;
            int wordAt = one < 0 ? -1 : nextTerm(lexicon, one, text, from, numberAt < 0 ? text.length() : numberAt);
            if (wordAt >= 0) {
                n = 1;
                unitAt = text.indexOf(' ', wordAt) + 1;
                from = unitAt;
                if (unitAt == 0) {
                    break;
                }
            } else if (numberAt >= 0) {
                n = Long.parseLong(m.group());
                unitAt = m.end();
                from = m.end();
                if (unitAt < text.length() && text.charAt(unitAt) == ' ') {
                    unitAt++;
                }
            } else {
                break;
            }
            Duration d = null;
            if (hours >= 0 && lexicon.termAt(hours, text, unitAt)) {
                d = Duration.ofHours(n);
            } else if (minutes >= 0 && lexicon.termAt(minutes, text, unitAt)) {
                d = Duration.ofMinutes(n);
            } else if (seconds >= 0 && lexicon.termAt(seconds, text, unitAt)) {
                d = Duration.ofSeconds(n);
            }
            if (d != null && !d.isZero()) {
                return Optional.of(d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d);
            }
        }
        return Optional.empty();
    }

    /** Where a term of the concept starts at a word start in [from, to), or -1. */
    private static int nextTerm(Lexicon lexicon, int concept, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if ((i == 0 || text.charAt(i - 1) == ' ') && lexicon.termAt(concept, text, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The limit a capacity refusal states: the number in parentheses ({@code too many connections (3)}), else the
     * first number that is not part of an address, a time or a stated wait.
     */
    static OptionalInt limit(String text, Lexicon lexicon) {
        if (text == null) {
            return OptionalInt.empty();
        }
        String plain = IPV4.matcher(text).replaceAll(" ");
        Matcher paren = PARENTHESIZED.matcher(plain);
        if (paren.find()) {
            return positive(paren.group(1));
        }
        Optional<Duration> wait = statedWait(plain, lexicon);
        Matcher m = NUMBER.matcher(plain);
        while (m.find()) {
            if (wait.isPresent() && followedByUnit(plain, m.end(), lexicon)) {
                continue;
            }
            return positive(m.group());
        }
        return OptionalInt.empty();
    }

    private static boolean followedByUnit(String text, int end, Lexicon lexicon) {
        int at = end < text.length() && text.charAt(end) == ' ' ? end + 1 : end;
        for (String unit : new String[] {"SECONDS", "MINUTES", "HOURS"}) {
            int c = lexicon.concept(unit);
            if (c >= 0 && lexicon.termAt(c, text, at)) {
                return true;
            }
        }
        return false;
    }

    private static OptionalInt positive(String digits) {
        int n = Integer.parseInt(digits);
        return n > 0 ? OptionalInt.of(n) : OptionalInt.empty();
    }
}
