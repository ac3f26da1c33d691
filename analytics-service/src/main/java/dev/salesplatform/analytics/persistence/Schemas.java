package dev.salesplatform.analytics.persistence;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The two projection schemas and SQL written against "one of them": {@code {s}} in a statement
 * stands for the schema. Only these two names are ever substituted, so no input reaches the SQL.
 */
public final class Schemas {

    public static final String A = "analytics_a";
    public static final String B = "analytics_b";
    private static final Set<String> ALL = Set.of(A, B);
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    public static String other(String schema) {
        return A.equals(schema) ? B : A;
    }

    /** {@code template} with {@code {s}} replaced by {@code schema}. */
    public static String sql(String schema, String template) {
        if (!ALL.contains(schema)) {
            throw new IllegalArgumentException("not a projection schema: " + schema);
        }
        return CACHE.computeIfAbsent(schema + '\u0000' + template, key -> template.replace("{s}", schema));
    }
}
