package dev.salesplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What each instance of the local stack is told by environment, by the names the services read. */
class ServiceEnvironmentTest {

    static final StackSpec.Shape TWO_AND_THREE = new StackSpec.Shape(2, 3);

    static StackSpec.Instance instance(String service, int index) {
        return new StackSpec.Instance(StackSpec.SERVICES.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(), index);
    }

    @Test
    void aSecondInstanceListensTwentyPortsAboveTheFirstAndKnowsEveryBroker() {
        Map<String, String> env = Supervisor.environment(instance("deal-service", 1), TWO_AND_THREE);
        assertEquals("8102", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("9102", env.get("QUARKUS_MANAGEMENT_PORT"));
        assertEquals("127.0.0.1:9092,127.0.0.1:9094,127.0.0.1:9096", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("3", env.get("KAFKA_TOPIC_REPLICATION_FACTOR"));
        assertEquals("2", env.get("KAFKA_TOPIC_MIN_INSYNC_REPLICAS"));
        assertNull(env.get("GATEWAY_UPSTREAMS_DEAL_URL"));
    }

    @Test
    void everyGatewayBalancesOverEveryInstanceOfEachUpstream() {
        for (int index = 0; index < 2; index++) {
            Map<String, String> env = Supervisor.environment(instance("api-gateway", index), TWO_AND_THREE);
            assertEquals("http://127.0.0.1:8081,http://127.0.0.1:8101", env.get("GATEWAY_UPSTREAMS_LEAD_URL"));
            assertEquals("http://127.0.0.1:9081,http://127.0.0.1:9101", env.get("GATEWAY_UPSTREAMS_LEAD_MANAGEMENT_URL"));
            assertEquals("http://127.0.0.1:8083,http://127.0.0.1:8103",
                    env.get("GATEWAY_UPSTREAMS_CUSTOMER_SUCCESS_URL"));
            assertEquals("http://127.0.0.1:9084,http://127.0.0.1:9104",
                    env.get("GATEWAY_UPSTREAMS_ANALYTICS_MANAGEMENT_URL"));
            assertEquals("5000", env.get("GATEWAY_RATE_LIMITS_DEFAULT_CAPACITY"));
        }
    }

    @Test
    void oneOfEachIsWhatTheDefaultsSay() {
        Map<String, String> env = Supervisor.environment(instance("api-gateway", 0), StackSpec.Shape.SINGLE);
        assertEquals("8080", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("http://127.0.0.1:8082", env.get("GATEWAY_UPSTREAMS_DEAL_URL"));
        assertEquals("127.0.0.1:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals("1", env.get("KAFKA_TOPIC_REPLICATION_FACTOR"));
        assertEquals("1", env.get("KAFKA_TOPIC_MIN_INSYNC_REPLICAS"));
        assertEquals("10s", Supervisor.environment(instance("customer-success-service", 0), StackSpec.Shape.SINGLE)
                .get("SALESPLATFORM_RENEWALS_SCAN_EVERY"));
    }
}
