package dev.salesplatform.lead.api;

import static dev.salesplatform.lead.api.LeadApi.ALEX_AE;
import static dev.salesplatform.lead.api.LeadApi.SARA;
import static dev.salesplatform.lead.api.LeadApi.call;
import static dev.salesplatform.lead.api.LeadApi.create;
import static dev.salesplatform.lead.api.LeadApi.email;
import static dev.salesplatform.lead.api.LeadApi.leadJson;
import static dev.salesplatform.lead.api.LeadApi.qualify;
import static dev.salesplatform.lead.api.LeadApi.sdr;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.Spans;
import dev.salesplatform.testkit.TopicReader;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A hand-off continues the caller's trace (W3C {@code traceparent}) through the outbox: the request's
 * span, the relay's producer span, its child, and the {@code lead.handed-off} record on Kafka, whose
 * {@code traceparent} names that producer span, are all of the caller's trace.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class HandOffTraceTest {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aHandOffsSpansAndItsKafkaRecordAreOfTheCallersTrace() {
        String id = create(sdr(SARA), leadJson(email("traced")));
        call(sdr(SARA), id).statusCode(201);
        qualify(sdr(SARA), id).statusCode(200);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpanId = "00f067aa0ba902b7";

        given().header("Authorization", sdr(SARA)).header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .contentType(ContentType.JSON).body("""
                        {"accountExecutiveId": "%s", "estimatedValue": {"amount": "1000.00", "currency": "EUR"}}"""
                        .formatted(ALEX_AE))
                .when().post("/api/v1/leads/" + id + "/handoff")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> events = TopicReader.readUntil("sales.lead.events",
                read -> read.stream().anyMatch(r -> id.equals(r.key()) && type(r).equals("lead.handed-off.v1")),
                DEADLINE).stream().filter(r -> id.equals(r.key())).toList();
        ConsumerRecord<String, String> handedOff = events.getLast();
        assertEquals("lead.handed-off.v1", type(handedOff));

        SpanData request = Spans.awaitOne(spans, traceId, SpanKind.SERVER, DEADLINE);
        assertEquals(callerSpanId, request.getParentSpanId(), "the request continues the caller's trace");
        assertTrue(request.getName().endsWith("/handoff"), request.getName());
        SpanData publish = Spans.awaitOne(spans, traceId, SpanKind.PRODUCER, DEADLINE);
        assertEquals("sales.lead.events publish", publish.getName());
        assertEquals(request.getSpanId(), publish.getParentSpanId(), "published as the request's child");
        assertEquals("00-" + traceId + "-" + publish.getSpanId() + "-01", TopicReader.header(handedOff, "traceparent"));

        // The lead's earlier events were written by requests without a caller's trace: each a trace of its own.
        List<String> earlierTraces = events.stream().filter(r -> r != handedOff)
                .map(r -> TopicReader.header(r, "traceparent").substring(3, 35)).toList();
        assertEquals(3, earlierTraces.size());
        earlierTraces.forEach(other -> assertNotEquals(traceId, other));
    }

    private static String type(ConsumerRecord<String, String> record) {
        return TopicReader.header(record, "ce_type");
    }
}
