package dev.salesplatform.kit.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import dev.salesplatform.testkit.Spans;
import dev.salesplatform.testkit.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The trace context of the request that records an event travels in its outbox row
 * ({@code tracingspancontext}) and, through the relay's producer span, in the Kafka record's
 * {@code traceparent} and {@code tracestate} headers.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@TestProfile(OutboxRelayTest.RelayRunning.class)
class OutboxTracingTest {

    static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    OutboxConfig config;

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void anEventRecordedInATracedRequestCarriesTheRequestsTraceToItsKafkaRecord() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String clientSpanId = "%016x".formatted(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
        String aggregateType = aggregateType();
        String eventId = given().header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                .header("tracestate", "vendor=opaque")
                .when().post("/test/outbox-events/" + aggregateType)
                .then().statusCode(200).extract().asString();

        SpanData request = Spans.awaitOne(spans, traceId, SpanKind.SERVER, DEADLINE);
        assertEquals(clientSpanId, request.getParentSpanId(), "the request continues the client's trace");
        assertEquals("traceparent=00-" + traceId + "-" + request.getSpanId() + "-01\ntracestate=vendor=opaque\n",
                storedContext(eventId), "the row holds the context of the request that wrote it");

        ConsumerRecord<String, String> record = published(aggregateType, eventId);
        SpanData publish = Spans.awaitOne(spans, traceId, SpanKind.PRODUCER, DEADLINE);
        assertEquals(String.format(config.topicPattern(), aggregateType) + " publish", publish.getName());
        assertEquals(request.getSpanId(), publish.getParentSpanId(), "the relay's span is the request's child");
        assertEquals("00-" + traceId + "-" + publish.getSpanId() + "-01", TopicReader.header(record, "traceparent"));
        assertEquals("vendor=opaque", TopicReader.header(record, "tracestate"));
    }

    @Test
    void anEventRecordedOutsideATraceIsPublishedWithoutTraceHeaders() throws Throwable {
        String aggregateType = aggregateType();
        String eventId = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> outbox.record(
                new OutboxEvent(aggregateType, "untraced", "kit.tested.v1", 1, "test", TestClock.current().instant(),
                        Map.of("n", 1))))).toString();

        assertNull(storedContext(eventId));
        ConsumerRecord<String, String> record = published(aggregateType, eventId);
        assertNull(TopicReader.header(record, "traceparent"));
        assertNull(TopicReader.header(record, "tracestate"));
    }

    private static String aggregateType() {
        return "kittest" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String storedContext(String eventId) {
        Row row = pool.preparedQuery("SELECT tracingspancontext FROM outbox WHERE id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(eventId))).iterator().next();
        return row.getString("tracingspancontext");
    }

    private ConsumerRecord<String, String> published(String aggregateType, String eventId) {
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(
                String.format(config.topicPattern(), aggregateType),
                read -> read.stream().anyMatch(r -> eventId.equals(TopicReader.header(r, "ce_id"))), DEADLINE);
        return records.stream().filter(r -> eventId.equals(TopicReader.header(r, "ce_id"))).findFirst().orElseThrow();
    }
}
