package dev.salesplatform.localinfra;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import dev.salesplatform.topics.TopicDefinition;
import dev.salesplatform.topics.TopicDefinitions;

/**
 * Creates the topics as defined, or brings existing ones to their definition: configs set, partitions
 * raised (never lowered). Runs in a child JVM on the broker's classpath (see
 * {@link KafkaBroker#createTopics}): arguments are the bootstrap servers, the replication factor,
 * {@code min.insync.replicas}, then each topic as its line of topics.conf.
 */
public final class TopicCreator {

    private TopicCreator() {
    }

    public static void main(String[] args) throws InterruptedException, ExecutionException {
        String bootstrap = args[0];
        short replicationFactor = Short.parseShort(args[1]);
        String minInsyncReplicas = args[2];
        List<TopicDefinition> topics = Arrays.stream(args, 3, args.length).map(TopicDefinitions::parseLine).toList();
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            CreateTopicsResult result = admin.createTopics(topics.stream()
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                            .configs(configs(topic, minInsyncReplicas)))
                    .toList());
            for (TopicDefinition topic : topics) {
                try {
                    result.values().get(topic.name()).get();
                    System.out.println("created " + topic.line() + " replication.factor=" + replicationFactor
                            + " min.insync.replicas=" + minInsyncReplicas);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                    }
                    System.out.println("exists  " + bringToDefinition(admin, topic, replicationFactor, minInsyncReplicas));
                }
            }
        }
    }

    private static Map<String, String> configs(TopicDefinition topic, String minInsyncReplicas) {
        Map<String, String> configs = new LinkedHashMap<>(topic.configs());
        configs.put("min.insync.replicas", minInsyncReplicas);
        return configs;
    }

    /** What it did to the existing topic, in a line of the log. */
    private static String bringToDefinition(Admin admin, TopicDefinition topic, short replicationFactor,
                                            String minInsyncReplicas) throws InterruptedException, ExecutionException {
        StringBuilder done = new StringBuilder(topic.line());
        TopicDescription description = admin.describeTopics(List.of(topic.name())).allTopicNames().get().get(topic.name());
        int partitions = description.partitions().size();
        if (partitions < topic.partitions()) {
            admin.createPartitions(Map.of(topic.name(), NewPartitions.increaseTo(topic.partitions()))).all().get();
            done.append("; partitions raised from ").append(partitions);
        }
        List<AlterConfigOp> set = configs(topic, minInsyncReplicas).entrySet().stream()
                .map(config -> new AlterConfigOp(new ConfigEntry(config.getKey(), config.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), set)).all().get();
        done.append("; configs set, min.insync.replicas=").append(minInsyncReplicas);
        int replicas = description.partitions().stream().mapToInt(partition -> partition.replicas().size()).min().orElse(0);
        if (replicas < replicationFactor) {
            // Raising it means reassigning every partition: an operator's decision, not a start-up step.
            done.append("; WARNING: replication factor is ").append(replicas).append(", not ").append(replicationFactor);
        }
        return done.toString();
    }
}
