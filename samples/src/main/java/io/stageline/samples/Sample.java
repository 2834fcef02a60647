package io.stageline.samples;

/**
 * The sample applications the launcher jar carries under {@code samples/<name>/} ({@code --sample NAME}); the build also
 * leaves them exploded in {@code samples/target/samples/<name>} for {@code --webapp} and {@code stageline migrate}.
 * Each is the same legacy application (a servlet in web.xml, a JSP, static files) with its own
 * {@code WEB-INF/stageline.yaml}; the README's Walkthrough goes through them with curl.
 */
enum Sample {
    FORMS("forms", "forms authentication, managedHandler: /hello needs a login, static files are public",
            new String[][] {
                {"hello", "the legacy servlet: 302 to the login page until you log in"},
                {"index.html", "a static file: public"},
                {"login.html", "the login form (user demo, password stageline-demo)"},
            }),
    FORMS_ALL("forms-all", "forms authentication removed and added back without precondition: everything protected",
            new String[][] {
                {"hello", "the legacy servlet: 302 to the login page until you log in"},
                {"index.html", "a static file: 302 to the login page too"},
                {"login.html", "the login form (user demo, password stageline-demo)"},
            }),
    CLASSIC("classic", "classic mode: forms authentication under legacy.httpModules, static files never protected",
            new String[][] {
                {"hello", "the legacy servlet: 302 to the login page until you log in"},
                {"index.html", "a static file: public (classic mode runs no managed module for it)"},
                {"login.html", "the login form (user demo, password stageline-demo)"},
            }),
    TYPE_IN_CLASSIC("type-in-classic", "a type: handler in classic mode: 500.21 (fix: integrated mode or a precondition)",
            new String[][] {
                {"status", "the type: handler: 500.21 in classic mode"},
                {"hello", "the legacy servlet: 200"},
            }),
    LEGACY_MODULES("legacy-modules", "legacy.httpModules in integrated mode: 500.22 (fix: stageline migrate)",
            new String[][] {
                {"index.html", "500.22, like every request, until the configuration is migrated"},
                {"hello", "500.22 as well"},
            });

    /** The folder of the samples in the launcher jar. */
    static final String FOLDER = "samples";

    private final String id;
    private final String description;
    private final String[][] pages;

    Sample(String id, String description, String[][] pages) {
        this.id = id;
        this.description = description;
        this.pages = pages;
    }

    /** The name on the command line and of the sample's folder. */
    String id() {
        return id;
    }

    String description() {
        return description;
    }

    /** The sample's pages: path under the base URL, what it shows. */
    String[][] pages() {
        return pages.clone();
    }

    /** The sample's folder inside the launcher jar (or the unpacked bundle), with a trailing slash. */
    String bundlePath() {
        return FOLDER + "/" + id + "/";
    }

    /** The sample named {@code id}, or null. */
    static Sample byId(String id) {
        for (Sample s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        return null;
    }

    /** The names, for messages: "forms, forms-all, ...". */
    static String names() {
        StringBuilder b = new StringBuilder();
        for (Sample s : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.id);
        }
        return b.toString();
    }

    /** The {@code --help} lines that list the samples. */
    static String helpLines() {
        StringBuilder b = new StringBuilder();
        for (Sample s : values()) {
            b.append("    ").append(String.format("%-17s", s.id)).append(s.description).append('\n');
        }
        return b.toString();
    }
}
