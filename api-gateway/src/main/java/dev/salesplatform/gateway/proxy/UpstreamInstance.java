package dev.salesplatform.gateway.proxy;

import java.net.URI;
import java.time.Duration;

/**
 * One instance of an upstream: where it lives, its own circuit breaker, and what the gateway last learnt
 * of its readiness. Thread-safe: event loops read the readiness while the poller and the proxy set it.
 */
public final class UpstreamInstance {

    /** What the gateway believes of an instance's readiness, and why. */
    public record Readiness(State state, String reason) {

        public enum State {
            /** Not asked yet, or no answer yet: counts as ready, as an instance usually is. */
            UNKNOWN,
            UP,
            DOWN
        }

        static final Readiness NOT_ASKED_YET = new Readiness(State.UNKNOWN, "no readiness answer yet");
        public static final Readiness UP = new Readiness(State.UP, null);

        public static Readiness down(String reason) {
            return new Readiness(State.DOWN, reason);
        }

        /** Whether requests go to the instance before those that are not ready. */
        public boolean believedReady() {
            return state != State.DOWN;
        }
    }

    private final Origin origin;
    private final URI url;
    private final URI healthUrl;
    private final CircuitBreaker breaker;
    private volatile Readiness readiness = Readiness.NOT_ASKED_YET;

    UpstreamInstance(String upstream, URI url, URI healthUrl, Duration timeout, CircuitBreaker breaker) {
        this.origin = Origin.of(upstream, url, timeout);
        this.url = url;
        this.healthUrl = healthUrl;
        this.breaker = breaker;
    }

    Origin origin() {
        return origin;
    }

    public String upstream() {
        return origin.name();
    }

    /** The base URL of the instance's API. */
    public URI url() {
        return url;
    }

    /** The base URL where the instance's {@code /q/health} is served. */
    public URI healthUrl() {
        return healthUrl;
    }

    /** Host and port: the instance's name in metrics and logs. */
    public String authority() {
        return origin.authority();
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public Readiness readiness() {
        return readiness;
    }

    /** The instance's readiness answered, or did not answer, as {@code readiness} says. */
    public void readinessAnswered(Readiness readiness) {
        this.readiness = readiness;
    }

    /**
     * A proxied request could not be connected: the instance counts as not ready until its readiness
     * answers UP again, so that it stops getting requests now rather than at the breaker's threshold.
     */
    void refusedConnection(Throwable failure) {
        readiness = Readiness.down("not reachable by a proxied request: " + failure.getMessage());
    }
}
