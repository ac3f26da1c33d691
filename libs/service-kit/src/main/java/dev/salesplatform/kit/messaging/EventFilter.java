package dev.salesplatform.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Which records a consumer applies, by their {@code ce_type}; unknown types are counted and logged once. */
@ApplicationScoped
public class EventFilter {

    private static final Logger LOG = Logger.getLogger(EventFilter.class);
    private static final int MAX_REPORTED = 1000;

    private final MeterRegistry registry;

    @Inject
    public EventFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    /**
     * Whether {@code consumer} applies {@code record}: a handled type, or no type at all (which makes
     * the record poison when it is read). Ignored and unknown types are skipped.
     */
    public boolean handles(String consumer, EventTypes types, ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("ce_type");
        if (header == null || header.value() == null) {
            return true;
        }
        String type = new String(header.value(), StandardCharsets.UTF_8);
        if (types.handled().contains(type)) {
            return true;
        }
        if (!types.ignored().contains(type)) {
            Counter.builder("events.unknown.type").description("Records of a type the consumer does not know, skipped")
                    .tag("consumer", consumer).tag("topic", record.topic()).register(registry).increment();
            if (reported.size() < MAX_REPORTED && reported.add(consumer + " " + type)) {
                LOG.warnf("%s skips events of unknown type %s on %s (counted in events_unknown_type_total)",
                        consumer, Problems.bounded(type), record.topic());
            }
        }
        return false;
    }
}
