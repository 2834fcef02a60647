package io.stageline.cli;

import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.api.RequestHandler;
import io.stageline.config.ConfigFile;
import io.stageline.config.ConfigFile.ListOp;
import io.stageline.config.ConfigLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs the command in-process against files in a temporary directory; paths in its output are made relative. */
final class CliFixtures {
    static final String FIX = "io.stageline.cli.CliFixtures$";

    private final Path dir;

    CliFixtures(Path dir) {
        this.dir = dir;
    }

    /** What one run printed and returned; {@code dir/} is removed from both streams. */
    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    Path write(String relative, String content) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String relative) {
        try {
            return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The absolute path of a file in the directory, as an argument. */
    String p(String relative) {
        return dir.resolve(relative).toString();
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = StagelineCommand.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String prefix = dir.toString() + File.separator;
        return new Result(exit, out.toString(StandardCharsets.UTF_8).replace(prefix, ""),
                err.toString(StandardCharsets.UTF_8).replace(prefix, ""));
    }

    /** The built-in defaults as loaded, to name their lines without pinning them (defaults.yaml may grow). */
    static ConfigFile defaults() {
        return new ConfigLoader().load((Path) null, null, CliFixtures.class.getClassLoader()).layers().get(0);
    }

    /** {@code defaults builtin:defaults.yaml:L:C add} of a built-in handler mapping. */
    static String defaultHandler(String name) {
        return "defaults " + addOf(defaults().handlers(), name) + " add";
    }

    /** {@code defaults builtin:defaults.yaml:L:C add} of a built-in module. */
    static String defaultModule(String name) {
        return "defaults " + addOf(defaults().modules(), name) + " add";
    }

    /** {@code defaults builtin:defaults.yaml:L:C set} of the built-in pipelineMode. */
    static String defaultMode() {
        return "defaults " + defaults().pipelineMode().pos() + " set";
    }

    /** {@code defaults builtin:defaults.yaml:L:C set} of the built-in accessPolicy. */
    static String defaultAccessPolicy() {
        return "defaults " + defaults().accessPolicy().pos() + " set";
    }

    private static String addOf(List<? extends ListOp<?>> ops, String name) {
        for (ListOp<?> op : ops) {
            if (op.kind() == ListOp.Kind.ADD && op.key().equals(name)) {
                return op.pos().toString();
            }
        }
        throw new AssertionError("no built-in " + name);
    }

    /** A managed module subscribed to BEGIN_REQUEST and END_REQUEST. */
    public static final class TimingModule implements PipelineModule {
        @Override
        public void init(ModuleSetup setup) {
            setup.subscribe(PipelineStage.BEGIN_REQUEST, PipelineStage.END_REQUEST);
        }

        @Override
        public void handle(RequestContext ctx) {
            throw new AssertionError("explain must not run modules");
        }
    }

    /** A legacy (classic-mode) module subscribed to BEGIN_REQUEST and AUTHORIZE_REQUEST. */
    public static final class AuditModule implements PipelineModule {
        @Override
        public void init(ModuleSetup setup) {
            setup.subscribe(PipelineStage.BEGIN_REQUEST, PipelineStage.AUTHORIZE_REQUEST);
        }

        @Override
        public void handle(RequestContext ctx) {
            throw new AssertionError("explain must not run modules");
        }
    }

    /** A handler for {@code type:} mappings. */
    public static final class HelloHandler implements RequestHandler {
        @Override
        public void handle(RequestContext ctx) {
            throw new AssertionError("explain must not run handlers");
        }
    }

    /** A handler for {@code legacy.httpHandlers}. */
    public static final class ReportHandler implements RequestHandler {
        @Override
        public void handle(RequestContext ctx) {
            throw new AssertionError("explain must not run handlers");
        }
    }
}
