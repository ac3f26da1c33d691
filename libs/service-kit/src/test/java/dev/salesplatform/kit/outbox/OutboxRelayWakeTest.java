package dev.salesplatform.kit.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import dev.salesplatform.kit.messaging.EventTypes;
import dev.salesplatform.kit.messaging.IdempotentConsumer;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The relay is woken in-process once a write committed: with a poll interval of an hour, events of a
 * request and of a consumed event are published within the test's deadline only if the wake works.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@TestProfile(OutboxRelayWakeTest.PollingOnlyHourly.class)
class OutboxRelayWakeTest {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    public static class PollingOnlyHourly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("salesplatform.outbox.relay.enabled", "true",
                    "salesplatform.outbox.relay.poll-interval", "1h");
        }
    }

    @Inject
    OutboxConfig config;

    @Inject
    Outbox outbox;

    @Inject
    IdempotentConsumer consumer;

    @Test
    void aRequestThatRecordedAnEventWakesTheRelayWhenItAnswers() {
        String aggregateType = aggregateType();
        String eventId = given().when().post("/test/outbox-events/" + aggregateType).then().statusCode(200)
                .extract().asString();

        assertEquals(List.of(eventId), eventIds(TopicReader.readUntil(topic(aggregateType),
                read -> !read.isEmpty(), DEADLINE)));
    }

    @Test
    void aConsumedEventWhoseEffectRecordedAnEventWakesTheRelay() throws Throwable {
        String aggregateType = aggregateType();
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_type", "kit.received.v1".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_time", TestClock.current().instant().toString().getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> received = new ConsumerRecord<>("sales.kittest.events", 0, 0L, -1L,
                TimestampType.CREATE_TIME, -1, -1, "key", "{}", headers, Optional.empty());
        UUID[] recorded = new UUID[1];

        VertxContextSupport.subscribeAndAwait(() -> consumer.apply("kit-test", new EventTypes(
                        Set.of("kit.received.v1"), Set.of()), received,
                event -> outbox.record(new OutboxEvent(aggregateType, "reaction", "kit.tested.v1", 1, "test",
                        event.time(), Map.of("n", 1))).invoke(id -> recorded[0] = id).replaceWithVoid()));

        assertEquals(List.of(recorded[0].toString()), eventIds(TopicReader.readUntil(topic(aggregateType),
                read -> !read.isEmpty(), DEADLINE)));
    }

    private String topic(String aggregateType) {
        return String.format(config.topicPattern(), aggregateType);
    }

    private static String aggregateType() {
        return "kittest" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> eventIds(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .toList();
    }
}
