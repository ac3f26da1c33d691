package dev.salesplatform.devstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.salesplatform.localinfra.KafkaBroker;
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

    public static final int MAX_REPLICAS = 3;
    public static final int MAX_KAFKA_BROKERS = 3;
    /**
     * Instance k of a service listens 20 ports above the first (lead-service 8081, 8101, 8121;
     * management 9081, 9101, 9121): clear of Keycloak's 8180/9180 and of the brokers' 9092-9097.
     */
    public static final int INSTANCE_PORT_STEP = 20;

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

    /** One running copy of a service; the first has the service's own name and ports. */
    public record Instance(Service service, int index) {

        public String name() {
            return index == 0 ? service.name() : service.name() + "-" + (index + 1);
        }

        public int port() {
            return service.port() + index * INSTANCE_PORT_STEP;
        }

        public int managementPort() {
            return service.managementPort() + index * INSTANCE_PORT_STEP;
        }

        public String url() {
            return "http://" + HOST + ":" + port();
        }

        public String managementUrl() {
            return "http://" + HOST + ":" + managementPort();
        }

        public String readinessUrl() {
            return managementUrl() + "/q/health/ready";
        }
    }

    /**
     * How many of each the stack runs: instances of every service (the gateway balancing over them) and
     * Kafka brokers (one KRaft cluster; with three, every topic has three replicas and a write needs
     * two in sync, so one broker may go without losing or refusing anything).
     */
    public record Shape(int replicas, int kafkaBrokers) {

        public static final Shape SINGLE = new Shape(1, 1);

        public Shape {
            if (replicas < 1 || replicas > MAX_REPLICAS) {
                throw new Options.UsageException("--replicas must be between 1 and " + MAX_REPLICAS + ", not " + replicas);
            }
            if (kafkaBrokers < 1 || kafkaBrokers > MAX_KAFKA_BROKERS) {
                throw new Options.UsageException("--kafka-brokers must be between 1 and " + MAX_KAFKA_BROKERS
                        + ", not " + kafkaBrokers);
            }
        }

        /** Every instance, first instances first, each group in {@link #SERVICES} order. */
        public List<Instance> instances() {
            List<Instance> instances = new ArrayList<>();
            for (int index = 0; index < replicas; index++) {
                for (Service service : SERVICES) {
                    instances.add(new Instance(service, index));
                }
            }
            return List.copyOf(instances);
        }

        public List<Instance> instancesOf(Service service) {
            return instances().stream().filter(i -> i.service().equals(service)).toList();
        }

        public List<KafkaBroker.Node> kafkaNodes() {
            return KafkaBroker.cluster(kafkaBrokers, KAFKA_PORT);
        }

        public String kafkaBootstrapServers() {
            return KafkaBroker.bootstrapServers(kafkaNodes());
        }

        /** "kafka" for a broker alone, "kafka-1".. in a cluster: the name of its pid file and log. */
        public String kafkaName(KafkaBroker.Node node) {
            return kafkaBrokers == 1 ? KAFKA : KAFKA + "-" + node.id();
        }

        public List<String> kafkaNames() {
            return kafkaNodes().stream().map(this::kafkaName).toList();
        }

        public int replicationFactor() {
            return Math.min(3, kafkaBrokers);
        }

        public int minInsyncReplicas() {
            return Math.min(2, replicationFactor());
        }

        /** Every log the stack writes under .platform/logs (without ".log"). */
        public List<String> logNames() {
            List<String> names = new ArrayList<>(List.of(SUPERVISOR, POSTGRES));
            names.addAll(kafkaNames());
            names.addAll(List.of("topics", KEYCLOAK));
            instances().forEach(instance -> names.add(instance.name()));
            return List.copyOf(names);
        }

        /** Every port the stack needs, with who needs it, in start order. */
        public Map<Integer, String> ports(boolean infraOnly) {
            Map<Integer, String> ports = new LinkedHashMap<>();
            ports.put(POSTGRES_PORT, "PostgreSQL");
            for (KafkaBroker.Node node : kafkaNodes()) {
                String broker = kafkaBrokers == 1 ? "Kafka" : "Kafka broker " + node.id();
                ports.put(node.port(), broker + (kafkaBrokers == 1 ? " broker" : ""));
                ports.put(node.controllerPort(), broker + " controller");
            }
            ports.put(KEYCLOAK_PORT, "Keycloak HTTP");
            ports.put(KEYCLOAK_MANAGEMENT_PORT, "Keycloak management");
            if (!infraOnly) {
                for (Instance instance : instances()) {
                    ports.put(instance.port(), instance.name());
                    ports.put(instance.managementPort(), instance.name() + " management");
                }
            }
            return ports;
        }

        /** The command-line options that ask for this shape (none for the default). */
        public List<String> options() {
            List<String> options = new ArrayList<>();
            if (replicas != 1) {
                options.add("--replicas=" + replicas);
            }
            if (kafkaBrokers != 1) {
                options.add("--kafka-brokers=" + kafkaBrokers);
            }
            return List.copyOf(options);
        }

        @Override
        public String toString() {
            return replicas + (replicas == 1 ? " instance" : " instances") + " of each service, " + kafkaBrokers
                    + (kafkaBrokers == 1 ? " Kafka broker" : " Kafka brokers");
        }
    }

    /** Every component name any shape may have started: what `down` looks for. */
    public static List<String> allNames() {
        Shape largest = new Shape(MAX_REPLICAS, MAX_KAFKA_BROKERS);
        List<String> names = new ArrayList<>();
        largest.instances().forEach(instance -> names.add(instance.name()));
        names.add(KEYCLOAK);
        names.add(KAFKA);
        names.addAll(largest.kafkaNames());
        names.add(POSTGRES);
        return List.copyOf(names);
    }

    private StackSpec() {
    }

    /** The topics as deploy/kafka/topics.conf defines them, which the services check at start. */
    public static List<TopicDefinition> topics() {
        return TopicDefinitions.platform().topics();
    }

    public static String keycloakReadinessUrl() {
        return ISSUER + "/.well-known/openid-configuration";
    }
}
