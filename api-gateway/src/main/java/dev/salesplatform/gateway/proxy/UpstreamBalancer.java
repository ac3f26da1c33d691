package dev.salesplatform.gateway.proxy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Picks the instance of one upstream for each request: round robin over the instances believed ready
 * whose breaker lets the request through; failing that, one not believed ready whose breaker does (an
 * instance whose readiness could not be read may still answer, and one really not ready answers 503
 * itself); none when every breaker refuses. With a single instance this is exactly its breaker's verdict.
 * Thread-safe: every event loop picks.
 */
public final class UpstreamBalancer {

    private final String upstream;
    private final List<UpstreamInstance> instances;
    private final AtomicInteger turn = new AtomicInteger();

    UpstreamBalancer(String upstream, List<UpstreamInstance> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("Upstream " + upstream + ": no instance");
        }
        this.upstream = upstream;
        this.instances = List.copyOf(instances);
    }

    public String upstream() {
        return upstream;
    }

    /** In configured order. */
    public List<UpstreamInstance> instances() {
        return instances;
    }

    /**
     * The instance for the next request, with its breaker's permission taken: its outcome must be
     * reported to that breaker. Empty when every breaker refuses.
     */
    Optional<UpstreamInstance> pick() {
        int size = instances.size();
        int start = Math.floorMod(turn.getAndIncrement(), size);
        // One view of the readiness for both rounds, which the poller may change meanwhile.
        boolean[] ready = new boolean[size];
        for (int i = 0; i < size; i++) {
            ready[i] = instances.get(i).readiness().believedReady();
        }
        return firstAllowed(start, ready, true).or(() -> firstAllowed(start, ready, false));
    }

    /**
     * Where a request goes that {@code refused} would not even connect, nothing of it sent: the next
     * instance after it, round robin, that is believed ready and whose breaker lets it through, with the
     * breaker's permission taken. Empty when there is none.
     */
    Optional<UpstreamInstance> retryAfter(UpstreamInstance refused) {
        int size = instances.size();
        int failed = instances.indexOf(refused);
        for (int i = 1; i < size; i++) {
            UpstreamInstance next = instances.get((failed + i) % size);
            if (next.readiness().believedReady() && next.breaker().tryAcquire()) {
                return Optional.of(next);
            }
        }
        return Optional.empty();
    }

    /** From {@code start} round robin, the first instance ready (or not) as wanted whose breaker lets it through. */
    private Optional<UpstreamInstance> firstAllowed(int start, boolean[] ready, boolean wanted) {
        for (int i = 0; i < ready.length; i++) {
            int index = (start + i) % ready.length;
            if (ready[index] == wanted && instances.get(index).breaker().tryAcquire()) {
                return Optional.of(instances.get(index));
            }
        }
        return Optional.empty();
    }

    /** Whole seconds until the first breaker lets a request through again, for {@code Retry-After}. */
    long retryAfterSeconds() {
        return instances.stream().mapToLong(instance -> instance.breaker().retryAfterSeconds()).min().orElse(1);
    }
}
