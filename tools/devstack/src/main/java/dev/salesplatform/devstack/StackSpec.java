package dev.salesplatform.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    public static final List<String> EVENT_TOPICS = List.of("sales.lead.events", "sales.deal.events",
            "sales.customer.events");
    public static final int TOPIC_PARTITIONS = 3;

    public static final String REALM = "sales";
    public static final String ISSUER = "http://" + HOST + ":" + KEYCLOAK_PORT + "/realms/" + REALM;

    /** A Quarkus service of the platform: its module directory is its name; health on its management port. */
    public record Service(String name, int port, int managementPort) {
        /** A service that serves its health on its API port. */
        public Service(String name, int port) {
            this(name, port, port);
        }

        public String url() {
            return "http://" + HOST + ":" + port;
        }

        public String readinessUrl() {
            return "http://" + HOST + ":" + managementPort + "/q/health/ready";
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("api-gateway", 8080, 9080),
            new Service("lead-service", 8081),
            new Service("deal-service", 8082),
            new Service("customer-success-service", 8083),
            new Service("analytics-service", 8084));

    /** Every log the stack writes under .platform/logs (without ".log"). */
    public static final List<String> LOG_NAMES = List.of(SUPERVISOR, POSTGRES, KAFKA, "topics", KEYCLOAK,
            "api-gateway", "lead-service", "deal-service", "customer-success-service", "analytics-service");

    private StackSpec() {
    }

    public static List<String> topics() {
        List<String> topics = new java.util.ArrayList<>(EVENT_TOPICS);
        EVENT_TOPICS.forEach(t -> topics.add(t + ".dlq"));
        return topics;
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
                if (service.managementPort() != service.port()) {
                    ports.put(service.managementPort(), service.name() + " management");
                }
            }
        }
        return ports;
    }

    public static String keycloakReadinessUrl() {
        return ISSUER + "/.well-known/openid-configuration";
    }
}
