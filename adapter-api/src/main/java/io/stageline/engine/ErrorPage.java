package io.stageline.engine;

import java.util.Map;

/**
 * The detailed error page, shaped like IIS's: status.substatus, what it means, the module, stage and handler that
 * produced it, the requested URL, likely causes and things to try. It never contains a stack trace.
 */
public final class ErrorPage {
    private record Text(String title, String cause, String fix) {
    }

    private static final String FILTERING_FIX = "If the request is legitimate, change the requestFiltering setting "
            + "named above (for this location); otherwise nothing: the request was refused on purpose.";

    private static final Map<String, Text> TEXTS = Map.ofEntries(
            Map.entry("400.0", new Text("Bad Request", "The URL cannot be reduced safely to one canonical application "
                    + "path (encoded separators, dot segments, path parameters, control characters, invalid "
                    + "percent-encoding or UTF-8, or a form the container decoded differently), so Stageline refused "
                    + "it before any module ran.", "Request the canonical URL: clients and proxies must not send dot "
                    + "segments, encoded slashes or ';' parameters.")),
            Map.entry("404.5", filtering("The URL contains a sequence listed in requestFiltering.denyUrlSequences.")),
            Map.entry("404.6", filtering("The verb is denied by requestFiltering.verbs.")),
            Map.entry("404.7", filtering("The file extension is denied by requestFiltering.fileExtensions.")),
            Map.entry("404.8", filtering("A segment of the URL is listed in requestFiltering.hiddenSegments.")),
            Map.entry("404.10", filtering("A request header is longer than requestFiltering.requestLimits.headerLimits "
                    + "allows.")),
            Map.entry("404.11", filtering("The URL is double-escaped (it still changes when decoded a second time, or "
                    + "has an unencoded '+') and requestFiltering.allowDoubleEscaping is false.")),
            Map.entry("404.12", filtering("The URL contains non-ASCII characters and "
                    + "requestFiltering.allowHighBitCharacters is false.")),
            Map.entry("404.13", filtering("The Content-Length exceeds "
                    + "requestFiltering.requestLimits.maxAllowedContentLength.")),
            Map.entry("404.14", filtering("The URL is longer than requestFiltering.requestLimits.maxUrl.")),
            Map.entry("404.15", filtering("The query string is longer than requestFiltering.requestLimits.maxQueryString.")),
            Map.entry("404.18", filtering("The query string contains a sequence listed in "
                    + "requestFiltering.denyQueryStringSequences.")),
            Map.entry("404.19", filtering("A requestFiltering.filteringRules rule denied the request.")),
            Map.entry("413.1", filtering("The Content-Length exceeds "
                    + "requestFiltering.requestLimits.maxAllowedContentLength.")),
            Map.entry("431.0", filtering("A request header is longer than requestFiltering.requestLimits.headerLimits "
                    + "allows.")),
            Map.entry("403.1", new Text("Forbidden", "The handler that matches this request needs Script or Execute "
                    + "access, which the access policy does not grant.", "Add Script to handlers.accessPolicy.")),
            Map.entry("403.2", new Text("Forbidden", "The handler that matches this request needs Read access, which "
                    + "the access policy does not grant.", "Add Read to handlers.accessPolicy.")),
            Map.entry("403.3", new Text("Forbidden", "The handler that matches this request needs Write access, which "
                    + "the access policy does not grant.", "Add Write to handlers.accessPolicy.")),
            Map.entry("403.14", new Text("Forbidden", "The URL names a directory, no default document was found and "
                    + "directory browsing is off.", "Add a default document, or enable directoryBrowse.")),
            Map.entry("404.0", new Text("Not Found", "The file or directory does not exist.",
                    "Check the URL; check that the file exists in the web application.")),
            Map.entry("404.3", new Text("Not Found", "The file extension has no entry in the MIME map, so the static "
                    + "file handler will not serve it.", "Add the extension to staticContent.mimeMap.")),
            Map.entry("404.4", new Text("Not Found", "No handler mapping matches this request's path and verb.",
                    "Add a handler mapping, or restore the StaticFile mapping.")),
            Map.entry("405.0", new Text("Method Not Allowed", "The handler that serves this URL does not accept this "
                    + "verb (static files accept GET and HEAD only).", "Use another verb or map a handler.")),
            Map.entry("500.0", new Text("Internal Server Error", "A module or handler failed while processing the "
                    + "request.", "Check the server log for the error.")),
            Map.entry("500.21", new Text("Internal Server Error", "The selected handler names a module that this "
                    + "application does not have (in classic mode there is no ManagedPipelineHandler for type: handlers).",
                    "Add preCondition: integratedMode to the mapping, run the application in integrated mode, or add "
                    + "the module.")),
            Map.entry("500.22", new Text("Internal Server Error", legacyMessage(22), migrateFix())),
            Map.entry("500.23", new Text("Internal Server Error", legacyMessage(23), migrateFix())),
            Map.entry("500.24", new Text("Internal Server Error", legacyMessage(24), migrateFix())));

    private ErrorPage() {
    }

    private static Text filtering(String cause) {
        return new Text(null, "Request filtering denied the request. " + cause, FILTERING_FIX);
    }

    static String legacyMessage(int sub) {
        return switch (sub) {
            case 22 -> "The application configuration has legacy.httpModules, which do not apply in integrated mode.";
            case 23 -> "The application configuration has legacy.httpHandlers, which do not apply in integrated mode.";
            default -> "The application configuration sets legacy.identity.impersonate, which integrated mode does "
                    + "not support.";
        };
    }

    private static String migrateFix() {
        return "Migrate the configuration with: stageline migrate WEB-INF/stageline.yaml "
                + "(copies legacy modules to modules: with preCondition managedHandler, legacy handlers to handlers: "
                + "with preCondition integratedMode, and sets validation.validateIntegratedModeConfiguration: false); "
                + "or run the application in classic mode (pipelineMode: classic).";
    }

    /** The standard reason phrase of a status. */
    public static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> status < 500 ? "Client Error" : "Server Error";
        };
    }

    /**
     * Renders the detailed page for the exchange's current status and substatus, as IIS's detailed error: the title
     * with status.substatus, the failure detail (the 500.21 text, an exception's message), the module, notification
     * (stage), handler, error code, requested URL, physical path ({@code PATH_TRANSLATED}) and logon user, then the
     * likely causes and things to try. An exception shows as its class name and message: never a stack trace.
     */
    public static String render(Exchange x) {
        int status = x.containerStatus();
        String code = status + "." + x.subStatus();
        Text t = TEXTS.get(code);
        String title = t != null && t.title() != null ? t.title() : reason(status);
        StringBuilder sb = new StringBuilder(1024);
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>HTTP Error ").append(code).append(" - ")
                .append(esc(title)).append("</title></head>\n<body>\n<h1>HTTP Error ").append(code).append(" - ")
                .append(esc(title)).append("</h1>\n");
        if (x.failureDetail() != null) {
            sb.append("<h2>").append(esc(x.failureDetail())).append("</h2>\n");
        }
        if (t != null) {
            sb.append("<h3>Most likely causes</h3>\n<p>").append(esc(t.cause())).append("</p>\n");
            sb.append("<h3>Things you can try</h3>\n<p>").append(esc(t.fix())).append("</p>\n");
        }
        sb.append("<h3>Detailed Error Information</h3>\n<table>\n");
        row(sb, "Module", x.failedModule() != null ? x.failedModule() : x.handlerName());
        row(sb, "Notification", x.failedStage() == null ? null : x.failedStage().iisName());
        row(sb, "Handler", x.handlerMapping() == null ? null : x.handlerMapping().name());
        row(sb, "Error Code", code);
        if (x.error() != null) {
            row(sb, "Exception", x.error().getClass().getName());
        }
        String query = x.queryString();
        row(sb, "Requested URL", x.rejectedTarget() != null ? x.rejectedTarget()
                : x.contextPath() + x.originalPath() + (query == null ? "" : "?" + query));
        row(sb, "Physical Path", physicalPath(x));
        row(sb, "Logon Method", x.authenticationType() == null ? "Anonymous" : x.authenticationType());
        row(sb, "Logon User", x.user() == null ? "Anonymous" : x.user().getName());
        sb.append("</table>\n<!-- stageline-status: ").append(code).append(" -->\n</body></html>\n");
        return sb.toString();
    }

    private static String physicalPath(Exchange x) {
        try {
            return x.serverVariable("PATH_TRANSLATED");
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The one-line message sent to clients that may not see details when nothing is configured for the status: the
     * status and its reason phrase, nothing about the server, the module or the request.
     */
    public static String brief(int status) {
        String text = status + " - " + reason(status) + ".";
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + text + "</title></head><body>" + text
                + "</body></html>\n";
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("<tr><th>").append(name).append("</th><td>").append(esc(value == null ? "-" : value))
                .append("</td></tr>\n");
    }

    /** HTML-escapes text. */
    public static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
