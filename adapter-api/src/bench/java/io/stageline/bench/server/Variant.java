package io.stageline.bench.server;

/** What the load benchmark puts in front of the application's servlets; the same on both containers. */
public enum Variant {
    /** The container alone: default servlet and the tiny servlet. */
    BARE,
    /** One filter on {@code /*} that only calls the chain: the floor of any filter-based product. */
    PASSTHROUGH,
    /** Apache Shiro, {@code authcBasic} on {@code /admin/**} (the measured paths are anonymous). */
    SHIRO,
    /** Stageline installed server-wide, configured by the YAML file given with {@code --config}. */
    STAGELINE;

    /** The name on the command line and in the READY line. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Variant byId(String id) {
        for (Variant v : values()) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + id + "' (bare, passthrough, shiro, stageline)");
    }
}
