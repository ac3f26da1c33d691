package dev.salesplatform.analytics.persistence;

import static dev.salesplatform.analytics.persistence.Schemas.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads run on one connection against the projection schema readers use now. */
@ApplicationScoped
public class ProjectionReader {

    private static final String ACTIVE = "SELECT active_schema FROM projection_state WHERE id = 1";
    private static final String COMPLETE_UNTIL = "SELECT min(event_time) FROM {s}.watermark";

    private final Pool pool;

    @Inject
    public ProjectionReader(Pool pool) {
        this.pool = pool;
    }

    public <T> Uni<T> read(BiFunction<SqlConnection, String, Uni<T>> work) {
        return pool.withConnection(connection -> connection.query(ACTIVE).execute()
                .chain(rows -> work.apply(connection, rows.iterator().next().getString(0))));
    }

    public static Uni<RowSet<Row>> query(SqlConnection connection, String schema, String statement, Tuple values) {
        return connection.preparedQuery(sql(schema, statement)).execute(values);
    }

    /** Up to which event time every partition's events are applied (null: none yet). */
    public static Uni<Instant> completeUntil(SqlConnection connection, String schema) {
        return connection.query(sql(schema, COMPLETE_UNTIL)).execute().map(rows -> {
            OffsetDateTime time = rows.iterator().next().getOffsetDateTime(0);
            return time == null ? null : time.toInstant();
        });
    }

    public static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
