package io.stageline.match;

import io.stageline.api.RequireAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code accessPolicy} of a {@code handlers} section (reference §3.5): the rights a handler mapping's
 * {@code requireAccess} is checked against. Immutable and thread-safe; the flags and their bits are those of IIS.
 *
 * <p>Contract of {@link #grants(RequireAccess, boolean)}:
 * <ul>
 *   <li>{@code None} is always granted;</li>
 *   <li>{@code Read} needs {@code Read}; {@code Write} needs {@code Write}; {@code Execute} needs {@code Execute};</li>
 *   <li>{@code Script} needs {@code Script} <b>or</b> {@code Execute} (IIS 6 "Scripts and Executables");</li>
 *   <li>for a request that does not come from the local machine, each {@code NoRemoteX} flag withdraws right
 *       {@code X}. The withdrawal is per right: {@code "Script, Execute, NoRemoteScript"} still grants a remote
 *       {@code Script} requirement through {@code Execute}.</li>
 * </ul>
 * {@code Source} is accepted and kept but grants nothing here (it only matters to WebDAV).
 *
 * <p>Example: {@code AccessPolicy.parse("Read, Script")} is {@link #DEFAULT}, the policy of the shipped
 * applicationHost.config; with it a {@code requireAccess: Execute} mapping is disabled and selection skips it.
 */
public final class AccessPolicy {
    /** The IIS {@code accessPolicy} flags, with their IIS bit values and configuration names. */
    public enum Flag {
        NONE(0, "None"),
        READ(1, "Read"),
        WRITE(2, "Write"),
        EXECUTE(4, "Execute"),
        SOURCE(16, "Source"),
        SCRIPT(512, "Script"),
        NO_REMOTE_WRITE(1024, "NoRemoteWrite"),
        NO_REMOTE_READ(4096, "NoRemoteRead"),
        NO_REMOTE_EXECUTE(8192, "NoRemoteExecute"),
        NO_REMOTE_SCRIPT(16384, "NoRemoteScript");

        private final int bit;
        private final String configName;

        Flag(int bit, String configName) {
            this.bit = bit;
            this.configName = configName;
        }

        /** The IIS bit value (0 for {@code None}). */
        public int bit() {
            return bit;
        }

        /** The name as written in configuration, e.g. {@code NoRemoteScript}. */
        public String configName() {
            return configName;
        }
    }

    // Initialised before the constants below, whose constructor reads NEEDS.
    private static final Flag[] FLAGS = Flag.values();
    private static final RequireAccess[] NEEDS = RequireAccess.values();

    /** No rights: only {@code requireAccess: None} mappings are enabled. */
    public static final AccessPolicy NONE = new AccessPolicy(0);
    /** {@code Read, Script}: the default of the shipped configuration and of Stageline. */
    public static final AccessPolicy DEFAULT = new AccessPolicy(Flag.READ.bit | Flag.SCRIPT.bit);

    private final int bits;
    private final boolean dependsOnLocality;

    private AccessPolicy(int bits) {
        this.bits = bits;
        boolean depends = false;
        for (RequireAccess need : NEEDS) {
            depends |= grants(need, true) != grants(need, false);
        }
        this.dependsOnLocality = depends;
    }

    /**
     * Parses a comma-separated flag list such as {@code "Read, Script"}; names are case-insensitive and entries are
     * trimmed. {@code None} adds nothing and may be combined with other flags.
     *
     * @throws IllegalArgumentException for a blank list, an empty entry or an unknown flag name
     */
    public static AccessPolicy parse(String flags) {
        Objects.requireNonNull(flags, "flags");
        if (flags.isBlank()) {
            throw new IllegalArgumentException("invalid accessPolicy '" + flags + "': it is empty; write None for no rights");
        }
        int bits = 0;
        int start = 0;
        while (true) {
            int comma = flags.indexOf(',', start);
            int end = comma < 0 ? flags.length() : comma;
            bits |= flag(flags, flags.substring(start, end).trim()).bit;
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return new AccessPolicy(bits);
    }

    private static Flag flag(String flags, String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("invalid accessPolicy '" + flags + "': empty entry");
        }
        for (Flag f : FLAGS) {
            if (f.configName.equalsIgnoreCase(name)) {
                return f;
            }
        }
        List<String> known = new ArrayList<>();
        for (Flag f : FLAGS) {
            known.add(f.configName);
        }
        throw new IllegalArgumentException("invalid accessPolicy '" + flags + "': unknown flag '" + name
                + "'; expected one of " + String.join(", ", known));
    }

    /** The policy holding exactly the given flags. */
    public static AccessPolicy of(Flag... flags) {
        int bits = 0;
        for (Flag f : flags) {
            bits |= f.bit;
        }
        return new AccessPolicy(bits);
    }

    /** True when the flag is set; {@code has(NONE)} is true only for the empty policy. */
    public boolean has(Flag flag) {
        return flag == Flag.NONE ? bits == 0 : (bits & flag.bit) != 0;
    }

    /** The IIS bit mask. */
    public int bits() {
        return bits;
    }

    /** Whether a mapping needing {@code need} is enabled for a request from the local machine or not (see above). */
    public boolean grants(RequireAccess need, boolean localRequest) {
        switch (need) {
            case NONE:
                return true;
            case READ:
                return right(Flag.READ, Flag.NO_REMOTE_READ, localRequest);
            case WRITE:
                return right(Flag.WRITE, Flag.NO_REMOTE_WRITE, localRequest);
            case SCRIPT:
                return right(Flag.SCRIPT, Flag.NO_REMOTE_SCRIPT, localRequest)
                        || right(Flag.EXECUTE, Flag.NO_REMOTE_EXECUTE, localRequest);
            case EXECUTE:
                return right(Flag.EXECUTE, Flag.NO_REMOTE_EXECUTE, localRequest);
            default:
                throw new AssertionError(need);
        }
    }

    private boolean right(Flag right, Flag noRemote, boolean localRequest) {
        return (bits & right.bit) != 0 && (localRequest || (bits & noRemote.bit) == 0);
    }

    /**
     * True when some {@code requireAccess} value is granted to local requests but not to remote ones; when false,
     * callers may pass any value as {@code localRequest} and skip computing it.
     */
    public boolean dependsOnLocality() {
        return dependsOnLocality;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessPolicy && ((AccessPolicy) o).bits == bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }

    /** The flags in IIS order, e.g. {@code Read, Script}, or {@code None}. */
    @Override
    public String toString() {
        if (bits == 0) {
            return Flag.NONE.configName;
        }
        StringBuilder sb = new StringBuilder();
        for (Flag f : FLAGS) {
            if (f != Flag.NONE && (bits & f.bit) != 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(f.configName);
            }
        }
        return sb.toString();
    }
}
