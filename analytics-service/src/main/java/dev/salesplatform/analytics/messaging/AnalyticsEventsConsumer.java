package dev.salesplatform.analytics.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.ConsumerHealth;
import dev.salesplatform.kit.messaging.DeadLetterHandler;
import dev.salesplatform.kit.messaging.DeadLetters;
import dev.salesplatform.kit.messaging.EventFilter;
import dev.salesplatform.kit.messaging.EventTypes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Consumes the three topics (consumer group analytics-service) in batches of up to max.poll.records:
 * one transaction applies a whole poll, so a backlog (after an outage, or a million events) drains
 * fast. Types the projections do not use are skipped. A record that cannot be applied, for whatever
 * reason, is set aside alone ({@link DeadLetters}) and the rest of its batch is applied; a passing
 * fault (the database away) is retried for as long as it lasts. The batch is acknowledged only after
 * its transaction and its dead letters are done.
 */
@ApplicationScoped
public class AnalyticsEventsConsumer implements DeadLetterHandler {

    static final String CONSUMER = "analytics.events";
    /** What the projections do with each type of the three topics. */
    public static final EventTypes TYPES = new EventTypes(EventProjector.TYPES, EventProjector.IGNORED);

    @Inject
    ProjectionWriter writer;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Inject
    EventFilter filter;

    @Inject
    DeadLetters deadLetters;

    @Inject
    ConsumerHealth health;

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

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Uni<Void> redeliver(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> filter.handles(CONSUMER, TYPES, record)
                ? apply(List.of(new Received(record, prepare(record)))) : Uni.createFrom().voidItem());
    }

    private record Received(ConsumerRecord<String, String> record, ProjectionWriter.Pending pending) {
    }

    private record Poison(ConsumerRecord<String, String> record, RuntimeException reason) {
    }

    Uni<Void> consume(ConsumerRecords<String, String> records) {
        List<Received> events = new ArrayList<>();
        List<Poison> poison = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (!filter.handles(CONSUMER, TYPES, record)) {
                continue;
            }
            try {
                events.add(new Received(record, prepare(record)));
            } catch (RuntimeException e) {
                poison.add(new Poison(record, e));
            }
        }
        Uni<Void> done = health.retryWhileTransient(CONSUMER, "batch of " + events.size(), () -> apply(events))
                .onFailure().recoverWithUni(() -> applyOneByOne(events));
        for (Poison p : poison) {
            done = done.chain(() -> deadLetters.record(CONSUMER, p.record(), p.reason()));
        }
        return done;
    }

    private ProjectionWriter.Pending prepare(ConsumerRecord<String, String> record) {
        return writer.prepare(record.topic(), record.partition(), CloudEvent.from(record, mapper));
    }

    private Uni<Void> apply(List<Received> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ProjectionWriter.Pending> pending = events.stream().map(Received::pending).toList();
        return pool.withTransaction(connection -> writer.applyLive(connection, pending));
    }

    /** A batch that failed for good: each event alone, those that still fail set aside. */
    private Uni<Void> applyOneByOne(List<Received> events) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Received received : events) {
            done = done.chain(() -> health.retryWhileTransient(CONSUMER, "event " + received.pending().event().id(),
                            () -> apply(List.of(received)))
                    .onFailure().recoverWithUni(failure -> deadLetters.record(CONSUMER, received.record(), failure)));
        }
        return done;
    }
}
