package io.stageline.samples;

/** A command line the launcher cannot run: reported as one line on stderr, exit status 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
