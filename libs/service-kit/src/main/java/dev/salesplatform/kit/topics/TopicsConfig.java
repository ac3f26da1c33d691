package dev.salesplatform.kit.topics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The topics a service needs and what it expects of them: each as deploy/kafka/topics.conf defines
 * it, replicated as the cluster says (the kit reads KAFKA_TOPIC_REPLICATION_FACTOR and
 * KAFKA_TOPIC_MIN_INSYNC_REPLICAS, as the topic-init step does).
 */
@ConfigMapping(prefix = "salesplatform.topics")
public interface TopicsConfig {

    /** The topics this service writes or reads, by their names in the definition; none: nothing to check. */
    Optional<List<String>> required();

    /** Replicas each partition must have at least: 1 on one broker, 3 on a three-broker cluster. */
    @WithDefault("1")
    int replicationFactor();

    /** The least {@code min.insync.replicas} each topic may have: 1 on one broker, 2 on three. */
    @WithDefault("1")
    int minInsyncReplicas();

    Check check();

    interface Check {
        /** Off where the topics are another team's to manage and to vouch for. */
        @WithDefault("true")
        boolean enabled();

        /** Longest wait for the broker's answer; readiness waits for it only before the first answer. */
        @WithDefault("3s")
        Duration timeout();

        /** Shortest time between two checks while something is wrong; once all is right, none follows. */
        @WithDefault("5s")
        Duration interval();
    }
}
