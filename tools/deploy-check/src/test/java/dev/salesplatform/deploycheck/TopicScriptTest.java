package dev.salesplatform.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.salesplatform.topics.TopicDefinition;
import dev.salesplatform.topics.TopicDefinitions;

/**
 * deploy/kafka/create-topics.sh, run by sh against stand-ins for kafka-topics.sh and kafka-configs.sh
 * that record their arguments and answer --describe from a file: every line of topics.conf (as the
 * platform's reader understands it) becomes the right tool call, and what the reader refuses the
 * script refuses before it changes anything.
 */
class TopicScriptTest {

    static final String SCRIPT = "deploy/kafka/create-topics.sh";
    static final String BOOTSTRAP = "broker-1:9092,broker-2:9092";

    /** Records each call in calls; --describe fails while the count in unreachable is above 0, else prints describe. */
    private static final String STAND_IN = """
            #!/bin/sh
            printf '%s %s\\n' "$(basename "$0")" "$*" >> "$STUB_DIR/calls"
            case "$*" in
              *--describe*)
                if [ -f "$STUB_DIR/unreachable" ] && [ "$(cat "$STUB_DIR/unreachable")" -gt 0 ]; then
                  echo $(( $(cat "$STUB_DIR/unreachable") - 1 )) > "$STUB_DIR/unreachable"
                  echo "Timed out waiting for a node assignment" >&2
                  exit 1
                fi
                if [ -f "$STUB_DIR/describe" ]; then cat "$STUB_DIR/describe"; fi
                ;;
            esac
            """;

    @TempDir
    Path dir;

    private TopicDefinitions platform;

    @BeforeEach
    void standIns() throws IOException {
        for (String tool : List.of("kafka-topics.sh", "kafka-configs.sh")) {
            Path file = dir.resolve(tool);
            Files.writeString(file, STAND_IN);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        platform = TopicDefinitions.parse(Repo.read("deploy/kafka/topics.conf"), "topics.conf");
    }

    @Test
    void createsEveryTopicOfTheDefinitionOnAnEmptyCluster() throws IOException {
        Tools.Result result = run(Repo.path("deploy/kafka/topics.conf"), "3", "2");
        assertEquals(0, result.exitCode(), result.output());
        List<String> expected = new ArrayList<>();
        expected.add(describe());
        for (TopicDefinition topic : platform.topics()) {
            StringBuilder create = new StringBuilder("kafka-topics.sh --bootstrap-server " + BOOTSTRAP
                    + " --create --if-not-exists --topic " + topic.name() + " --partitions " + topic.partitions()
                    + " --replication-factor 3");
            topic.configs().forEach((key, value) -> create.append(" --config ").append(key).append('=').append(value));
            create.append(" --config min.insync.replicas=2");
            expected.add(create.toString());
        }
        assertEquals(expected, calls());
        assertTrue(result.output().contains(platform.topics().size() + " topics of"), result.output());
    }

    @Test
    void setsTheConfigsOfTopicsThatExistAndLeavesTheirPartitions() throws IOException {
        Path conf = dir.resolve("topics.conf");
        Files.writeString(conf, """
                # a comment, then a blank line

                  events.a   partitions=3   retention.ms=-1 cleanup.policy=compact,delete
                events.b partitions=2 retention.ms=604800000
                """);
        Files.writeString(dir.resolve("describe"), String.join("\n",
                "Topic: events.a\tTopicId: 1\tPartitionCount: 1\tReplicationFactor: 1\tConfigs: cleanup.policy=delete",
                "\tTopic: events.a\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1",
                "Topic: other\tTopicId: 2\tPartitionCount: 2\tReplicationFactor: 1\tConfigs: ",
                ""));
        Tools.Result result = run(conf, "1", "1");
        assertEquals(0, result.exitCode(), result.output());
        assertEquals(List.of(describe(),
                "kafka-configs.sh --bootstrap-server " + BOOTSTRAP + " --alter --entity-type topics --entity-name events.a"
                        + " --add-config retention.ms=-1,cleanup.policy=[compact,delete],min.insync.replicas=1",
                "kafka-topics.sh --bootstrap-server " + BOOTSTRAP + " --create --if-not-exists --topic events.b"
                        + " --partitions 2 --replication-factor 1 --config retention.ms=604800000 --config min.insync.replicas=1"),
                calls());
        assertTrue(result.output().contains("note: events.a has 1 partitions, topics.conf says 3"), result.output());
    }

    @Test
    void waitsForTheClusterToAnswer() throws IOException {
        Files.writeString(dir.resolve("unreachable"), "1");
        Tools.Result result = run(Repo.path("deploy/kafka/topics.conf"), "1", "1");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("waiting for Kafka at " + BOOTSTRAP), result.output());
        assertEquals(List.of(describe(), describe()), calls().subList(0, 2));
    }

    @Test
    void refusesReplicationSettingsTheClusterCannotMeet() throws IOException {
        Tools.Result result = run(Repo.path("deploy/kafka/topics.conf"), "1", "2");
        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("exceeds KAFKA_TOPIC_REPLICATION_FACTOR"), result.output());
        assertEquals(List.of(), calls());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "t partitions=3 replication.factor=3",
            "t partitions=3 min.insync.replicas=2",
            "t retention.ms=-1",
            "t partitions=0",
            "t partitions=x",
            "t partitions=3 partitions=4",
            "t partitions=3 retention.ms=1 retention.ms=2",
            "t partitions=3 retention.ms=",
            "t partitions=3 Retention.ms=1",
            "t partitions=3 oops",
            "t partitions=3 # trailing comment",
            "bad/name partitions=3",
            "t partitions=3\nt partitions=3",
    })
    void refusesWhatThePlatformsReaderRefusesBeforeChangingAnything(String text) throws IOException {
        assertThrows(IllegalArgumentException.class, () -> TopicDefinitions.parse(text, "test.conf"));
        Path conf = dir.resolve("topics.conf");
        Files.writeString(conf, "ok.topic partitions=1\n" + text + "\n");
        Tools.Result result = run(conf, "1", "1");
        assertNotEquals(0, result.exitCode(), text + " was accepted:\n" + result.output());
        assertTrue(result.output().matches("(?s).*topics\\.conf:[23]: .*"), result.output());
        assertEquals(List.of(), calls(), "nothing asked of the cluster");
    }

    private Tools.Result run(Path conf, String replicationFactor, String minInsyncReplicas) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BIN_DIR", dir.toString());
        env.put("STUB_DIR", dir.toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", BOOTSTRAP);
        env.put("KAFKA_TOPIC_REPLICATION_FACTOR", replicationFactor);
        env.put("KAFKA_TOPIC_MIN_INSYNC_REPLICAS", minInsyncReplicas);
        env.put("KAFKA_TOPICS_WAIT_SECONDS", "30");
        return Tools.run(Repo.ROOT, env, List.of("sh", SCRIPT, conf.toString()), Duration.ofMinutes(1));
    }

    private static String describe() {
        return "kafka-topics.sh --bootstrap-server " + BOOTSTRAP + " --describe --exclude-internal";
    }

    private List<String> calls() throws IOException {
        Path calls = dir.resolve("calls");
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }
}
