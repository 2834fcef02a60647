package io.stageline.config;

import java.nio.file.Path;

/**
 * The text of one configuration file: a label for messages (usually the path), the YAML text and the directory that
 * relative {@code ${file:...}} substitutions resolve against (null: only absolute paths).
 */
public record ConfigSource(String label, String text, Path baseDir) {
}
