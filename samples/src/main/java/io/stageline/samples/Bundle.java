package io.stageline.samples;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What the launcher jar carries besides the launcher: {@code lib/common}, {@code lib/jetty}, {@code lib/tomcat} (jars
 * plus a {@code classes/} folder each), {@code webapp-sample/} (the default sample) and {@code samples/<name>/} (the
 * samples of {@link Sample}). Opening a bundle extracts the parts one run needs
 * into a fresh temporary directory, which {@link #close()} deletes. Run from an unpacked bundle directory instead of
 * the jar, the parts are used in place.
 *
 * <p>A container runs in a class loader over {@code lib/common} and {@code lib/<container>} only, whose parent is the
 * platform class loader: Tomcat (whose core jar contains the Servlet API) and Jetty (with {@code jakarta.servlet-api})
 * never share a class path, and neither sees the launcher.
 */
final class Bundle implements AutoCloseable {
    static final String COMMON = "common";
    static final String SAMPLE_WEBAPP = "webapp-sample";

    private final Path root;
    private final Path workDir;
    private URLClassLoader loader;

    private Bundle(Path root, Path workDir) {
        this.root = root;
        this.workDir = workDir;
    }

    /**
     * Opens the bundle of the running launcher for {@code container}, extracting the web application at
     * {@code webappPath} (a folder of the bundle with a trailing slash, see {@link #webapp(String)}) unless it is null.
     */
    static Bundle open(Container container, String webappPath) throws IOException {
        Path source = codeSource();
        Path work = Files.createTempDirectory("stageline-samples-");
        try {
            if (Files.isDirectory(source)) {
                return new Bundle(source, work);
            }
            Path root = work.resolve("bundle");
            List<String> parts = new ArrayList<>(List.of("lib/" + COMMON + "/", "lib/" + container.id() + "/"));
            if (webappPath != null) {
                parts.add(webappPath);
            }
            extract(source, root, parts);
            return new Bundle(root, work);
        } catch (IOException | RuntimeException e) {
            deleteTree(work);
            throw e;
        }
    }

    /** A bundled web application: {@code webappPath} as given to {@link #open}. */
    Path webapp(String webappPath) throws IOException {
        Path dir = root.resolve(webappPath);
        if (!Files.isDirectory(dir.resolve("WEB-INF"))) {
            throw new IOException("the launcher bundle has no web application " + webappPath);
        }
        return dir;
    }

    /** A private scratch directory for this run (the containers' work files), deleted with the bundle. */
    Path workDir() {
        return workDir;
    }

    /** The class loader of {@code container}: lib/common and lib/container, parent = the platform class loader. */
    ClassLoader classLoader(Container container) throws IOException {
        if (loader == null) {
            List<URL> urls = new ArrayList<>();
            addFolder(root.resolve("lib").resolve(COMMON), urls);
            addFolder(root.resolve("lib").resolve(container.id()), urls);
            loader = new URLClassLoader("stageline-" + container.id(), urls.toArray(new URL[0]),
                    ClassLoader.getPlatformClassLoader());
        }
        return loader;
    }

    @Override
    public void close() throws IOException {
        try {
            if (loader != null) {
                loader.close();
            }
        } finally {
            deleteTree(workDir);
        }
    }

    private static void addFolder(Path folder, List<URL> urls) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("the launcher bundle has no " + folder);
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        Path classes = folder.resolve("classes");
        if (Files.isDirectory(classes)) {
            urls.add(classes.toUri().toURL());
        }
    }

    private static Path codeSource() throws IOException {
        try {
            return Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate the launcher jar", e);
        }
    }

    private static void extract(Path jar, Path target, List<String> prefixes) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !startsWithAny(entry.getName(), prefixes)) {
                    continue;
                }
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("bad entry in the launcher jar: " + entry.getName());
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out);
                }
            }
        }
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** Deletes {@code dir} and everything below it; a missing directory is fine. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
