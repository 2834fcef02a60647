package io.stageline.cli;

/**
 * The request {@code explain} looks at: its method, canonical application-relative path, whether it comes from the
 * local machine, and the context path of the application it is sent to ({@code /} for the root context, else e.g.
 * {@code /shop}; as {@code --context-path} gives it).
 */
record Request(String method, String path, boolean local, String contextPath) {
}
