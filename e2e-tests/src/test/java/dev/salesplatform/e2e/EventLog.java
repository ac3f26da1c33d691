package dev.salesplatform.e2e;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A topic of the stack's broker read by a fresh consumer of its own (assigned every partition, no
 * group, no commits), from given positions on: what a test finds there is what any consumer would.
 */
final class EventLog implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<String, String>> read = new ArrayList<>();

    private EventLog(String topic, Map<TopicPartition, Long> from) {
        this.consumer = consumer();
        this.partitions = partitions(consumer, topic);
        consumer.assign(partitions);
        partitions.forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
    }

    /** Where each partition of {@code topic} ends now: a later reader from there sees only what comes after. */
    static Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.endOffsets(partitions(consumer, topic), Duration.ofSeconds(30));
        }
    }

    /** A reader of {@code topic} from {@code positions} (partitions missing there: from their beginning). */
    static EventLog from(String topic, Map<TopicPartition, Long> positions) {
        return new EventLog(topic, positions);
    }

    /** Reads on until what was read satisfies {@code done}; answers everything read so far. */
    List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> done, Duration deadline) {
        await().atMost(deadline).pollInSameThread().pollInterval(Duration.ZERO).until(() -> {
            consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            return done.test(read);
        });
        return List.copyOf(read);
    }

    /** Reads on to where the topic ends now; answers everything read so far. */
    List<ConsumerRecord<String, String>> readToTheEnd(Duration deadline) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        return readUntil(ignored -> partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p)), deadline);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Stack.KAFKA);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }
}
