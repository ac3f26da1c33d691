package dev.salesplatform.kit.topics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.topics.TopicDefinitions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;

/** The verification against the real test broker: each way a topic can differ from its definition, in words. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TopicVerifierTest {

    static final Duration TIMEOUT = Duration.ofSeconds(3);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    String prefix;
    TopicDefinitions definitions;

    /** Topics of a test definition, on the broker as a careless operator could have left them. */
    @BeforeEach
    void createTopics() throws Exception {
        prefix = "kit.topic-check." + UUID.randomUUID() + ".";
        definitions = TopicDefinitions.parse("""
                %1$sright   partitions=2 retention.ms=-1 cleanup.policy=delete
                %1$sfew     partitions=3 retention.ms=-1
                %1$sweek    partitions=1 retention.ms=-1
                %1$smissing partitions=1 retention.ms=-1
                """.formatted(prefix), "test definition");
        List<String> created = List.of(prefix + "right", prefix + "few", prefix + "week");
        try (Admin admin = Admin.create(kafkaConfig)) {
            admin.createTopics(List.of(
                    new NewTopic(prefix + "right", 2, (short) 1).configs(Map.of("retention.ms", "-1", "cleanup.policy", "delete")),
                    new NewTopic(prefix + "few", 1, (short) 1),
                    new NewTopic(prefix + "week", 1, (short) 1).configs(Map.of("retention.ms", "604800000"))))
                    .all().get();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> admin.describeTopics(created).allTopicNames().get().size() == created.size());
        }
    }

    List<String> verify(int replicationFactor, int minInsyncReplicas, String... topics) {
        TopicVerifier verifier = new TopicVerifier(definitions, replicationFactor, minInsyncReplicas, kafkaConfig, TIMEOUT);
        return verifier.verify(List.of(topics)).stream().map(TopicProblem::toString).toList();
    }

    @Test
    void theTopicsTheTestKitProvisionsAreAsDefined() {
        TopicDefinitions platform = TopicDefinitions.platform();
        assertEquals(List.of(), new TopicVerifier(platform, 1, 1, kafkaConfig, TIMEOUT).verify(platform.names()));
    }

    @Test
    void aTopicAsDefinedHasNoProblem() {
        assertEquals(List.of(), verify(1, 1, prefix + "right"));
    }

    @Test
    void namesEachTopicThatIsMissingUndefinedOrUnlikeItsDefinition() {
        assertEquals(List.of(
                prefix + "undefined: not in the topic definition (deploy/kafka/topics.conf)",
                prefix + "missing: does not exist",
                prefix + "few: has 1 partition, the definition says 3",
                prefix + "week: retention.ms is 604800000, the definition says -1"),
                verify(1, 1, prefix + "right", prefix + "few", prefix + "week", prefix + "missing", prefix + "undefined"));
    }

    /** A one-broker cluster cannot give what a three-broker one is expected to. */
    @Test
    void namesTooLittleReplication() {
        assertEquals(List.of(prefix + "right: replication factor is 1, expected at least 2"), verify(2, 1, prefix + "right"));
        assertEquals(List.of(prefix + "right: min.insync.replicas is 1, expected at least 2"), verify(1, 2, prefix + "right"));
    }

    @Test
    void aBrokerThatDoesNotAnswerIsNotReachable() throws IOException {
        Map<String, Object> away = new HashMap<>(kafkaConfig);
        String bootstrap = "127.0.0.1:" + closedPort();
        away.put("bootstrap.servers", bootstrap);
        List<TopicProblem> problems = new TopicVerifier(definitions, 1, 1, away, Duration.ofSeconds(1))
                .verify(List.of(prefix + "right"));
        assertEquals(1, problems.size(), problems.toString());
        assertNull(problems.getFirst().topic());
        assertTrue(problems.getFirst().text().startsWith("Kafka not reachable at " + bootstrap + ": "), problems.toString());
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
