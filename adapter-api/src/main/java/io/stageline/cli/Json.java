package io.stageline.cli;

import io.stageline.util.JsonStrings;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A tiny streaming JSON writer, pretty-printed with two-space indentation: objects, arrays, strings, numbers, booleans
 * and null. Misuse (a value without a name inside an object, unbalanced ends) throws {@link IllegalStateException}.
 *
 * <pre>{@code
 * String s = new Json().beginObject().name("path").value("/a").name("n").value(3).endObject().toString();
 * }</pre>
 */
final class Json {
    private final StringBuilder sb = new StringBuilder();
    /** Per open container: 'o' or 'a', and whether it has an element yet. */
    private final Deque<boolean[]> hasElement = new ArrayDeque<>();
    private final Deque<Character> kinds = new ArrayDeque<>();
    private boolean afterName;

    Json beginObject() {
        return open('o', '{');
    }

    Json endObject() {
        return close('o', '}');
    }

    Json beginArray() {
        return open('a', '[');
    }

    Json endArray() {
        return close('a', ']');
    }

    Json name(String name) {
        if (kinds.isEmpty() || kinds.peek() != 'o' || afterName) {
            throw new IllegalStateException("a name belongs directly inside an object: " + name);
        }
        separate();
        string(name);
        sb.append(": ");
        afterName = true;
        return this;
    }

    Json value(String s) {
        before();
        if (s == null) {
            sb.append("null");
        } else {
            string(s);
        }
        return this;
    }

    Json value(long n) {
        before();
        sb.append(n);
        return this;
    }

    Json value(boolean b) {
        before();
        sb.append(b);
        return this;
    }

    Json nullValue() {
        before();
        sb.append("null");
        return this;
    }

    /** An array of strings. */
    Json strings(List<String> list) {
        beginArray();
        for (String s : list) {
            value(s);
        }
        return endArray();
    }

    @Override
    public String toString() {
        if (!kinds.isEmpty()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        return sb.toString();
    }

    private Json open(char kind, char bracket) {
        before();
        sb.append(bracket);
        kinds.push(kind);
        hasElement.push(new boolean[1]);
        return this;
    }

    private Json close(char kind, char bracket) {
        if (kinds.isEmpty() || kinds.peek() != kind || afterName) {
            throw new IllegalStateException("unbalanced " + bracket);
        }
        kinds.pop();
        boolean any = hasElement.pop()[0];
        if (any) {
            newline();
        }
        sb.append(bracket);
        return this;
    }

    private void before() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (!kinds.isEmpty() && kinds.peek() == 'o') {
            throw new IllegalStateException("a value inside an object needs a name");
        }
        if (kinds.isEmpty() && sb.length() > 0) {
            throw new IllegalStateException("one top-level value only");
        }
        if (!kinds.isEmpty()) {
            separate();
        }
    }

    private void separate() {
        boolean[] any = hasElement.peek();
        if (any[0]) {
            sb.append(',');
        }
        any[0] = true;
        newline();
    }

    private void newline() {
        sb.append('\n');
        sb.append("  ".repeat(kinds.size()));
    }

    private void string(String s) {
        JsonStrings.append(sb, s);
    }
}
