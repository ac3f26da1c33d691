package dev.salesplatform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.salesplatform.localinfra.KafkaBroker;
import dev.salesplatform.localinfra.PostgresServer;
import dev.salesplatform.topics.TopicDefinitions;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real PostgreSQL 17 and a real KRaft Kafka broker for {@code @QuarkusTest}s, started once per test
 * JVM on free ports, the broker with the topics of deploy/kafka/topics.conf. Each application start
 * gets a database of its own. Use with {@code @WithTestResource(PlatformTestResource.class)}; the
 * service's settings are pointed at them, and its OIDC settings at {@link TestTokens}. With the init
 * argument {@code kafka=away} no broker is started and the service is pointed at an address where
 * none listens, as when Kafka is out of reach.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Duration BROKER_START_TIMEOUT = Duration.ofSeconds(60);

    private static PostgresServer postgres;
    private static Path postgresDataDir;
    private static int postgresPort;
    private static KafkaBroker kafka;
    private static Path kafkaWorkDir;
    private static int kafkaPort;
    private static int kafkaControllerPort;

    private boolean kafkaAway;

    @Override
    public void init(Map<String, String> initArgs) {
        kafkaAway = "away".equals(initArgs.get("kafka"));
    }

    @Override
    public Map<String, String> start() {
        startInfrastructure(!kafkaAway);
        String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgres.createDatabases(List.of(database));
        Map<String, String> config = new HashMap<>(TestTokens.oidcConfig());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", "postgres");
        config.put("quarkus.datasource.devservices.enabled", "false");
        config.put("quarkus.kafka.devservices.enabled", "false");
        config.put("kafka.bootstrap.servers", kafkaAway ? "127.0.0.1:" + unusedPort() : kafka.bootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        // Shared by every application start of this JVM; stopped by the shutdown hook.
    }

    public static String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** Stops PostgreSQL (a fast shutdown: sessions end, new connections are refused), as an outage would. */
    public static synchronized void stopPostgres() {
        postgres.close();
    }

    /** Starts PostgreSQL again on the same port with the same data. */
    public static synchronized void startPostgres() {
        postgres = PostgresServer.start(postgresDataDir, postgresPort);
    }

    /** Kills the broker, as a crash or an outage would. */
    public static synchronized void killBroker() {
        kafka.kill();
    }

    /** Starts the broker again on the same port with the same data. */
    public static synchronized void restartBroker() {
        kafka = KafkaBroker.start(kafkaLibs(), kafkaWorkDir, kafkaPort, kafkaControllerPort, BROKER_START_TIMEOUT);
    }

    private static synchronized void startInfrastructure(boolean withKafka) {
        try {
            if (postgres == null) {
                Path workDir = Files.createTempDirectory("salesplatform-test-");
                kafkaWorkDir = workDir.resolve("kafka");
                kafkaPort = freePort();
                kafkaControllerPort = freePort();
                // A data directory of its own, so that the server can be stopped and started again with its data.
                postgresDataDir = workDir.resolve("postgres");
                postgresPort = freePort();
                postgres = PostgresServer.start(postgresDataDir, postgresPort);
                Runtime.getRuntime().addShutdownHook(new Thread(PlatformTestResource::stopInfrastructure,
                        "test-infrastructure-stop"));
            }
            if (withKafka && kafka == null) {
                kafka = KafkaBroker.start(kafkaLibs(), kafkaWorkDir, kafkaPort, kafkaControllerPort, BROKER_START_TIMEOUT);
                // Provisioned as in production, so that each service's topic check passes as it would there;
                // topics outside the definition (a test's own) are still created on first use.
                kafka.createTopics(TopicDefinitions.platform().topics());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stopInfrastructure() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static Path kafkaLibs() {
        String libs = System.getProperty("salesplatform.kafka.libs");
        if (libs == null) {
            throw new IllegalStateException("system property salesplatform.kafka.libs is not set; "
                    + "run the tests through Maven (the parent pom sets it)");
        }
        return Path.of(libs);
    }

    /** A port where nothing listens: a broker out of reach. */
    private static int unusedPort() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
