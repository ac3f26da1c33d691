package dev.salesplatform.localinfra;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics with infinite retention. Runs in a child JVM on the broker's classpath
 * (see {@link KafkaBroker#createTopics}): arguments are bootstrap servers, partitions, topics.
 */
public final class TopicCreator {

    private TopicCreator() {
    }

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        List<String> topics = Arrays.asList(args).subList(2, args.length);
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            for (String topic : topics) {
                NewTopic newTopic = new NewTopic(topic, partitions, (short) 1)
                        .configs(Map.of("retention.ms", "-1"));
                try {
                    admin.createTopics(List.of(newTopic)).all().get();
                    System.out.println("created " + topic);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic, e.getCause());
                    }
                    System.out.println("exists " + topic);
                }
            }
        }
    }
}
