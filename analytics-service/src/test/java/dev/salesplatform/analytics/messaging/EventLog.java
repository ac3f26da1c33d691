package dev.salesplatform.analytics.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import dev.salesplatform.testkit.CloudEventRecord;
import dev.salesplatform.testkit.TopicReader;

/**
 * Events as the producers publish them (CloudEvents binary mode, key = aggregate id), collected so a
 * test can send them in order, shuffled or twice.
 */
public final class EventLog {

    private final List<ProducerRecord<String, String>> records = new ArrayList<>();

    public EventLog add(String topic, String source, String type, UUID aggregate, Instant at, long version,
                        String fields) {
        String payload = "{" + fields + ", \"occurredAt\": \"" + at + "\", \"actorId\": \"test\", "
                + "\"aggregateVersion\": " + version + "}";
        records.add(CloudEventRecord.of(type).source(source).subject(aggregate.toString()).time(at).payload(payload)
                .on(topic));
        return this;
    }

    public EventLog lead(String type, UUID lead, Instant at, long version, String fields) {
        return add("sales.lead.events", "/lead-service", type, lead, at, version,
                "\"leadId\": \"" + lead + "\", " + fields);
    }

    public EventLog deal(String type, UUID deal, Instant at, long version, String fields) {
        return add("sales.deal.events", "/deal-service", type, deal, at, version,
                "\"dealId\": \"" + deal + "\", " + fields);
    }

    public EventLog customer(String type, UUID customer, Instant at, long version, String fields) {
        return add("sales.customer.events", "/customer-success-service", type, customer, at, version,
                "\"customerId\": \"" + customer + "\", " + fields);
    }

    public void sendInOrder() {
        TopicReader.sendAll(records);
    }

    /** Every event twice, in an order shuffled across topics and aggregates (a fixed seed: reproducible). */
    public void sendShuffledTwice(long seed) {
        List<ProducerRecord<String, String>> twice = new ArrayList<>(records);
        twice.addAll(records);
        Collections.shuffle(twice, new Random(seed));
        TopicReader.sendAll(twice);
    }

    public List<ProducerRecord<String, String>> records() {
        return List.copyOf(records);
    }

    /** The {@code ce_id} of the {@code index}th event added. */
    public String id(int index) {
        return new String(records.get(index).headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    public int size() {
        return records.size();
    }
}
