package io.stageline.config;

import io.stageline.Stageline;
import io.stageline.api.PipelineMode;
import io.stageline.config.ConfigFile.Assignment;
import io.stageline.config.ConfigFile.Location;
import io.stageline.config.ConfigFile.ModuleEntry;
import io.stageline.config.ConfigFile.Pool;
import io.stageline.config.ConfigFile.Setting;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the server level decides for the levels below it (SPEC §6, reference §6.12): sections it locks with
 * {@code overrideMode: Deny}, the native modules it installs ({@code globalModules}) and the application pool, whose
 * {@code pipelineMode} wins over the application file's. ({@code lockItem} is checked while merging, by
 * {@link Merger}.)
 */
final class ServerRules {
    private final Problems problems;
    private final List<ConfigFile> layers;

    /** {@code layers}: lowest first (built-in defaults, server file, application file). */
    ServerRules(Problems problems, List<ConfigFile> layers) {
        this.problems = problems;
        this.layers = layers;
    }

    /** Reports every section a file (or one of its locations) sets that an earlier file locked. */
    void checkDeniedSections() {
        for (int i = 0; i < layers.size(); i++) {
            ConfigFile f = layers.get(i);
            checkDenied(f.file(), f.sections(), i);
            for (Location l : f.locations()) {
                checkDenied(f.file(), l.body().sections(), i);
            }
        }
    }

    private void checkDenied(String file, Map<String, Position> sections, int level) {
        for (Map.Entry<String, Position> s : sections.entrySet()) {
            for (int j = 0; j <= level; j++) {
                ConfigFile locker = layers.get(j);
                Position lock = locker.locks().deniedSections().get(s.getKey());
                if (lock != null && !Objects.equals(locker.file(), file)) {
                    problems.add(ProblemCode.LOCKED, s.getValue(), "section '" + s.getKey() + "' cannot be set here: "
                            + "it is locked at " + Merger.lockedAt(lock) + " (overrideMode: Deny)", "remove the "
                            + "section here, or ask the server administrator to delegate it (overrideMode: Allow)");
                    break;
                }
            }
        }
    }

    /** The installed native modules: the nearest {@code globalModules}, else every built-in native module. */
    Setting<List<String>> globalModules() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            Setting<List<String>> g = layers.get(i).server().globalModules();
            if (g != null) {
                return g;
            }
        }
        return new Setting<>(Stageline.NATIVE_MODULES, Position.NONE);
    }

    /** Reports every native module of the effective list that is not installed. */
    void checkInstalled(List<ModuleEntry> modules, Setting<List<String>> installed) {
        for (ModuleEntry m : modules) {
            if (!m.managed() && !installed.value().contains(m.name())) {
                problems.add(ProblemCode.NOT_INSTALLED, m.pos(), "native module '" + m.name() + "' is not installed: "
                        + "globalModules (" + Merger.lockedAt(installed.pos()) + ") does not list it",
                        "remove it from modules ('- remove: " + m.name() + "'), or install it in the server's "
                                + "globalModules; installed: " + String.join(", ", installed.value()));
            }
        }
    }

    /** The pool the server assigns {@code contextPath} to, or null. */
    Pool pool(String contextPath) {
        if (contextPath == null) {
            return null;
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            ConfigFile f = layers.get(i);
            for (Assignment a : f.server().applications()) {
                if (a.contextPath().equals(contextPath)) {
                    for (Pool p : f.server().applicationPools()) {
                        if (p.name().equals(a.pool())) {
                            return p;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The pool's mode when there is a pool (warning when the application file asks for another), else {@code merged}. */
    PipelineMode pipelineMode(PipelineMode merged, Pool pool, ConfigFile app) {
        if (pool == null) {
            return merged;
        }
        Setting<PipelineMode> own = app == null ? null : app.pipelineMode();
        if (own != null && own.value() != pool.pipelineMode()) {
            problems.add(ProblemCode.POOL_MODE_WINS, own.pos(), "pipelineMode " + name(own.value()) + " is ignored: the "
                    + "server runs this application in pool '" + pool.name() + "' (" + pool.pos() + "), whose "
                    + "pipelineMode is " + name(pool.pipelineMode()), "remove pipelineMode here, or ask the server "
                    + "administrator to assign the application to another pool");
        }
        return pool.pipelineMode();
    }

    private static String name(PipelineMode m) {
        return m.name().toLowerCase(Locale.ROOT);
    }
}
