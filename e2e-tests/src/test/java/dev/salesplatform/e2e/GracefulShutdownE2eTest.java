package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SIGTERM under load: an extra lead-service takes lead creations from several clients at once and is
 * sent SIGTERM mid-stream. It exits cleanly within quarkus.shutdown.timeout; every request it
 * answered was answered 201 or 503, or found the port closed, never anything else; and after a
 * restart every acknowledged lead reads back through the gateway and its lead.created.v1 is on the
 * topic exactly once.
 */
class GracefulShutdownE2eTest {

    static final String LEAD_EVENTS = "sales.lead.events";
    static final int CLIENTS = 6;
    static final int ACKNOWLEDGED_BEFORE_SIGTERM = 200;
    /** The kit's quarkus.shutdown.timeout. */
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    /** The JVM's status when SIGTERM ends it (128 + 15), after Quarkus' shutdown hook has run. */
    static final int SIGTERM_EXIT = 143;
    static final ObjectMapper JSON = new ObjectMapper();

    /** One request's outcome: its status (-1: no answer, the port closed) and the created lead's id. */
    record Answer(int status, String contentType, String id, boolean sentAfterSigterm) {
    }

    @Test
    void sigtermUnderLoadLosesNoAcknowledgedLeadAndPublishesEachOnce() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String sdr = Stack.userToken("shutdown-sdr-" + marker, "sdr");
        Map<TopicPartition, Long> start = EventLog.endOffsets(LEAD_EVENTS);
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean sigterm = new AtomicBoolean();
        int exit;
        long shutdownMillis;
        ServiceInstance lead = ServiceInstance.leadService("graceful-shutdown", ServiceInstance.Dependencies.ofTheStack());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (lead) {
            lead.awaitReady(Duration.ofSeconds(60));
            for (int i = 0; i < CLIENTS; i++) {
                clients.submit(() -> createUntilRefused(lead, sdr, marker, sigterm, answers));
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .failFast("a request before SIGTERM failed: " + answers, () -> answers.stream()
                            .anyMatch(answer -> answer.status() != 201))
                    .until(() -> answers.size() >= ACKNOWLEDGED_BEFORE_SIGTERM);
            sigterm.set(true);
            long t0 = System.nanoTime();
            exit = lead.stop(SHUTDOWN_TIMEOUT);
            shutdownMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        } finally {
            clients.shutdown();
        }
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "every client saw the port close");
        assertEquals(SIGTERM_EXIT, exit, "exit status after SIGTERM (shut down in " + shutdownMillis + " ms)" + lead.logTail());

        System.out.printf("SIGTERM after %d answers; exited %d after %d ms; after SIGTERM: %s%n",
                answers.stream().filter(answer -> !answer.sentAfterSigterm()).count(), exit, shutdownMillis,
                answers.stream().filter(Answer::sentAfterSigterm)
                        .collect(Collectors.groupingBy(Answer::status, Collectors.counting())));
        // One sent just before SIGTERM that the server reads only after it may be refused 503; none goes unanswered.
        assertEquals(List.of(), answers.stream().filter(answer -> !answer.sentAfterSigterm() && answer.status() == -1)
                .toList(), "every request sent before SIGTERM answered");
        List<Answer> unexpected = answers.stream().filter(answer -> !(answer.status() == 201 || answer.status() == -1
                || answer.status() == 503 && answer.contentType().startsWith("application/problem+json"))).toList();
        assertEquals(List.of(), unexpected, "only 201, a 503 problem or a closed port" + lead.logTail());
        Set<String> acknowledged = answers.stream().filter(answer -> answer.status() == 201).map(Answer::id)
                .collect(Collectors.toSet());
        assertEquals(answers.stream().filter(answer -> answer.status() == 201).count(), acknowledged.size(),
                "each 201 a lead of its own");
        assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_SIGTERM);

        try (ServiceInstance restarted = lead.restart("graceful-shutdown-restarted")) {
            restarted.awaitReady(Duration.ofSeconds(60));
            // Nothing left to publish (of any instance): no copy of an event can come later than what is read below.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> given()
                    .when().get(restarted.management() + "/q/health/ready")
                    .then().statusCode(200).body("checks.find { it.name == 'outbox-relay' }.data.pending", is(0)));
            Map<String, Long> published;
            try (EventLog events = EventLog.from(LEAD_EVENTS, start)) {
                published = events.readToTheEnd(Duration.ofSeconds(30)).stream()
                        .filter(record -> acknowledged.contains(record.key()))
                        .filter(record -> "lead.created.v1".equals(EventLog.header(record, "ce_type")))
                        .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            }
            Map<String, Long> once = acknowledged.stream().collect(Collectors.toMap(Function.identity(), id -> 1L));
            assertEquals(once, published, "each acknowledged lead's lead.created.v1 exactly once");
            for (String id : acknowledged) {
                given().auth().oauth2(sdr).when().get(Stack.GATEWAY + "/api/v1/leads/" + id)
                        .then().statusCode(200).body("id", is(id));
            }
        }
    }

    /** Creates leads one after another until, after SIGTERM, the port is closed; records each answer. */
    private static void createUntilRefused(ServiceInstance lead, String token, String marker, AtomicBoolean sigterm,
                                           Queue<Answer> answers) {
        while (true) {
            boolean afterSigterm = sigterm.get();
            HttpRequest request = HttpRequest.newBuilder(URI.create(lead.api() + "/api/v1/leads"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"firstName": "Graceful", "lastName": "Shutdown", "email": "shutdown-%s-%s@example.com",
                             "source": "OUTBOUND"}""".formatted(marker, UUID.randomUUID())))
                    .build();
            try {
                HttpResponse<String> response = ServiceInstance.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        response.statusCode() == 201 ? idOf(response.body()) : null, afterSigterm));
            } catch (IOException noAnswer) {
                answers.add(new Answer(-1, "", null, afterSigterm));
                if (afterSigterm) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (afterSigterm && !lead.isAlive()) {
                return;
            }
        }
    }

    private static String idOf(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
