package io.stageline.cli;

/** The request {@code explain} looks at: its method, canonical path and whether it comes from the local machine. */
record Request(String method, String path, boolean local) {
}
