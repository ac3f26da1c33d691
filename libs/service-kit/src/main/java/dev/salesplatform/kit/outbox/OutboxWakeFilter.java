package dev.salesplatform.kit.outbox;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Wakes this instance's relay once a request that may have recorded events has succeeded: response
 * filters run after the resource's result, so after the service's transaction committed, and the
 * event is published without waiting for the relay's next poll. A request that failed wrote nothing.
 */
public class OutboxWakeFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final OutboxRelay relay;

    OutboxWakeFilter(OutboxRelay relay) {
        this.relay = relay;
    }

    @ServerResponseFilter
    public void wakeRelayAfterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 400 && !READS.contains(request.getMethod())) {
            relay.wake();
        }
    }
}
