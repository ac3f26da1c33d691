package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * One trace from the client to the other service: a hand-off sent through the gateway with the
 * client's W3C {@code traceparent} opens a deal in deal-service, and the {@code deal.created} record
 * on the stack's broker carries the client's trace id (gateway, lead-service, its outbox and relay,
 * Kafka, deal-service's consumer, its outbox and relay).
 */
class TraceE2eTest {

    static final String API = Stack.GATEWAY + "/api/v1";
    static final String DEAL_EVENTS = "sales.deal.events";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHandOffThroughTheGatewayOpensADealWhoseEventCarriesTheClientsTraceId() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String sdr = Stack.userToken("trace-sdr-" + marker, "sdr");
        String accountExecutive = Stack.newUser("trace-ae-" + marker, "account-executive");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String clientSpanId = "00f067aa0ba902b7";

        String lead = given().auth().oauth2(sdr).contentType(ContentType.JSON).body("""
                        {"firstName": "Tracy", "lastName": "Trace", "email": "trace-%s@example.com",
                         "company": {"name": "Traced Ltd %s"}, "source": "WEB_FORM"}""".formatted(marker, marker))
                .when().post(API + "/leads").then().statusCode(201).extract().path("id");
        given().auth().oauth2(sdr).contentType(ContentType.JSON).body("{\"type\": \"CALL\", \"outcome\": \"Connected\"}")
                .when().post(API + "/leads/" + lead + "/activities").then().statusCode(201);
        given().auth().oauth2(sdr).contentType(ContentType.JSON).body("""
                        {"budget": {"amount": "50000.00", "currency": "EUR"}, "authority": "CFO signs",
                         "need": "Replace spreadsheets", "timeline": "2099-03-31"}""")
                .when().post(API + "/leads/" + lead + "/qualify").then().statusCode(200);

        try (KafkaConsumer<String, String> dealEvents = consumerAtTheEnd()) {
            given().auth().oauth2(sdr).header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                    .contentType(ContentType.JSON).body("""
                            {"accountExecutiveId": "%s", "estimatedValue": {"amount": "48000.00", "currency": "EUR"}}"""
                            .formatted(accountExecutive))
                    .when().post(API + "/leads/" + lead + "/handoff").then().statusCode(200);

            ConsumerRecord<String, String> created = awaitDealOf(dealEvents, lead);
            assertEquals("deal.created.v1", header(created, "ce_type"));
            String traceparent = header(created, "traceparent");
            assertNotNull(traceparent, "deal.created carries a trace context");
            assertEquals(traceId, traceparent.substring(3, 35), "deal.created is of the client's trace: " + traceparent);
            assertNotEquals(clientSpanId, traceparent.substring(36, 52), "its parent is deal-service's span");
        }
    }

    /** A consumer of every partition of sales.deal.events, positioned after what is there already. */
    private static KafkaConsumer<String, String> consumerAtTheEnd() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(DEAL_EVENTS, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        ends.forEach(consumer::seek);
        return consumer;
    }

    /** The record on sales.deal.events of the deal opened from {@code lead}, within a deadline. */
    private static ConsumerRecord<String, String> awaitDealOf(KafkaConsumer<String, String> consumer, String lead) {
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        return await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            return read.stream().filter(record -> lead.equals(leadIdOf(record))).findFirst();
        }, Optional::isPresent).orElseThrow();
    }

    private static String leadIdOf(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).path("leadId").asText(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
