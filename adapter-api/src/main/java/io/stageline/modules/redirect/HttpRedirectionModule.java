package io.stageline.modules.redirect;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * HttpRedirection, the port of IIS's HttpRedirectionModule ({@code httpRedirect}, reference §6.5): answers requests
 * under a configured directory with a redirect. It runs in BEGIN_REQUEST, so it redirects before authentication and
 * before the handler mapping decides anything (a redirected directory need not exist); place it after
 * RequestFiltering in the module list.
 *
 * <p>Settings (the {@code httpRedirect} section, per location: the path of the location that declares the section is
 * the "configured directory", {@code ""} = the application root; a location without a section of its own inherits
 * the application's rules and directory):
 * <ul>
 *   <li>{@code enabled} (default {@code false}).</li>
 *   <li>{@code destination}: an absolute URL or a server-relative path, used as written (include the context path
 *       yourself).</li>
 *   <li>{@code exactDestination} (default {@code false}): false appends the part of the request path below the
 *       configured directory to the destination, and the query string; true redirects to the destination as
 *       written.</li>
 *   <li>{@code childOnly} (default {@code false}): redirect only requests for content directly in the configured
 *       directory (the directory itself included), not in its subdirectories.</li>
 *   <li>{@code httpResponseStatus}: {@code Found} 302 (default), {@code Permanent} 301, {@code Temporary} 307,
 *       {@code PermRedirect} 308.</li>
 *   <li>{@code list}: wildcard rules, used only when {@code destination} is empty: operations applied in order,
 *       {@code - clear}, {@code - remove: "*.php"}, {@code - add: "*.php"} with {@code destination:} beside it; the
 *       first rule that matches wins (see {@link RedirectRules}).</li>
 * </ul>
 * Child requests (default documents, ExecuteURL error pages) are never redirected.
 */
public final class HttpRedirectionModule implements PipelineModule {
    public static final String NAME = "HttpRedirection";

    private RedirectRules[] rules = new RedirectRules[0];

    @Override
    public void init(ModuleSetup setup) {
        int n = setup.locationCount();
        RedirectRules[] byLocation = new RedirectRules[n];
        Map<ModuleSettings, RedirectRules> parsed = new IdentityHashMap<>();
        boolean any = false;
        for (int i = 0; i < n; i++) {
            ModuleSettings s = setup.settings(i);
            RedirectRules r = parsed.get(s);
            if (r == null) {
                // a location without its own section shares the application's settings instance: the configured
                // directory stays the one that declared the section (the root), so a moved site keeps its paths
                r = RedirectRules.parse(s, setup.name(), setup.locationPath(i));
                parsed.put(s, r);
            }
            byLocation[i] = r;
            any |= r.enabled();
        }
        rules = byLocation;
        if (any) {
            setup.subscribe(PipelineStage.BEGIN_REQUEST);
        }
    }

    /** The rules of a location (0 = the application root). */
    public RedirectRules rules(int location) {
        return rules[location];
    }

    @Override
    public void handle(RequestContext ctx) throws Exception {
        if (ctx.isChildRequest()) {
            return;
        }
        int i = ctx.locationIndex();
        RedirectRules r = rules[i < rules.length ? i : 0];
        String location = r.target(ctx.path(), ctx.queryString());
        if (location != null) {
            ctx.redirect(location, r.status());
            ctx.completeRequest();
        }
    }
}
