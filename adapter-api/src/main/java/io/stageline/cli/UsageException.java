package io.stageline.cli;

/** A mistake on the command line: the command prints the one-line message and the usage, and exits with 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
