package dev.salesplatform.kit.outbox;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.testkit.Management;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import dev.salesplatform.testkit.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** The application's own relay, running in the background as in a service. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@TestProfile(OutboxRelayTest.RelayRunning.class)
class OutboxRelayTest {

    static final int MAX_REQUEST_SIZE = 64 * 1024;
    static final Duration DEADLINE = Duration.ofSeconds(60);

    /** The relay on, and a producer limit that a test payload can exceed cheaply. */
    public static class RelayRunning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("salesplatform.outbox.relay.enabled", "true",
                    "kafka.max.request.size", Integer.toString(MAX_REQUEST_SIZE));
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxConfig config;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @Test
    void anEventKafkaRefusesIsParkedWithItsReasonAndEveryOtherEventIsPublished() throws Throwable {
        String aggregateType = aggregateType();
        String refusedAggregate = UUID.randomUUID().toString();
        Instant now = TestClock.current().instant();
        // One transaction, so that the relay sends the refused event in one batch with the others.
        List<UUID> first = record(
                new OutboxEvent(aggregateType, "before", "kit.tested.v1", 1, "test", now, Map.of("n", 1)),
                new OutboxEvent(aggregateType, refusedAggregate, "kit.tested.v1", 1, "test", now,
                        Map.of("blob", "x".repeat(2 * MAX_REQUEST_SIZE))),
                new OutboxEvent(aggregateType, "beside", "kit.tested.v1", 1, "test", now, Map.of("n", 1)),
                new OutboxEvent(aggregateType, refusedAggregate, "kit.tested.v1", 2, "test", now, Map.of("n", 2)));
        UUID refused = first.get(1);

        String reason = await().atMost(DEADLINE).until(() -> parkReason(refused), r -> r != null);
        assertTrue(reason.startsWith("RecordTooLargeException: "), reason);
        UUID after = record(new OutboxEvent(aggregateType, "after", "kit.tested.v1", 1, "test", now, Map.of("n", 1)))
                .getFirst();

        List<UUID> expected = List.of(first.get(0), first.get(2), first.get(3), after);
        String topic = String.format(config.topicPattern(), aggregateType);
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(topic,
                read -> eventIds(read).containsAll(expected), DEADLINE);
        assertFalse(eventIds(records).contains(refused), "the refused event is not published");

        await().atMost(DEADLINE).until(() -> registry.get("outbox.parked").gauge().value() == 1.0);
        await().atMost(DEADLINE).untilAsserted(() -> Management.given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox-relay' }.data.parked", equalTo(1))
                .body("checks.find { it.name == 'outbox-relay' }.data.firstParkedEventId", equalTo(refused.toString()))
                .body("checks.find { it.name == 'outbox-relay' }.data.firstParkedReason", equalTo(reason)));
        Management.given().when().get("/q/metrics").then().body(containsString("\noutbox_parked 1.0"));
    }

    @Test
    void anAggregatesEventsArePublishedInTheOrderTheyWereRecordedWhateverTheirCreatedAt() throws Throwable {
        String aggregateType = aggregateType();
        String backwards = UUID.randomUUID().toString();
        String sameInstant = UUID.randomUUID().toString();
        Instant base = Instant.parse("2026-03-02T10:00:00Z");
        int versions = 10;
        List<OutboxEvent> events = new ArrayList<>();
        for (int version = 0; version < versions; version++) {
            // A clock that goes back (e.g. another instance's), and one that stands still.
            events.add(new OutboxEvent(aggregateType, backwards, "kit.tested.v1", version, "test",
                    base.minusSeconds(60L * version), Map.of("n", version)));
            events.add(new OutboxEvent(aggregateType, sameInstant, "kit.tested.v1", version, "test", base,
                    Map.of("n", version)));
        }
        // One transaction: the relay sees all of them at once and has to pick each aggregate's first.
        record(events.toArray(OutboxEvent[]::new));

        Map<String, List<Long>> versionsByAggregate = versionsByAggregate(publishedOf(aggregateType, events.size()));
        List<Long> expected = new ArrayList<>();
        for (long v = 0; v < versions; v++) {
            expected.add(v);
        }
        assertEquals(expected, versionsByAggregate.get(backwards), "created_at going backwards");
        assertEquals(expected, versionsByAggregate.get(sameInstant), "one created_at for all");
    }

    @Test
    void eventsRecordedTogetherKeepTheirOrderAndTheirHistory() throws Throwable {
        String aggregateType = aggregateType();
        Instant base = Instant.parse("2026-03-02T10:00:00Z");
        // More than one statement's worth: each aggregate's two events in list order, the clock going back.
        int aggregates = Outbox.EVENTS_PER_STATEMENT / 2 + 10;
        List<OutboxEvent> events = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            for (int version = 0; version < 2; version++) {
                events.add(new OutboxEvent(aggregateType, "aggregate-" + a, "kit.tested.v1", version, "actor-" + a,
                        base.minusSeconds(version), Map.of("n", version)));
            }
        }
        List<UUID> ids = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.recordAll(events)));
        assertEquals(events.size(), ids.stream().distinct().count());

        List<ConsumerRecord<String, String>> records = publishedOf(aggregateType, events.size());
        Map<String, List<Long>> versionsByAggregate = versionsByAggregate(records);
        assertEquals(aggregates, versionsByAggregate.size());
        versionsByAggregate.forEach((aggregate, versions) -> assertEquals(List.of(0L, 1L), versions, aggregate));
        assertEquals(ids.stream().map(UUID::toString).collect(Collectors.toSet()), records.stream()
                .map(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .collect(Collectors.toSet()), "each event published under the id recordAll answered");
        RowSet<Row> history = VertxContextSupport.subscribeAndAwait(() -> pool.preparedQuery(
                "SELECT aggregate_id, actor_id, payload->>'n' AS n FROM event_history WHERE aggregate_type = $1"
                        + " ORDER BY id").execute(Tuple.of(aggregateType)));
        Map<String, List<String>> recorded = new HashMap<>();
        history.forEach(row -> recorded.computeIfAbsent(row.getString("aggregate_id"), a -> new ArrayList<>())
                .add(row.getString("actor_id") + " " + row.getString("n")));
        Map<String, List<String>> expected = events.stream().collect(Collectors.groupingBy(OutboxEvent::aggregateId,
                Collectors.mapping(e -> e.actorId() + " " + ((Map<?, ?>) e.payload()).get("n"), Collectors.toList())));
        assertEquals(expected, recorded, "one history row per event, in the order recorded");
    }

    /** The first {@code count} records the relay published for {@code aggregateType}. */
    private List<ConsumerRecord<String, String>> publishedOf(String aggregateType, int count) {
        return TopicReader.readUntil(String.format(config.topicPattern(), aggregateType),
                read -> read.size() >= count, DEADLINE);
    }

    /** Each aggregate's event versions in the order they were published. */
    private static Map<String, List<Long>> versionsByAggregate(List<ConsumerRecord<String, String>> records) {
        ObjectMapper json = new ObjectMapper();
        return records.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> version(json, r.value()), Collectors.toList())));
    }

    private static String aggregateType() {
        return "kittest" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Records the events in one transaction, in this order; returns their ids. */
    private List<UUID> record(OutboxEvent... events) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> {
            List<UUID> ids = new ArrayList<>();
            Uni<Void> all = Uni.createFrom().voidItem();
            for (OutboxEvent event : events) {
                all = all.chain(() -> outbox.record(event).invoke(ids::add).replaceWithVoid());
            }
            return all.replaceWith(ids);
        }));
    }

    private String parkReason(UUID id) {
        RowSet<Row> rows = pool.preparedQuery("SELECT park_reason FROM outbox WHERE id = $1 AND parked_at IS NOT NULL")
                .executeAndAwait(Tuple.of(id));
        return rows.size() == 0 ? null : rows.iterator().next().getString("park_reason");
    }

    private static List<UUID> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r -> UUID.fromString(new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)))
                .toList();
    }

    private static long version(ObjectMapper json, String value) {
        try {
            return json.readTree(value).get("aggregateVersion").asLong();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }
}
