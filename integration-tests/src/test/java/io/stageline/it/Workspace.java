package io.stageline.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** The unpacked distributions the build prepared (failsafe system properties) and file helpers. */
final class Workspace {
    private Workspace() {
    }

    /** A directory or file the build prepared, named by the system property {@code stageline.it.<name>}. */
    static Path prepared(String name) {
        String value = System.getProperty("stageline.it." + name);
        if (value == null || !Files.exists(Path.of(value))) {
            throw new IllegalStateException("stageline.it." + name + " is not prepared (" + value
                    + "): run the integration tests through Maven (mvn verify)");
        }
        return Path.of(value);
    }

    /** An empty directory {@code target/it-work/<name>}, emptied first when a previous run left it. */
    static Path freshDirectory(String name) throws IOException {
        String root = System.getProperty("stageline.it.workDir");
        if (root == null) {
            throw new IllegalStateException("stageline.it.workDir is not set: run the integration tests through Maven");
        }
        Path dir = Path.of(root).resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(Workspace::delete);
            }
        }
        return Files.createDirectories(dir);
    }

    /** Copies the tree {@code from} into {@code to} (created), as {@code cp -r from/. to}. */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** A port free on 127.0.0.1 now (the server binds it a moment later). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** This JVM's {@code java} launcher, which starts the servers too. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
