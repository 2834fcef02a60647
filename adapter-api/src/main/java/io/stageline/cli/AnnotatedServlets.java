package io.stageline.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.FileVisitOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The {@code @jakarta.servlet.annotation.WebServlet} classes of a web application, read from the class files of
 * {@code WEB-INF/classes} (recursively) and of {@code WEB-INF/lib/*.jar} with {@link ClassFileReader}: no class is
 * loaded, so no static initialiser runs and the Servlet API need not be on the class path.
 *
 * <p>Only {@code jakarta.servlet.annotation.WebServlet} counts: a Jakarta Servlet container (Tomcat 10+, Jetty 11+)
 * ignores the legacy {@code javax.servlet.annotation.WebServlet}, so a class carrying it only gets a warning. A jar
 * whose {@code META-INF/web-fragment.xml} says {@code metadata-complete="true"} is not scanned (Servlet §8.2.3);
 * {@code META-INF/} entries of jars (multi-release variants, {@code module-info}) are skipped, and so are modules,
 * interfaces and annotation types.
 *
 * <p>The work is bounded and stays inside {@code WEB-INF}: a class file larger than {@value #MAX_CLASS_BYTES} bytes is
 * skipped, the scan stops after reading {@value #MAX_TOTAL_BYTES} bytes in all, symbolic links to folders are not
 * followed, and a file, folder or jar whose real path is outside {@code WEB-INF} is skipped. An unreadable or malformed
 * class file or jar is skipped with a warning.
 */
final class AnnotatedServlets {
    /** The descriptor of the annotation that is read. */
    static final String WEB_SERVLET = "Ljakarta/servlet/annotation/WebServlet;";
    static final String LEGACY_WEB_SERVLET = "Ljavax/servlet/annotation/WebServlet;";
    static final int MAX_CLASS_BYTES = 4 << 20;
    static final long MAX_TOTAL_BYTES = 512L << 20;
    private static final int MAX_FRAGMENT_BYTES = 1 << 20;
    private static final int MAX_DEPTH = 64;
    private static final int SKIPPED = ClassFileReader.ACC_MODULE | 0x0200 | 0x2000; // module, interface, annotation

    /**
     * One annotated servlet class.
     *
     * @param name        the annotation's {@code name}, else the class's fully qualified name
     * @param urlPatterns its {@code urlPatterns}, else its {@code value}
     * @param origin      {@code WEB-INF/classes} or the jar it was read from, as a path
     */
    record Servlet(String name, String className, List<String> urlPatterns, String origin) {
        /** Where its mappings come from, for {@code explain}'s output. */
        String source() {
            return "the @WebServlet annotation on class " + className + " in " + origin;
        }
    }

    private final Path webInf;
    private final Path realWebInf;
    private final Consumer<String> warn;
    private final List<Servlet> found = new ArrayList<>();
    private long budget = MAX_TOTAL_BYTES;

    private AnnotatedServlets(Path webInf, Path realWebInf, Consumer<String> warn) {
        this.webInf = webInf;
        this.realWebInf = realWebInf;
        this.warn = warn;
    }

    /**
     * The annotated servlets under {@code webInf}, those of {@code classes} first (in path order), then those of each
     * jar (in file name order). {@code warn} receives one line per file skipped.
     */
    static List<Servlet> scan(Path webInf, Consumer<String> warn) {
        if (!Files.isDirectory(webInf)) {
            return List.of();
        }
        Path real;
        try {
            real = webInf.toRealPath();
        } catch (IOException e) {
            warn.accept(webInf + ": cannot resolve, its annotations are not read: " + e.getMessage());
            return List.of();
        }
        AnnotatedServlets s = new AnnotatedServlets(webInf, real, warn);
        s.classes(webInf.resolve("classes"));
        s.jars(webInf.resolve("lib"));
        return List.copyOf(s.found);
    }

    private boolean inside(Path p) {
        try {
            if (p.toRealPath().startsWith(realWebInf)) {
                return true;
            }
            warn.accept(p + ": ignored: it leads outside " + webInf);
        } catch (IOException e) {
            warn.accept(p + ": ignored: " + e.getMessage());
        }
        return false;
    }

    private void classes(Path classes) {
        if (!Files.isDirectory(classes) || !inside(classes)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(classes, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                            if (f.getFileName().toString().endsWith(".class") && (a.isRegularFile()
                                    || a.isSymbolicLink() && Files.isRegularFile(f) && inside(f))) {
                                files.add(f);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            warn.accept(f + ": ignored: cannot read it: " + e.getMessage());
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            warn.accept(classes + ": ignored: cannot list it: " + e.getMessage());
        }
        Collections.sort(files);
        for (Path f : files) {
            try {
                long size = Files.size(f);
                if (tooLarge(f.toString(), size)) {
                    continue;
                }
                if (!spend(size)) {
                    return;
                }
                read(Files.readAllBytes(f), f.toString(), classes.toString());
            } catch (IOException e) {
                warn.accept(f + ": ignored: cannot read it: " + e.getMessage());
            }
        }
    }

    private void jars(Path lib) {
        if (!Files.isDirectory(lib) || !inside(lib)) {
            return;
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(lib)) {
            jars = s.filter(j -> j.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            warn.accept(lib + ": ignored: cannot list it: " + e.getMessage());
            return;
        }
        for (Path jar : jars) {
            if (Files.isRegularFile(jar) && inside(jar) && !jar(jar)) {
                return;
            }
        }
    }

    /** Reads one jar; false when the byte budget ran out. */
    private boolean jar(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (fragmentIsComplete(zip, jar)) {
                return true;
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")) {
                    continue;
                }
                String label = jar + "!/" + name;
                if (tooLarge(label, e.getSize())) {
                    continue;
                }
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readNBytes(MAX_CLASS_BYTES + 1);
                }
                if (!spend(bytes.length)) {
                    return false;
                }
                if (!tooLarge(label, bytes.length)) {
                    read(bytes, label, jar.toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            warn.accept(jar + ": ignored (in part or in full): cannot read it as a jar: " + e.getMessage());
        }
        return true;
    }

    private boolean fragmentIsComplete(ZipFile zip, Path jar) throws IOException {
        ZipEntry fragment = zip.getEntry("META-INF/web-fragment.xml");
        if (fragment == null) {
            return false;
        }
        try (InputStream in = zip.getInputStream(fragment)) {
            byte[] xml = in.readNBytes(MAX_FRAGMENT_BYTES);
            Element root = ServletMappings.builder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
            return "true".equalsIgnoreCase(root.getAttribute("metadata-complete").trim());
        } catch (SAXException e) {
            warn.accept(jar + "!/META-INF/web-fragment.xml: cannot parse it, its metadata-complete is not known: "
                    + e.getMessage());
            return false;
        }
    }

    private boolean tooLarge(String label, long size) {
        if (size > MAX_CLASS_BYTES) {
            warn.accept(label + ": ignored: larger than " + (MAX_CLASS_BYTES >> 20) + " MB");
            return true;
        }
        return false;
    }

    private boolean spend(long bytes) {
        if (budget >= 0) {
            budget -= bytes;
            if (budget < 0) {
                warn.accept(webInf + ": stopped reading annotations after " + (MAX_TOTAL_BYTES >> 20) + " MB of class "
                        + "files; later classes and jars are not scanned");
            }
        }
        return budget >= 0;
    }

    private void read(byte[] bytes, String label, String origin) {
        ClassFileReader.ClassInfo c;
        try {
            c = ClassFileReader.read(bytes);
        } catch (ClassFileReader.MalformedClassException e) {
            warn.accept(label + ": ignored: malformed class file: " + e.getMessage());
            return;
        }
        if ((c.access() & SKIPPED) != 0) {
            return;
        }
        ClassFileReader.Annotation a = c.annotation(WEB_SERVLET);
        if (a == null) {
            if (c.annotation(LEGACY_WEB_SERVLET) != null) {
                warn.accept(label + ": class " + c.name() + " carries javax.servlet.annotation.WebServlet, which a "
                        + "Jakarta Servlet container ignores; its mappings are not read");
            }
            return;
        }
        List<String> value = strings(a, "value");
        List<String> urlPatterns = strings(a, "urlPatterns");
        if (value == null || urlPatterns == null) {
            warn.accept(label + ": ignored: the @WebServlet annotation of " + c.name() + " has a value or urlPatterns "
                    + "that is not a list of strings");
            return;
        }
        if (!value.isEmpty() && !urlPatterns.isEmpty()) {
            warn.accept(label + ": ignored: the @WebServlet annotation of " + c.name() + " has both value and "
                    + "urlPatterns, which the Servlet specification forbids (the container refuses it)");
            return;
        }
        Object name = a.elements().get("name");
        String servlet = name instanceof String s && !s.isEmpty() ? s : c.name();
        found.add(new Servlet(servlet, c.name(), urlPatterns.isEmpty() ? value : urlPatterns, origin));
    }

    /** The element's strings (empty when absent), or null when it is not a string or a list of strings. */
    private static List<String> strings(ClassFileReader.Annotation a, String element) {
        Object v = a.elements().get(element);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            for (Object o : list) {
                if (!(o instanceof String s)) {
                    return null;
                }
                out.add(s);
            }
            return out;
        }
        return null;
    }
}
