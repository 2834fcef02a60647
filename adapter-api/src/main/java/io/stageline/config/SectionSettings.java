package io.stageline.config;

import static io.stageline.config.ModuleSectionReader.ANONYMOUS;
import static io.stageline.config.ModuleSectionReader.AUTHORIZATION;
import static io.stageline.config.ModuleSectionReader.BASIC;
import static io.stageline.config.ModuleSectionReader.CACHING;
import static io.stageline.config.ModuleSectionReader.CREDENTIALS;
import static io.stageline.config.ModuleSectionReader.FORMS;
import static io.stageline.config.ModuleSectionReader.HTTP_ERRORS;
import static io.stageline.config.ModuleSectionReader.HTTP_LOGGING;
import static io.stageline.config.ModuleSectionReader.HTTP_PROTOCOL;
import static io.stageline.config.ModuleSectionReader.HTTP_REDIRECT;
import static io.stageline.config.ModuleSectionReader.LOG_FILE;
import static io.stageline.config.ModuleSectionReader.MANAGED_AUTHORIZATION;
import static io.stageline.config.ModuleSectionReader.REQUEST_FILTERING;
import static io.stageline.config.ModuleSectionReader.TRACE_LOGGING;
import static io.stageline.config.ModuleSectionReader.TRACE_RULES;

import io.stageline.Stageline;
import io.stageline.config.ConfigFile.CollectionOp;
import io.stageline.config.ConfigFile.ListOp;
import io.stageline.config.ConfigFile.SectionLevel;
import io.stageline.config.ConfigFile.SectionValues;
import io.stageline.config.ConfigFile.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in modules' settings from their sections, with each section's merge rule, over a chain of levels (lowest
 * first: built-in defaults, server file, application file, then the locations covering a path, least specific first):
 *
 * <ul>
 *   <li>values: the nearest level that writes a key wins, key by key; {@code credentials} as a whole (the nearest
 *       level's section replaces the others').</li>
 *   <li>{@code httpErrors.errors}, {@code httpProtocol.customHeaders}/{@code redirectHeaders},
 *       {@code httpRedirect.list}: the operations of every level concatenated lowest first; the module applies them.</li>
 *   <li>{@code authorization.list}, {@code managedAuthorization.list}: {@code levels: [{path, list}, ...]}, one per
 *       level that writes the list, outermost first; the module applies its own order (IIS: parent first, denies
 *       first; ASP.NET: nearest first, first match).</li>
 *   <li>{@code traceFailedRequests.list}: merged here, prepend (nearest level first, as the first matching rule
 *       applies), into {@code rules}.</li>
 *   <li>{@code caching.profiles} (HttpCache, OutputCache): merged here, prepend, keyed by extension
 *       (case-insensitive), into {@code profiles}; the other {@code caching} values nearest wins.</li>
 * </ul>
 *
 * <p>Keyed collections are also merged here with {@link Merger}, so that an {@code add} of a key already present is
 * reported where it is written (SL-CFG-013) rather than by the module.
 */
final class SectionSettings {
    /** The sections each built-in module reads, by module name. */
    static final Map<String, List<String>> SECTIONS_OF = Map.ofEntries(
            Map.entry(Stageline.ANONYMOUS_AUTHENTICATION, List.of(ANONYMOUS)),
            Map.entry(Stageline.BASIC_AUTHENTICATION, List.of(BASIC, CREDENTIALS)),
            Map.entry(Stageline.FORMS_AUTHENTICATION, List.of(FORMS, CREDENTIALS)),
            Map.entry(Stageline.URL_AUTHORIZATION, List.of(AUTHORIZATION)),
            Map.entry(Stageline.MANAGED_URL_AUTHORIZATION, List.of(MANAGED_AUTHORIZATION)),
            Map.entry(Stageline.CUSTOM_ERRORS, List.of(HTTP_ERRORS)),
            Map.entry(Stageline.PROTOCOL_SUPPORT, List.of(HTTP_PROTOCOL)),
            Map.entry(Stageline.HTTP_REDIRECTION, List.of(HTTP_REDIRECT)),
            Map.entry(Stageline.HTTP_LOGGING, List.of(LOG_FILE, HTTP_LOGGING)),
            Map.entry(Stageline.FAILED_REQUEST_TRACING, List.of(TRACE_LOGGING, TRACE_RULES)),
            Map.entry(Stageline.REQUEST_FILTERING, List.of(REQUEST_FILTERING)),
            Map.entry(Stageline.HTTP_CACHE, List.of(CACHING)),
            Map.entry(Stageline.OUTPUT_CACHE, List.of(CACHING)));

    private final Merger merger;

    SectionSettings(Merger merger) {
        this.merger = merger;
    }

    /** Computes the settings of every sectioned module for the application and each location: reports problems. */
    void check(EffectiveConfiguration c) {
        for (String module : SECTIONS_OF.keySet()) {
            settings(module, c.sectionLevels());
            for (LocationConfiguration l : c.locations()) {
                settings(module, chain(c, l));
            }
        }
    }

    /** The application's levels followed by the location's. */
    static List<SectionLevel> chain(EffectiveConfiguration c, LocationConfiguration l) {
        List<SectionLevel> out = new ArrayList<>(c.sectionLevels());
        out.addAll(l.sectionLevels());
        return out;
    }

    /** The levels of {@code levels} that write one of the module's sections. */
    static List<SectionLevel> writing(String module, List<SectionLevel> levels) {
        List<SectionLevel> out = new ArrayList<>();
        for (SectionLevel level : levels) {
            for (String section : SECTIONS_OF.getOrDefault(module, List.of())) {
                if (level.sections().containsKey(section)) {
                    out.add(level);
                    break;
                }
            }
        }
        return out;
    }

    /** The module's settings from its sections over {@code levels} (lowest first); empty for other modules. */
    Map<String, Object> settings(String module, List<SectionLevel> levels) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (module) {
            case Stageline.ANONYMOUS_AUTHENTICATION -> values(s, ANONYMOUS, levels);
            case Stageline.BASIC_AUTHENTICATION -> {
                values(s, BASIC, levels);
                credentials(s, levels);
            }
            case Stageline.FORMS_AUTHENTICATION -> {
                values(s, FORMS, levels);
                credentials(s, levels);
            }
            case Stageline.URL_AUTHORIZATION -> {
                values(s, AUTHORIZATION, levels);
                check(AUTHORIZATION, "list", levels, "authorization rule");
                levels(s, AUTHORIZATION, levels);
            }
            case Stageline.MANAGED_URL_AUTHORIZATION -> levels(s, MANAGED_AUTHORIZATION, levels);
            case Stageline.CUSTOM_ERRORS -> {
                values(s, HTTP_ERRORS, levels);
                concat(s, HTTP_ERRORS, "errors", levels, "httpErrors entry");
            }
            case Stageline.PROTOCOL_SUPPORT -> {
                values(s, HTTP_PROTOCOL, levels);
                concat(s, HTTP_PROTOCOL, "customHeaders", levels, "custom header");
                concat(s, HTTP_PROTOCOL, "redirectHeaders", levels, "redirect header");
            }
            case Stageline.HTTP_REDIRECTION -> {
                values(s, HTTP_REDIRECT, levels);
                concat(s, HTTP_REDIRECT, "list", levels, "redirect wildcard");
            }
            case Stageline.HTTP_LOGGING -> {
                values(s, LOG_FILE, levels);
                values(s, HTTP_LOGGING, levels);
            }
            case Stageline.FAILED_REQUEST_TRACING -> {
                values(s, TRACE_LOGGING, levels);
                traceRules(s, levels);
            }
            case Stageline.REQUEST_FILTERING -> requestFiltering(s, levels);
            case Stageline.HTTP_CACHE, Stageline.OUTPUT_CACHE -> {
                values(s, CACHING, levels);
                s.remove("fileCacheTtl"); // the engine's (PipelineCompiler), not the output cache's
                profiles(s, levels);
            }
            default -> {
                // not a sectioned module
            }
        }
        return s;
    }

    /** The nearest level's value of each key of {@code section}. */
    private static void values(Map<String, Object> out, String section, List<SectionLevel> levels) {
        for (SectionLevel level : levels) {
            SectionValues v = level.sections().get(section);
            if (v != null) {
                for (Map.Entry<String, Setting<Object>> e : v.values().entrySet()) {
                    out.put(e.getKey(), e.getValue().value());
                }
            }
        }
    }

    /** The nearest {@code credentials} section, whole, under the module's {@code credentials} key. */
    private static void credentials(Map<String, Object> out, List<SectionLevel> levels) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            SectionValues v = levels.get(i).sections().get(CREDENTIALS);
            if (v != null) {
                Map<String, Object> c = new LinkedHashMap<>();
                values(c, CREDENTIALS, List.of(levels.get(i)));
                out.put("credentials", c);
                return;
            }
        }
    }

    private static List<List<CollectionOp>> opsPerLevel(String section, String key, List<SectionLevel> levels) {
        List<List<CollectionOp>> out = new ArrayList<>();
        for (SectionLevel level : levels) {
            SectionValues v = level.sections().get(section);
            List<CollectionOp> ops = v == null ? null : v.lists().get(key);
            if (ops != null) {
                out.add(ops);
            }
        }
        return out;
    }

    /** Every level's operations, lowest first, as written; checked for duplicates first. */
    private void concat(Map<String, Object> out, String section, String key, List<SectionLevel> levels, String what) {
        List<List<CollectionOp>> perLevel = opsPerLevel(section, key, levels);
        if (perLevel.isEmpty()) {
            return;
        }
        check(section, key, levels, what);
        List<Object> raw = new ArrayList<>();
        for (List<CollectionOp> ops : perLevel) {
            for (CollectionOp op : ops) {
                raw.add(op.raw());
            }
        }
        out.put(key, List.copyOf(raw));
    }

    /** Merges the keyed operations level by level (appending), reporting duplicate adds; returns the result. */
    private List<CollectionOp> check(String section, String key, List<SectionLevel> levels, String what) {
        return merge(section, key, levels, false, what);
    }

    private List<CollectionOp> merge(String section, String key, List<SectionLevel> levels, boolean prepend,
                                     String what) {
        List<CollectionOp> merged = List.of();
        for (List<CollectionOp> ops : opsPerLevel(section, key, levels)) {
            List<ListOp<CollectionOp>> list = new ArrayList<>();
            for (CollectionOp op : ops) {
                list.add(op.asListOp());
            }
            merged = merger.merge(merged, list, prepend, false, what);
        }
        return merged;
    }

    /** {@code levels: [{path, list}, ...]}: one per level that writes the section's list, outermost first. */
    private static void levels(Map<String, Object> out, String section, List<SectionLevel> levels) {
        List<Object> result = new ArrayList<>();
        for (SectionLevel level : levels) {
            SectionValues v = level.sections().get(section);
            List<CollectionOp> ops = v == null ? null : v.lists().get("list");
            if (ops != null) {
                List<Object> raw = new ArrayList<>();
                for (CollectionOp op : ops) {
                    raw.add(op.raw());
                }
                result.add(Map.of("path", level.path(), "list", List.copyOf(raw)));
            }
        }
        if (!result.isEmpty()) {
            out.put("levels", List.copyOf(result));
        }
    }

    /**
     * {@code requestFiltering}: values nearest wins and every collection concatenated lowest first (IIS's
     * {@code mergeAppend}), un-flattened into the section's nested shape; the module applies the operations over its
     * built-in entries.
     */
    private static void requestFiltering(Map<String, Object> out, List<SectionLevel> levels) {
        Map<String, Object> flat = new LinkedHashMap<>();
        values(flat, REQUEST_FILTERING, levels);
        for (SectionLevel level : levels) {
            SectionValues v = level.sections().get(REQUEST_FILTERING);
            if (v == null) {
                continue;
            }
            for (Map.Entry<String, List<CollectionOp>> e : v.lists().entrySet()) {
                @SuppressWarnings("unchecked")
                List<Object> ops = (List<Object>) flat.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                for (CollectionOp op : e.getValue()) {
                    ops.add(op.raw());
                }
            }
        }
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            int dot = e.getKey().indexOf('.');
            if (dot < 0) {
                out.put(e.getKey(), e.getValue());
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> nested = (Map<String, Object>) out.computeIfAbsent(e.getKey().substring(0, dot),
                        k -> new LinkedHashMap<>());
                nested.put(e.getKey().substring(dot + 1), e.getValue());
            }
        }
    }

    /** {@code traceFailedRequests.list} merged (prepend: the nearest level's rules first) into {@code rules}. */
    private void traceRules(Map<String, Object> out, List<SectionLevel> levels) {
        if (opsPerLevel(TRACE_RULES, "list", levels).isEmpty()) {
            return;
        }
        List<Object> rules = new ArrayList<>();
        for (CollectionOp op : merge(TRACE_RULES, "list", levels, true, "traceFailedRequests rule")) {
            rules.add(op.raw());
        }
        out.put("rules", List.copyOf(rules));
    }

    /** {@code caching.profiles} merged (prepend: the nearest level's profiles first) into {@code profiles}. */
    private void profiles(Map<String, Object> out, List<SectionLevel> levels) {
        if (opsPerLevel(CACHING, "profiles", levels).isEmpty()) {
            return;
        }
        List<Object> profiles = new ArrayList<>();
        for (CollectionOp op : merge(CACHING, "profiles", levels, true, "caching profile")) {
            profiles.add(op.raw());
        }
        out.put("profiles", List.copyOf(profiles));
    }

    /**
     * Where a module's settings come from, for positioning its initialisation failures: the nearest level's section
     * that is not a built-in default (null when only the defaults configure it).
     */
    static SectionValues nearestWritten(String module, List<SectionLevel> levels) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            List<String> sections = SECTIONS_OF.getOrDefault(module, List.of());
            for (String section : sections) {
                SectionValues v = levels.get(i).sections().get(section);
                if (v != null && !ConfigLoader.DEFAULTS_LABEL.equals(v.pos().file())) {
                    return v;
                }
            }
        }
        return null;
    }
}
