package dev.salesplatform.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.database.DatabaseMigrations;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import dev.salesplatform.testkit.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Two relay instances drain one outbox at the same time, as N service instances would: every event
 * is published exactly once (no failures here) and each aggregate's events arrive in order.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OutboxRelayConcurrencyTest {

    static final int AGGREGATES = 6;
    static final int EVENTS_PER_AGGREGATE = 40;

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    DatabaseMigrations migrations;

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void twoRelaysShareTheBacklogAndKeepPerAggregateOrder() throws Throwable {
        String aggregateType = "kittest" + UUID.randomUUID().toString().substring(0, 8);
        List<String> aggregates = new ArrayList<>();
        for (int i = 0; i < AGGREGATES; i++) {
            aggregates.add(UUID.randomUUID().toString());
        }
        for (int version = 0; version < EVENTS_PER_AGGREGATE; version++) {
            for (String aggregate : aggregates) {
                OutboxEvent event = new OutboxEvent(aggregateType, aggregate, "kit.tested.v1", version, "test",
                        TestClock.current().instant(), Map.of("n", version));
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.record(event)));
            }
        }

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> drained = threads.invokeAll(List.of(drainer(), drainer()));
            int total = 0;
            for (Future<Integer> count : drained) {
                total += count.get();
            }
            assertEquals(AGGREGATES * EVENTS_PER_AGGREGATE, total, "each event published by exactly one relay");
        } finally {
            threads.shutdown();
        }

        String topic = String.format(config.topicPattern(), aggregateType);
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(topic,
                read -> read.size() >= AGGREGATES * EVENTS_PER_AGGREGATE, Duration.ofSeconds(60));
        assertEquals(AGGREGATES * EVENTS_PER_AGGREGATE, records.size());
        ObjectMapper json = new ObjectMapper();
        Map<String, List<Long>> versionsByAggregate = records.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(r -> version(json, r.value()), Collectors.toList())));
        List<Long> expected = new ArrayList<>();
        for (long v = 0; v < EVENTS_PER_AGGREGATE; v++) {
            expected.add(v);
        }
        for (String aggregate : aggregates) {
            assertEquals(expected, versionsByAggregate.get(aggregate), "order of " + aggregate);
        }
    }

    @Test
    void oneBatchTakesEveryPendingEventOfTheAggregatesItPublishes() throws Throwable {
        String aggregateType = "kittest" + UUID.randomUUID().toString().substring(0, 8);
        int aggregates = 10;
        int versions = 3;
        List<OutboxEvent> events = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            for (int version = 0; version < versions; version++) {
                events.add(new OutboxEvent(aggregateType, "aggregate-" + a, "kit.tested.v1", version, "test",
                        TestClock.current().instant(), Map.of("n", version)));
            }
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.recordAll(events)));

        OutboxRelay relay = relay();
        int batchesWithThem = 0;
        try {
            // Rows other tests left pending may come first; the batch that reaches this type takes all of it.
            long pending = pendingOf(aggregateType);
            while (pending > 0) {
                relay.drainBatch();
                long left = pendingOf(aggregateType);
                batchesWithThem += left < pending ? 1 : 0;
                pending = left;
            }
        } finally {
            relay.stop(null);
        }
        assertEquals(1, batchesWithThem, "each aggregate's three events in one batch, not one per batch");
        String topic = String.format(config.topicPattern(), aggregateType);
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(topic,
                read -> read.size() >= aggregates * versions, Duration.ofSeconds(60));
        ObjectMapper json = new ObjectMapper();
        Map<String, List<Long>> versionsByAggregate = records.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(r -> version(json, r.value()), Collectors.toList())));
        assertEquals(aggregates, versionsByAggregate.size());
        versionsByAggregate.forEach((aggregate, order) -> assertEquals(List.of(0L, 1L, 2L), order, aggregate));
    }

    private long pendingOf(String aggregateType) {
        return pool.preparedQuery("SELECT count(*) AS n FROM outbox WHERE aggregate_type = $1 AND published_at IS NULL")
                .executeAndAwait(Tuple.of(aggregateType)).iterator().next().getLong("n");
    }

    /** Built as the container builds it; it only drains here, started by nothing. */
    private OutboxRelay relay() {
        return new OutboxRelay(config, pool, registry, openTelemetry, migrations, kafkaConfig);
    }

    private Callable<Integer> drainer() {
        OutboxRelay relay = relay();
        return () -> {
            int published = 0;
            int idleRounds = 0;
            // Another relay may hold the head of every aggregate: only stop after a few empty rounds.
            while (idleRounds < 20) {
                int count = relay.drainBatch();
                published += count;
                idleRounds = count == 0 ? idleRounds + 1 : 0;
            }
            relay.stop(null);
            return published;
        };
    }

    private static long version(ObjectMapper json, String value) {
        try {
            return json.readTree(value).get("aggregateVersion").asLong();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }
}
