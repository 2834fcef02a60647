package io.stageline.api;

/**
 * The access right a handler mapping needs from the section's access policy. A mapping whose right is not granted is
 * disabled: selection skips it (403.1 / 403.2 / 403.3 when nothing else matches).
 */
public enum RequireAccess {
    NONE, READ, WRITE, SCRIPT, EXECUTE
}
