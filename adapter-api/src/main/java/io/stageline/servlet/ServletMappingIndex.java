package io.stageline.servlet;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The web application's servlet mappings, indexed with the Servlet specification's rules (exact, longest prefix,
 * extension, default), to answer "which servlet would the container pick for this path?" for paths the container did
 * not map itself: rewritten paths and child requests. Built once per application.
 */
final class ServletMappingIndex {
    private final Map<String, String> exact = new HashMap<>();
    private final List<String[]> prefixes = new ArrayList<>();
    private final Map<String, String> extensions = new HashMap<>();
    private String defaultServlet;

    ServletMappingIndex(ServletContext context) {
        for (Map.Entry<String, ? extends ServletRegistration> e : context.getServletRegistrations().entrySet()) {
            for (String pattern : e.getValue().getMappings()) {
                add(pattern, e.getKey());
            }
        }
        prefixes.sort((a, b) -> Integer.compare(b[0].length(), a[0].length()));
    }

    private void add(String pattern, String servlet) {
        if (pattern.equals("/")) {
            defaultServlet = servlet;
        } else if (pattern.equals("/*")) {
            prefixes.add(new String[] {"", servlet});
        } else if (pattern.endsWith("/*")) {
            prefixes.add(new String[] {pattern.substring(0, pattern.length() - 2), servlet});
        } else if (pattern.startsWith("*.")) {
            extensions.put(pattern.substring(2), servlet);
        } else if (pattern.isEmpty()) {
            exact.put("/", servlet);
        } else {
            exact.put(pattern, servlet);
        }
    }

    /** The servlet the container would map {@code path} to, or null for the default servlet. */
    String servletFor(String path) {
        String s = exact.get(path);
        if (s != null) {
            return s;
        }
        for (String[] p : prefixes) {
            if (path.equals(p[0]) || path.startsWith(p[0] + "/") || p[0].isEmpty()) {
                return p[1];
            }
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot > slash) {
            s = extensions.get(path.substring(dot + 1));
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    /** The name of the servlet mapped to {@code /}, or null. */
    String defaultServletName() {
        return defaultServlet;
    }
}
