package io.stageline.config;

import io.stageline.config.ConfigFile.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Step 3 for {@code locations:}: one {@link LocationConfiguration} per distinct path (compared case-insensitively).
 * A path's configuration starts from the application level; then every entry whose path is a segment-aligned prefix
 * of it ({@code /admin} covers {@code /admin} and {@code /admin/reports}, not {@code /administrator}) is applied, least
 * specific first, so the most specific entry has the last word; for the same path the server file's entry comes
 * before the application file's.
 *
 * <p>Server-file entries apply to every application unless they carry {@code application: /ctx}, which limits them
 * to that context path (an unknown context path, e.g. when the loader is not told the application's, matches only
 * unfiltered entries). Their paths are application-relative, like the application file's: IIS's site/app paths are
 * not modelled.
 */
final class LocationResolver {
    private final Merger merger;

    LocationResolver(Merger merger) {
        this.merger = merger;
    }

    /** {@code layers} lowest first; their locations in file order. */
    List<LocationConfiguration> resolve(EffectiveConfiguration app, List<ConfigFile> layers, String contextPath) {
        List<Location> entries = new ArrayList<>();
        for (ConfigFile f : layers) {
            for (Location l : f.locations()) {
                if (l.application() == null || l.application().equals(contextPath)) {
                    entries.add(l);
                }
            }
        }
        TreeMap<String, String> paths = new TreeMap<>();
        for (Location l : entries) {
            paths.putIfAbsent(l.path().toLowerCase(Locale.ROOT), l.path());
        }
        List<LocationConfiguration> out = new ArrayList<>();
        for (String path : paths.values()) {
            out.add(resolvePath(app, entries, path));
        }
        return List.copyOf(out);
    }

    private LocationConfiguration resolvePath(EffectiveConfiguration app, List<Location> entries, String path) {
        List<Location> covering = new ArrayList<>();
        for (Location l : entries) {
            if (covers(l.path(), path)) {
                covering.add(l);
            }
        }
        covering.sort(Comparator.comparingInt(l -> segments(l.path())));
        LocationConfiguration c = LocationConfiguration.root(path, app);
        for (Location l : covering) {
            c = merger.apply(c, l);
        }
        return c;
    }

    /** True when {@code prefix} is {@code path} or a segment-aligned prefix of it, ignoring case. */
    static boolean covers(String prefix, String path) {
        String p = prefix.toLowerCase(Locale.ROOT);
        String q = path.toLowerCase(Locale.ROOT);
        return q.equals(p) || q.startsWith(p) && q.charAt(p.length()) == '/';
    }

    private static int segments(String path) {
        int n = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }
}
