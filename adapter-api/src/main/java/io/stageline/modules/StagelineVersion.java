package io.stageline.modules;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Stageline's version as the logs and traces name it ({@code #Software: Stageline 0.1.0}). */
public final class StagelineVersion {
    private static final String POM = "/META-INF/maven/io.stageline/stageline-adapter-api/pom.properties";
    private static final String VERSION = find();

    private StagelineVersion() {
    }

    /** The jar's implementation version, else the Maven version in the jar, else {@code development}. */
    public static String get() {
        return VERSION;
    }

    private static String find() {
        String v = StagelineVersion.class.getPackage().getImplementationVersion();
        if (v != null && !v.isBlank()) {
            return v;
        }
        try (InputStream in = StagelineVersion.class.getResourceAsStream(POM)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String pom = p.getProperty("version");
                if (pom != null && !pom.isBlank()) {
                    return pom.trim();
                }
            }
        } catch (IOException e) {
            // fall through: the version is informative only
        }
        return "development";
    }
}
