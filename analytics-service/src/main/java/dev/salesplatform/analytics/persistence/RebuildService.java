package dev.salesplatform.analytics.persistence;

import static dev.salesplatform.analytics.persistence.Schemas.sql;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.analytics.api.RebuildStatus;
import dev.salesplatform.analytics.config.AnalyticsConfig;
import dev.salesplatform.analytics.messaging.AnalyticsEventsConsumer;
import dev.salesplatform.analytics.messaging.EventProjector;
import dev.salesplatform.analytics.messaging.ProjectionWriter;
import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.EventFilter;
import dev.salesplatform.kit.messaging.Failures;
import dev.salesplatform.kit.messaging.IdempotentConsumer;
import dev.salesplatform.kit.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Rebuilds every projection from offset 0 without downtime: the log is replayed into the schema
 * readers do not use while live consumers write to both, then the two swap in one transaction.
 * <p>
 * Why nothing is lost: the start marks the other schema as building and commits before the end
 * offsets are read; consumer transactions read that mark with FOR SHARE, so every event at or past
 * those offsets is applied to both schemas, and every event before them is replayed. Applying is
 * idempotent and commutative (see {@link EventProjector}), so overlaps and order do not matter.
 */
@ApplicationScoped
public class RebuildService {

    /** Bumped whenever the projections' tables or rules change: a start with older projections rebuilds. */
    public static final int PROJECTION_VERSION = 4;

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    /** The name unknown event types are counted under during a rebuild. */
    private static final String REBUILD = "analytics.rebuild";
    private static final String LOCK = "SELECT active_schema, building_schema, rebuild_heartbeat, rebuild_id, built_version"
            + " FROM projection_state WHERE id = 1 FOR UPDATE";
    private static final String BEGIN = "UPDATE projection_state SET building_schema = $1, rebuild_id = $2,"
            + " rebuild_started = now(), rebuild_heartbeat = now(), rebuild_finished = NULL, rebuild_total = NULL,"
            + " rebuild_done = 0, rebuild_error = NULL, rebuild_skipped = 0, rebuild_skip_reasons = '[]' WHERE id = 1";
    private static final List<String> TABLES = List.of("applied_event", "watermark", "lead_fact", "deal_fact",
            "customer_fact", "mrr_movement", "renewal_outcome", "nps_response");
    private static final String PROGRESS = "UPDATE projection_state SET rebuild_total = $2, rebuild_done = $3,"
            + " rebuild_skipped = $4, rebuild_skip_reasons = CAST($5::text AS jsonb), rebuild_heartbeat = now()"
            + " WHERE id = 1 AND rebuild_id = $1";
    /** Skip reasons kept in the status: enough to find the cause, bounded however many are skipped. */
    static final int MAX_SKIP_REASONS = 10;
    private static final String SWAP = "UPDATE projection_state SET active_schema = building_schema, building_schema = NULL,"
            + " built_version = $2, rebuild_finished = now(), rebuild_heartbeat = now()"
            + " WHERE id = 1 AND rebuild_id = $1 AND building_schema IS NOT NULL";
    private static final String FAIL = "UPDATE projection_state SET building_schema = NULL, rebuild_finished = now(),"
            + " rebuild_error = $2 WHERE id = 1 AND rebuild_id = $1";
    private static final String STATUS = "SELECT active_schema, building_schema, rebuild_id, rebuild_started,"
            + " rebuild_finished, rebuild_total, rebuild_done, rebuild_error, rebuild_heartbeat, rebuild_skipped,"
            + " rebuild_skip_reasons::text FROM projection_state WHERE id = 1";

    @Inject
    Pool pool;

    @Inject
    ProjectionWriter writer;

    @Inject
    ObjectMapper mapper;

    @Inject
    AnalyticsConfig config;

    @Inject
    EventFilter filter;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private volatile boolean stopping;

    void onStart(@Observes StartupEvent start) {
        if (!config.rebuild().onStart()) {
            return;
        }
        pool.withTransaction(connection -> connection.query(LOCK).execute().chain(rows -> {
            Row row = rows.iterator().next();
            if (row.getInteger(4) >= PROJECTION_VERSION || running(row)) {
                return Uni.createFrom().item((UUID) null);
            }
            return begin(connection, row.getString(0));
        })).subscribe().with(id -> {
            if (id != null) {
                LOG.infof("projections are older than this code (version %d): rebuilding from the log", PROJECTION_VERSION);
                replayInBackground(id);
            }
        }, failure -> LOG.error("could not check whether the projections need a rebuild", failure));
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    /** Starts a rebuild; 409 while another one is running (and reporting). */
    public Uni<RebuildStatus> start() {
        return pool.withTransaction(connection -> connection.query(LOCK).execute().chain(rows -> {
            Row row = rows.iterator().next();
            if (running(row)) {
                throw ProblemException.conflict("rebuild-running", "A rebuild is running",
                        "Rebuild " + row.getUUID(3) + " is still running; follow GET /api/v1/analytics/rebuild");
            }
            return begin(connection, row.getString(0));
        })).invoke(this::replayInBackground).chain(() -> status());
    }

    public Uni<RebuildStatus> status() {
        return pool.query(STATUS).execute().map(rows -> {
            Row row = rows.iterator().next();
            UUID id = row.getUUID(2);
            String state = id == null ? "NEVER" : row.getString(7) != null ? "FAILED"
                    : row.getOffsetDateTime(4) != null ? "COMPLETED" : "RUNNING";
            return new RebuildStatus(state, id, instant(row.getOffsetDateTime(3)), instant(row.getOffsetDateTime(4)),
                    row.getLong(5), row.getLong(6), row.getLong(9), reasons(row.getString(10)), row.getString(0),
                    row.getString(7));
        });
    }

    private boolean running(Row state) {
        OffsetDateTime heartbeat = state.getOffsetDateTime(2);
        return state.getString(1) != null && heartbeat != null
                && heartbeat.isAfter(OffsetDateTime.now().minus(config.rebuild().staleAfter()));
    }

    /** Marks the other schema as building and empties it, in the caller's transaction. */
    private Uni<UUID> begin(SqlConnection connection, String active) {
        UUID id = UUID.randomUUID();
        String building = Schemas.other(active);
        String truncate = "TRUNCATE " + String.join(", ", TABLES.stream().map(t -> "{s}." + t).toList());
        return connection.query(sql(building, truncate)).execute()
                .chain(() -> connection.preparedQuery(BEGIN).execute(Tuple.of(building, id)))
                .replaceWith(id);
    }

    private void replayInBackground(UUID id) {
        Thread.ofPlatform().name("analytics-rebuild").daemon().start(() -> {
            try {
                replay(id);
            } catch (RuntimeException e) {
                LOG.error("rebuild " + id + " failed", e);
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                pool.preparedQuery(FAIL).executeAndAwait(Tuple.of(id, reason.length() > 500 ? reason.substring(0, 500) : reason));
            }
        });
    }

    private void replay(UUID id) {
        String building = pool.query(STATUS).executeAndAwait().iterator().next().getString(1);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : config.topics()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
            long done = 0;
            Skips skips = new Skips();
            progress(id, total, done, skips);
            end.entrySet().removeIf(e -> e.getValue() <= beginning.get(e.getKey()));
            while (!end.isEmpty()) {
                if (stopping) {
                    throw new IllegalStateException("the service stopped during the rebuild");
                }
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : records) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long until = end.get(partition);
                    if (until != null && record.offset() < until) {
                        batch.add(record);
                    }
                }
                apply(building, batch, skips);
                done += batch.size();
                for (TopicPartition partition : List.copyOf(end.keySet())) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        end.remove(partition);
                    }
                }
                progress(id, total, done, skips);
            }
        }
        int swapped = retried(() -> pool.preparedQuery(SWAP).execute(Tuple.of(id, PROJECTION_VERSION))).rowCount();
        if (swapped == 0) {
            throw new IllegalStateException("the rebuild was taken over by another one");
        }
        LOG.infof("rebuild %s complete: readers now use %s", id, building);
    }

    /** What a rebuild could not apply: counted, and the first reasons kept. */
    private static final class Skips {
        long count;
        final List<String> reasons = new ArrayList<>();

        void add(ConsumerRecord<String, String> record, Throwable reason) {
            count++;
            if (reasons.size() < MAX_SKIP_REASONS) {
                reasons.add(IdempotentConsumer.where(record) + ": " + Failures.describe(reason));
            }
            LOG.warnf("rebuild skips %s: %s", IdempotentConsumer.where(record), Failures.describe(reason));
        }
    }

    private void progress(UUID id, long total, long done, Skips skips) {
        String reasons = mapper.valueToTree(skips.reasons).toString();
        retried(() -> pool.preparedQuery(PROGRESS).execute(Tuple.of(id, total, done, skips.count, reasons)));
    }

    /**
     * Applies a batch to the schema being built; a record that cannot be applied (not an event, unusable
     * fields, data the database refuses) is skipped and counted: it was dead-lettered when first consumed.
     */
    private void apply(String schema, List<ConsumerRecord<String, String>> batch, Skips skips) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        List<ProjectionWriter.Pending> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : batch) {
            if (!filter.handles(REBUILD, AnalyticsEventsConsumer.TYPES, record)) {
                continue;
            }
            try {
                events.add(writer.prepare(record.topic(), record.partition(), CloudEvent.from(record, mapper)));
                records.add(record);
            } catch (RuntimeException e) {
                skips.add(record, e);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        try {
            retried(() -> pool.withTransaction(connection -> writer.apply(connection, schema, events)));
        } catch (RuntimeException batchFailure) {
            for (int i = 0; i < events.size(); i++) {
                ProjectionWriter.Pending event = events.get(i);
                try {
                    retried(() -> pool.withTransaction(connection -> writer.apply(connection, schema, List.of(event))));
                } catch (RuntimeException e) {
                    skips.add(records.get(i), e);
                }
            }
        }
    }

    /** Waits for {@code work}, again for as long as it meets a passing fault (the database away). */
    private <T> T retried(Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().<T>deferred(work)
                .onFailure(failure -> Failures.isTransient(failure) && !stopping).retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .await().indefinitely();
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

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.rebuild().batchSize());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
