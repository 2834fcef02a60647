package io.stageline.modules.protocol;

import io.stageline.api.ItemKey;
import io.stageline.api.ModuleSettings;
import io.stageline.api.ModuleSetup;
import io.stageline.api.PipelineModule;
import io.stageline.api.PipelineStage;
import io.stageline.api.RequestContext;
import io.stageline.engine.Exchange;
import io.stageline.engine.HandlerModule;
import io.stageline.engine.RedirectDecorator;
import io.stageline.engine.ResponseFinisher;
import io.stageline.modules.SettingsCheck;
import io.stageline.modules.protocol.HeaderList.Header;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ProtocolSupport, the port of IIS's ProtocolSupportModule (reference §3.6, §6.11): the handler of the
 * {@code TRACEVerbHandler} and {@code OPTIONSVerbHandler} mappings, and the {@code httpProtocol} headers.
 *
 * <p>Settings (the {@code httpProtocol} section):
 * <ul>
 *   <li>{@code allowedVerbs} (default {@value #DEFAULT_ALLOWED_VERBS}, IIS's answer): the verbs advertised in
 *       {@code Allow}, a list or one comma-separated string.</li>
 *   <li>{@code allowTrace} (default {@code false}): whether TRACE is answered. While it is false, TRACE is left out
 *       of every {@code Allow} header, so the header never advertises a verb that gets 405.</li>
 *   <li>{@code customHeaders}: headers added to every response; operations applied in order, lowest layer first:
 *       {@code - clear}, {@code - remove: X-Powered-By}, {@code - add: X-Frame-Options} with {@code value: DENY}
 *       beside it (see {@link HeaderList}).</li>
 *   <li>{@code redirectHeaders}: the same shape; added only to redirects (3xx with {@code Location}) the pipeline
 *       sends or sees before they are committed.</li>
 *   <li>{@code removeServerHeader} (default {@code false}; IIS 10 has it on {@code requestFiltering}): removes the
 *       {@code Server} and {@code X-Powered-By} headers the container put on the response, where the container lets a
 *       filter do so (see docs/protocol-and-redirect.md: Jetty's {@code Server} header is removable, a Tomcat
 *       {@code Connector server="..."} header is added after the filter and needs the connector setting).</li>
 * </ul>
 *
 * <p>When the headers are applied: at the module's turn in BEGIN_REQUEST (it is first in the default module list), so
 * they are on the response before any handler, static file or error page writes a byte, and every later module,
 * handler and PRE_SEND_REQUEST_HEADERS subscriber can still change or remove them. This is the simplest point that
 * covers static files too (the container's default servlet keeps headers set before it runs) without wrapping any
 * response. A request completed before that turn (RequestFiltering, first in the default list, refusing it; the
 * 500.22-500.24 configuration check) gets them when the engine finishes the response instead, while it is still
 * uncommitted (the engine calls {@link #beforeFinish} before it writes the error response), so refused requests and
 * error pages carry security headers too. Child requests do not apply them again.
 *
 * <p>OPTIONS → 200 with {@code Allow} and an empty body. TRACE → 405.0 with {@code Allow} while {@code allowTrace} is
 * false; when true, 200 {@code message/http} echoing the request line and headers, except {@code Cookie},
 * {@code Authorization} and {@code Proxy-Authorization}, which are never echoed (cross-site tracing). Other verbs are
 * declined.
 */
public final class ProtocolSupportModule implements PipelineModule, HandlerModule, RedirectDecorator, ResponseFinisher {
    /** Set when the headers were applied in BEGIN_REQUEST; {@link #beforeFinish} applies them only otherwise. */
    private static final ItemKey<Boolean> APPLIED = ItemKey.of("protocolSupport.applied", Boolean.class);

    public static final String NAME = "ProtocolSupport";
    public static final String DEFAULT_ALLOWED_VERBS = "OPTIONS, TRACE, GET, HEAD, POST";

    private static final Set<String> KEYS = Set.of("allowedVerbs", "allowTrace", "customHeaders", "redirectHeaders",
            "removeServerHeader");
    private static final String[] SERVER_HEADERS = {"Server", "X-Powered-By"};
    private static final Set<String> NEVER_ECHOED = Set.of("cookie", "authorization", "proxy-authorization");

    private boolean allowTrace;
    private String allow = "OPTIONS, GET, HEAD, POST";
    private Header[] customHeaders = new Header[0];
    private Header[] redirectHeaders = new Header[0];
    private boolean removeServerHeader;

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
        customHeaders = HeaderList.parse("customHeaders", s.getList("customHeaders")).toArray(new Header[0]);
        redirectHeaders = HeaderList.parse("redirectHeaders", s.getList("redirectHeaders")).toArray(new Header[0]);
        removeServerHeader = s.getBoolean("removeServerHeader", false);
        if (customHeaders.length > 0 || removeServerHeader) {
            setup.subscribe(PipelineStage.BEGIN_REQUEST);
        }
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

    /** The custom headers, in the order they are set. */
    public List<Header> customHeaders() {
        return List.of(customHeaders);
    }

    /** The redirect headers, in the order they are set. */
    public List<Header> redirectHeaders() {
        return List.of(redirectHeaders);
    }

    @Override
    public void handle(RequestContext ctx) {
        if (ctx.isChildRequest() || ctx.isResponseCommitted()) {
            return;
        }
        ctx.setItem(APPLIED, Boolean.TRUE);
        if (removeServerHeader) {
            for (String name : SERVER_HEADERS) {
                ctx.removeResponseHeader(name);
            }
        }
        for (Header h : customHeaders) {
            ctx.setResponseHeader(h.name(), h.value());
        }
    }

    @Override
    public void beforeFinish(Exchange x) {
        if ((customHeaders.length > 0 || removeServerHeader) && x.item(APPLIED) == null) {
            handle(x);
        }
    }

    @Override
    public void beforeRedirect(Exchange x) {
        for (Header h : redirectHeaders) {
            x.setResponseHeader(h.name(), h.value());
        }
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
