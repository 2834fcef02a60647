package io.stageline.engine;

/** What a path maps to in the web application's resources. */
public enum ResourceKind {
    FILE, DIRECTORY, NONE
}
