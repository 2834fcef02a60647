package io.stageline.modules.protocol;

import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.RequestContext;
import io.stageline.engine.Exchange;
import io.stageline.engine.HandlerModule;
import io.stageline.modules.SettingsCheck;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ProtocolSupport, the port of IIS's ProtocolSupportModule as the handler of the {@code TRACEVerbHandler} and
 * {@code OPTIONSVerbHandler} mappings (reference §3.6, §6.11).
 *
 * <p>Settings:
 * <ul>
 *   <li>{@code allowedVerbs} (default {@value #DEFAULT_ALLOWED_VERBS}, IIS's answer): the verbs advertised in
 *       {@code Allow}, a list or one comma-separated string.</li>
 *   <li>{@code allowTrace} (default {@code false}): whether TRACE is answered. While it is false, TRACE is left out
 *       of every {@code Allow} header, so the header never advertises a verb that gets 405.</li>
 * </ul>
 *
 * <p>OPTIONS → 200 with {@code Allow} and an empty body. TRACE → 405.0 with {@code Allow} while {@code allowTrace} is
 * false; when true, 200 {@code message/http} echoing the request line and headers, except {@code Cookie},
 * {@code Authorization} and {@code Proxy-Authorization}, which are never echoed (cross-site tracing). Other verbs are
 * declined. Custom response headers ({@code httpProtocol.customHeaders}) are not implemented here yet.
 */
public final class ProtocolSupportModule implements PipelineModule, HandlerModule {
    public static final String NAME = "ProtocolSupport";
    public static final String DEFAULT_ALLOWED_VERBS = "OPTIONS, TRACE, GET, HEAD, POST";

    private static final Set<String> KEYS = Set.of("allowedVerbs", "allowTrace");
    private static final Set<String> NEVER_ECHOED = Set.of("cookie", "authorization", "proxy-authorization");

    private boolean allowTrace;
    private String allow = "OPTIONS, GET, HEAD, POST";

    @Override
    public void init(ModuleSetup setup) {
        ModuleSettings s = setup.settings();
        SettingsCheck.onlyKnownKeys(s, setup.name(), KEYS);
        allowTrace = s.getBoolean("allowTrace", false);
        List<String> verbs = SettingsCheck.stringList(s, "allowedVerbs", List.of(DEFAULT_ALLOWED_VERBS.split(", ")));
        List<String> advertised = new ArrayList<>(verbs.size());
        for (String v : verbs) {
            if (!isToken(v)) {
                throw new IllegalArgumentException("setting 'allowedVerbs': '" + v + "' is not an HTTP method");
            }
            if ((allowTrace || !"TRACE".equals(v)) && !advertised.contains(v)) {
                advertised.add(v);
            }
        }
        allow = String.join(", ", advertised);
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    /** The {@code Allow} header this module sends. */
    public String allowHeader() {
        return allow;
    }

    public boolean allowTrace() {
        return allowTrace;
    }

    @Override
    public void handle(RequestContext ctx) {
        // a pure handler module: subscribes to no stage
    }

    @Override
    public boolean executeHandler(Exchange x) throws Exception {
        String method = x.method();
        if ("OPTIONS".equals(method)) {
            x.setStatus(200);
            x.setResponseHeader("Allow", allow);
            return true;
        }
        if (!"TRACE".equals(method)) {
            return false;
        }
        if (!allowTrace) {
            x.setStatus(405, 0);
            x.setResponseHeader("Allow", allow);
            return true;
        }
        byte[] echo = echo(x).getBytes(StandardCharsets.UTF_8);
        x.setStatus(200);
        x.setContentType("message/http");
        OutputStream out = x.responseBody();
        out.write(echo);
        out.flush();
        return true;
    }

    private static String echo(Exchange x) {
        String protocol = x.serverVariable("SERVER_PROTOCOL");
        StringBuilder sb = new StringBuilder(512);
        sb.append(x.method()).append(' ').append(x.rawUri()).append(' ')
                .append(protocol == null || protocol.isEmpty() ? "HTTP/1.1" : protocol).append("\r\n");
        for (String name : x.requestHeaderNames()) {
            if (NEVER_ECHOED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : x.requestHeaders(name)) {
                sb.append(name).append(": ").append(value).append("\r\n");
            }
        }
        return sb.append("\r\n").toString();
    }
}
