package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The local stack of {@code ./platform up} as its supervisor leaves it: the pid files of what it
 * started, and the instances of each service (instance k on the first's ports plus 20 k).
 */
final class LocalStack {

    static final Path PLATFORM_DIR = Path.of(System.getProperty("e2e.platformDir", "../.platform"));
    static final int INSTANCE_PORT_STEP = 20;
    static final int MAX_INSTANCES = 3;

    /** A service of the stack by its first instance's ports. */
    record Service(String name, int port, int managementPort) {

        String api(int instance) {
            return "http://127.0.0.1:" + (port + instance * INSTANCE_PORT_STEP);
        }

        String management(int instance) {
            return "http://127.0.0.1:" + (managementPort + instance * INSTANCE_PORT_STEP);
        }

        /** How many instances answer readiness UP, counting from the first until one does not. */
        int readyInstances() {
            return (int) IntStream.range(0, MAX_INSTANCES).takeWhile(this::ready).count();
        }

        private boolean ready(int instance) {
            try {
                return given().when().get(management(instance) + "/q/health/ready").statusCode() == 200;
            } catch (Exception notListening) { // RestAssured throws ConnectException undeclared
                return false;
            }
        }
    }

    static final Service GATEWAY = new Service("api-gateway", 8080, 9080);
    static final Service LEAD = new Service("lead-service", 8081, 9081);
    static final Service DEAL = new Service("deal-service", 8082, 9082);
    static final Service CUSTOMER_SUCCESS = new Service("customer-success-service", 8083, 9083);
    static final Service ANALYTICS = new Service("analytics-service", 8084, 9084);
    static final List<Service> SERVICES = List.of(GATEWAY, LEAD, DEAL, CUSTOMER_SUCCESS, ANALYTICS);

    private LocalStack() {
    }

    /** The pid in {@code .platform/run/<component>.pid}, if the stack wrote one. */
    static Optional<Long> pid(String component) {
        Path file = PLATFORM_DIR.resolve("run").resolve(component + ".pid");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Properties pidFile = new Properties();
            pidFile.load(new StringReader(Files.readString(file)));
            return Optional.of(Long.parseLong(pidFile.getProperty("pid").trim()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a topic of the stack's cluster is replicated: what an extra instance's topic check must expect. */
    record Replication(int factor, int minInsync) {
    }

    static Replication replicationOf(String topic) {
        try (Admin admin = admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            String minInsync = admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get("min.insync.replicas").value();
            return new Replication(description.partitions().getFirst().replicas().size(), Integer.parseInt(minInsync));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + topic + " on " + Stack.KAFKA, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA));
    }

    /** The pids of the stack's Kafka brokers: the one broker ("kafka"), or every broker of a cluster ("kafka-1"..). */
    static List<Long> kafkaPids() {
        Optional<Long> alone = pid("kafka");
        if (alone.isPresent()) {
            return List.of(alone.get());
        }
        return IntStream.rangeClosed(1, MAX_INSTANCES).mapToObj(id -> pid("kafka-" + id))
                .flatMap(Optional::stream).toList();
    }
}
