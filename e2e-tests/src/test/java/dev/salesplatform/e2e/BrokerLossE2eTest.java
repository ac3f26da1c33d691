package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;

/**
 * The stack of {@code ./platform up --kafka-brokers=3} loses a broker: the leader of a partition of
 * sales.lead.events is killed (SIGKILL) while clients create leads through the gateway. Every write is
 * acknowledged, every acknowledged lead's lead.created.v1 is on the topic exactly once, the consumers
 * go on (analytics counts exactly the acknowledged leads; a lead handed off afterwards becomes a
 * deal), and the cluster heals: the stack starts the broker again and every replica is back in sync.
 */
class BrokerLossE2eTest {

    static final String LEAD_EVENTS = "sales.lead.events";
    static final List<String> TOPICS = List.of(LEAD_EVENTS, "sales.deal.events", "sales.customer.events");
    static final int CLIENTS = 4;
    static final int ACKNOWLEDGED_BEFORE_KILL = 50;
    static final int ACKNOWLEDGED_AFTER_KILL = 300;
    static final ObjectMapper JSON = new ObjectMapper();

    /** One create's answer; createdAt is the service's time, which the analytics window is made of. */
    record Answer(int status, String id, Instant createdAt, String body) {
    }

    @Test
    void aBrokerKilledUnderLoadLosesNothingAcknowledgedAndTheClusterHeals() throws Exception {
        assumeTrue(LocalStack.kafkaPids().size() == 3, "needs the stack of ./platform up --kafka-brokers=3"
                + " (./platform test starts it when no stack is running); Kafka pids found: " + LocalStack.kafkaPids());
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String sdrId = Stack.newUser("loss-sdr-" + marker, "sdr");
        String aeId = Stack.newUser("loss-ae-" + marker, "account-executive");
        String sdr = Stack.userToken("loss-sdr-" + marker);
        String manager = Stack.userToken("morgan.manager");
        Map<TopicPartition, Long> start = EventLog.endOffsets(LEAD_EVENTS);
        int leader;
        try (Admin admin = LocalStack.admin()) {
            leader = describe(admin, LEAD_EVENTS).partitions().getFirst().leader().id();
        }
        long leaderPid = LocalStack.pid("kafka-" + leader).orElseThrow();

        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        int beforeKill;
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> createUntilStopped(sdr, marker, stop, answers));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> answers.size() >= ACKNOWLEDGED_BEFORE_KILL);
            beforeKill = answers.size();
            assertTrue(ProcessHandle.of(leaderPid).orElseThrow().destroyForcibly(), "kill -9 kafka-" + leader);
            await().atMost(Duration.ofSeconds(120)).until(() -> answers.size() >= beforeKill + ACKNOWLEDGED_AFTER_KILL);
        } finally {
            stop.set(true);
            clients.shutdown();
        }
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        assertEquals(List.of(), answers.stream().filter(answer -> answer.status() != 201).toList(),
                "every lead accepted while a broker went away");
        Set<String> acknowledged = answers.stream().map(Answer::id).collect(Collectors.toSet());
        assertEquals(answers.size(), acknowledged.size());
        System.out.printf("kafka-%d killed after %d leads; %d acknowledged in all%n", leader, beforeKill,
                acknowledged.size());

        // Nothing acknowledged is lost, nothing is published twice.
        Map<String, Long> published;
        try (EventLog log = EventLog.from(LEAD_EVENTS, start)) {
            published = log.readUntil(read -> read.stream().map(ConsumerRecord::key).collect(Collectors.toSet())
                            .containsAll(acknowledged), Duration.ofSeconds(180)).stream()
                    .filter(record -> acknowledged.contains(record.key()))
                    .filter(record -> "lead.created.v1".equals(EventLog.header(record, "ce_type")))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        }
        assertEquals(acknowledged.stream().collect(Collectors.toMap(Function.identity(), id -> 1L)), published,
                "each acknowledged lead's lead.created.v1 exactly once");

        // The consumers go on: analytics counts each lead once, and a hand-off still becomes a deal.
        String from = answers.stream().map(Answer::createdAt).min(Instant::compareTo).orElseThrow().toString();
        String to = answers.stream().map(Answer::createdAt).max(Instant::compareTo).orElseThrow().plusMillis(1).toString();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> funnel(manager, from, to, sdrId)
                .body("created", equalTo(acknowledged.size())));
        String handedOff = acknowledged.iterator().next();
        post(sdr, "/leads/" + handedOff + "/activities", "{\"type\": \"CALL\", \"outcome\": \"Reached\"}")
                .statusCode(201);
        post(sdr, "/leads/" + handedOff + "/qualify", """
                {"budget": {"amount": "50000.00", "currency": "EUR"}, "authority": "CTO", "need": "Forecasting",
                 "timeline": "2099-06-30"}""").statusCode(200);
        post(sdr, "/leads/" + handedOff + "/handoff", """
                {"accountExecutiveId": "%s", "estimatedValue": {"amount": "1000.00", "currency": "EUR"}}"""
                .formatted(aeId)).statusCode(200);
        String ae = Stack.userToken("loss-ae-" + marker);
        await().atMost(Duration.ofSeconds(120)).until(() -> given().auth().oauth2(ae).when()
                .get(Stack.GATEWAY + "/api/v1/deals?q=Loss-" + marker).then().statusCode(200)
                .extract().<List<String>>path("items.id").size() == 1);

        // The cluster heals: the killed broker is started again and catches up.
        try (Admin admin = LocalStack.admin()) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                List<String> behind = new ArrayList<>();
                for (String topic : TOPICS) {
                    describe(admin, topic).partitions().stream().filter(p -> p.isr().size() < 3)
                            .forEach(p -> behind.add(topic + "-" + p.partition()));
                }
                return behind.isEmpty();
            });
        }
    }

    /** Creates leads one after another through the gateway until told to stop; records each answer. */
    private static void createUntilStopped(String token, String marker, AtomicBoolean stop, Queue<Answer> answers) {
        while (!stop.get()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.GATEWAY + "/api/v1/leads"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"firstName": "Broker", "lastName": "Loss", "email": "loss-%s-%s@example.com",
                             "company": {"name": "Loss-%s"}, "source": "OUTBOUND"}"""
                            .formatted(marker, UUID.randomUUID(), marker)))
                    .build();
            try {
                HttpResponse<String> response = ServiceInstance.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                boolean created = response.statusCode() == 201;
                var lead = created ? JSON.readTree(response.body()) : null;
                answers.add(new Answer(response.statusCode(), created ? lead.path("id").asText() : null,
                        created ? Instant.parse(lead.path("createdAt").asText()) : null, response.body()));
            } catch (IOException noAnswer) {
                answers.add(new Answer(-1, null, null, noAnswer.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static TopicDescription describe(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }

    private static io.restassured.response.ValidatableResponse post(String token, String path, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .when().post(Stack.GATEWAY + "/api/v1" + path).then();
    }

    private static io.restassured.response.ValidatableResponse funnel(String token, String from, String to,
                                                                     String owner) {
        return given().auth().oauth2(token).queryParam("from", from).queryParam("to", to).queryParam("owner", owner)
                .when().get(Stack.GATEWAY + "/api/v1/analytics/funnel").then().statusCode(200);
    }
}
