package dev.salesplatform.kit.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "salesplatform.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service publishes, e.g. {@code /lead-service}. */
    String source();

    /** Topic of an aggregate type; {@code %s} is the aggregate type. */
    @WithDefault("sales.%s.events")
    String topicPattern();

    Relay relay();

    interface Relay {
        /** Off in a service that only reads, or when another process (e.g. Debezium) relays. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("500")
        int batchSize();

        /**
         * How often the relay looks for events it was not woken for: those of other instances (which
         * wake their own relay) or of a writer outside the service.
         */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Longest wait for the broker to acknowledge a batch before it is retried. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Longest pause between retries while the broker or database is unavailable. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** Published rows are kept this long for inspection, then deleted. */
        @WithDefault("7d")
        Duration keepPublished();
    }
}
