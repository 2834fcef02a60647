package io.stageline.modules.customerrors;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.RequestContext;
import io.stageline.engine.ErrorPage;
import io.stageline.engine.ErrorResponder;
import io.stageline.engine.Exchange;
import io.stageline.modules.customerrors.ErrorRules.Entry;
import io.stageline.modules.customerrors.ErrorRules.ExistingResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * CustomErrors, the port of IIS's CustomErrorModule ({@code httpErrors}, reference §5.2): it owns the error responses
 * of the pipeline (status ≥ 400), whoever produced them: the engine (404.4, 404.0, 500.21...), a module, a handler, or
 * a servlet's {@code sendError}, which the servlet layer holds back for it (see {@link #holdsServletErrors}).
 *
 * <p>Settings (the {@code httpErrors} section; per location through {@link ModuleSetup#settings(int)}):
 * <ul>
 *   <li>{@code errorMode}: {@code DetailedLocalOnly} (default: the detailed page for loopback clients, the custom
 *       response for the rest), {@code Custom} (always custom), {@code Detailed} (always detailed).</li>
 *   <li>{@code existingResponse}: {@code Auto} (default: answer when the response has no body and nobody set
 *       {@code trySkipCustomErrors}), {@code Replace} (always answer, discarding any uncommitted body, even with
 *       {@code trySkipCustomErrors}), {@code PassThrough} (answer only empty responses the pipeline can see; a
 *       servlet's {@code sendError} is left to the container).</li>
 *   <li>{@code errors}: a list of operations applied in order, lowest configuration layer first:
 *       {@code - clear}; {@code - remove: 404} (with {@code subStatusCode}, default -1); {@code - add: 404} with
 *       {@code subStatusCode} (default -1 = any), {@code path}, {@code responseMode} ({@code File} (default),
 *       {@code ExecuteURL} or {@code Redirect}) and {@code prefixLanguageFilePath}. An already merged entry may be
 *       given as {@code statusCode: 404} instead of {@code add:}. The key is (statusCode, subStatusCode): adding a key
 *       twice is an error. The exact substatus wins over -1.</li>
 *   <li>{@code defaultPath} / {@code defaultResponseMode} (default {@code File}): used for an error no entry covers;
 *       without a {@code defaultPath}, a one-line built-in message ({@link ErrorPage#brief(int)}).</li>
 * </ul>
 *
 * <p>Response modes: {@code File} serves a file of the web application (an application path such as
 * {@code /errors/404.html}, read as UTF-8 text, sent as {@code text/html} unless it ends in {@code .txt}) with the
 * original status; with {@code prefixLanguageFilePath: /errors} the file is {@code /errors/<language>/<path>}, trying
 * the languages of {@code Accept-Language} in order, then {@code en-US}. {@code ExecuteURL} runs the URL as a child
 * request through the pipeline; the client gets the original status unless the child answered another error status.
 * {@code Redirect} answers 302 to the URL as written. A File or ExecuteURL target that yields nothing falls back to the
 * one-line message. Detailed pages ({@link ErrorPage#render}) never carry a stack trace; they name an exception's
 * class and message only, and only to the clients that may see details.
 *
 * <p>Child requests are never answered here: the request that started them is.
 *
 * <p>Cost: the module subscribes to no stage. To answer a servlet's {@code sendError} the servlet layer wraps the
 * response of servlet requests (never static files) in a small watcher that counts body bytes and holds
 * {@code sendError}; with {@code existingResponse: PassThrough} at a location nothing is held there and no wrapper is
 * installed ({@link #holdsServletErrors}). With Auto (the default) and Replace the watcher is needed whatever the
 * {@code errorMode}: every mode replaces an empty {@code sendError} response with a page.
 */
public final class CustomErrorsModule implements PipelineModule, ErrorResponder {
    public static final String NAME = "CustomErrors";
    private static final Logger LOG = Logger.getLogger(CustomErrorsModule.class.getName());
    private static final String HTML = "text/html;charset=UTF-8";
    private static final String FALLBACK_LANGUAGE = "en-US";

    private ErrorRules[] rules = {ErrorRules.parse(ModuleSettings.empty(), NAME)};

    @Override
    public void init(ModuleSetup setup) {
        int n = setup.locationCount();
        ErrorRules[] byLocation = new ErrorRules[n];
        Map<ModuleSettings, ErrorRules> parsed = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            ModuleSettings s = setup.settings(i);
            ErrorRules r = parsed.get(s);
            if (r == null) {
                r = ErrorRules.parse(s, setup.name());
                parsed.put(s, r);
            }
            byLocation[i] = r;
        }
        rules = byLocation;
    }

    @Override
    public void handle(RequestContext ctx) {
        // answers through ErrorResponder only: subscribes to no stage
    }

    ErrorRules rules(Exchange x) {
        int i = x.locationIndex();
        return rules[i < rules.length ? i : 0];
    }

    @Override
    public boolean holdsServletErrors(Exchange x) {
        return !x.isChildRequest() && rules(x).existingResponse != ExistingResponse.PASS_THROUGH;
    }

    @Override
    public void respond(Exchange x) throws Exception {
        if (x.isChildRequest()) {
            return;
        }
        int status = x.status();
        if (x.isResponseCommitted() || status < 400 || !shouldAnswer(x, rules(x))) {
            x.releaseSendError();
            return;
        }
        ErrorRules r = rules(x);
        boolean detailed = r.errorMode == ErrorRules.ErrorMode.DETAILED
                || r.errorMode == ErrorRules.ErrorMode.DETAILED_LOCAL_ONLY && x.isLocal();
        if (detailed) {
            x.writeErrorResponse(status, HTML, ErrorPage.render(x));
            return;
        }
        Entry e = r.lookup(status, x.subStatus());
        if (e == null) {
            e = r.fallback;
        }
        if (e == null) {
            x.writeErrorResponse(status, HTML, ErrorPage.brief(status));
            return;
        }
        switch (e.mode()) {
            case FILE -> serveFile(x, e, status);
            case EXECUTE_URL -> executeUrl(x, e, status);
            default -> {
                x.resetResponseBody();
                x.redirect(e.path(), 302);
            }
        }
    }

    /** Whether this error response is ours to answer, per {@code existingResponse}. */
    static boolean shouldAnswer(Exchange x, ErrorRules r) {
        return switch (r.existingResponse) {
            case REPLACE -> true;
            case AUTO -> !x.trySkipCustomErrors() && x.responseBodyKnown() && !x.hasResponseBody();
            case PASS_THROUGH -> x.responseBodyKnown() && !x.hasResponseBody();
        };
    }

    private static void serveFile(Exchange x, Entry e, int status) throws IOException {
        for (String candidate : candidates(x, e)) {
            byte[] bytes = x.readResource(candidate);
            if (bytes != null) {
                String type = candidate.toLowerCase(Locale.ROOT).endsWith(".txt") ? "text/plain;charset=UTF-8" : HTML;
                x.writeErrorResponse(status, type, new String(bytes, StandardCharsets.UTF_8));
                return;
            }
        }
        LOG.log(Level.WARNING, "httpErrors: the error file for {0} does not exist: {1}",
                new Object[] {status + "." + x.subStatus(), e.path()});
        x.writeErrorResponse(status, HTML, ErrorPage.brief(status));
    }

    /** The files to try: the path itself, or {@code prefix/<language>/path} for each language, then en-US. */
    static List<String> candidates(Exchange x, Entry e) {
        if (e.languagePrefix() == null) {
            return List.of(e.path());
        }
        String prefix = e.languagePrefix().endsWith("/") ? e.languagePrefix() : e.languagePrefix() + "/";
        String file = ErrorRules.strip(e.path());
        List<String> out = new ArrayList<>();
        for (String lang : languages(x.requestHeader("Accept-Language"))) {
            out.add(prefix + lang + "/" + file);
        }
        String last = prefix + FALLBACK_LANGUAGE + "/" + file;
        if (!out.contains(last)) {
            out.add(last);
        }
        return out;
    }

    /** The language tags of an Accept-Language header, in the order given, normalised as {@code en-US}; no q=0. */
    static List<String> languages(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String part : header.split(",")) {
            String[] bits = part.trim().split(";");
            String tag = bits[0].trim();
            boolean refused = bits.length > 1 && bits[1].trim().matches("q\\s*=\\s*0(\\.0*)?");
            if (refused || !tag.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
                continue;
            }
            String[] sub = tag.split("-");
            StringBuilder sb = new StringBuilder(sub[0].toLowerCase(Locale.ROOT));
            for (int i = 1; i < sub.length; i++) {
                sb.append('-').append(sub[i].length() == 2 ? sub[i].toUpperCase(Locale.ROOT) : sub[i]);
            }
            if (!out.contains(sb.toString())) {
                out.add(sb.toString());
            }
        }
        return out;
    }

    private static void executeUrl(Exchange x, Entry e, int status) throws Exception {
        int sub = x.subStatus();
        x.resetResponseBody();
        x.executeChildRequest(e.path());
        if (x.isResponseCommitted()) {
            return;
        }
        int now = x.status();
        if (now < 400 || now == status) {
            x.setStatus(status, sub);
        }
        if (!x.hasResponseBody() && x.responseBodyKnown()) {
            x.writeErrorResponse(x.status(), HTML, ErrorPage.brief(x.status()));
        }
    }
}
