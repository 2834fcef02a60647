package io.stageline.modules.staticfile;

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
import java.util.Map;
import java.util.Set;

/**
 * StaticFile, the port of IIS's StaticFileModule ({@code <staticContent>}, reference §6.1 and §3.6): the last handler
 * module of the default {@code StaticFile} mapping. It enforces the IIS rules and then lets the container's default
 * servlet write the bytes, so conditional requests, ranges and zero-copy sending keep working.
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code mimeMap}: a map of extension ({@code .ext}, several dots allowed, e.g. {@code .tar.gz}) to content
 *       type, merged over the built-in map ({@link MimeMap#defaults()}, {@code mime-types.properties} next to this
 *       class). An empty or null type removes a built-in entry. {@code ".*"} is a catch-all, honoured only when
 *       configured explicitly.</li>
 *   <li>{@code directoryRedirectStatus}: the status of every courtesy redirect of the pipeline (see
 *       {@link CourtesyRedirect}): 301 (default), 302, 307 or 308.</li>
 * </ul>
 *
 * <p>Outcomes, in order: a path inside {@code WEB-INF} or {@code META-INF} (any case) → 404.0, whatever request
 * filtering says; a directory URL without its trailing slash → courtesy redirect; a directory URL → 403.14 (nobody
 * before this module served a default document or a listing); nothing there → 404.0; a file with a verb other than
 * GET or HEAD → 405.0 with {@code Allow: GET, HEAD}; a file whose extension the MIME map lacks → 404.3; otherwise the
 * content type is set from the map and the container's default servlet serves the file.
 */
public final class StaticFileModule implements PipelineModule, HandlerModule, CourtesyRedirect.StatusSource {
    public static final String NAME = "StaticFile";
    /** The {@code Allow} header of a 405 on a static file. */
    public static final String ALLOW = "GET, HEAD";

    private static final Set<String> KEYS = Set.of("mimeMap", CourtesyRedirect.STATUS_SETTING);

    private MimeMap mimeMap = MimeMap.defaults();
    private int redirectStatus = CourtesyRedirect.DEFAULT_STATUS;

    @Override
    public void init(ModuleSetup setup) {
        ModuleSettings s = setup.settings();
        SettingsCheck.onlyKnownKeys(s, setup.name(), KEYS);
        Object overrides = s.get("mimeMap");
        if (overrides != null && !(overrides instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("setting 'mimeMap' must be a map of '.extension' to content type");
        }
        mimeMap = overrides == null ? MimeMap.defaults() : MimeMap.defaults().merge((Map<?, ?>) overrides);
        redirectStatus = CourtesyRedirect.statusSetting(s);
    }

    /** The effective MIME map (built-in entries merged with {@code mimeMap}). */
    public MimeMap mimeMap() {
        return mimeMap;
    }

    @Override
    public int directoryRedirectStatus() {
        return redirectStatus;
    }

    @Override
    public void handle(RequestContext ctx) {
        // a pure handler module: subscribes to no stage
    }

    @Override
    public boolean executeHandler(Exchange x) throws Exception {
        String path = x.path();
        if (ProtectedPaths.containsProtectedSegment(path)) {
            x.setStatus(404, 0);
            return true;
        }
        ResourceKind kind = x.resourceKind(path);
        if (kind == ResourceKind.DIRECTORY) {
            if (CourtesyRedirect.needed(x)) {
                CourtesyRedirect.send(x, redirectStatus);
            } else {
                x.setStatus(403, 14);
            }
        } else if (kind != ResourceKind.FILE) {
            x.setStatus(404, 0);
        } else if (!"GET".equals(x.method()) && !"HEAD".equals(x.method())) {
            x.setStatus(405, 0);
            x.setResponseHeader("Allow", ALLOW);
        } else {
            String type = mimeMap.contentTypeFor(path);
            if (type == null) {
                x.setStatus(404, 3);
            } else {
                if (!type.equalsIgnoreCase(x.containerContentTypeFor(path))) {
                    // the container would send another type (or none): ours must win; an equal one it sets itself
                    x.setContentType(type);
                }
                x.invokeDefaultServlet();
            }
        }
        return true;
    }
}
