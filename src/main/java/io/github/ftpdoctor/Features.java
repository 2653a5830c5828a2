package io.github.ftpdoctor;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The server's FEAT list (RFC 2389): feature names, upper case, each with its parameters. Immutable. */
public final class Features {
    private static final Features NONE = new Features(Map.of());
    private final Map<String, String> features;

    Features(Map<String, String> features) {
        this.features = Collections.unmodifiableMap(features);
    }

    /** No features: the server does not implement FEAT. */
    public static Features none() {
        return NONE;
    }

    /** Whether the server lists the feature ({@code "UTF8"}, {@code "MLST"}, {@code "EPSV"}; any case). */
    public boolean has(String name) {
        return features.containsKey(name.toUpperCase(Locale.ROOT));
    }

    /** The feature's parameters ({@code "TLS"} for {@code AUTH TLS}, the facts for {@code MLST}), if listed. */
    public Optional<String> parameters(String name) {
        return Optional.ofNullable(features.get(name.toUpperCase(Locale.ROOT)));
    }

    public Set<String> names() {
        return features.keySet();
    }

    /** Every feature with its parameters, in the server's order. */
    public Map<String, String> asMap() {
        return features;
    }

    @Override
    public String toString() {
        return features.toString();
    }
}
