package io.stageline.modules.defaultdocument;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.RequestContext;
import io.stageline.engine.Exchange;
import io.stageline.engine.HandlerModule;
import io.stageline.engine.ResourceKind;
import io.stageline.modules.CourtesyRedirect;
import io.stageline.modules.ProtectedPaths;
import io.stageline.modules.SettingsCheck;
import java.util.List;
import java.util.Set;

/**
 * DefaultDocument, the port of IIS's DefaultDocumentModule ({@code <defaultDocument>}, reference §6.2): a handler
 * module that answers directory URLs with the first default document that exists.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code enabled} (default {@code true}).</li>
 *   <li>{@code files}: the documents to try, in order (a list, or one comma-separated string). Default
 *       {@value #DEFAULT_FILES_TEXT}: the Java analogue of IIS's {@code Default.htm, Default.asp, index.htm,
 *       index.html, iisstart.htm}, with the names servlet applications use ({@code index.html} first, as Tomcat and
 *       Jetty welcome files do; {@code index.jsp} where IIS lists {@code default.aspx}). Names are single path
 *       segments: no {@code /}, {@code \}, {@code ?}, {@code #} or {@code ;}, not {@code .} or {@code ..}.</li>
 * </ul>
 *
 * <p>Behaviour, for a request the mapping hands to it:
 * <ul>
 *   <li>not a directory, or disabled: declines;</li>
 *   <li>a directory URL without its trailing slash: the courtesy redirect ({@link CourtesyRedirect});</li>
 *   <li>a directory URL: the first listed name that exists as a file runs as a child request
 *       ({@code /docs/} → {@code /docs/index.html}, query kept) through the whole pipeline, so its own handler
 *       mapping, authorization and every other module apply to it, as IIS's internal rewrite does;</li>
 *   <li>no listed file exists: declines (DirectoryListing, then StaticFile's 403.14, come next).</li>
 * </ul>
 * Directories inside {@code WEB-INF} or {@code META-INF} are always declined.
 */
public final class DefaultDocumentModule implements PipelineModule, HandlerModule {
    public static final String NAME = "DefaultDocument";
    public static final List<String> DEFAULT_FILES = List.of("index.html", "index.htm", "index.jsp", "default.html",
            "default.htm");
    public static final String DEFAULT_FILES_TEXT = "index.html, index.htm, index.jsp, default.html, default.htm";

    private static final Set<String> KEYS = Set.of("enabled", "files");

    private boolean enabled = true;
    private String[] files = DEFAULT_FILES.toArray(new String[0]);

    @Override
    public void init(ModuleSetup setup) {
        ModuleSettings s = setup.settings();
        SettingsCheck.onlyKnownKeys(s, setup.name(), KEYS);
        enabled = s.getBoolean("enabled", true);
        List<String> list = SettingsCheck.stringList(s, "files", DEFAULT_FILES);
        for (String name : list) {
            checkName(name);
        }
        files = list.toArray(new String[0]);
    }

    private static void checkName(String name) {
        boolean bad = ".".equals(name) || "..".equals(name);
        for (int i = 0; i < name.length() && !bad; i++) {
            char c = name.charAt(i);
            bad = c == '/' || c == '\\' || c == '?' || c == '#' || c == ';' || c < 0x20 || c == 0x7f;
        }
        if (bad) {
            throw new IllegalArgumentException("setting 'files': '" + name + "' is not a file name (one path "
                    + "segment, without / \\ ? # ;)");
        }
    }

    /** True when the module is enabled. */
    public boolean enabled() {
        return enabled;
    }

    /** The default documents, in the order they are tried. */
    public List<String> files() {
        return List.of(files);
    }

    @Override
    public void handle(RequestContext ctx) {
        // a pure handler module: subscribes to no stage
    }

    @Override
    public boolean executeHandler(Exchange x) throws Exception {
        String path = x.path();
        if (!enabled || x.resourceKind(path) != ResourceKind.DIRECTORY || ProtectedPaths.containsProtectedSegment(path)) {
            return false;
        }
        if (CourtesyRedirect.needed(x)) {
            CourtesyRedirect.send(x);
            return true;
        }
        if (path.indexOf('?') >= 0) {
            // a decoded '?' cannot be expressed in a child URL without being read as the query
            return false;
        }
        for (String file : files) {
            String candidate = path + file;
            if (x.resourceKind(candidate) == ResourceKind.FILE) {
                String query = x.queryString();
                x.executeChildRequest(query == null || query.isEmpty() ? candidate : candidate + "?" + query);
                return true;
            }
        }
        return false;
    }
}
