package dev.salesplatform.analytics.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.salesplatform.analytics.service.LoggedEvent;
import dev.salesplatform.analytics.service.ProjectionService;
import dev.salesplatform.kit.messaging.ConsumerHealth;
import dev.salesplatform.kit.messaging.DeadLetterHandler;
import dev.salesplatform.kit.messaging.DeadLetters;
import dev.salesplatform.kit.messaging.EventFilter;
import dev.salesplatform.kit.messaging.EventTypes;
import io.smallrye.mutiny.Uni;

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
    public static final EventTypes TYPES = new EventTypes(EventReader.TYPES, EventReader.IGNORED);

    private final EventReader reader;
    private final ProjectionService projections;
    private final EventFilter filter;
    private final DeadLetters deadLetters;
    private final ConsumerHealth health;

    @Inject
    public AnalyticsEventsConsumer(EventReader reader, ProjectionService projections, EventFilter filter,
                                   DeadLetters deadLetters, ConsumerHealth health) {
        this.reader = reader;
        this.projections = projections;
        this.filter = filter;
        this.deadLetters = deadLetters;
        this.health = health;
    }

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
                ? projections.applyLive(List.of(reader.read(record))) : Uni.createFrom().voidItem());
    }

    private record Received(ConsumerRecord<String, String> record, LoggedEvent event) {
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
                events.add(new Received(record, reader.read(record)));
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

    private Uni<Void> apply(List<Received> events) {
        return projections.applyLive(events.stream().map(Received::event).toList());
    }

    /** A batch that failed for good: each event alone, those that still fail set aside. */
    private Uni<Void> applyOneByOne(List<Received> events) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Received received : events) {
            done = done.chain(() -> health.retryWhileTransient(CONSUMER, "event " + received.event().id(),
                            () -> apply(List.of(received)))
                    .onFailure().recoverWithUni(failure -> deadLetters.record(CONSUMER, received.record(), failure)));
        }
        return done;
    }
}
