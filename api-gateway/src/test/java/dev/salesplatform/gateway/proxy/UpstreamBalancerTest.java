package dev.salesplatform.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.salesplatform.gateway.proxy.CircuitBreaker.State;
import dev.salesplatform.gateway.proxy.UpstreamInstance.Readiness;

class UpstreamBalancerTest {

    private static final int THRESHOLD = 2;
    private static final Duration OPEN = Duration.ofSeconds(10);

    private final AtomicLong now = new AtomicLong();
    private final UpstreamInstance first = instance(8081);
    private final UpstreamInstance second = instance(8101);
    private final UpstreamInstance third = instance(8121);
    private final UpstreamBalancer balancer = new UpstreamBalancer("lead", List.of(first, second, third));

    @Test
    void takesTheInstancesInTurn() {
        assertEquals(List.of(first, second, third, first, second, third), picks(balancer, 6));
    }

    @Test
    void skipsAnInstanceThatIsNotReadyUntilItIsUpAgain() {
        second.readinessAnswered(Readiness.down("readiness answered HTTP 503"));

        assertEquals(List.of(first, third, third, first), picks(balancer, 4));

        second.readinessAnswered(Readiness.UP);
        assertEquals(List.of(second, third, first), picks(balancer, 3));
    }

    @Test
    void skipsAnInstanceWhoseBreakerIsOpen() {
        open(first);

        assertEquals(List.of(second, second, third, second, second, third), picks(balancer, 6));
    }

    @Test
    void fallsBackToInstancesNotReadyWhenNoReadyOneLetsTheRequestThrough() {
        first.readinessAnswered(Readiness.down("not reachable: Connection refused"));
        second.readinessAnswered(Readiness.down("readiness answered HTTP 503"));
        open(third);

        assertEquals(List.of(first, second, first), picks(balancer, 3));
    }

    @Test
    void refusesWhenEveryBreakerIsOpenWithTheSoonestRetryAfter() {
        open(first);
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        open(second);
        open(third);
        now.addAndGet(Duration.ofSeconds(1).toNanos());

        assertEquals(Optional.empty(), balancer.pick());
        assertEquals(5, balancer.retryAfterSeconds());
    }

    @Test
    void withOneInstanceFollowsItsBreakerWhateverItsReadiness() {
        UpstreamInstance only = instance(8081);
        UpstreamBalancer single = new UpstreamBalancer("lead", List.of(only));

        assertEquals(List.of(only, only), picks(single, 2));
        only.readinessAnswered(Readiness.down("not reachable: Connection refused"));
        assertEquals(List.of(only, only), picks(single, 2));

        open(only);
        assertEquals(Optional.empty(), single.pick());
        assertEquals(10, single.retryAfterSeconds());
        now.addAndGet(OPEN.toNanos());
        assertEquals(Optional.of(only), single.pick(), "the trial request");
        assertEquals(Optional.empty(), single.pick(), "only one trial at a time");
        assertEquals(1, single.retryAfterSeconds());
        only.breaker().onSuccess();
        assertEquals(Optional.of(only), single.pick());
        assertEquals(Optional.empty(), single.retryAfter(only));
    }

    @Test
    void retriesARefusedRequestOnTheNextReadyInstanceWhoseBreakerLetsItThrough() {
        assertEquals(Optional.of(second), balancer.retryAfter(first));
        assertEquals(Optional.of(first), balancer.retryAfter(third));

        second.readinessAnswered(Readiness.down("readiness answered HTTP 503"));
        assertEquals(Optional.of(third), balancer.retryAfter(first));
        open(third);
        assertEquals(Optional.empty(), balancer.retryAfter(first), "no ready instance that lets it through");
    }

    @Test
    void anInstanceCountsAsReadyUntilItsReadinessAnswersAndNotAfterARefusedConnection() {
        UpstreamInstance fresh = instance(8081);
        assertEquals(Readiness.State.UNKNOWN, fresh.readiness().state());
        assertTrue(fresh.readiness().believedReady());

        fresh.refusedConnection(new ConnectException("Connection refused"));

        assertEquals(Readiness.State.DOWN, fresh.readiness().state());
        assertEquals("not reachable by a proxied request: Connection refused", fresh.readiness().reason());
        assertEquals("127.0.0.1:8081", fresh.authority());
    }

    private UpstreamInstance instance(int port) {
        URI url = URI.create("http://127.0.0.1:" + port);
        return new UpstreamInstance("lead", url, URI.create("http://127.0.0.1:" + (port + 1000)), OPEN,
                new CircuitBreaker(THRESHOLD, OPEN, now::get));
    }

    /** Opens the instance's breaker as repeated failures would. */
    private static void open(UpstreamInstance instance) {
        IntStream.range(0, THRESHOLD).forEach(failure -> instance.breaker().onFailure());
        assertEquals(State.OPEN, instance.breaker().state());
    }

    /** Picks {@code count} times, each request answered at once. */
    private static List<UpstreamInstance> picks(UpstreamBalancer balancer, int count) {
        List<UpstreamInstance> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UpstreamInstance instance = balancer.pick().orElseThrow();
            instance.breaker().onSuccess();
            picked.add(instance);
        }
        return picked;
    }
}
