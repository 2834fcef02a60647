package io.stageline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles test servlets with the JDK's compiler against the real Servlet API jar (on the test class path, the API being
 * a provided dependency), and packs class folders into jars.
 */
final class ServletClasses {
    private ServletClasses() {
    }

    /** Compiles {@code sources} (fully qualified class name to source text) into {@code out}. */
    static void compile(Path out, Map<String, String> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("the tests need a JDK (no system Java compiler)");
        }
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new Source(name, text)));
        StringWriter diagnostics = new StringWriter();
        try {
            Files.createDirectories(out);
            List<String> options = List.of("-d", out.toString(), "-classpath", servletApi().toString(), "-proc:none");
            if (!javac.getTask(diagnostics, null, null, options, null, units).call()) {
                throw new IllegalStateException("test sources do not compile:\n" + diagnostics);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar (or folder) that holds the Servlet API on the test class path. */
    static Path servletApi() {
        try {
            return Path.of(jakarta.servlet.annotation.WebServlet.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Packs the files under {@code classes} into {@code jar}, plus {@code extra} entries (name to content). */
    static Path jar(Path jar, Path classes, Map<String, byte[]> extra) {
        try {
            Files.createDirectories(jar.getParent());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(classes)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
                for (Path f : files) {
                    zip.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(f));
                    zip.closeEntry();
                }
                for (Map.Entry<String, byte[]> e : extra.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String text;

        Source(String name, String text) {
            super(URI.create("string:///" + name.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
