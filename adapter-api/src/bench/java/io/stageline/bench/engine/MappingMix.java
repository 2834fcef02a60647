package io.stageline.bench.engine;

import io.stageline.Stageline;
import io.stageline.api.HandlerMapping;
import java.util.ArrayList;
import java.util.List;

/**
 * The handler tables of the selection and compile benchmarks: {@code n} application mappings of mixed mask kinds in
 * front of the built-in defaults, and request paths that hit early, middle and late mappings and miss to the default
 * StaticFile mapping.
 *
 * <p>Per ten mappings: three extension masks ({@code *.e17}), two exact segments ({@code page17.aspx}), one anchored
 * literal with {@code /} ({@code /area17/home17.html}), one parent-literal suffix glob ({@code api17/*}), one suffix
 * glob with an extension ({@code reports17/*.r17}), one segment glob ({@code *Handler.a17}) and one more extension
 * mask, except that every 50th mapping is {@code *} with verb PROPFIND and every 50th (offset 10) is {@code *.} with
 * verb POST: 2 % of the table cannot be indexed and is scanned for every request, as {@code *} mappings are in real
 * configurations.
 */
final class MappingMix {
    private MappingMix() {
    }

    /** The application mappings (mask, verb) of a table of {@code n}. */
    static List<String[]> masks(int n) {
        List<String[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(mask(i));
        }
        return out;
    }

    private static String[] mask(int i) {
        switch (i % 10) {
            case 0:
            case 1:
            case 2:
                return new String[] {"*.e" + i, "GET,HEAD,POST"};
            case 3:
            case 4:
                return new String[] {"page" + i + ".aspx", "GET,POST"};
            case 5:
                return new String[] {"/area" + i + "/home" + i + ".html", "GET"};
            case 6:
                return new String[] {"api" + i + "/*", "*"};
            case 7:
                return new String[] {"reports" + i + "/*.r" + i, "GET"};
            case 8:
                return new String[] {"*Handler.a" + i, "GET,HEAD"};
            default:
                if (i % 50 == 9) {
                    return new String[] {"*", "PROPFIND"};
                }
                if (i % 50 == 19) {
                    return new String[] {"*.", "POST"};
                }
                return new String[] {"*.x" + i, "*"};
        }
    }

    /** The mappings of a table of {@code n}, followed by the built-in defaults valid in integrated mode. */
    static List<HandlerMapping> mappings(int n) {
        List<HandlerMapping> out = new ArrayList<>(n + 5);
        int i = 0;
        for (String[] m : masks(n)) {
            out.add(HandlerMapping.builder("H" + i++).path(m[0]).verb(m[1]).modules(Stageline.STATIC_FILE).build());
        }
        for (HandlerMapping d : Stageline.defaultHandlers()) {
            if (!Stageline.SERVLET_CLASSIC.equals(d.name())) {
                out.add(d);
            }
        }
        return out;
    }

    /** GET paths for a table of {@code n}: hits near the start, middle and end of each kind, and misses. */
    static String[] paths(int n) {
        int last = n - 1;
        int mid = n / 2;
        return new String[] {
            "/a/b/file.e" + lastOf(last, 0),
            "/shop/page" + lastOf(mid, 3) + ".aspx",
            "/area" + lastOf(last, 5) + "/home" + lastOf(last, 5) + ".html",
            "/x/api" + lastOf(mid, 6) + "/orders",
            "/y/reports" + lastOf(last, 7) + "/q1.r" + lastOf(last, 7),
            "/z/ScriptHandler.a" + lastOf(mid, 8),
            "/css/site.css",
            "/docs/readme",
        };
    }

    /** The largest index {@code <= from} whose kind slot is {@code slot}. */
    private static int lastOf(int from, int slot) {
        int i = from - Math.floorMod(from - slot, 10);
        return Math.max(i, slot);
    }
}
