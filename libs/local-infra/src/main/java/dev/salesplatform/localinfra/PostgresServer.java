package dev.salesplatform.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server from the embedded binaries published on Maven Central. With a data
 * directory it keeps its data across restarts; without one it is a throw-away instance.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * How the server is run.
     *
     * @param registerShutdownHook stop the server when this JVM exits (false: the caller stops it,
     *                             e.g. in its own order after the services that use it)
     * @param logFile              where the server's output is appended (null: this JVM's logging)
     */
    public record Options(boolean registerShutdownHook, Path logFile) {

        public static Options defaults() {
            return new Options(true, null);
        }
    }

    public static PostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, Options.defaults());
    }

    public static PostgresServer start(Path dataDirectory, int port, Options options) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setRegisterShutdownHook(options.registerShutdownHook());
            if (dataDirectory != null) {
                dataDirectory = dataDirectory.toAbsolutePath();
                // a kept data directory is the local stack's: an acknowledged commit must survive a
                // crash of PostgreSQL itself (zonky's default is synchronous_commit=off)
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", "on");
            }
            if (options.logFile() != null) {
                Files.createDirectories(options.logFile().toAbsolutePath().getParent());
                ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(options.logFile().toFile());
                builder.setOutputRedirector(log).setErrorRedirector(log);
            }
            return new PostgresServer(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The postmaster's pid, read from postmaster.pid of a server with a known data directory. */
    public OptionalLong pid() {
        return dataDirectory == null ? OptionalLong.empty() : postmasterPid(dataDirectory);
    }

    /** The pid in {@code dataDirectory/postmaster.pid}, if the file exists and is readable. */
    public static OptionalLong postmasterPid(Path dataDirectory) {
        try {
            Path file = dataDirectory.resolve("postmaster.pid");
            if (!Files.isRegularFile(file)) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(List<String> names) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String name : names) {
                try (ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + name.replace("'", "''") + "'")) {
                    if (exists.next()) {
                        continue;
                    }
                }
                statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create databases " + names, e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
