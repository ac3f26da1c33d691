package dev.salesplatform.deal.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.testkit.CloudEventRecord;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import dev.salesplatform.testkit.Spans;
import dev.salesplatform.testkit.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The deal that a hand-off opens continues the hand-off's trace: the consumer's span is the child of
 * the producer's span named in the record's {@code traceparent}, the handling is its child, and the
 * {@code deal.created} record, published from the outbox in a producer span of the handling, carries
 * the same trace.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class HandOffTraceTest {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theDealCreatedRecordOfAHandOffCarriesTheHandOffsTrace() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpanId = "00f067aa0ba902b7";
        String lead = UUID.randomUUID().toString();
        String sdr = "00000000-0000-7000-8000-000000000001";
        CloudEventRecord.of("lead.handed-off.v1").source("/lead-service").subject(lead)
                .header("traceparent", "00-" + traceId + "-" + producerSpanId + "-01")
                .payload("""
                        {"leadId": "%s", "ownerId": "%s", "accountExecutiveId": "%s",
                         "estimatedValue": {"amount": "1000.00", "currency": "EUR"}, "companyName": "Traced Ltd",
                         "contact": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com"},
                         "occurredAt": "%s", "actorId": "%s", "aggregateVersion": 4}"""
                        .formatted(lead, sdr, UUID.randomUUID(), TestClock.current().instant(), sdr))
                .send("sales.lead.events");

        ConsumerRecord<String, String> created = TopicReader.readUntil("sales.deal.events",
                        read -> read.stream().anyMatch(r -> lead.equals(leadIdOf(r))), DEADLINE)
                .stream().filter(r -> lead.equals(leadIdOf(r))).findFirst().orElseThrow();
        assertEquals("deal.created.v1", TopicReader.header(created, "ce_type"));

        SpanData received = Spans.awaitOne(spans, traceId, SpanKind.CONSUMER, DEADLINE);
        assertEquals(producerSpanId, received.getParentSpanId(), "the consumer continues the producer's trace");
        SpanData handling = Spans.awaitOne(spans, traceId, SpanKind.INTERNAL, DEADLINE);
        assertEquals("deal.lead-events process", handling.getName());
        assertEquals(received.getSpanId(), handling.getParentSpanId());
        SpanData publish = Spans.awaitOne(spans, traceId, SpanKind.PRODUCER, DEADLINE);
        assertEquals("sales.deal.events publish", publish.getName());
        assertEquals(handling.getSpanId(), publish.getParentSpanId(), "deal.created was recorded by the handling");
        assertEquals("00-" + traceId + "-" + publish.getSpanId() + "-01", TopicReader.header(created, "traceparent"));
    }

    private static String leadIdOf(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("leadId").asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
