package dev.salesplatform.kit.topics;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.Management;
import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Readiness with the topics the test kit provisions, as production's topic-init step does. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TopicsHealthCheckTest {

    static final String CHECK = "checks.find { it.name == 'kafka-topics' }";

    @Test
    void upWhenEveryRequiredTopicIsAsDefined() {
        Management.given().when().get("/q/health/ready").then()
                .body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.topics", equalTo("sales.lead.events,sales.deal.events,sales.customer.events,"
                        + "sales.lead.events.dlq,sales.deal.events.dlq,sales.customer.events.dlq"))
                .body(CHECK + ".data.replicationFactor", equalTo(1))
                .body(CHECK + ".data.minInsyncReplicas", equalTo(1));
    }
}
