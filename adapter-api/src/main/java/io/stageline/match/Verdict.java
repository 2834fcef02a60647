package io.stageline.match;

/**
 * What {@link HandlerTable#explain} says about one mapping. The checks are reported in this order, the first failing
 * one winning: path, verb, container servlet, access. (Selection itself tests the verb first because it is cheaper;
 * the outcome is the same, only the reason shown for a mapping that fails both differs.)
 */
public enum Verdict {
    /** The path mask does not match (with {@code allowPathInfo}: no segment matches). */
    PATH_MISMATCH,
    /** The path matches but the request method is not in the verb list. */
    VERB_MISMATCH,
    /** A {@code servlet: "*"} mapping, but the container mapped the request to its default servlet: skipped. */
    NOT_CONTAINER_SERVLET,
    /** Path and verb match but the access policy does not grant the mapping's {@code requireAccess}: disabled. */
    ACCESS_DENIED,
    /** This mapping handles the request; nothing after it is reported. */
    SELECTED
}
