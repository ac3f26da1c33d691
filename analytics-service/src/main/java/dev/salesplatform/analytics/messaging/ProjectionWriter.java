package dev.salesplatform.analytics.messaging;

import static dev.salesplatform.analytics.persistence.Schemas.sql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.persistence.ProjectionState;
import dev.salesplatform.kit.messaging.CloudEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Applies events to a projection schema, each at most once: the applied-event rows, the projection
 * rows and the watermark commit in the caller's transaction. A batch costs a few round trips, not a
 * few per event: one statement marks every event, then each kind of write runs as one batch (the
 * writes are commutative, so their order does not matter).
 */
@ApplicationScoped
public class ProjectionWriter {

    /**
     * Read with FOR SHARE by every consumer transaction: a rebuild's start and its swap update the row,
     * so they wait for transactions that read the old state, and later ones see the new.
     */
    static final String STATE = "SELECT active_schema, building_schema FROM projection_state WHERE id = 1 FOR SHARE";
    private static final String MARK = """
            INSERT INTO {s}.applied_event (event_id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING event_id""";
    private static final String WATERMARK = """
            INSERT INTO {s}.watermark AS w (topic, partition, event_time) VALUES ($1, $2, $3)
            ON CONFLICT (topic, partition) DO UPDATE SET event_time = greatest(w.event_time, EXCLUDED.event_time)""";

    @Inject
    EventProjector projector;

    /** An event read from a partition, with the writes it makes. */
    public record Pending(String topic, int partition, CloudEvent event, List<EventProjector.Write> writes) {
    }

    /** Data the database will refuse however often it is retried (SQLSTATE classes 22 and 23). */
    public static boolean refusedData(Throwable failure) {
        return failure instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
    }

    /** The event's writes, or {@code InvalidEventException} when its fields are unusable. */
    public Pending prepare(String topic, int partition, CloudEvent event) {
        return new Pending(topic, partition, event, projector.writes(event));
    }

    public Uni<ProjectionState> state(SqlConnection connection) {
        return connection.query(STATE).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new ProjectionState(row.getString(0), row.getString(1));
        });
    }

    /** Applies the events to the active schema and, while a rebuild runs, to the one being built. */
    public Uni<Void> applyLive(SqlConnection connection, List<Pending> events) {
        return state(connection).chain(state -> apply(connection, state.active(), events)
                .chain(() -> state.building() == null ? Uni.createFrom().voidItem()
                        : apply(connection, state.building(), events)));
    }

    /** Applies to {@code schema} the events it has not seen yet (also a duplicate within the batch only once). */
    public Uni<Void> apply(SqlConnection connection, String schema, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = events.stream().map(p -> p.event().id()).toArray(String[]::new);
        return connection.preparedQuery(sql(schema, MARK)).execute(Tuple.of(ids)).chain(marked -> {
            Set<String> fresh = new HashSet<>();
            marked.forEach(row -> fresh.add(row.getString(0)));
            Map<String, List<Tuple>> writes = new LinkedHashMap<>();
            Map<List<Object>, OffsetDateTime> watermarks = new LinkedHashMap<>();
            for (Pending pending : events) {
                if (!fresh.remove(pending.event().id())) {
                    continue;
                }
                pending.writes().forEach(write -> writes.computeIfAbsent(sql(schema, write.sql()), k -> new ArrayList<>())
                        .add(write.values()));
                OffsetDateTime time = OffsetDateTime.ofInstant(pending.event().time(), ZoneOffset.UTC);
                watermarks.merge(List.of(pending.topic(), pending.partition()), time, (a, b) -> a.isAfter(b) ? a : b);
            }
            if (watermarks.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<Tuple> marks = new ArrayList<>();
            watermarks.forEach((partition, time) -> marks.add(Tuple.of(partition.get(0), partition.get(1), time)));
            writes.put(sql(schema, WATERMARK), marks);
            Uni<Void> done = Uni.createFrom().voidItem();
            for (Map.Entry<String, List<Tuple>> batch : writes.entrySet()) {
                done = done.chain(() -> connection.preparedQuery(batch.getKey()).executeBatch(batch.getValue())
                        .replaceWithVoid());
            }
            return done;
        });
    }
}
