package dev.salesplatform.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A request that an instance refuses to connect goes to the other instance, body and all, and the
 * refusing instance gets no more requests from then on ({@link RefusingLeadInstanceResource}).
 */
@QuarkusTest
@WithTestResource(RefusingLeadInstanceResource.class)
class UpstreamRetryTest {

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @Test
    void sendsTheRequestThatAnInstanceRefusesToTheNextAndNoMoreToTheRefusingOne() {
        String refusing = ConfigProvider.getConfig().getValue(RefusingLeadInstanceResource.URLS, String.class)
                .split(",")[0];
        // Both UP, as their readiness answered at start: the gateway takes them in turn.
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertEquals("UP, circuit breaker CLOSED", instance(refusing)));
        String sdr = TestTokens.bearer(UUID.randomUUID(), "sdr");

        for (int i = 0; i < 6; i++) {
            String body = "{\"n\":" + i + "}";
            given().header("Authorization", sdr).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/leads")
                    .then()
                    .statusCode(200)
                    .body("instance", is("whole"))
                    .body("method", is("POST"))
                    .body("body", is(body));
        }

        // Refused once, on its first turn: a second refusal would have opened its breaker.
        assertEquals("DOWN (not reachable by a proxied request: Connection refused: /127.0.0.1:"
                + refusing.substring(refusing.lastIndexOf(':') + 1) + "), circuit breaker CLOSED", instance(refusing));
    }

    /** What the gateway's readiness check says of the instance. */
    private String instance(String url) {
        return JsonPath.from(given().when().get(readiness).asString())
                .getString("checks.find { it.name == 'upstream lead' }.data.'" + url + "'");
    }
}
