package dev.salesplatform.kit.topics;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.Management;
import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A service whose Kafka does not answer starts and stays up, not ready, and says why. */
@QuarkusTest
@TestProfile(TopicsHealthCheckKafkaAwayTest.KafkaAway.class)
class TopicsHealthCheckKafkaAwayTest {

    static final String CHECK = "checks.find { it.name == 'kafka-topics' }";

    public static class KafkaAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("salesplatform.topics.check.timeout", "1s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PlatformTestResource.class, Map.of("kafka", "away")));
        }
    }

    @Test
    void notReadyWhileKafkaIsNotReachable() {
        Management.given().when().get("/q/health/ready").then()
                .statusCode(503)
                .body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.kafka", startsWith("Kafka not reachable at 127.0.0.1:"));
        Management.given().when().get("/q/health/live").then().statusCode(200);
    }
}
