package io.stageline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stageline.testutil.MiniJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void objectsAndArraysArePrettyPrintedAndStringsEscaped() {
        String s = new Json().beginObject().name("a").value("q\"\\\n\t\u0001").name("n").value(-3).name("b").value(true)
                .name("z").nullValue().name("e").beginArray().endArray().name("l").strings(List.of("x", "y"))
                .endObject().toString();

        assertEquals("""
                {
                  "a": "q\\"\\\\\\n\\t\\u0001",
                  "n": -3,
                  "b": true,
                  "z": null,
                  "e": [],
                  "l": [
                    "x",
                    "y"
                  ]
                }""", s);
        assertEquals(Map.of("a", "q\"\\\n\t\u0001", "n", -3L, "b", true, "e", List.of(), "l", List.of("x", "y")),
                withoutNull(MiniJson.parse(s)));
    }

    private static Map<?, ?> withoutNull(Object o) {
        Map<?, ?> m = (Map<?, ?>) o;
        assertEquals(null, m.get("z"));
        return Map.of("a", m.get("a"), "n", m.get("n"), "b", m.get("b"), "e", m.get("e"), "l", m.get("l"));
    }

    @Test
    void misuseIsRefused() {
        assertThrows(IllegalStateException.class, () -> new Json().beginObject().value("no name"));
        assertThrows(IllegalStateException.class, () -> new Json().beginArray().endObject());
        assertThrows(IllegalStateException.class, () -> new Json().beginObject().toString());
    }
}
