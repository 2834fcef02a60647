package io.stageline.modules.directorylisting;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.RequestContext;
import io.stageline.engine.ErrorPage;
import io.stageline.engine.Exchange;
import io.stageline.engine.HandlerModule;
import io.stageline.engine.ResourceKind;
import io.stageline.modules.CourtesyRedirect;
import io.stageline.modules.ProtectedPaths;
import io.stageline.modules.SettingsCheck;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * DirectoryListing, the port of IIS's DirectoryListingModule ({@code <directoryBrowse>}, reference §6.3): a handler
 * module that answers a directory URL with an HTML list of its entries.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code enabled} (default {@code false}): off, directory URLs without a default document get 403.14.</li>
 *   <li>{@code showFlags} (default {@value #DEFAULT_SHOW_FLAGS}): IIS's flags {@code None, Date, Time, Size,
 *       Extension, LongDate}, validated and kept. The listing shows names only (the container API gives no dates or
 *       sizes).</li>
 * </ul>
 *
 * <p>Behaviour: not a directory, or disabled: declines. A directory URL without its trailing slash: the courtesy
 * redirect. GET or HEAD on a directory URL: 200 {@code text/html;charset=UTF-8}, entries sorted by name
 * (case-insensitive), every name HTML-escaped and its link percent-encoded, {@code WEB-INF} and {@code META-INF}
 * (any case) never shown, a {@code [To Parent Directory]} link except at the application root. Other verbs: 405.0
 * with {@code Allow: GET, HEAD}, as for static files. Directories inside {@code WEB-INF} or {@code META-INF} are
 * never listed (declined).
 */
public final class DirectoryListingModule implements PipelineModule, HandlerModule {
    public static final String NAME = "DirectoryListing";
    public static final String DEFAULT_SHOW_FLAGS = "Date, Time, Size, Extension";

    private static final Set<String> KEYS = Set.of("enabled", "showFlags");
    private static final List<String> FLAGS = List.of("None", "Date", "Time", "Size", "Extension", "LongDate");
    private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private boolean enabled;
    private List<String> showFlags = parseFlags(DEFAULT_SHOW_FLAGS);

    @Override
    public void init(ModuleSetup setup) {
        ModuleSettings s = setup.settings();
        SettingsCheck.onlyKnownKeys(s, setup.name(), KEYS);
        enabled = s.getBoolean("enabled", false);
        showFlags = parseFlags(s.getString("showFlags", DEFAULT_SHOW_FLAGS));
    }

    /** Parses IIS's flag list (case-insensitive, comma-separated) into canonical spellings; unknown flags fail. */
    static List<String> parseFlags(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String flag = canonicalFlag(part.trim());
            if (flag == null) {
                throw new IllegalArgumentException("setting 'showFlags': unknown flag '" + part.trim() + "' (allowed: "
                        + String.join(", ", FLAGS) + ")");
            }
            if (!"None".equals(flag) && !out.contains(flag)) {
                out.add(flag);
            }
        }
        return List.copyOf(out);
    }

    private static String canonicalFlag(String s) {
        for (String f : FLAGS) {
            if (f.equalsIgnoreCase(s)) {
                return f;
            }
        }
        return null;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The validated {@code showFlags}, canonical spelling, {@code None} dropped. */
    public List<String> showFlags() {
        return showFlags;
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
        String method = x.method();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            x.setStatus(405, 0);
            x.setResponseHeader("Allow", "GET, HEAD");
            return true;
        }
        x.setStatus(200);
        x.setContentType("text/html;charset=UTF-8");
        if (!head) {
            byte[] page = render(x.contextPath() + path, path.length() > 1, x.listDirectory(path))
                    .getBytes(StandardCharsets.UTF_8);
            OutputStream out = x.responseBody();
            out.write(page);
            out.flush();
        }
        return true;
    }

    /** The listing page of {@code entries} (names; directories end with {@code /}) of the directory {@code url}. */
    static String render(String url, boolean parentLink, List<String> entries) {
        List<String> names = new ArrayList<>(entries.size());
        for (String e : entries) {
            if (!e.isEmpty() && !ProtectedPaths.isProtectedName(e)) {
                names.add(e);
            }
        }
        names.sort(BY_NAME);
        String title = ErrorPage.esc(url);
        StringBuilder sb = new StringBuilder(256 + names.size() * 64);
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(title)
                .append("</title></head>\n<body>\n<h1>").append(title).append("</h1>\n<hr>\n<pre>\n");
        if (parentLink) {
            sb.append("<a href=\"../\">[To Parent Directory]</a>\n");
        }
        for (String name : names) {
            boolean dir = name.endsWith("/");
            String bare = dir ? name.substring(0, name.length() - 1) : name;
            StringBuilder href = new StringBuilder(bare.length() + 8);
            if (bare.indexOf(':') >= 0) {
                href.append("./"); // "javascript:x" must stay a relative path, never read as a scheme
            }
            CourtesyRedirect.appendEncodedPath(href, bare);
            if (dir) {
                href.append('/');
            }
            sb.append(dir ? "    &lt;dir&gt; " : "            ").append("<a href=\"").append(ErrorPage.esc(href.toString()))
                    .append("\">").append(ErrorPage.esc(bare)).append("</a>\n");
        }
        sb.append("</pre>\n<hr>\n</body></html>\n");
        return sb.toString();
    }
}
