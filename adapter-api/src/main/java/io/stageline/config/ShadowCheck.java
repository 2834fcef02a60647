package io.stageline.config;

import io.stageline.api.HandlerMapping;
import io.stageline.api.PipelineMode;
import io.stageline.config.ConfigFile.HandlerEntry;
import io.stageline.engine.Preconditions;
import io.stageline.match.AccessPolicy;
import java.util.List;

/**
 * Warns about handler mappings that can never be selected: an earlier mapping whose path is {@code *} and verb is
 * {@code *}, whose preconditions hold in this mode, whose access right the policy grants (local and remote) and that
 * is not restricted by {@code servlet: "*"} matches every request first. (A resourceType mismatch does not fall
 * through, so it does not matter here.)
 */
final class ShadowCheck {
    private final Problems problems;

    ShadowCheck(Problems problems) {
        this.problems = problems;
    }

    void check(List<HandlerEntry> handlers, String accessPolicy, PipelineMode mode) {
        AccessPolicy policy = AccessPolicy.parse(accessPolicy);
        HandlerEntry shadow = null;
        for (HandlerEntry h : handlers) {
            if (!Preconditions.holds(h.preConditions(), mode)) {
                continue;
            }
            if (shadow != null) {
                problems.add(ProblemCode.SHADOWED_HANDLER, h.pos(), "handler '" + h.name() + "' can never be selected: "
                        + "handler '" + shadow.name() + "' (" + shadow.pos() + ", path *, verb *) comes first and "
                        + "matches every request", "move '" + h.name() + "' before '" + shadow.name() + "', or narrow "
                        + "the path or verb of '" + shadow.name() + "'");
            } else if (matchesEverything(h, policy)) {
                shadow = h;
            }
        }
    }

    private static boolean matchesEverything(HandlerEntry h, AccessPolicy policy) {
        return "*".equals(h.path().trim()) && "*".equals(h.verb().trim())
                && !HandlerMapping.ANY_SERVLET.equals(h.servlet())
                && policy.grants(h.requireAccess(), true) && policy.grants(h.requireAccess(), false);
    }
}
