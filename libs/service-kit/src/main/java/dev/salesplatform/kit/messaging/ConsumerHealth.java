package dev.salesplatform.kit.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Which event consumers are waiting: a consumer that meets a passing fault (the database or the
 * broker away) retries until it gets through, and {@link ConsumerHealthCheck} shows it meanwhile.
 */
@ApplicationScoped
public class ConsumerHealth {

    private record Waiting(Instant since, String reason) {
    }

    private static final Logger LOG = Logger.getLogger(ConsumerHealth.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Clock clock;

    @Inject
    public ConsumerHealth(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs {@code attempt}, and again with backoff for as long as it fails with a passing fault, while
     * readiness shows {@code consumer} as waiting; any other failure is passed on at once.
     */
    public <T> Uni<T> retryWhileTransient(String consumer, String what, Supplier<Uni<? extends T>> attempt) {
        return Uni.createFrom().<T>deferred(attempt)
                .onFailure(Failures::isTransient).invoke(failure -> {
                    waiting(consumer, failure);
                    LOG.warnf("%s waits for a passing fault (%s), retrying: %s", consumer, what,
                            Problems.describe(failure));
                })
                .onFailure(Failures::isTransient).retry().withBackOff(FIRST_BACKOFF, MAX_BACKOFF).withJitter(0.2)
                .indefinitely()
                .invoke(() -> progressed(consumer));
    }

    /** {@code consumer} failed with a passing fault and will retry. */
    public void waiting(String consumer, Throwable reason) {
        waiting.compute(consumer, (name, previous) -> new Waiting(previous == null ? clock.instant() : previous.since(),
                Problems.describe(reason)));
    }

    /** {@code consumer} applied (or set aside) a record: it is no longer waiting. */
    void progressed(String consumer) {
        waiting.remove(consumer);
    }

    /** Each waiting consumer with since when and why. */
    public Map<String, String> waiting() {
        Map<String, String> all = new TreeMap<>();
        waiting.forEach((consumer, state) -> all.put(consumer, "waiting since " + state.since() + ": " + state.reason()));
        return all;
    }
}
