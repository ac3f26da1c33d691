package dev.salesplatform.analytics.service;

import java.time.Instant;

/**
 * An event as the log holds it: where it is (topic, partition, offset), its id and time (the
 * CloudEvent's, the time every figure counts it on), and what it says.
 */
public record LoggedEvent(String topic, int partition, long offset, String id, Instant time, SalesEvent event) {

    /** Where it is, for logs and a rebuild's skip reasons. */
    public String where() {
        return topic + "/" + partition + "@" + offset;
    }
}
