package io.stageline.api;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A typed key for a per-request item. Keys are created once (as constants) and index a small array inside the
 * request context, so reading and writing items costs no hashing.
 *
 * <pre>{@code
 * private static final ItemKey<Long> START = ItemKey.of("timing.start", Long.class);
 * }</pre>
 */
public final class ItemKey<T> {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final String name;
    private final Class<T> type;
    private final int index;

    private ItemKey(String name, Class<T> type, int index) {
        this.name = name;
        this.type = type;
        this.index = index;
    }

    /** Creates a key. Call it once per key, from a static initialiser. */
    public static <T> ItemKey<T> of(String name, Class<T> type) {
        return new ItemKey<>(name, type, NEXT.getAndIncrement());
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    /** The slot of this key in a request's item array. */
    public int index() {
        return index;
    }

    @Override
    public String toString() {
        return "ItemKey[" + name + "]";
    }
}
