package io.github.ftpdoctor.diagnosis;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the server family from the greeting and the SYST reply, with the patterns of the catalog's
 * {@code servers.json}: adding a server is a catalog entry, not code.
 */
public final class Fingerprint {
    /**
     * One family's patterns, as the catalog defines them.
     *
     * @param id       family id
     * @param name     readable name
     * @param greeting searched in the greeting text, or null
     * @param syst     searched in the SYST reply text, or null
     * @param source   where the banner comes from
     */
    public record Family(String id, String name, Pattern greeting, Pattern syst, String source) {
    }

    private final List<Family> families;

    public Fingerprint(Catalog catalog) {
        this.families = Objects.requireNonNull(catalog, "catalog").servers();
    }

    /** The built-in catalog's families. */
    public static Fingerprint standard() {
        return new Fingerprint(Catalog.builtIn());
    }

    /**
     * The server family.
     *
     * @param greeting the greeting reply, or null
     * @param syst     the text of the SYST reply, or null
     */
    public Server identify(Reply greeting, String syst) {
        String text = greeting == null ? null : greeting.text();
        for (Family f : families) {
            Server s = match(f, f.greeting(), text);
            if (s == null) {
                s = match(f, f.syst(), syst);
            }
            if (s != null) {
                return s;
            }
        }
        return Server.UNKNOWN;
    }

    private static Server match(Family f, Pattern p, String text) {
        if (p == null || text == null) {
            return null;
        }
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return null;
        }
        String version = null;
        try {
            version = m.group("version");
        } catch (IllegalArgumentException noSuchGroup) {
            // the pattern captures no version
        }
        return new Server(f.id(), f.name(), version);
    }
}
