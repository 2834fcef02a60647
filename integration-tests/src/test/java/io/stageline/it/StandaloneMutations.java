package io.stageline.it;

import io.stageline.servlet.HostileRequests.Probe;
import io.stageline.servlet.HostileRequests.Target;
import io.stageline.servlet.RawHttp;
import io.stageline.servlet.RawHttp.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Crafted requests the standalone suite adds to {@link io.stageline.servlet.HostileRequests}' for one target: more
 * case and Unicode aliases (dotless {@code ı}, which {@code equalsIgnoreCase} takes for {@code i}), encodings of the
 * file name, IIS's {@code %u} escapes, path info and parameters after the file, WebDAV and odd verbs, request-line
 * and header oddities a proxy or a lenient parser might act on. All are sent without admin credentials.
 */
final class StandaloneMutations {
    private StandaloneMutations() {
    }

    static List<Probe> of(Target t) {
        String dir = "/" + t.dir();
        String rest = t.rest();
        String path = t.path();
        List<Probe> m = new ArrayList<>();
        // case and Unicode aliases
        get(m, t, "upper-case file name", dir + "/" + rest.toUpperCase(Locale.ROOT));
        get(m, t, "capitalised directory", "/Admin/" + rest);
        get(m, t, "dotless i (U+0131) in the directory", "/adm%C4%B1n/" + rest);
        get(m, t, "dotted capital I (U+0130) in the directory", "/ADM%C4%B0N/" + rest);
        m.add(probe(t, "fullwidth letter in the directory (another name)", new Request("GET", "/%EF%BD%81dmin/" + rest),
                true));
        get(m, t, "double-encoded letter %2561", "/%2561dmin/" + rest);
        get(m, t, "IIS %u escape", "/%u0061dmin/" + rest);
        get(m, t, "encoded first letter of the file", dir + "/%" + hex(rest.charAt(0)) + rest.substring(1));
        get(m, t, "every character encoded", encodeAll(path));
        get(m, t, "overlong NUL %c0%80", dir + "%c0%80/" + rest);
        get(m, t, "byte %ff", dir + "%ff/" + rest);
        get(m, t, "encoded slash before the directory", "/%2f" + t.dir() + "/" + rest);
        // dot segments and parameters around the file
        get(m, t, "/%2e/ inside", dir + "/%2e/" + rest);
        get(m, t, "/.;/ inside", dir + "/.;/" + rest);
        get(m, t, ";/../ back into itself", dir + ";/../" + t.dir() + "/" + rest);
        get(m, t, "session id on the directory, then ..", dir + ";jsessionid=A1/../" + t.dir() + "/" + rest);
        get(m, t, "encoded ;jsessionid", path + "%3Bjsessionid=A1");
        get(m, t, "path info after the file", path + "/x");
        get(m, t, "extension as a parameter", path + ";.html");
        get(m, t, "encoded ? then an extension", path + "%3f.html");
        get(m, t, "encoded #", path + "%23");
        get(m, t, "trailing %2e on the file", path + "%2e");
        get(m, t, "four dots as a segment", dir + "/..../" + rest);
        get(m, t, "/./ repeated", dir + "/././" + rest);
        // verbs
        for (String verb : List.of("PATCH", "MOVE", "COPY", "MKCOL", "LOCK", "SEARCH", "gEt", "head")) {
            m.add(probe(t, "verb " + verb, new Request(verb, path), false));
        }
        m.add(probe(t, "POST with _method=GET", new Request("POST", path + "?_method=GET",
                List.of("Content-Type: application/x-www-form-urlencoded"), "_method=GET"), false));
        m.add(probe(t, "HEAD with X-HTTP-Method-Override: GET", new Request("HEAD", path,
                "X-HTTP-Method-Override: GET"), false));
        // request line and headers
        m.add(probe(t, "absolute-form https", new Request("GET", "https://localhost" + path), false));
        m.add(probe(t, "absolute-form with user info", new Request("GET", "http://admin@localhost" + path), false));
        m.add(probe(t, "absolute-form with an encoded slash in the host", new Request("GET", "http://localhost%2f"
                + path), false));
        m.add(probe(t, "Host with a path", new Request("GET", path, "Host: localhost/admin"), false));
        m.add(probe(t, "X-Forwarded-Host and -Proto", new Request("GET", path, "X-Forwarded-Host: admin.internal",
                "X-Forwarded-Proto: https"), false));
        m.add(probe(t, "Forwarded: for=127.0.0.1", new Request("GET", path, "Forwarded: for=127.0.0.1;proto=https"),
                false));
        m.add(probe(t, "X-Original-URL to a public page", new Request("GET", path,
                "X-Original-URL: /public/page.html"), false));
        m.add(probe(t, "GET with a body", new Request("GET", path, List.of(), "x"), false));
        m.add(new Probe(t.path() + " | bare LF line endings", base -> RawHttp.sendRaw(base, "GET " + path
                + " HTTP/1.1\nHost: localhost\nConnection: close\n\n"), false));
        m.add(new Probe(t.path() + " | tab between method and target", base -> RawHttp.sendRaw(base, "GET\t" + path
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), false));
        m.add(new Probe(t.path() + " | HTTP/1.0 with keep-alive", base -> RawHttp.sendRaw(base, "GET " + path
                + " HTTP/1.0\r\nHost: localhost\r\n\r\n"), false));
        return m;
    }

    private static void get(List<Probe> m, Target t, String name, String target) {
        m.add(probe(t, name, new Request("GET", target), false));
    }

    private static Probe probe(Target t, String name, Request request, boolean otherResource) {
        return new Probe(t.path() + " | " + name, base -> RawHttp.send(base, request), otherResource);
    }

    private static String hex(char c) {
        return String.format("%02X", (int) c);
    }

    private static String encodeAll(String path) {
        StringBuilder sb = new StringBuilder();
        for (char c : path.toCharArray()) {
            sb.append(c == '/' ? "/" : "%" + hex(c));
        }
        return sb.toString();
    }
}
