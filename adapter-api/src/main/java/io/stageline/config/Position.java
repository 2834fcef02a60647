package io.stageline.config;

/**
 * Where a configuration entry or key was written: file label, 1-based line and column. {@link #NONE} (no file, line
 * 0) is used for problems that the engine reports without a place.
 */
public record Position(String file, int line, int column) {
    public static final Position NONE = new Position(null, 0, 0);

    /** {@code file:line:col}, {@code file} without a line, or {@code -} when unknown. */
    @Override
    public String toString() {
        if (file == null) {
            return "-";
        }
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
