package dev.salesplatform.analytics.messaging;

import static dev.salesplatform.analytics.persistence.Schemas.sql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.persistence.ProjectionState;
import dev.salesplatform.kit.messaging.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applies an event to one projection schema at most once: the applied-event row, the projection rows
 * and the watermark commit in the caller's transaction.
 */
@ApplicationScoped
public class ProjectionWriter {

    /**
     * Read with FOR SHARE by every consumer transaction: a rebuild's start and its swap update the row,
     * so they wait for transactions that read the old state, and later ones see the new.
     */
    static final String STATE = "SELECT active_schema, building_schema FROM projection_state WHERE id = 1 FOR SHARE";
    private static final String MARK = "INSERT INTO {s}.applied_event (event_id) VALUES ($1) ON CONFLICT DO NOTHING";
    private static final String WATERMARK = """
            INSERT INTO {s}.watermark AS w (topic, partition, event_time) VALUES ($1, $2, $3)
            ON CONFLICT (topic, partition) DO UPDATE SET event_time = greatest(w.event_time, EXCLUDED.event_time)""";

    @Inject
    EventProjector projector;

    public Uni<ProjectionState> state(SqlConnection connection) {
        return connection.query(STATE).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new ProjectionState(row.getString(0), row.getString(1));
        });
    }

    /** Applies the event to the active schema and, while a rebuild runs, to the one being built. */
    public Uni<Void> applyLive(SqlConnection connection, String topic, int partition, CloudEvent event) {
        return state(connection).chain(state -> apply(connection, state.active(), topic, partition, event)
                .chain(() -> state.building() == null ? Uni.createFrom().voidItem()
                        : apply(connection, state.building(), topic, partition, event)));
    }

    /** Applies the event to {@code schema} unless it already was. */
    public Uni<Void> apply(SqlConnection connection, String schema, String topic, int partition, CloudEvent event) {
        return connection.preparedQuery(sql(schema, MARK)).execute(Tuple.of(event.id())).chain(marked -> {
            if (marked.rowCount() == 0) {
                return Uni.createFrom().voidItem();
            }
            return projector.project(connection, schema, event)
                    .chain(() -> connection.preparedQuery(sql(schema, WATERMARK))
                            .execute(Tuple.of(topic, partition, OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))))
                    .replaceWithVoid();
        });
    }
}
