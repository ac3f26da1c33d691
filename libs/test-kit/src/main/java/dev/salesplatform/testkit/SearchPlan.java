package dev.salesplatform.testkit;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The plan PostgreSQL makes for the very SQL that Hibernate sends for a search: the statement is caught
 * from Hibernate's SQL log (category org.hibernate.SQL, at DEBUG only while the request runs), then
 * prepared and explained on a connection of the test's own, with made-up rows that it rolls back.
 */
public final class SearchPlan {

    private SearchPlan() {
    }

    /** The one statement with a LIKE that Hibernate sent while {@code request} ran. */
    public static String searchSql(Runnable request) {
        List<String> statements = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                statements.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger sqlLog = Logger.getLogger("org.hibernate.SQL");
        Level level = sqlLog.getLevel();
        boolean parents = sqlLog.getUseParentHandlers();
        // Caught here only, not printed on the console as well.
        sqlLog.setUseParentHandlers(false);
        sqlLog.setLevel(Level.FINE);
        sqlLog.addHandler(capture);
        try {
            request.run();
        } finally {
            sqlLog.removeHandler(capture);
            sqlLog.setLevel(level);
            sqlLog.setUseParentHandlers(parents);
        }
        List<String> searches = statements.stream().filter(sql -> sql.toLowerCase(Locale.ROOT).contains(" like ")).toList();
        if (searches.size() != 1) {
            throw new AssertionError("expected one search statement, got " + searches + " among " + statements);
        }
        return searches.get(0);
    }

    /**
     * The text of {@code EXPLAIN} for {@code sql} run with {@code pattern} for each text parameter and
     * {@code limit} for each integer one, after {@code setup} (inserts, ANALYZE) in the same transaction,
     * which is rolled back: nothing is left for other tests.
     */
    public static String explain(String sql, String pattern, long limit, String... setup) {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
             Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String step : setup) {
                    statement.execute(step);
                }
                statement.execute("PREPARE search AS " + sql);
                List<String> arguments = new ArrayList<>();
                try (ResultSet types = statement.executeQuery(
                        "SELECT parameter_types::text[] FROM pg_prepared_statements WHERE name = 'search'")) {
                    types.next();
                    Array array = types.getArray(1);
                    for (Object type : (Object[]) array.getArray()) {
                        arguments.add(switch ((String) type) {
                            case "text", "character varying" -> "'" + pattern.replace("'", "''") + "'";
                            case "integer", "bigint" -> Long.toString(limit);
                            default -> throw new AssertionError("a parameter of type " + type + " in " + sql);
                        });
                    }
                }
                List<String> plan = new ArrayList<>();
                try (ResultSet lines = statement.executeQuery("EXPLAIN EXECUTE search(" + String.join(", ", arguments) + ")")) {
                    while (lines.next()) {
                        plan.add(lines.getString(1));
                    }
                }
                return String.join("\n", plan);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("explain failed: " + sql, e);
        }
    }
}
