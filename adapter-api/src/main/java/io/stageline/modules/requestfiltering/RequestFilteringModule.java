package io.stageline.modules.requestfiltering;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;

/**
 * RequestFiltering, the port of IIS's RequestFilteringModule ({@code <security/requestFiltering>}, reference §6.4): a
 * native module that runs in BEGIN_REQUEST, first in the default module list, and refuses requests with 404.x (413.1
 * and 431 for the size limits) before anything else sees them. It reads the YAML section {@code requestFiltering};
 * every setting may differ per location ({@link ModuleSetup#settings(int)}, picked by
 * {@link RequestContext#locationIndex()}).
 *
 * <p>Settings (the section's shape; collections are lists of {@code - add: KEY ...}, {@code - remove: KEY},
 * {@code - clear}, applied in order on top of the built-in entries):
 * <pre>{@code
 * requestFiltering:
 *   allowDoubleEscaping: false        # 404.11: the URL changes when decoded twice, or has an unencoded '+'
 *   allowHighBitCharacters: true      # false: non-ASCII in the URL -> 404.12
 *   unescapeQueryString: true         # query-string scans run on the raw and the decoded query string
 *   removeServerHeader: false         # true: no Server response header
 *   legacyStatusCodes: false          # true: IIS 7-8.5 codes 404.13 (content length) and 404.10 (headers)
 *   fileExtensions:                   # 404.7; last segment, case-insensitive, longest listed extension wins
 *     allowUnlisted: true
 *     list:
 *       - add: .exe
 *         allowed: false              # default true
 *       - add: "."                    # "." = extensionless
 *   verbs:                            # 404.6; case-sensitive
 *     allowUnlisted: true
 *     list:
 *       - add: TRACE
 *         allowed: false
 *   hiddenSegments:                   # 404.8; whole segments, case-insensitive; built in: WEB-INF, META-INF,
 *     - add: bin                      #   stageline.yaml
 *   denyUrlSequences:                 # 404.5; substring of the URL as received (without the context path)
 *     - add: ".."
 *   denyQueryStringSequences:         # 404.18
 *     - add: "<script"
 *   alwaysAllowedUrls:                # exact, case-sensitive, application-relative: skip denyUrlSequences
 *     - add: /scripts/a+b.js
 *   alwaysAllowedQueryStrings:        # exact, case-sensitive: skip denyQueryStringSequences
 *     - add: "q=%3Cb%3E"
 *   filteringRules:                   # 404.19
 *     - add: NoSqlComments
 *       scanUrl: false
 *       scanQueryString: true
 *       scanAllRaw: false             # scan every header, names and values
 *       denyUnescapedPercent: true    # a '%' that does not start %hh in a scanned URL or query string
 *       scanHeaders: [User-Agent]
 *       appliesTo: [.jsp, .do]        # empty = every request
 *       denyStrings: ["--", "/*"]
 *   requestLimits:
 *     maxAllowedContentLength: 30000000   # bytes; 413.1
 *     maxUrl: 4096                        # 404.14
 *     maxQueryString: 2048                # 404.15
 *     headerLimits:                       # 431
 *       - add: Content-Type
 *         sizeLimit: 100
 * }</pre>
 *
 * <p>The order of the checks and the URL form each one reads are in {@link FilteringRules} and
 * {@code docs/request-filtering.md}. A denied request gets its status and substatus and is completed: the end stages
 * still run, nothing else does.
 */
public final class RequestFilteringModule implements PipelineModule {
    public static final String NAME = "RequestFiltering";
    /** The YAML section the module's settings come from. */
    public static final String SECTION = FilteringSettings.SECTION;

    private FilteringRules[] rules = {FilteringSettings.compile(ModuleSettings.empty())};

    @Override
    public void init(ModuleSetup setup) {
        int n = Math.max(1, setup.locationCount());
        FilteringRules[] compiled = new FilteringRules[n];
        boolean anyRemovesServer = false;
        for (int i = 0; i < n; i++) {
            ModuleSettings s = i == 0 ? setup.settings() : setup.settings(i);
            if (i > 0 && s == setup.settings()) {
                compiled[i] = compiled[0];
                continue;
            }
            try {
                compiled[i] = FilteringSettings.compile(s);
            } catch (IllegalArgumentException e) {
                String at = i == 0 ? "" : " at location " + setup.locationPath(i);
                throw new IllegalArgumentException("module " + setup.name() + at + ": " + e.getMessage(), e);
            }
            anyRemovesServer |= compiled[i].removeServerHeader;
        }
        rules = compiled;
        setup.subscribe(anyRemovesServer
                ? new PipelineStage[] {PipelineStage.BEGIN_REQUEST, PipelineStage.PRE_SEND_REQUEST_HEADERS}
                : new PipelineStage[] {PipelineStage.BEGIN_REQUEST});
    }

    @Override
    public void handle(RequestContext ctx) {
        FilteringRules r = rules[Math.min(ctx.locationIndex(), rules.length - 1)];
        if (ctx.stage() == PipelineStage.PRE_SEND_REQUEST_HEADERS) {
            if (r.removeServerHeader) {
                ctx.removeResponseHeader("Server");
            }
            return;
        }
        if (r.removeServerHeader) {
            ctx.removeResponseHeader("Server");
        }
        Denial d = r.check(ctx);
        if (d != null) {
            ctx.setStatus(d.status(r.legacyStatusCodes), d.subStatus(r.legacyStatusCodes));
            ctx.completeRequest();
        }
    }

    /** The denial this module would give {@code ctx} (for diagnostics and tests), or null. */
    public Denial evaluate(RequestContext ctx) {
        return rules[Math.min(ctx.locationIndex(), rules.length - 1)].check(ctx);
    }
}
