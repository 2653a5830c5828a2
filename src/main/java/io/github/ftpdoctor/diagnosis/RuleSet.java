package io.github.ftpdoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A catalog's rules, by part: part 0 holds the transport-event rules, parts 1 to 60 the rules of the reply codes
 * by their first two digits ({@code 10x} to {@code 69x}). A rule is in every part its codes touch: {@code 530} and
 * {@code 53x} in the part of {@code 53x}, {@code 5xx} in the ten parts {@code 50x} to {@code 59x}. Parts keep the
 * catalog's order.
 *
 * <p>The built-in catalog reads a part only when a reply of those codes (or an event) first needs it: a session that
 * meets only positive replies never reads the 3,000-odd rules of {@code 4xx} and {@code 5xx} replies, and a
 * {@code 530} reads the 600-odd rules that can answer a {@code 53x}, not the 2,400 of every {@code 5xx}. Reading
 * rules is most of what a short-lived JVM spends on the catalog. The build validates the whole built-in catalog and
 * writes one file per part ({@link RulePartitioner}); a catalog with extra rule files is read whole and validated at
 * once.
 */
final class RuleSet {
    static final int PARTS = 61;
    static final int EVENTS = 0;
    /** Where the build writes the parts, below the catalog's root, and the two fields it adds to each rule. */
    static final String DIRECTORY = "rules-by-part/";
    static final String ORIGIN = "origin";
    static final String POSITION = "position";

    /** One part as read: its rules, and each rule's position in the whole catalog (ascending). */
    record Part(List<Rule> rules, int[] positions) {
    }

    private final IntFunction<Part> reader;
    private final Part[] parts = new Part[PARTS];
    private volatile List<Rule> all;

    private RuleSet(IntFunction<Part> reader, List<Rule> all) {
        this.reader = reader;
        this.all = all;
    }

    /**
     * The resource (below the catalog's root) holding one part: {@code events.json}, then {@code 10x.json} to
     * {@code 69x.json}.
     */
    static String file(int part) {
        return DIRECTORY + (part == EVENTS ? "events" : firstCode(part) / 10 + "x") + ".json";
    }

    /** The part of the replies with this code (from 100 to 699). */
    static int partOfCode(int code) {
        if (code < 100 || code > 699) {
            throw new IllegalArgumentException("no reply code " + code);
        }
        return code / 10 - 9;
    }

    /** The first reply code of a part other than the events' (100 for part 1, 530 for part 44). */
    static int firstCode(int part) {
        return (part + 9) * 10;
    }

    /** Whether the build wrote the parts next to the built-in catalog. */
    static boolean written() {
        return RuleSet.class.getResource(CatalogJson.BUILT_IN_ROOT + file(PARTS - 1)) != null;
    }

    /** Rules already read, in catalog order. */
    static RuleSet of(List<Rule> rules) {
        return new RuleSet(null, List.copyOf(rules));
    }

    /** Rules read part by part, each when first asked for. */
    static RuleSet lazy(IntFunction<Part> reader) {
        return new RuleSet(reader, null);
    }

    /**
     * Whether a rule's code ({@code 530}, {@code 53x} or {@code 5xx}) covers replies of the part; false for a code
     * that names no class.
     */
    static boolean covers(String code, int part) {
        if (part == EVENTS || code.length() != 3) {
            return false;
        }
        int first = firstCode(part);
        return code.charAt(0) == (char) ('0' + first / 100)
                && (code.charAt(1) == 'x' || code.charAt(1) == (char) ('0' + first / 10 % 10));
    }

    /** Whether the rule belongs to the part. */
    static boolean inPart(Rule r, int part) {
        if (part == EVENTS) {
            return r.event() != null;
        }
        for (String code : r.codes()) {
            if (covers(code, part)) {
                return true;
            }
        }
        return false;
    }

    /** The rules of one part, in catalog order. */
    List<Rule> part(int part) {
        if (part < 0 || part >= PARTS) {
            throw new IllegalArgumentException("no rule part " + part);
        }
        List<Rule> rules = all;
        if (reader == null) {
            List<Rule> in = new ArrayList<>();
            for (Rule r : rules) {
                if (inPart(r, part)) {
                    in.add(r);
                }
            }
            return in;
        }
        return read(part).rules();
    }

    /** The parts read so far, one bit each (all of them for rules that were read whole). */
    synchronized long partsRead() {
        if (reader == null) {
            return (1L << PARTS) - 1;
        }
        long bits = 0;
        for (int i = 0; i < PARTS; i++) {
            bits |= parts[i] == null ? 0 : 1L << i;
        }
        return bits;
    }

    private synchronized Part read(int part) {
        Part p = parts[part];
        if (p == null) {
            p = reader.apply(part);
            parts[part] = p;
        }
        return p;
    }

    /** Every rule, in catalog order (a rule of two parts once). */
    List<Rule> all() {
        List<Rule> rules = all;
        if (rules == null) {
            rules = merged();
            all = rules;
        }
        return rules;
    }

    private synchronized List<Rule> merged() {
        int size = 0;
        for (int i = 0; i < PARTS; i++) {
            Part p = read(i);
            for (int position : p.positions()) {
                size = Math.max(size, position + 1);
            }
        }
        Rule[] byPosition = new Rule[size];
        for (int i = 0; i < PARTS; i++) {
            Part p = read(i);
            for (int j = 0; j < p.positions().length; j++) {
                if (byPosition[p.positions()[j]] == null) {
                    byPosition[p.positions()[j]] = p.rules().get(j);
                }
            }
        }
        List<Rule> rules = new ArrayList<>(size);
        for (Rule r : byPosition) {
            if (r != null) {
                rules.add(r);
            }
        }
        return List.copyOf(rules);
    }
}
