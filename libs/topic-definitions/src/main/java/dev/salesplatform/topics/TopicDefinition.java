package dev.salesplatform.topics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One topic of the definition: its name, the partitions it is created with (operators may add more,
 * never fewer) and its topic configs by their kafka-configs names, values as Kafka reports them.
 * Replication factor and {@code min.insync.replicas} are the cluster's, so a topic carries neither.
 */
public record TopicDefinition(String name, int partitions, Map<String, String> configs) {

    /** What Kafka accepts as a topic name. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    /** kafka-configs names: lower case words joined by dots. */
    private static final Pattern CONFIG_NAME = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9]+)*");
    /** Settings of the cluster, not of one topic (KAFKA_TOPIC_REPLICATION_FACTOR and ..._MIN_INSYNC_REPLICAS). */
    private static final Map<String, String> CLUSTER_SETTINGS = Map.of(
            "replication.factor", "KAFKA_TOPIC_REPLICATION_FACTOR",
            "min.insync.replicas", "KAFKA_TOPIC_MIN_INSYNC_REPLICAS");

    /** @throws IllegalArgumentException saying what is wrong, in words for whoever edits the file */
    public TopicDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configs, "configs");
        if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("'" + name + "' is not a valid topic name (up to 249 letters, digits, '.', '_', '-')");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be at least 1, not " + partitions);
        }
        for (Map.Entry<String, String> config : configs.entrySet()) {
            String key = config.getKey();
            if (CLUSTER_SETTINGS.containsKey(key)) {
                throw new IllegalArgumentException(name + ": " + key + " belongs to the cluster ("
                        + CLUSTER_SETTINGS.get(key) + "), not to a topic");
            }
            if (key.equals("partitions") || !CONFIG_NAME.matcher(key).matches()) {
                throw new IllegalArgumentException(name + ": '" + key + "' is not a topic config name (kafka-configs names"
                        + " are lower case words joined by dots)");
            }
            if (config.getValue() == null || config.getValue().isEmpty()) {
                throw new IllegalArgumentException(name + ": " + key + " has no value");
            }
        }
        configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    }

    /** This topic as a line of topics.conf, which {@link TopicDefinitions#parseLine} reads back. */
    public String line() {
        StringBuilder line = new StringBuilder(name).append(" partitions=").append(partitions);
        configs.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }
}
