package dev.salesplatform.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values per path prefix, looked up by the most specific prefix of a path. A prefix matches itself
 * and every path below it ({@code /api/v1/leads} matches {@code /api/v1/leads/7}, not
 * {@code /api/v1/leadsX}).
 */
public final class PrefixTable<T> {

    private final List<Map.Entry<String, T>> entries;

    public PrefixTable(Map<String, T> byPrefix) {
        entries = new ArrayList<>(byPrefix.entrySet());
        entries.forEach(entry -> checkPrefix(entry.getKey()));
        entries.sort(Comparator.comparing((Map.Entry<String, T> entry) -> entry.getKey().length()).reversed());
    }

    public static void checkPrefix(String prefix) {
        if (!prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("Path prefix must start with / and not end with /: " + prefix);
        }
    }

    public static boolean matches(String prefix, String path) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    public Optional<T> find(String path) {
        for (Map.Entry<String, T> entry : entries) {
            if (matches(entry.getKey(), path)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }
}
