package io.stageline.engine;

import io.stageline.match.HandlerTable;

/**
 * The compiled handler mappings of one location: the table, and per mapping the bad module (500.21) or the handler
 * modules that execute it. Immutable.
 */
public final class HandlerSet {
    final String path;
    final HandlerTable table;
    final String[] badModules;
    final HandlerModule[][] handlerModules;

    HandlerSet(String path, HandlerTable table, String[] badModules, HandlerModule[][] handlerModules) {
        this.path = path;
        this.table = table;
        this.badModules = badModules;
        this.handlerModules = handlerModules;
    }

    /** The location path ({@code ""} for the application root, else e.g. {@code /admin}). */
    public String path() {
        return path;
    }

    public HandlerTable table() {
        return table;
    }

    /** The module the mapping at {@code index} names but the application does not have (500.21), or null. */
    public String badModule(int index) {
        return badModules[index];
    }

    /** True when {@code canonicalPath} is this location's path or below it (segment-aligned, case-insensitive). */
    boolean covers(String canonicalPath) {
        int n = path.length();
        return canonicalPath.regionMatches(true, 0, path, 0, n)
                && (canonicalPath.length() == n || canonicalPath.charAt(n) == '/');
    }
}
