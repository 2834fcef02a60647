package io.stageline.config;

/**
 * One configuration problem: a stable {@link ProblemCode} id, a severity, where it was found (file null and line 0 when
 * the place is unknown), what is wrong and, when useful, how to fix it.
 */
public record ConfigProblem(String code, Severity severity, String file, int line, int column, String message,
                            String hint) {
    public enum Severity {
        ERROR, WARNING
    }

    /** A problem of the given code at a position (its severity is the code's); {@code hint} may be null. */
    public static ConfigProblem of(ProblemCode code, Position at, String message, String hint) {
        Position p = at == null ? Position.NONE : at;
        return new ConfigProblem(code.id(), code.severity(), p.file(), p.line(), p.column(), message, hint);
    }

    public Position position() {
        return new Position(file, line, column);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col CODE message}; the position part is left out when unknown. */
    @Override
    public String toString() {
        String where = file == null ? "" : position() + " ";
        return where + code + " " + message;
    }
}
