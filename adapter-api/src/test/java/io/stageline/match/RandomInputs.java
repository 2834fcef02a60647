package io.stageline.match;

import java.util.Random;

/** Random masks and paths over a small vocabulary, so that matches are frequent and every mask kind occurs. */
final class RandomInputs {
    private static final String[] FIXED_MASKS = {
        "*", "*.", "*.jsp", "*.JSP", "*.aspx", "*.dll", "*.gz", "*.tar.gz", "trace.axd", "Trace.Axd", "readme",
        "README.", "a", "b", "x.jsp", "index.html", "api/*", "/api/*", "Device/*", "/hello", "/a/b", "b/", "/",
        "api/", "*/x.jsp", "/*/*.aspx", "sub/page.aspx", "*ScriptResource.axd", "?.jsp", "a*", "*b", "page.*",
        "x?", "/a/*.jsp", "a/readme", "*/*", "?", "*.d?l", "*a*", "/*", "*/", "A/B/",
    };
    private static final String[] MASK_SEGMENTS = {
        "a", "b", "api", "x.jsp", "*", "?", "*.jsp", "readme", "*.", "Trace.axd", "page.aspx", "?b", "*.DLL", "",
    };
    private static final String[] PATH_SEGMENTS = {
        "a", "b", "A", "api", "API", "x.jsp", "X.JSP", "y.aspx", "test.dll", "readme", "README", "readme.",
        "trace.axd", "TRACE.AXD", "f.tar.gz", "Device", "page.aspx", "index.html", "hello", "sub", "ab", "xb",
        ".jsp", "b.dll", "MyScriptResource.axd", "x", "page.", "q.d1l",
    };

    private RandomInputs() {
    }

    static String mask(Random random) {
        if (random.nextInt(3) > 0) {
            return FIXED_MASKS[random.nextInt(FIXED_MASKS.length)];
        }
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? "/" : "");
        int segments = 1 + random.nextInt(3);
        for (int i = 0; i < segments; i++) {
            String segment = MASK_SEGMENTS[random.nextInt(MASK_SEGMENTS.length)];
            if (segment.isEmpty() && i < segments - 1) {
                segment = "*";
            }
            sb.append(i == 0 ? "" : "/").append(segment);
        }
        String mask = sb.toString();
        return mask.isEmpty() || mask.equals("/") && random.nextBoolean() ? "*" : mask;
    }

    static String path(Random random) {
        int segments = random.nextInt(5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segments; i++) {
            sb.append('/').append(PATH_SEGMENTS[random.nextInt(PATH_SEGMENTS.length)]);
        }
        if (segments == 0 || random.nextInt(5) == 0) {
            sb.append('/');
        }
        return sb.toString();
    }
}
