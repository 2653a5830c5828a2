package io.github.ftpdoctor;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of a directory listing (LIST, MLSD, MLST or NLST). Immutable.
 *
 * <p>{@link #raw()} is always the server's line as received, so nothing is lost even when the line could not be
 * understood: such a line becomes an entry of type {@link Type#UNPARSED} whose name is the trimmed line.
 * Times are UTC; for LIST the server's time zone is unknown, so its wall-clock time is taken as UTC.
 */
public final class FtpEntry {

    /** What kind of file system object an entry is. */
    public enum Type {
        /** A regular file. */
        FILE,
        /** A directory. */
        DIR,
        /** A symbolic link; {@link #target()} may name the target. */
        LINK,
        /** Anything else (device, pipe, socket) or unknown (NLST gives names only). */
        OTHER,
        /** A line no parser understood; only {@link #raw()} and {@link #name()} are meaningful. */
        UNPARSED
    }

    private final String name;
    private final Type type;
    private final long size;
    private final Instant modified;
    private final String target;
    private final String raw;
    private final Map<String, String> facts;
    private final String permissions;
    private final String owner;
    private final String group;

    private FtpEntry(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.type = Objects.requireNonNull(b.type, "type");
        this.raw = Objects.requireNonNull(b.raw, "raw");
        this.size = b.size;
        this.modified = b.modified;
        this.target = b.target;
        this.facts = b.facts.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.facts));
        this.permissions = b.permissions;
        this.owner = b.owner;
        this.group = b.group;
    }

    /** A builder for an entry of the given type, name and raw server line. */
    public static Builder builder(Type type, String name, String raw) {
        return new Builder(type, name, raw);
    }

    /** An entry for a line no parser understood: type {@link Type#UNPARSED}, name = the trimmed line. */
    public static FtpEntry unparsed(String raw) {
        Objects.requireNonNull(raw, "raw");
        return new Builder(Type.UNPARSED, raw.trim(), raw).build();
    }

    /** The file name, decoded, without a path; may contain spaces (also leading ones), ';' or any script. */
    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /** The size in bytes; empty when the server did not give one (devices, NLST, unparsed lines). */
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    /** The modification time in UTC; empty when unknown or the server's date was impossible. */
    public Optional<Instant> modified() {
        return Optional.ofNullable(modified);
    }

    /** The symbolic link's target, or null when not a link or the server did not say. */
    public String target() {
        return target;
    }

    /** The server's line exactly as received (decoded, without CR LF). Never null. */
    public String raw() {
        return raw;
    }

    /** MLSD/MLST facts with lower-case names and values as sent; empty for LIST and NLST. */
    public Map<String, String> facts() {
        return facts;
    }

    /** LIST: the nine permission characters such as {@code rwxr-xr-x}; MLSx: the {@code perm} fact; or null. */
    public String permissions() {
        return permissions;
    }

    /** The owner (name or numeric id as the server sent it), or null. */
    public String owner() {
        return owner;
    }

    /** The group (name or numeric id as the server sent it), or null. */
    public String group() {
        return group;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FtpEntry)) {
            return false;
        }
        FtpEntry e = (FtpEntry) o;
        return size == e.size && name.equals(e.name) && type == e.type && raw.equals(e.raw)
                && Objects.equals(modified, e.modified) && Objects.equals(target, e.target)
                && facts.equals(e.facts) && Objects.equals(permissions, e.permissions)
                && Objects.equals(owner, e.owner) && Objects.equals(group, e.group);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, size, modified, target, raw, facts, permissions, owner, group);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FtpEntry[").append(type).append(" \"").append(name).append('"');
        if (size >= 0) {
            sb.append(" size=").append(size);
        }
        if (modified != null) {
            sb.append(" modified=").append(modified);
        }
        if (target != null) {
            sb.append(" -> \"").append(target).append('"');
        }
        return sb.append(']').toString();
    }

    /** Builds an {@link FtpEntry}; used by the listing parsers. Not thread-safe. */
    public static final class Builder {
        private final Type type;
        private final String name;
        private final String raw;
        private long size = -1;
        private Instant modified;
        private String target;
        private final Map<String, String> facts = new LinkedHashMap<>();
        private String permissions;
        private String owner;
        private String group;

        private Builder(Type type, String name, String raw) {
            this.type = type;
            this.name = name;
            this.raw = raw;
        }

        /** The size in bytes; a negative value means unknown. */
        public Builder size(long size) {
            this.size = size < 0 ? -1 : size;
            return this;
        }

        public Builder modified(Instant modified) {
            this.modified = modified;
            return this;
        }

        public Builder target(String target) {
            this.target = target;
            return this;
        }

        /** Adds a fact; the name is lower-cased (Locale.ROOT). */
        public Builder fact(String factName, String value) {
            facts.put(factName.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder permissions(String permissions) {
            this.permissions = permissions;
            return this;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder group(String group) {
            this.group = group;
            return this;
        }

        public FtpEntry build() {
            return new FtpEntry(this);
        }
    }
}
