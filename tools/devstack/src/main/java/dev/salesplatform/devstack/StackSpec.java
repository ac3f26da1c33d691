package dev.salesplatform.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.salesplatform.topics.TopicDefinition;
import dev.salesplatform.topics.TopicDefinitions;

/** What the local stack consists of: ports, databases, topics, services. */
public final class StackSpec {

    public static final String HOST = "127.0.0.1";
    public static final int POSTGRES_PORT = 15432;
    public static final int KAFKA_PORT = 9092;
    public static final int KAFKA_CONTROLLER_PORT = 9093;
    public static final int KEYCLOAK_PORT = 8180;
    public static final int KEYCLOAK_MANAGEMENT_PORT = 9180;

    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    public static final String KEYCLOAK = "keycloak";
    public static final String SUPERVISOR = "devstack";

    public static final List<String> DATABASES = List.of("lead", "deal", "customer_success", "analytics");
    /** One broker: each partition has its one replica, which is also the one in sync. */
    public static final int KAFKA_REPLICATION_FACTOR = 1;
    public static final int KAFKA_MIN_INSYNC_REPLICAS = 1;

    public static final String REALM = "sales";
    public static final String ISSUER = "http://" + HOST + ":" + KEYCLOAK_PORT + "/realms/" + REALM;

    /** A Quarkus service of the platform: its module directory is its name; health on its management port. */
    public record Service(String name, int port, int managementPort) {
        public String url() {
            return "http://" + HOST + ":" + port;
        }

        public String readinessUrl() {
            return "http://" + HOST + ":" + managementPort + "/q/health/ready";
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("api-gateway", 8080, 9080),
            new Service("lead-service", 8081, 9081),
            new Service("deal-service", 8082, 9082),
            new Service("customer-success-service", 8083, 9083),
            new Service("analytics-service", 8084, 9084));

    /** Every log the stack writes under .platform/logs (without ".log"). */
    public static final List<String> LOG_NAMES = List.of(SUPERVISOR, POSTGRES, KAFKA, "topics", KEYCLOAK,
            "api-gateway", "lead-service", "deal-service", "customer-success-service", "analytics-service");

    private StackSpec() {
    }

    /** The topics as deploy/kafka/topics.conf defines them, which the services check at start. */
    public static List<TopicDefinition> topics() {
        return TopicDefinitions.platform().topics();
    }

    /** Every port the stack needs, with who needs it, in start order. */
    public static Map<Integer, String> ports(boolean infraOnly) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(POSTGRES_PORT, "PostgreSQL");
        ports.put(KAFKA_PORT, "Kafka broker");
        ports.put(KAFKA_CONTROLLER_PORT, "Kafka controller");
        ports.put(KEYCLOAK_PORT, "Keycloak HTTP");
        ports.put(KEYCLOAK_MANAGEMENT_PORT, "Keycloak management");
        if (!infraOnly) {
            for (Service service : SERVICES) {
                ports.put(service.port(), service.name());
                ports.put(service.managementPort(), service.name() + " management");
            }
        }
        return ports;
    }

    public static String keycloakReadinessUrl() {
        return ISSUER + "/.well-known/openid-configuration";
    }
}
