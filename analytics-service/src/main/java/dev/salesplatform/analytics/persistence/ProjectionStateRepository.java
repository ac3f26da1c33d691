package dev.salesplatform.analytics.persistence;

import static dev.salesplatform.analytics.persistence.Schemas.sql;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/** The one projection_state row: which schema readers use, and the latest rebuild's progress. */
@ApplicationScoped
public class ProjectionStateRepository {

    // The heartbeat's age is judged by the database clock that wrote it, so that instances with skewed
    // clocks (or a test's pinned clock) agree on whether a rebuild is still reporting.
    private static final String LOCK = "SELECT active_schema, building_schema,"
            + " rebuild_heartbeat > now() - make_interval(secs => $1), rebuild_id, built_version"
            + " FROM projection_state WHERE id = 1 FOR UPDATE";
    private static final String BEGIN = "UPDATE projection_state SET building_schema = $1, rebuild_id = $2,"
            + " rebuild_started = now(), rebuild_heartbeat = now(), rebuild_finished = NULL, rebuild_total = NULL,"
            + " rebuild_done = 0, rebuild_error = NULL, rebuild_skipped = 0, rebuild_skip_reasons = '[]' WHERE id = 1";
    private static final List<String> TABLES = List.of("applied_event", "watermark", "lead_fact", "deal_fact",
            "customer_fact", "mrr_movement", "renewal_outcome", "nps_response");
    private static final String PROGRESS = "UPDATE projection_state SET rebuild_total = $2, rebuild_done = $3,"
            + " rebuild_skipped = $4, rebuild_skip_reasons = CAST($5::text AS jsonb), rebuild_heartbeat = now()"
            + " WHERE id = 1 AND rebuild_id = $1";
    private static final String SWAP = "UPDATE projection_state SET active_schema = building_schema, building_schema = NULL,"
            + " built_version = $2, rebuild_finished = now(), rebuild_heartbeat = now()"
            + " WHERE id = 1 AND rebuild_id = $1 AND building_schema IS NOT NULL";
    private static final String FAIL = "UPDATE projection_state SET building_schema = NULL, rebuild_finished = now(),"
            + " rebuild_error = $2 WHERE id = 1 AND rebuild_id = $1";
    private static final String STATUS = "SELECT active_schema, building_schema, rebuild_id, rebuild_started,"
            + " rebuild_finished, rebuild_total, rebuild_done, rebuild_error, rebuild_heartbeat, rebuild_skipped,"
            + " rebuild_skip_reasons::text FROM projection_state WHERE id = 1";

    private final Pool pool;
    private final ObjectMapper mapper;

    @Inject
    public ProjectionStateRepository(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    /**
     * The state as locked for an update by the caller's transaction; {@code reporting}: a rebuild's
     * heartbeat is more recent than the stale-after age given to {@link #lock}.
     */
    public record Locked(String active, String building, boolean reporting, UUID rebuildId, int builtVersion) {
    }

    /** The latest rebuild as recorded (id null: none yet); {@code total} is null until the replay has counted. */
    public record Rebuild(String active, String building, UUID id, Instant started, Instant finished, Long total,
                          Long done, String error, Long skipped, List<String> skipReasons) {
    }

    public Uni<Locked> lock(SqlConnection connection, Duration staleAfter) {
        return connection.preparedQuery(LOCK).execute(Tuple.of(staleAfter.toMillis() / 1000.0)).map(rows -> {
            Row row = rows.iterator().next();
            return new Locked(row.getString(0), row.getString(1), Boolean.TRUE.equals(row.getBoolean(2)),
                    row.getUUID(3), row.getInteger(4));
        });
    }

    /** Marks the schema readers do not use as building for rebuild {@code id} and empties it, in the caller's transaction. */
    public Uni<Void> begin(SqlConnection connection, String active, UUID id) {
        String building = Schemas.other(active);
        String truncate = "TRUNCATE " + String.join(", ", TABLES.stream().map(t -> "{s}." + t).toList());
        return connection.query(sql(building, truncate)).execute()
                .chain(() -> connection.preparedQuery(BEGIN).execute(Tuple.of(building, id)))
                .replaceWithVoid();
    }

    public Uni<Void> progress(UUID id, long total, long done, long skipped, List<String> skipReasons) {
        String reasons = mapper.valueToTree(skipReasons).toString();
        return pool.preparedQuery(PROGRESS).execute(Tuple.of(id, total, done, skipped, reasons)).replaceWithVoid();
    }

    /** Readers move to the schema rebuild {@code id} built; false when another rebuild took over. */
    public Uni<Boolean> swap(UUID id, int builtVersion) {
        return pool.preparedQuery(SWAP).execute(Tuple.of(id, builtVersion)).map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> fail(UUID id, String error) {
        return pool.preparedQuery(FAIL).execute(Tuple.of(id, error)).replaceWithVoid();
    }

    public Uni<Rebuild> latest() {
        return pool.query(STATUS).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new Rebuild(row.getString(0), row.getString(1), row.getUUID(2), instant(row.getOffsetDateTime(3)),
                    instant(row.getOffsetDateTime(4)), row.getLong(5), row.getLong(6), row.getString(7),
                    row.getLong(9), reasons(row.getString(10)));
        });
    }

    private List<String> reasons(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(mapper.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rebuild_skip_reasons is not the JSON array this class writes", e);
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
