package dev.salesplatform.analytics.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.InvalidEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Consumes the three topics (consumer group analytics-service) in batches of up to max.poll.records:
 * one transaction applies a whole poll, so a backlog (after an outage, or a million events) drains
 * fast. Types the projections do not use are skipped. A record that is not a usable event, or whose
 * data the database refuses, goes to {@code <topic>.dlq} with the reason in {@code dead-letter-reason},
 * and the rest of its batch is applied. Other failures (the database away) are retried; the batch is
 * acknowledged only after its transaction and its dead letters are done.
 */
@ApplicationScoped
public class AnalyticsEventsConsumer {

    private static final Logger LOG = Logger.getLogger(AnalyticsEventsConsumer.class);

    @Inject
    ProjectionWriter writer;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Inject
    @Channel("dead-letters")
    MutinyEmitter<String> deadLetters;

    @Incoming("lead-events")
    public Uni<Void> lead(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming("deal-events")
    public Uni<Void> deal(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    @Incoming("customer-events")
    public Uni<Void> customer(ConsumerRecords<String, String> records) {
        return consume(records);
    }

    private record Received(ConsumerRecord<String, String> record, ProjectionWriter.Pending pending) {
    }

    Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<Received> events = new ArrayList<>();
        List<Uni<Void>> dead = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Header type = record.headers().lastHeader("ce_type");
            if (type != null && !EventProjector.TYPES.contains(new String(type.value(), StandardCharsets.UTF_8))) {
                continue;
            }
            try {
                CloudEvent event = CloudEvent.from(record, mapper);
                events.add(new Received(record, writer.prepare(record.topic(), record.partition(), event)));
            } catch (InvalidEventException e) {
                dead.add(deadLetter(record, e));
            }
        }
        return apply(events)
                .onFailure(ProjectionWriter::refusedData).recoverWithUni(() -> applyOneByOne(events))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .chain(() -> dead.isEmpty() ? Uni.createFrom().voidItem()
                        : Uni.join().all(dead).andFailFast().replaceWithVoid());
    }

    private Uni<Void> apply(List<Received> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ProjectionWriter.Pending> pending = events.stream().map(Received::pending).toList();
        return pool.withTransaction(connection -> writer.applyLive(connection, pending));
    }

    /** A batch the database refused: each event alone, the refused ones dead-lettered. */
    private Uni<Void> applyOneByOne(List<Received> events) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Received received : events) {
            done = done.chain(() -> apply(List.of(received))
                    .onFailure(ProjectionWriter::refusedData)
                    .recoverWithUni(e -> deadLetter(received.record(), e)));
        }
        return done;
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, String> record, Throwable reason) {
        LOG.warnf("dead-lettering %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), reason.getMessage());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
        return deadLetters.sendMessage(Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(record.topic() + ".dlq")
                        .withKey(record.key()).withHeaders(headers).build()));
    }
}
