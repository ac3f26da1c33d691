package dev.salesplatform.kit.http;

import dev.salesplatform.kit.problem.ProblemException;

/** {@code ?limit=} (default 50, 1 to 200) and an optional {@link Cursor}. */
public record PageRequest(int limit, Cursor cursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** From the raw query values: a limit that is not a number is 400, like one out of range. */
    public static PageRequest of(String limit, String cursor, int cursorValues) {
        int effective;
        try {
            effective = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            effective = -1;
        }
        if (effective < 1 || effective > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be a number from 1 to " + MAX_LIMIT);
        }
        return new PageRequest(effective,
                cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, cursorValues));
    }
}
