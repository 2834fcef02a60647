package io.stageline.config;

import java.util.List;

/**
 * A valid, merged configuration ready to compile: the layers as read (built-in defaults, then the server-level file
 * and the application file when given), the effective configuration, the warnings found so far and the class loader
 * that {@code type:} classes are created from.
 */
public record LoadedConfiguration(List<ConfigFile> layers, EffectiveConfiguration effective,
                                  List<ConfigProblem> warnings, ClassLoader classLoader) {
}
