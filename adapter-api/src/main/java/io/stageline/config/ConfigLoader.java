package io.stageline.config;

import io.stageline.api.PipelineMode;
import io.stageline.config.ConfigFile.Pool;
import io.stageline.config.ConfigFile.Setting;
import io.stageline.engine.CompiledPipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads Stageline's YAML configuration (SPEC §6) and compiles it into the engine: parse → validate → merge → compile.
 *
 * <p>Layers, lowest first: the built-in defaults ({@value #DEFAULTS_RESOURCE} beside this class, describing exactly
 * what {@code Stageline.builder()} preloads; the built-in MIME map stays in the StaticFile module's properties
 * resource), the optional server-level file, the optional application file ({@code WEB-INF/stageline.yaml}).
 *
 * <p>Sections of this version:
 * <pre>{@code
 * pipelineMode: integrated                  # or classic
 * validation: { validateIntegratedModeConfiguration: true }
 * modules:
 *   runAllManagedModulesForAllRequests: false
 *   list:                                   # append: inherited first; remove + add moves an entry to the end
 *     - remove: DirectoryListing
 *     - add: Timing
 *       type: com.example.TimingModule      # absent: a built-in native module
 *       preCondition: managedHandler
 *       settings: { slowMs: 250 }
 * handlers:
 *   accessPolicy: Read, Script
 *   list:                                   # prepend: this level's adds come before the inherited mappings
 *     - add: Hello
 *       path: /hello
 *       verb: GET,HEAD
 *       type: com.example.HelloHandler      # or servlet: name | "*", or modules: A,B
 *       resourceType: Unspecified           # File | Directory | Either | Unspecified
 *       requireAccess: Script               # None | Read | Write | Script | Execute
 *       preCondition: integratedMode
 *       allowPathInfo: false
 *       responseBufferLimit: 4MiB           # bytes, or 512KB / 4MiB / 1GB; 0 = stream
 * staticContent:
 *   mimeMap:                                # append
 *     - add: .webmanifest
 *       mimeType: application/manifest+json
 * defaultDocument:
 *   enabled: true
 *   files: [ { add: home.html } ]           # prepend
 * directoryBrowse: { enabled: false }
 * legacy:                                   # classic mode; in integrated mode these fail every request (500.22-24)
 *   httpModules: [ { add: Audit, type: com.example.AuditModule } ]
 *   httpHandlers: [ { add: Report, path: "*.rpt", verb: "*", type: com.example.ReportHandler } ]
 *   identity: { impersonate: false }
 * locations:                                # per path: the application level, then every entry covering the path,
 *   - path: /admin                          #   least specific first; canonical, case-insensitive, trailing / ignored
 *     handlers: { list: [ ... ] }           # only handlers, staticContent, defaultDocument, directoryBrowse
 *     directoryBrowse: { enabled: true }
 * }</pre>
 * The built-in modules' sections ({@code authentication}, {@code credentials}, {@code authorization},
 * {@code managedAuthorization}, {@code httpErrors}, {@code httpProtocol}, {@code httpRedirect}, {@code requestFiltering},
 * {@code logFile}, {@code httpLogging}, {@code traceFailedRequestsLogging}, {@code traceFailedRequests}) are read by
 * {@link ModuleSectionReader} and merged by {@link SectionSettings}; docs/configuration.md describes each.
 * Every list takes {@code - add: KEY ...}, {@code - remove: KEY} and {@code - clear}. Scalar values may use
 * {@code ${env:NAME}} and {@code ${file:path}}. Every problem of every file is collected before failing; the codes
 * are listed in {@link ProblemCode}.
 *
 * <p>The server-level file (and the built-in defaults) may also write:
 * <pre>{@code
 * globalModules: [ProtocolSupport, DefaultDocument, DirectoryListing, StaticFile, ServletDelegation]
 * applicationPools:                         # the pool's pipelineMode wins over the application file's
 *   - { name: ClassicPool, pipelineMode: classic }
 * applications:                             # context path ("/" = the root context) -> pool
 *   /legacy: { pool: ClassicPool }
 * handlers:
 *   overrideMode: Deny                      # Allow (default) | Deny: applications and their locations cannot set it
 *   list:
 *     - add: Hello
 *       lockItem: true                      # applications cannot remove it, nor clear the list holding it
 *       ...
 * locations:
 *   - path: /admin
 *     application: /shop                    # optional: only for this context path (else every application)
 *     directoryBrowse: { enabled: false }
 * }</pre>
 * Server-file locations use application-relative paths too and apply after the application file's top level (for
 * the same path, before the application file's entry); IIS's site/app location paths are not modelled.
 *
 * <pre>{@code
 * ConfigLoader loader = new ConfigLoader();
 * LoadedConfiguration cfg = loader.load(serverYaml, webInf.resolve("stageline.yaml"), appClassLoader, "/shop");
 * CompiledPipeline pipeline = loader.compile(cfg, null).pipeline();   // throws ConfigurationException
 * }</pre>
 */
public final class ConfigLoader {
    public static final String DEFAULTS_RESOURCE = "defaults.yaml";
    /** The file label of the built-in defaults in messages and {@code HandlerMapping.source()}. */
    public static final String DEFAULTS_LABEL = "builtin:" + DEFAULTS_RESOURCE;

    private final Function<String, String> environment;

    /** A loader that resolves {@code ${env:NAME}} from the process environment. */
    public ConfigLoader() {
        this(System::getenv);
    }

    /** A loader with its own environment lookup (returns null for an unset variable). */
    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Reads, validates and merges the defaults, the server-level file and the application file (each nullable).
     *
     * @throws ConfigurationException with every problem, when any is an error
     */
    public LoadedConfiguration load(Path serverFile, Path appFile, ClassLoader classLoader) {
        return load(serverFile, appFile, classLoader, null);
    }

    /**
     * As {@link #load(Path, Path, ClassLoader)} for the application at {@code contextPath} (the servlet context path,
     * {@code ""} for the root context; null = unknown): the server's {@code applications:} pool assignment and its
     * {@code locations:} entries with {@code application:} filters apply by it.
     */
    public LoadedConfiguration load(Path serverFile, Path appFile, ClassLoader classLoader, String contextPath) {
        Problems problems = new Problems();
        ConfigSource server = serverFile == null ? null : read(serverFile, problems);
        ConfigSource app = appFile == null ? null : read(appFile, problems);
        return load(server, app, classLoader, contextPath, problems);
    }

    /** As {@link #load(Path, Path, ClassLoader)}, from texts already read (e.g. a servlet context resource). */
    public LoadedConfiguration load(ConfigSource server, ConfigSource app, ClassLoader classLoader) {
        return load(server, app, classLoader, null, new Problems());
    }

    /** As {@link #load(Path, Path, ClassLoader, String)}, from texts already read. */
    public LoadedConfiguration load(ConfigSource server, ConfigSource app, ClassLoader classLoader, String contextPath) {
        return load(server, app, classLoader, contextPath, new Problems());
    }

    private LoadedConfiguration load(ConfigSource server, ConfigSource app, ClassLoader classLoader, String contextPath,
                                     Problems problems) {
        List<ConfigFile> layers = new ArrayList<>();
        layers.add(parse(defaults(), ConfigLoader.class.getClassLoader(), ConfigReader.Level.BUILT_IN, problems));
        if (server != null) {
            layers.add(parse(server, classLoader, ConfigReader.Level.SERVER, problems));
        }
        ConfigFile appFile = app == null ? null : parse(app, classLoader, ConfigReader.Level.APPLICATION, problems);
        if (appFile != null) {
            layers.add(appFile);
        }
        EffectiveConfiguration effective = merge(layers, appFile, contextPath, problems);
        problems.throwIfErrors();
        return new LoadedConfiguration(List.copyOf(layers), effective, problems.warnings(), classLoader);
    }

    private static EffectiveConfiguration merge(List<ConfigFile> layers, ConfigFile app, String contextPath,
                                                Problems problems) {
        Set<Position> locked = new HashSet<>();
        for (ConfigFile f : layers) {
            locked.addAll(f.locks().items());
        }
        Merger merger = new Merger(problems, locked);
        EffectiveConfiguration merged = merger.merge(layers);
        ServerRules rules = new ServerRules(problems, layers);
        rules.checkDeniedSections();
        Setting<List<String>> installed = rules.globalModules();
        rules.checkInstalled(merged.modules(), installed);
        Pool pool = rules.pool(contextPath);
        PipelineMode mode = rules.pipelineMode(merged.pipelineMode(), pool, app);
        List<LocationConfiguration> locations = new LocationResolver(merger).resolve(merged, layers, contextPath);
        EffectiveConfiguration effective = merged.with(mode, locations, installed.value(),
                pool == null ? null : pool.name(), app != null && app.declaresLegacyModules(),
                app != null && app.declaresLegacyHandlers());
        new SectionSettings(merger).check(effective);
        return effective;
    }

    /**
     * Compiles a loaded configuration; {@code mode} overrides its {@code pipelineMode} when not null.
     *
     * @throws ConfigurationException with every problem, when any is an error
     */
    public CompiledConfiguration compile(LoadedConfiguration config, PipelineMode mode) {
        Problems problems = new Problems();
        for (ConfigProblem w : config.warnings()) {
            problems.add(w);
        }
        EffectiveConfiguration c = config.effective();
        PipelineMode effectiveMode = mode != null ? mode : c.pipelineMode();
        new ShadowCheck(problems).check(c.handlers(), c.accessPolicy(), effectiveMode);
        for (LocationConfiguration l : c.locations()) {
            if (l.handlersChanged()) {
                new ShadowCheck(problems).check(l.handlers(), c.accessPolicy(), effectiveMode);
            }
        }
        CompiledPipeline pipeline = new PipelineCompiler(problems, config.classLoader()).compile(c, effectiveMode);
        if (problems.hasErrors() && pipeline != null) {
            pipeline.close();
        }
        problems.throwIfErrors();
        return new CompiledConfiguration(pipeline, problems.warnings());
    }

    private ConfigFile parse(ConfigSource source, ClassLoader classLoader, ConfigReader.Level level,
                             Problems problems) {
        int first = problems.size();
        Substitutions subs = new Substitutions(environment, source.baseDir());
        YNode root = YamlTree.parse(source.text(), source.label(), subs, problems);
        ConfigFile file = new ConfigReader(problems, classLoader, level).read(source.label(), root);
        problems.sortFrom(first);
        return file;
    }

    private static ConfigSource read(Path file, Problems problems) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            return new ConfigSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8), dir);
        } catch (IOException | RuntimeException e) {
            problems.add(ProblemCode.UNREADABLE_FILE, new Position(file.toString(), 0, 0), "cannot read the "
                    + "configuration file: " + e.getClass().getSimpleName() + " " + e.getMessage());
            return null;
        }
    }

    static ConfigSource defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the built-in " + DEFAULTS_RESOURCE + " is missing from the jar");
            }
            return new ConfigSource(DEFAULTS_LABEL, new String(in.readAllBytes(), StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in " + DEFAULTS_RESOURCE, e);
        }
    }
}
