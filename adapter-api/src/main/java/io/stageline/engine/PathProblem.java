package io.stageline.engine;

/**
 * Why a request's path cannot be reduced safely to one canonical application path. Every problem is answered
 * {@code 400} (substatus 0) before any module runs; the message is shown on the error page.
 */
public enum PathProblem {
    NOT_ABSOLUTE("the request target is not an absolute path"),
    RAW_CHARACTER("the URL contains a character that must be percent-encoded (space, control, non-ASCII) or a "
            + "backslash"),
    BAD_ESCAPE("the URL contains an invalid percent-escape ('%' not followed by two hex digits)"),
    BAD_UTF8("the URL's percent-escapes are not valid UTF-8 (overlong forms such as %c0%ae included)"),
    ENCODED_SEPARATOR("the URL contains an encoded '/' or '\\' (%2F, %5C)"),
    PATH_PARAMETER("the URL has a ';' path parameter (only a trailing ;jsessionid=... is accepted)"),
    SEMICOLON("the decoded path contains ';'"),
    BACKSLASH("the decoded path contains '\\'"),
    CONTROL_CHARACTER("the path contains a NUL or control character"),
    EMPTY_SEGMENT("the path has an empty segment ('//')"),
    DOT_SEGMENT("the path has a '.' or '..' segment"),
    TRAILING_DOT_OR_SPACE("a path segment ends with '.' or a space (on Windows, another name for the same file)"),
    OUTSIDE_CONTEXT("the decoded URL does not start with the application's context path"),
    CONTAINER_MISMATCH("the container's servlet path and path info differ from the decoded URL");

    private final String message;

    PathProblem(String message) {
        this.message = message;
    }

    /** The HTTP status of the rejection. */
    public int status() {
        return 400;
    }

    /** The IIS substatus of the rejection. */
    public int subStatus() {
        return 0;
    }

    /** What is wrong, for the error page. */
    public String message() {
        return message;
    }
}
