package io.github.ftpdoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A catalog's rules, by part: part 0 holds the transport-event rules, part 1 to 6 the rules of the reply codes
 * {@code 1xx} to {@code 6xx} (a rule with codes of two classes is in both). Parts keep the catalog's order.
 *
 * <p>The built-in catalog reads a part only when a reply of that class (or an event) first needs it: a session that
 * meets only positive replies never reads the 2,000-odd rules of {@code 4xx} and {@code 5xx} replies, which are most
 * of what a short-lived JVM would spend on the catalog. The build validates the whole built-in catalog and writes
 * one file per part ({@link RulePartitioner}); a catalog with extra rule files is read whole and validated at once.
 */
final class RuleSet {
    static final int PARTS = 7;
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

    /** The resource (below the catalog's root) holding one part. */
    static String file(int part) {
        return DIRECTORY + part + ".json";
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

    /** The part of a rule with these codes or this event, or -1 when a code names no class. */
    static int partOf(String code) {
        char c = code.isEmpty() ? '0' : code.charAt(0);
        return c >= '1' && c <= '6' ? c - '0' : -1;
    }

    /** Whether the rule belongs to the part. */
    static boolean inPart(Rule r, int part) {
        if (part == EVENTS) {
            return r.event() != null;
        }
        for (String code : r.codes()) {
            if (partOf(code) == part) {
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
    synchronized int partsRead() {
        if (reader == null) {
            return (1 << PARTS) - 1;
        }
        int bits = 0;
        for (int i = 0; i < PARTS; i++) {
            bits |= parts[i] == null ? 0 : 1 << i;
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
