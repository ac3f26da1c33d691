package dev.salesplatform.analytics.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.salesplatform.analytics.config.AnalyticsConfig;
import dev.salesplatform.analytics.service.EventLog;
import dev.salesplatform.analytics.service.LoggedEvent;
import dev.salesplatform.kit.messaging.EventFilter;
import dev.salesplatform.kit.messaging.IdempotentConsumer;
import io.smallrye.common.annotation.Identifier;

/**
 * The three topics read from offset 0 by a consumer of its own (no group, nothing committed), up to
 * the end offsets of when the replay began. Types the projections do not use are skipped as the live
 * consumer skips them.
 */
@ApplicationScoped
public class KafkaEventLog implements EventLog {

    /** The name unknown event types are counted under during a rebuild. */
    private static final String REBUILD = "analytics.rebuild";

    private final EventReader reader;
    private final EventFilter filter;
    private final AnalyticsConfig config;
    private final Map<String, Object> kafkaConfig;

    /** {@code kafkaConfig}: every {@code kafka.*} setting of the service (TLS, SASL, ...), as its consumers get them. */
    @Inject
    public KafkaEventLog(EventReader reader, EventFilter filter, AnalyticsConfig config,
                         @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.reader = reader;
        this.filter = filter;
        this.config = config;
        this.kafkaConfig = Map.copyOf(kafkaConfig);
    }

    @Override
    public void replay(Replay replay) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : config.topics()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            replay.total(partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum());
            end.entrySet().removeIf(e -> e.getValue() <= beginning.get(e.getKey()));
            while (!end.isEmpty()) {
                if (replay.stopping()) {
                    throw new IllegalStateException("the service stopped during the rebuild");
                }
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                int read = 0;
                List<LoggedEvent> events = new ArrayList<>();
                List<Unreadable> unreadable = new ArrayList<>();
                for (ConsumerRecord<String, String> record : records) {
                    Long until = end.get(new TopicPartition(record.topic(), record.partition()));
                    if (until == null || record.offset() >= until) {
                        continue;
                    }
                    read++;
                    if (!filter.handles(REBUILD, AnalyticsEventsConsumer.TYPES, record)) {
                        continue;
                    }
                    try {
                        events.add(reader.read(record));
                    } catch (RuntimeException e) {
                        unreadable.add(new Unreadable(IdempotentConsumer.where(record), e));
                    }
                }
                replay.batch(read, events, unreadable);
                for (TopicPartition partition : List.copyOf(end.keySet())) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        end.remove(partition);
                    }
                }
            }
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        // Every kafka.* setting (bootstrap, TLS, SASL, ...); the replay's own settings win.
        properties.putAll(kafkaConfig);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.rebuild().batchSize());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
