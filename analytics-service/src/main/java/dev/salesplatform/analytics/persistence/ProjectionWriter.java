package dev.salesplatform.analytics.persistence;

import static dev.salesplatform.analytics.persistence.ProjectionReader.utc;
import static dev.salesplatform.analytics.persistence.Schemas.sql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.salesplatform.analytics.persistence.ProjectionWrites.Write;
import io.smallrye.mutiny.Uni;
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

    /** An event read from a topic partition, with the writes it makes. */
    public record EventWrites(String topic, int partition, String eventId, Instant time, List<Write> writes) {
    }

    public Uni<ProjectionState> state(SqlConnection connection) {
        return connection.query(STATE).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new ProjectionState(row.getString(0), row.getString(1));
        });
    }

    /** Applies to {@code schema} the events it has not seen yet (also a duplicate within the batch only once). */
    public Uni<Void> apply(SqlConnection connection, String schema, List<EventWrites> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = events.stream().map(EventWrites::eventId).toArray(String[]::new);
        return connection.preparedQuery(sql(schema, MARK)).execute(Tuple.of(ids)).chain(marked -> {
            Set<String> fresh = new HashSet<>();
            marked.forEach(row -> fresh.add(row.getString(0)));
            Map<String, List<Tuple>> writes = new LinkedHashMap<>();
            Map<List<Object>, OffsetDateTime> watermarks = new LinkedHashMap<>();
            for (EventWrites event : events) {
                if (!fresh.remove(event.eventId())) {
                    continue;
                }
                event.writes().forEach(write -> writes.computeIfAbsent(sql(schema, write.sql()), k -> new ArrayList<>())
                        .add(write.values()));
                watermarks.merge(List.of(event.topic(), event.partition()), utc(event.time()),
                        (a, b) -> a.isAfter(b) ? a : b);
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
