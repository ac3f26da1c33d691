package dev.salesplatform.kit.topics;

/**
 * One thing that is not as the definition says, in words for an operator.
 *
 * @param topic the topic it concerns; null for the cluster as a whole (e.g. Kafka not reachable)
 */
public record TopicProblem(String topic, String text) {

    @Override
    public String toString() {
        return topic == null ? text : topic + ": " + text;
    }
}
