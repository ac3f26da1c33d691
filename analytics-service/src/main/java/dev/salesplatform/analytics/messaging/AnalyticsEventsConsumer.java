package dev.salesplatform.analytics.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.messaging.CloudEvent;
import dev.salesplatform.kit.messaging.InvalidEventException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Consumes the three topics (consumer group analytics-service). Types the projections do not use are
 * acknowledged at once; a record that is not a valid event goes to the topic's DLQ; other failures
 * (the database away) are retried before they are dead-lettered too.
 */
@ApplicationScoped
public class AnalyticsEventsConsumer {

    @Inject
    ProjectionWriter writer;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    @Incoming("lead-events")
    public Uni<Void> lead(ConsumerRecord<String, String> record) {
        return consume(record);
    }

    @Incoming("deal-events")
    public Uni<Void> deal(ConsumerRecord<String, String> record) {
        return consume(record);
    }

    @Incoming("customer-events")
    public Uni<Void> customer(ConsumerRecord<String, String> record) {
        return consume(record);
    }

    Uni<Void> consume(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type != null && !EventProjector.TYPES.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            return Uni.createFrom().voidItem();
        }
        CloudEvent event;
        try {
            event = CloudEvent.from(record, mapper);
        } catch (InvalidEventException e) {
            return Uni.createFrom().failure(e);
        }
        return pool.withTransaction(connection -> writer.applyLive(connection, record.topic(), record.partition(), event))
                .onFailure(failure -> !(failure instanceof InvalidEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
    }
}
