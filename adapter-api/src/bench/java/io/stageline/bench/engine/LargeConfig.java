package io.stageline.bench.engine;

import java.util.List;

/**
 * The YAML text of a large application configuration: {@code handlers} mappings of {@link MappingMix}, {@code mimes}
 * MIME map entries, and {@code locations} locations, each with its own three mappings and directory browsing.
 */
final class LargeConfig {
    private LargeConfig() {
    }

    static String yaml(int handlers, int mimes, int locations) {
        StringBuilder y = new StringBuilder(handlers * 120 + locations * 400);
        y.append("pipelineMode: integrated\nhandlers:\n  accessPolicy: Read, Script\n  list:\n");
        List<String[]> masks = MappingMix.masks(handlers);
        for (int i = 0; i < masks.size(); i++) {
            handler(y, "    ", "H" + i, masks.get(i)[0], masks.get(i)[1]);
        }
        y.append("staticContent:\n  mimeMap:\n");
        for (int i = 0; i < mimes; i++) {
            y.append("    - add: .m").append(i).append("\n      mimeType: application/x-bench-").append(i).append('\n');
        }
        y.append("defaultDocument:\n  enabled: true\n  files: [ { add: home.html }, { add: start.htm } ]\n");
        y.append("locations:\n");
        for (int l = 0; l < locations; l++) {
            y.append("  - path: /loc").append(l).append('\n');
            y.append("    directoryBrowse: { enabled: ").append(l % 2 == 0).append(" }\n");
            y.append("    handlers:\n      list:\n");
            for (int k = 0; k < 3; k++) {
                handler(y, "        ", "L" + l + "x" + k, "*.l" + l + "x" + k, "GET,HEAD");
            }
        }
        return y.toString();
    }

    private static void handler(StringBuilder y, String indent, String name, String path, String verb) {
        y.append(indent).append("- add: ").append(name).append('\n')
                .append(indent).append("  path: \"").append(path).append("\"\n")
                .append(indent).append("  verb: \"").append(verb).append("\"\n")
                .append(indent).append("  modules: StaticFile\n")
                .append(indent).append("  requireAccess: Read\n");
    }
}
