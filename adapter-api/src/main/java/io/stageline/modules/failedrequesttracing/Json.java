package io.stageline.modules.failedrequesttracing;

import io.stageline.util.JsonStrings;
import java.util.Map;

/** The little JSON the traces need: objects, strings, numbers, booleans, null. */
final class Json {
    private Json() {
    }

    static void string(StringBuilder sb, String s) {
        JsonStrings.append(sb, s);
    }

    static void value(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short) {
            sb.append(v);
        } else if (v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
            sb.append(d);
        } else if (v instanceof Map<?, ?> m) {
            object(sb, m);
        } else {
            string(sb, String.valueOf(v));
        }
    }

    static void object(StringBuilder sb, Map<?, ?> m) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            string(sb, String.valueOf(e.getKey()));
            sb.append(": ");
            value(sb, e.getValue());
            first = false;
        }
        sb.append('}');
    }
}
