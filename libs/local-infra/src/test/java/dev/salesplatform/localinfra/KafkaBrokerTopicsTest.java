package dev.salesplatform.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.salesplatform.topics.TopicDefinition;
import dev.salesplatform.topics.TopicDefinitions;

/** The topics of deploy/kafka/topics.conf on a real broker, created by {@link KafkaBroker#createTopics}. */
class KafkaBrokerTopicsTest {

    @TempDir
    static Path dir;
    static KafkaBroker broker;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = KafkaBroker.start(Path.of(System.getProperty("salesplatform.kafka.libs")), dir.resolve("kafka"),
                freePort(), freePort(), Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void createsExactlyTheDefinedTopicsAndBringsAnExistingOneToItsDefinition() throws Exception {
        List<TopicDefinition> definition = TopicDefinitions.platform().topics();
        try (Admin admin = admin()) {
            // as an older stack or an auto-creating client could have left it: too few partitions, a week's retention
            admin.createTopics(List.of(new NewTopic("sales.lead.events", 1, (short) 1)
                    .configs(Map.of("retention.ms", "604800000", "min.insync.replicas", "1")))).all().get();
        }

        broker.createTopics(definition);

        try (Admin admin = admin()) {
            List<String> names = definition.stream().map(TopicDefinition::name).toList();
            assertEquals(Set.copyOf(names), admin.listTopics().names().get());
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get();
            Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all().get();
            for (TopicDefinition topic : definition) {
                TopicDescription description = described.get(topic.name());
                assertEquals(topic.partitions(), description.partitions().size(), topic.name());
                assertEquals(List.of(1), description.partitions().stream().map(TopicPartitionInfo::replicas)
                        .map(List::size).distinct().toList(), topic.name() + " replication factor");
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
                Map<String, String> actual = config.entries().stream()
                        .filter(entry -> entry.value() != null)
                        .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
                topic.configs().forEach((key, value) -> assertEquals(value, actual.get(key), topic.name() + " " + key));
                assertEquals("1", actual.get("min.insync.replicas"), topic.name());
            }
        }
        String log = Files.readString(broker.logFile().resolveSibling("topics.log"));
        assertTrue(log.contains("exists  sales.lead.events partitions=3"), log);
        assertTrue(log.contains("partitions raised from 1"), log);
        assertTrue(log.contains("created sales.deal.events partitions=3"), log);
    }

    @Test
    void refusesReplicationSettingsNoClusterCouldHave() {
        List<TopicDefinition> definition = TopicDefinitions.platform().topics();
        assertEquals("min.insync.replicas 2 must be between 1 and the replication factor 1",
                assertThrows(IllegalArgumentException.class, () -> broker.createTopics(definition, 1, 2)).getMessage());
        assertEquals("replication factor 0 is not a number of brokers",
                assertThrows(IllegalArgumentException.class, () -> broker.createTopics(definition, 0, 1)).getMessage());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
