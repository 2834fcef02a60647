package io.stageline.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code WEBAPP_OR_YAML} names: an exploded web application (its {@code WEB-INF/stageline.yaml} is the
 * configuration, {@code WEB-INF/web.xml} holds the servlet mappings, {@code WEB-INF/classes} and
 * {@code WEB-INF/lib/*.jar} hold the {@code type:} classes) or a YAML file. A YAML file named {@code stageline.yaml}
 * inside a {@code WEB-INF} folder is treated as its web application's file.
 *
 * @param yaml   the configuration file (it may not exist: the loader then reports SL-CFG-022)
 * @param webapp the web application's root folder, or null for a bare YAML file
 */
record Target(Path yaml, Path webapp) {
    static final String CONFIG = "stageline.yaml";

    static Target of(Path p) {
        if (Files.isDirectory(p)) {
            return new Target(p.resolve("WEB-INF").resolve(CONFIG), p);
        }
        Path parent = p.getParent();
        if (p.getFileName() != null && CONFIG.equals(p.getFileName().toString()) && parent != null
                && parent.getFileName() != null && "WEB-INF".equals(parent.getFileName().toString())) {
            Path root = parent.getParent();
            return new Target(p, root == null ? Path.of(".") : root);
        }
        return new Target(p, null);
    }

    /** {@code WEB-INF/web.xml} of the web application, or null (a bare YAML file, or no web.xml). */
    Path webXml() {
        if (webapp == null) {
            return null;
        }
        Path x = webapp.resolve("WEB-INF").resolve("web.xml");
        return Files.isRegularFile(x) ? x : null;
    }

    /**
     * The class loader that {@code type:} classes come from: the web application's classes and jars on top of the
     * command's own class path, or the command's class loader itself for a bare YAML file. Close it when done.
     */
    URLClassLoader classLoader() {
        ClassLoader parent = Target.class.getClassLoader();
        List<URL> urls = new ArrayList<>();
        if (webapp != null) {
            Path webInf = webapp.resolve("WEB-INF");
            add(urls, webInf.resolve("classes"));
            Path lib = webInf.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    jars.filter(j -> j.getFileName().toString().endsWith(".jar")).sorted().forEach(j -> add(urls, j));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + lib, e);
                }
            }
        }
        return new URLClassLoader("stageline-webapp", urls.toArray(new URL[0]), parent);
    }

    private static void add(List<URL> urls, Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try {
            urls.add(p.toAbsolutePath().toUri().toURL());
        } catch (MalformedURLException e) {
            throw new IllegalStateException("cannot use " + p + " as a class path entry", e);
        }
    }
}
