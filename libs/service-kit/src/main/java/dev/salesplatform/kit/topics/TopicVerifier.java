package dev.salesplatform.kit.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import dev.salesplatform.topics.TopicDefinition;
import dev.salesplatform.topics.TopicDefinitions;

/**
 * Compares topics on the cluster with their definition, with the Kafka Admin client: each exists,
 * has at least its defined partitions and exactly its defined configs, and is replicated at least
 * as the cluster's settings say. Blocks for at most about twice the timeout; never throws.
 */
public final class TopicVerifier {

    private static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";

    private final TopicDefinitions definitions;
    private final int replicationFactor;
    private final int minInsyncReplicas;
    private final Map<String, Object> adminConfig;
    private final Duration timeout;

    /**
     * @param kafkaConfig the service's {@code kafka.*} settings (bootstrap servers, TLS, SASL, ...)
     */
    public TopicVerifier(TopicDefinitions definitions, int replicationFactor, int minInsyncReplicas,
                         Map<String, Object> kafkaConfig, Duration timeout) {
        this.definitions = definitions;
        this.replicationFactor = replicationFactor;
        this.minInsyncReplicas = minInsyncReplicas;
        this.timeout = timeout;
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        String millis = Long.toString(timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        this.adminConfig = Map.copyOf(config);
    }

    /**
     * What is wrong with the {@code required} topics: those not defined, then those missing, then those
     * unlike their definition, each in the order given; empty when each is as defined.
     */
    public List<TopicProblem> verify(List<String> required) {
        List<TopicProblem> problems = new ArrayList<>();
        List<TopicDefinition> defined = new ArrayList<>();
        for (String name : required) {
            definitions.topic(name).ifPresentOrElse(defined::add,
                    () -> problems.add(new TopicProblem(name, "not in the topic definition (deploy/kafka/topics.conf)")));
        }
        if (defined.isEmpty()) {
            return problems;
        }
        Admin admin;
        try {
            admin = Admin.create(adminConfig);
        } catch (KafkaException e) {
            // e.g. a bootstrap host that does not resolve (yet)
            problems.add(unreachable(e));
            return problems;
        }
        try {
            problems.addAll(verify(admin, defined));
            return problems;
        } catch (TimeoutException e) {
            problems.add(unreachable(e));
            return problems;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(new TopicProblem(null, "topic check interrupted"));
            return problems;
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    /** Missing or undescribable topics first, then what is wrong with the others, each in the order given. */
    private List<TopicProblem> verify(Admin admin, List<TopicDefinition> topics) throws InterruptedException {
        int millis = (int) timeout.toMillis();
        Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(
                topics.stream().map(TopicDefinition::name).toList(),
                new DescribeTopicsOptions().timeoutMs(millis)).topicNameValues();
        List<TopicProblem> problems = new ArrayList<>();
        Map<TopicDefinition, TopicDescription> existing = new LinkedHashMap<>();
        for (TopicDefinition topic : topics) {
            try {
                existing.put(topic, await(described.get(topic.name())));
            } catch (UnknownTopicOrPartitionException e) {
                problems.add(new TopicProblem(topic.name(), "does not exist"));
            } catch (TimeoutException e) {
                throw e;
            } catch (KafkaException e) {
                problems.add(new TopicProblem(topic.name(), "cannot be described: " + e.getMessage()));
            }
        }
        if (existing.isEmpty()) {
            return problems;
        }
        Map<ConfigResource, KafkaFuture<Config>> configs = admin.describeConfigs(
                existing.keySet().stream().map(topic -> resource(topic.name())).toList(),
                new DescribeConfigsOptions().timeoutMs(millis)).values();
        for (Map.Entry<TopicDefinition, TopicDescription> topic : existing.entrySet()) {
            problems.addAll(compare(topic.getKey(), topic.getValue()));
            try {
                problems.addAll(compare(topic.getKey(), await(configs.get(resource(topic.getKey().name())))));
            } catch (TimeoutException e) {
                throw e;
            } catch (KafkaException e) {
                problems.add(new TopicProblem(topic.getKey().name(), "its configs cannot be described: " + e.getMessage()));
            }
        }
        return problems;
    }

    private List<TopicProblem> compare(TopicDefinition topic, TopicDescription description) {
        List<TopicProblem> problems = new ArrayList<>();
        int partitions = description.partitions().size();
        if (partitions < topic.partitions()) {
            problems.add(new TopicProblem(topic.name(), "has " + partitions + (partitions == 1 ? " partition" : " partitions")
                    + ", the definition says " + topic.partitions()));
        }
        int replicas = description.partitions().stream().mapToInt(partition -> partition.replicas().size()).min().orElse(0);
        if (replicas < replicationFactor) {
            problems.add(new TopicProblem(topic.name(), "replication factor is " + replicas + ", expected at least "
                    + replicationFactor));
        }
        return problems;
    }

    private List<TopicProblem> compare(TopicDefinition topic, Config config) {
        List<TopicProblem> problems = new ArrayList<>();
        topic.configs().forEach((key, defined) -> {
            ConfigEntry entry = config.get(key);
            String actual = entry == null ? null : entry.value();
            if (!defined.equals(actual)) {
                problems.add(new TopicProblem(topic.name(), key + " is " + (actual == null ? "not set" : actual)
                        + ", the definition says " + defined));
            }
        });
        ConfigEntry entry = config.get(MIN_INSYNC_REPLICAS);
        String actual = entry == null ? null : entry.value();
        if (actual == null || Integer.parseInt(actual) < minInsyncReplicas) {
            problems.add(new TopicProblem(topic.name(), MIN_INSYNC_REPLICAS + " is " + (actual == null ? "not set" : actual)
                    + ", expected at least " + minInsyncReplicas));
        }
        return problems;
    }

    private TopicProblem unreachable(Exception e) {
        return new TopicProblem(null, "Kafka not reachable at " + adminConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)
                + ": " + e.getMessage());
    }

    /** The future's value, or the Kafka exception it failed with. */
    private <T> T await(KafkaFuture<T> future) throws InterruptedException {
        long millis = 2 * timeout.toMillis();
        try {
            // The Admin call has its own timeout; this one only bounds a client that would not keep it.
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException("no answer within " + millis + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KafkaException kafka) {
                throw kafka;
            }
            throw new KafkaException(e.getCause());
        }
    }

    private static ConfigResource resource(String topic) {
        return new ConfigResource(ConfigResource.Type.TOPIC, topic);
    }
}
