package dev.salesplatform.localinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.salesplatform.topics.TopicDefinition;
import dev.salesplatform.topics.TopicDefinitions;

/**
 * Three real brokers in one KRaft cluster, as {@code ./platform up --kafka-brokers=3} runs them: the
 * platform's topics replicated three times with two in sync required; one broker killed, the other two
 * take every write with acks=all and nothing acknowledged is lost. (BrokerLossE2eTest has the stack
 * start the broker again and waits for its replicas to catch up.)
 */
class KafkaClusterTest {

    static final Duration START = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    static Path libs;
    static List<KafkaBroker.Node> nodes;
    static String clusterId;
    static final KafkaBroker[] brokers = new KafkaBroker[3];

    @BeforeAll
    static void startCluster() throws IOException {
        libs = Path.of(System.getProperty("salesplatform.kafka.libs"));
        nodes = KafkaBroker.cluster(3, freePortPair());
        clusterId = KafkaBroker.clusterId(dir);
        List<CompletableFuture<KafkaBroker>> starts = nodes.stream()
                .map(node -> CompletableFuture.supplyAsync(() -> start(node))).toList();
        for (int i = 0; i < 3; i++) {
            brokers[i] = starts.get(i).join();
        }
    }

    /** Killed, not stopped: the last of a cluster stopping alone waits for a quorum that has gone. */
    @AfterAll
    static void killCluster() {
        for (KafkaBroker broker : brokers) {
            if (broker != null) {
                broker.kill();
            }
        }
    }

    static KafkaBroker start(KafkaBroker.Node node) {
        return KafkaBroker.startMember(libs, dir.resolve("broker-" + node.id()), node, nodes, clusterId, START,
                KafkaBroker.LaunchOptions.defaults());
    }

    @Test
    void theClusterIdIsMadeOnceAndKept() {
        assertEquals(clusterId, KafkaBroker.clusterId(dir));
        assertEquals(22, clusterId.length());
    }

    @Test
    void aNodeOutsideItsClusterIsRefused() {
        KafkaBroker.Node stranger = new KafkaBroker.Node(9, 1, 2);
        assertThrows(IllegalArgumentException.class, () -> KafkaBroker.startMember(libs, dir.resolve("stranger"),
                stranger, nodes, clusterId, START, KafkaBroker.LaunchOptions.defaults()));
    }

    @Test
    void aKilledBrokerLosesNothingAcknowledged() throws Exception {
        List<TopicDefinition> topics = TopicDefinitions.platform().topics();
        brokers[0].createTopics(topics, 3, 2);
        String topic = topics.getFirst().name();
        try (Admin admin = admin()) {
            for (TopicPartitionInfo partition : describe(admin, topic).partitions()) {
                assertEquals(3, partition.replicas().size());
                assertEquals(3, partition.isr().size());
            }
        }

        Set<String> acknowledged = new HashSet<>();
        try (KafkaProducer<String, String> producer = producer()) {
            acknowledged.addAll(send(producer, topic, "before", 50));
            // The leader of partition 0 goes, as a crash would take it: its followers elect a new one.
            int leader;
            try (Admin admin = admin()) {
                leader = describe(admin, topic).partitions().getFirst().leader().id();
            }
            brokers[leader - 1].kill();
            acknowledged.addAll(send(producer, topic, "during", 50));
        }
        assertEquals(100, acknowledged.size());
        assertEquals(acknowledged, readAll(topic));
    }

    private static List<String> send(KafkaProducer<String, String> producer, String topic, String prefix, int count)
            throws Exception {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String value = prefix + "-" + i;
            values.add(value);
            sends.add(producer.send(new ProducerRecord<>(topic, "key-" + i, value)));
        }
        for (Future<RecordMetadata> send : sends) {
            send.get();
        }
        return values;
    }

    private static Set<String> readAll(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(nodes));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Set<String> values = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() - deadline < 0) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }

    private static TopicDescription describe(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
    }

    private static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(nodes));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(nodes)));
    }

    /** Six consecutive free ports (two per node), found by binding the first and checking the rest. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0)) {
                first = socket.getLocalPort();
            }
            if (first + 6 < 65535 && allFree(first, 6)) {
                return first;
            }
        }
        throw new IOException("no six consecutive free ports");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
