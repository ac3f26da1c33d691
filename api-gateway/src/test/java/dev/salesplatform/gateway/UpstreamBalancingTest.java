package dev.salesplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;

/**
 * lead as two real instances behind one route ({@link TwoLeadInstancesResource}): the gateway takes
 * them in turn, leaves out the one whose readiness is DOWN or that is stopped, and uses it again once
 * it is back; its readiness check and metrics show each instance, and the OpenAPI document comes from
 * the instance that gives it. Every test starts with both instances up and ready, as the gateway's
 * readiness check shows them. {@link UpstreamRetryTest} shows what happens to the request that an
 * instance refuses.
 */
@QuarkusTest
@WithTestResource(TwoLeadInstancesResource.class)
class UpstreamBalancingTest {

    private static final String PATH = "/api/v1/leads";
    /** Far beyond a few polls of {@link TwoLeadInstancesResource#POLL_INTERVAL}: only against hanging. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static Vertx vertx;
    private static FakeInstance first;
    private static FakeInstance second;

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    private final String sdr = TestTokens.bearer(UUID.randomUUID(), "sdr");

    @BeforeAll
    static void createInstances() {
        vertx = Vertx.vertx();
        List<URI> urls = urls(TwoLeadInstancesResource.URLS);
        List<URI> managementUrls = urls(TwoLeadInstancesResource.MANAGEMENT_URLS);
        // Only the second serves its OpenAPI document, so that the gateway must fall back to it.
        first = new FakeInstance(vertx, "first", urls.get(0), managementUrls.get(0), false);
        second = new FakeInstance(vertx, "second", urls.get(1), managementUrls.get(1), true);
    }

    @AfterAll
    static void closeInstances() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void bothInstancesUpAndReady() {
        first.startReady();
        second.startReady();
        awaitReadiness(first, "UP");
        awaitReadiness(second, "UP");
        // One answer from each: a refused connection of an earlier test counts no more in either breaker.
        List<String> served = servedBy(2);
        assertEquals(List.of("first", "second"), served.stream().sorted().toList(), served.toString());
    }

    @Test
    void takesBothInstancesInTurn() {
        List<String> served = servedBy(10);

        assertEquals(5, Collections.frequency(served, "first"), served.toString());
        assertEquals(5, Collections.frequency(served, "second"), served.toString());
        for (int i = 1; i < served.size(); i++) {
            assertNotEquals(served.get(i - 1), served.get(i), "Not in turn: " + served);
        }
    }

    @Test
    void sendsNothingToAnInstanceWhoseReadinessIsDownUntilItIsUpAgain() {
        first.ready(false);
        awaitReadiness(first, "DOWN (readiness answered HTTP 503)");

        assertEquals(Collections.nCopies(10, "second"), servedBy(10));

        first.ready(true);
        awaitReadiness(first, "UP");
        assertEquals(5, Collections.frequency(servedBy(10), "first"));
    }

    @Test
    void sendsEverythingToTheOtherInstanceWhileOneIsStoppedAndToBothOnceItIsBack() {
        first.stop();

        // Whether the gateway learns it from a refused connection (then retried) or from a poll, no request fails.
        assertEquals(Collections.nCopies(10, "second"), servedBy(10));
        awaitReadiness(first, "DOWN (not reachable");

        first.startReady();
        awaitReadiness(first, "UP");
        assertEquals(5, Collections.frequency(servedBy(10), "first"));
    }

    @Test
    void reportsEachInstanceInTheReadinessCheckAndTheUpstreamUpWhileOneIs() {
        given().when().get(readiness).then()
                .statusCode(200)
                .body("checks.find { it.name == 'upstream lead' }.status", is("UP"))
                .body("checks.find { it.name == 'upstream lead' }.data.upstream", is("UP"));
        assertEquals("UP, circuit breaker CLOSED", instanceReadiness(first));
        assertEquals("UP, circuit breaker CLOSED", instanceReadiness(second));

        first.ready(false);
        awaitReadiness(first, "DOWN (readiness answered HTTP 503), circuit breaker CLOSED");
        assertEquals("UP", leadCheck().get("upstream"));

        second.stop();
        awaitReadiness(second, "DOWN (not reachable: ");
        assertEquals("DOWN", leadCheck().get("upstream"));
    }

    @Test
    void tagsEachInstancesBreakerStateInMetrics() {
        given().when().get(metrics).then()
                .statusCode(200)
                .body(containsString("gateway_circuit_breaker_state{upstream=\"lead\",upstream_instance=\""
                        + first.url().getAuthority() + "\"} 0.0"))
                .body(containsString("gateway_circuit_breaker_state{upstream=\"lead\",upstream_instance=\""
                        + second.url().getAuthority() + "\"} 0.0"));
    }

    @Test
    void takesAnUpstreamsOpenApiDocumentFromTheNextInstanceWhenTheFirstDoesNotGiveIt() {
        given().when().get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey(FakeOpenApi.pathOf("lead")));
    }

    /** Which instance answered each of {@code count} requests, one after the other. */
    private List<String> servedBy(int count) {
        List<String> served = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Response response = given().header("Authorization", sdr).when().get(PATH);
            assertEquals(200, response.statusCode(), response.asString());
            served.add(response.path("instance"));
        }
        return served;
    }

    private void awaitReadiness(FakeInstance instance, String expectedStart) {
        Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
            String readiness = instanceReadiness(instance);
            assertTrue(readiness.startsWith(expectedStart), instance.name() + ": " + readiness);
        });
    }

    /** What the gateway's readiness check says of the instance. */
    private String instanceReadiness(FakeInstance instance) {
        return String.valueOf(leadCheck().get(instance.url().toString()));
    }

    private Map<String, Object> leadCheck() {
        return given().when().get(readiness).then().extract().jsonPath()
                .getMap("checks.find { it.name == 'upstream lead' }.data");
    }

    private static List<URI> urls(String key) {
        String urls = ConfigProvider.getConfig().getValue(key, String.class);
        return Arrays.stream(urls.split(",")).map(URI::create).toList();
    }
}
