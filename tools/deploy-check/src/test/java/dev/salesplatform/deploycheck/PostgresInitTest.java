package dev.salesplatform.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** deploy/postgres/init-databases.sh creates what the services log in to. */
class PostgresInitTest {

    static final String SCRIPT = "deploy/postgres/init-databases.sh";

    private static final Pattern CREATE = Pattern.compile(
            "^create_database (\\w+) \"\\$\\{(\\w+)_DB_PASSWORD:-[^}]*}\"$", Pattern.MULTILINE);

    /** The databases the script creates, each with the password variable named after it. */
    static List<String> databasesOfScript() {
        List<String> databases = new ArrayList<>();
        Matcher matcher = CREATE.matcher(Repo.read(SCRIPT));
        while (matcher.find()) {
            assertEquals(matcher.group(1).toUpperCase(Locale.ROOT), matcher.group(2),
                    "the password variable of " + matcher.group(1));
            databases.add(matcher.group(1));
        }
        return databases;
    }

    @Test
    void createsTheDatabaseOfEveryServiceAndNoOther() {
        Set<String> expected = new TreeSet<>();
        for (String service : ServiceConfig.SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            if (config.hasDatabase()) {
                expected.add(config.databaseName());
            }
        }
        assertEquals(Set.of("lead", "deal", "customer_success", "analytics"), expected);
        assertEquals(expected, new TreeSet<>(databasesOfScript()));
    }

    /** A real run: PostgreSQL 17, the script through psql as the image runs it, then each service's login. */
    @Test
    void eachServiceLogsInToItsOwnDatabaseOnly() throws Exception {
        assumeTrue(Tools.onPath("psql"), "Assumptions: psql is not on PATH (package postgresql-client), so "
                + SCRIPT + " is not run against a real PostgreSQL here; its database names are still checked");
        List<String> databases = databasesOfScript();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PGHOST", "127.0.0.1");
            env.put("PGPORT", String.valueOf(postgres.getPort()));
            env.put("PGPASSWORD", "postgres");
            env.put("POSTGRES_USER", "postgres");
            for (String database : databases) {
                env.put(database.toUpperCase(Locale.ROOT) + "_DB_PASSWORD", "secret-" + database);
            }
            Tools.Result result = Tools.run(Repo.ROOT, env, List.of("sh", SCRIPT), Duration.ofMinutes(1));
            assertEquals(0, result.exitCode(), result.output());

            for (String database : databases) {
                try (Connection connection = connect(postgres, database, database, "secret-" + database);
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE probe (id int)");
                    statement.execute("CREATE FUNCTION probe_notify() RETURNS trigger LANGUAGE plpgsql AS "
                            + "$$ BEGIN PERFORM pg_notify('probe', ''); RETURN NULL; END $$");
                    // The services' search migrations create it as the database's owner (a trusted extension).
                    statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
                    try (ResultSet owner = statement.executeQuery(
                            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()")) {
                        assertTrue(owner.next());
                        assertEquals(database, owner.getString(1), "the owner of " + database);
                    }
                }
            }
            String first = databases.getFirst();
            String other = databases.get(1);
            SQLException refused = assertThrows(SQLException.class,
                    () -> connect(postgres, other, first, "secret-" + first).close());
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
    }

    private static Connection connect(EmbeddedPostgres postgres, String database, String user, String password)
            throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database,
                user, password);
    }
}
