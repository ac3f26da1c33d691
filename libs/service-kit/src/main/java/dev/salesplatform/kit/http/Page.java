package dev.salesplatform.kit.http;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * Builds a page from up to {@code limit + 1} fetched rows: the extra row only tells that a next
     * page exists, and the cursor points after the last row returned.
     */
    public static <R, T> Page<T> of(List<R> fetched, int limit, Function<R, Cursor> cursorOf, Function<R, T> map) {
        boolean more = fetched.size() > limit;
        List<R> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? cursorOf.apply(rows.get(rows.size() - 1)).encode() : null;
        return new Page<>(rows.stream().map(map).toList(), next);
    }

    /** The same page with each item mapped, e.g. a service's views to a resource's responses. */
    public <U> Page<U> map(Function<T, U> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
