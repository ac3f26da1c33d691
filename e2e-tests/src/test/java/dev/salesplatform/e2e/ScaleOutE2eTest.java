package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The stack of {@code ./platform up --replicas=2}: two instances of every service, each gateway
 * balancing over both instances of each upstream. The whole sales journey runs through the first
 * gateway (every figure exact, and the same after a rebuild, as {@link SalesJourneyE2eTest} checks)
 * while a marketing tool sends imports through the second; then:
 * <ul>
 * <li>every instance of every service served part of it, and each service's consumer group has both
 * instances in it;</li>
 * <li>no event is on the topics twice (each {@code ce_id} once), whichever relay published it;</li>
 * <li>each import was worked by one worker: one lead.created per imported row, every import's counts
 * exact;</li>
 * <li>every renewal was opened once, although both instances scan for due renewals every 10 s.</li>
 * </ul>
 */
class ScaleOutE2eTest {

    static final List<String> TOPICS = List.of("sales.lead.events", "sales.deal.events", "sales.customer.events");
    static final Map<String, Integer> CHANNELS_PER_GROUP = Map.of("lead-service", 1, "deal-service", 1,
            "customer-success-service", 1, "analytics-service", 3);
    static final int IMPORTS = 4;
    static final int ROWS_PER_IMPORT = 25;
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJourneyOnTwoInstancesOfEachServiceCountsEverythingOnce() throws Exception {
        for (LocalStack.Service service : LocalStack.SERVICES) {
            assumeTrue(service.readyInstances() >= 2, service.name() + " runs one instance: this test needs the stack"
                    + " of ./platform up --replicas=2 (./platform test starts it when no stack is running)");
        }
        Map<String, Map<TopicPartition, Long>> start = new HashMap<>();
        TOPICS.forEach(topic -> start.put(topic, EventLog.endOffsets(topic)));
        Map<String, Double> servedBefore = served();

        String marker = UUID.randomUUID().toString().substring(0, 8);
        ExecutorService tool = Executors.newSingleThreadExecutor();
        List<String> importedEmails;
        try {
            CompletableFuture<List<String>> imports = CompletableFuture.supplyAsync(() -> importThroughTheSecondGateway(
                    marker), tool);
            new SalesJourneyE2eTest().fromImportToTheManagersFigures();
            importedEmails = imports.join();
        } finally {
            tool.shutdown();
        }

        Map<String, Double> servedAfter = served();
        servedBefore.forEach((instance, before) -> System.out.printf("%s served %.0f requests%n", instance,
                servedAfter.get(instance) - before));
        servedBefore.forEach((instance, before) -> assertTrue(servedAfter.get(instance) > before,
                instance + " served none of the journey: " + before + " requests before, " + servedAfter.get(instance)
                        + " after"));
        try (Admin admin = LocalStack.admin()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                        List.copyOf(CHANNELS_PER_GROUP.keySet())).all().get();
                CHANNELS_PER_GROUP.forEach((group, channels) -> assertEquals(2 * channels,
                        groups.get(group).members().size(), group + ": members of its consumer group"));
            });
        }

        List<ConsumerRecord<String, String>> published = new ArrayList<>();
        for (String topic : TOPICS) {
            try (EventLog log = EventLog.from(topic, start.get(topic))) {
                published.addAll(log.readToTheEnd(Duration.ofSeconds(60)));
            }
        }
        Map<String, Long> copies = published.stream().collect(Collectors.groupingBy(
                record -> EventLog.header(record, "ce_id"), Collectors.counting()));
        assertEquals(Map.of(), copies.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "events published more than once");

        Map<String, Long> createdPerEmail = published.stream()
                .filter(record -> "lead.created.v1".equals(EventLog.header(record, "ce_type")))
                .map(record -> data(record).path("email").asText())
                .filter(importedEmails::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(importedEmails.stream().collect(Collectors.toMap(Function.identity(), email -> 1L)), createdPerEmail,
                "one lead.created.v1 per imported row");

        Map<String, Long> openedPerContract = published.stream()
                .filter(record -> "customer.renewal-opened.v1".equals(EventLog.header(record, "ce_type")))
                .collect(Collectors.groupingBy(record -> data(record).path("contractId").asText(), Collectors.counting()));
        System.out.printf("%d events, each published once; %d imported rows, one lead.created.v1 each; %d renewals"
                + " opened, each once%n", published.size(), createdPerEmail.size(), openedPerContract.size());
        assertTrue(openedPerContract.size() >= 3, "the journey's three renewals: " + openedPerContract);
        assertEquals(List.of(1L), openedPerContract.values().stream().distinct().toList(),
                "each renewal opened once: " + openedPerContract);
    }

    /** Imports sent one after another through the second gateway; answers the e-mail of every row. */
    private static List<String> importThroughTheSecondGateway(String marker) {
        String gateway = LocalStack.GATEWAY.api(1);
        String integration = Stack.integrationToken();
        List<String> emails = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < IMPORTS; i++) {
            StringBuilder csv = new StringBuilder("firstName,lastName,email,companyName,source\n");
            for (int row = 0; row < ROWS_PER_IMPORT; row++) {
                String email = "scale-" + marker + "-" + i + "-" + row + "@scale-" + marker + ".example.org";
                emails.add(email);
                csv.append("Scale,Row").append(row).append(',').append(email).append(",Scale ").append(marker)
                        .append(",EVENT\n");
            }
            jobs.add(given().auth().oauth2(integration).contentType("text/csv").body(csv.toString())
                    .when().post(gateway + "/api/v1/lead-imports").then().statusCode(202).extract().header("Location"));
        }
        for (String job : jobs) {
            await().atMost(Duration.ofSeconds(120)).until(() -> "COMPLETED".equals(given().auth().oauth2(integration)
                    .when().get(gateway + job).then().statusCode(200).extract().path("status")));
            given().auth().oauth2(integration).when().get(gateway + job).then().statusCode(200)
                    .body("counts.total", org.hamcrest.Matchers.equalTo(ROWS_PER_IMPORT))
                    .body("counts.created", org.hamcrest.Matchers.equalTo(ROWS_PER_IMPORT))
                    .body("counts.failed", org.hamcrest.Matchers.equalTo(0));
        }
        return List.copyOf(emails);
    }

    /** HTTP requests each instance has served so far (its /q/metrics), by instance URL. */
    private static Map<String, Double> served() {
        Map<String, Double> served = new HashMap<>();
        for (LocalStack.Service service : LocalStack.SERVICES) {
            for (int instance = 0; instance < 2; instance++) {
                String metrics = given().when().get(service.management(instance) + "/q/metrics").then().statusCode(200)
                        .extract().asString();
                served.put(service.name() + " " + service.api(instance), metrics.lines()
                        .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                        .filter(line -> !line.contains("uri=\"/q/"))
                        // The value follows the labels; an exemplar (" # {trace_id=...} 1.0 <time>") may follow it.
                        .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("} ") + 2).split(" ")[0]))
                        .sum());
            }
        }
        return served;
    }

    private static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
