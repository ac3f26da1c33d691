package dev.salesplatform.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the service's own database from a test, over JDBC with the service's settings. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** The first column of every row of {@code sql}; a {@link Collection} parameter binds as a text array. */
    public static Set<String> strings(String sql, Object... parameters) {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                statement.setObject(i + 1, value instanceof Collection<?> values
                        ? connection.createArrayOf("text", values.toArray()) : value);
            }
            Set<String> values = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    /** The ids among {@code eventIds} that {@code consumer} applied (kit table processed_event). */
    public static Set<String> processed(String consumer, Collection<String> eventIds) {
        return strings("SELECT event_id FROM processed_event WHERE consumer = ? AND event_id = ANY(?)", consumer, eventIds);
    }

    /** The ids among {@code eventIds} that were set aside as dead letters (kit table dead_letter). */
    public static Set<String> deadLettered(Collection<String> eventIds) {
        return strings("SELECT event_id FROM dead_letter WHERE event_id = ANY(?)", eventIds);
    }
}
