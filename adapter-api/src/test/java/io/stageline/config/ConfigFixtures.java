package io.stageline.config;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.api.RequestHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes YAML files into a temporary directory and loads them; problems come back as pinned strings. */
final class ConfigFixtures {
    private final Path dir;
    private final ConfigLoader loader;

    ConfigFixtures(Path dir) {
        this(dir, Map.of());
    }

    ConfigFixtures(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.loader = new ConfigLoader(env::get);
    }

    Path write(String name, String yaml) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, yaml);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String label(String name) {
        return dir.resolve(name).toString();
    }

    LoadedConfiguration app(String yaml) {
        return loader.load(null, write("app.yaml", yaml), ConfigFixtures.class.getClassLoader());
    }

    LoadedConfiguration load(String serverYaml, String appYaml) {
        Path server = serverYaml == null ? null : write("server.yaml", serverYaml);
        Path app = appYaml == null ? null : write("app.yaml", appYaml);
        return loader.load(server, app, ConfigFixtures.class.getClassLoader());
    }

    /** Loads both files (each nullable) for the application at {@code contextPath}. */
    LoadedConfiguration load(String serverYaml, String appYaml, String contextPath) {
        Path server = serverYaml == null ? null : write("server.yaml", serverYaml);
        Path app = appYaml == null ? null : write("app.yaml", appYaml);
        return loader.load(server, app, ConfigFixtures.class.getClassLoader(), contextPath);
    }

    /** The problems of a server file and an application file that must fail to load, stripped as {@link #strip}. */
    List<String> loadProblems(String serverYaml, String appYaml) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(serverYaml, appYaml));
        return strip(e.problems());
    }

    CompiledConfiguration compile(LoadedConfiguration c) {
        return loader.compile(c, null);
    }

    /** The problems of an application file that must fail, as {@code line:col CODE message} (file name dropped). */
    List<String> appProblems(String yaml) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> compile(app(yaml)));
        return strip(e.problems());
    }

    List<String> strip(List<ConfigProblem> problems) {
        String prefix = label("app.yaml") + ":";
        return problems.stream().map(p -> p.toString().replace(prefix, "app:")
                .replace(label("server.yaml") + ":", "server:")).toList();
    }

    /** A managed module for {@code type:} tests. */
    public static final class TimingModule implements PipelineModule {
        @Override
        public void init(ModuleSetup setup) {
            setup.subscribe(PipelineStage.BEGIN_REQUEST);
        }

        @Override
        public void handle(RequestContext ctx) {
            // records nothing; only its place in the module list matters to these tests
        }
    }

    /** A handler for {@code type:} tests. */
    public static final class HelloHandler implements RequestHandler {
        @Override
        public void handle(RequestContext ctx) {
            // never executed by these tests
        }
    }

    /** A handler whose constructor fails: only the engine finds out, when it creates the handler. */
    public static final class FailingHandler implements RequestHandler {
        public FailingHandler() {
            throw new IllegalStateException("no database");
        }

        @Override
        public void handle(RequestContext ctx) {
            // never created
        }
    }

    /** Loads, but is neither a module nor a handler. */
    public static final class NotAModule {
    }

    /** A module without a usable constructor. */
    public static final class NoDefaultConstructor implements PipelineModule {
        public NoDefaultConstructor(String required) {
            // needs an argument: the engine cannot create it
        }

        @Override
        public void init(ModuleSetup setup) {
            // never created
        }

        @Override
        public void handle(RequestContext ctx) {
            // never created
        }
    }

    /** A module whose init rejects its settings. */
    public static final class StrictModule implements PipelineModule {
        @Override
        public void init(ModuleSetup setup) {
            if (setup.settings().has("bad")) {
                throw new IllegalArgumentException("unknown setting bad");
            }
        }

        @Override
        public void handle(RequestContext ctx) {
            // no stages
        }
    }
}
