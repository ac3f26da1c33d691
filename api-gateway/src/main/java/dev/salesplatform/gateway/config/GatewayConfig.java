package dev.salesplatform.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Where the gateway sends each request. Every value can be overridden by environment variable,
 * e.g. {@code GATEWAY_UPSTREAMS_LEAD_URL} or {@code GATEWAY_UPSTREAM_TIMEOUT}.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name ({@code lead}, {@code deal}, ...). */
    Map<String, Upstream> upstreams();

    /**
     * How long an upstream may keep the gateway waiting: for a connection to it, and then for as long
     * as it owes the gateway something (room for more of the request body, the response head, the next
     * chunk of the answer). The time a client takes to send its body or to read the answer never
     * counts. Running out answers 504, or, once the answer has begun, breaks it off.
     */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /** Pooled connections per upstream instance; Vert.x' default of 5 would queue requests under load. */
    @WithDefault("100")
    int maxConnectionsPerUpstream();

    CircuitBreaker circuitBreaker();

    RateLimits rateLimits();

    BodyLimits bodyLimits();

    RequestLimits requestLimits();

    Cors cors();

    Health health();

    OpenApi openapi();

    Oidc oidc();

    interface Upstream {

        /**
         * Base URL of each instance, comma-separated, e.g. {@code http://127.0.0.1:8081}; a path in it is put
         * before the forwarded path. One URL (a Kubernetes Service) is the common case; with several the
         * gateway balances over them (round robin over the ready ones).
         */
        List<URI> url();

        /**
         * Path prefixes served by this upstream, e.g. {@code /api/v1/leads}. A prefix matches itself and
         * every path below it, not {@code /api/v1/leadsX}.
         */
        List<String> prefixes();

        /**
         * Base URL of each instance's management interface, where its {@code /q/health} is served (a port
         * of its own, not routed), paired by position with {@link #url()}; the API URLs when unset, for
         * instances that serve both on one port.
         */
        Optional<List<URI>> managementUrl();

        /**
         * The instances of upstream {@code name}: {@link #url()} paired by position with
         * {@link #managementUrl()}. Refuses lists of different lengths and an instance listed twice, which
         * would send requests or readiness to the wrong instance.
         */
        default List<Instance> instances(String name) {
            List<URI> urls = url();
            List<URI> healthUrls = managementUrl().orElse(urls);
            if (healthUrls.size() != urls.size()) {
                throw new IllegalArgumentException("Upstream " + name + ": gateway.upstreams." + name + ".url lists "
                        + urls.size() + " instance(s) but gateway.upstreams." + name + ".management-url lists "
                        + healthUrls.size() + "; give one management URL per instance, in the same order");
            }
            requireDistinct(name, "url", urls);
            requireDistinct(name, "management-url", healthUrls);
            return IntStream.range(0, urls.size()).mapToObj(i -> new Instance(urls.get(i), healthUrls.get(i))).toList();
        }

        /** Host and port identify an instance (and tag its metrics), whatever else its URL says. */
        private static void requireDistinct(String name, String property, List<URI> urls) {
            Set<String> authorities = new HashSet<>();
            for (URI url : urls) {
                int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
                if (!authorities.add(url.getHost() + ":" + port)) {
                    throw new IllegalArgumentException("Upstream " + name + ": gateway.upstreams." + name + "."
                            + property + " lists " + url.getHost() + ":" + port + " twice");
                }
            }
        }
    }

    /** One instance of an upstream: where its API is, and where its readiness is asked. */
    record Instance(URI url, URI healthUrl) {
    }

    /**
     * Stops sending requests to an upstream instance that keeps failing, so that clients get another
     * instance or a 503 at once, not a wait. One breaker per instance.
     */
    interface CircuitBreaker {

        /** Consecutive connection failures or timeouts after which the instance counts as down. */
        @WithDefault("5")
        int failureThreshold();

        /**
         * How long the instance gets no requests (503 at once when no other instance can take them) before
         * one trial request may go through.
         */
        @WithDefault("10s")
        Duration openDuration();
    }

    /**
     * Token buckets per principal (the token's {@code sub}) or, without a token, per client IP. The
     * buckets live in this gateway instance: with N instances the effective limit is N times this.
     */
    interface RateLimits {

        @WithDefault("true")
        boolean enabled();

        /** The limit for everyone without a more specific one. */
        @WithName("default")
        Limit defaultLimit();

        /** Limits for holders of a realm role, e.g. {@code integration}; the most generous role wins. */
        Map<String, Limit> roles();

        /** Limits for path prefixes, by name; a route limit wins over role and default and has its own bucket. */
        Map<String, RouteLimit> routes();

        /** A bucket unused this long is dropped (it would be full again anyway by then). */
        @WithDefault("10m")
        Duration idleExpiry();

        /** Upper bound on buckets held in memory. */
        @WithDefault("100000")
        long maxBuckets();
    }

    interface Limit {

        /** Burst size: the most requests accepted at once. */
        long capacity();

        /** Sustained rate: tokens put back per second. */
        long refillPerSecond();
    }

    interface RouteLimit extends Limit {

        /** Path prefix this limit applies to (itself and everything below it). */
        String prefix();
    }

    /** Request body limits, enforced while the body streams through (never buffered). */
    interface BodyLimits {

        @WithName("default")
        @WithDefault("1M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize defaultMaxSize();

        /** Larger (or smaller) limits for path prefixes, by name. */
        Map<String, RouteBodyLimit> routes();
    }

    interface RouteBodyLimit {

        String prefix();

        @WithConverter(MemorySizeConverter.class)
        MemorySize maxSize();
    }

    /**
     * Bounds on the request line and headers, answered 414 and 431 as problem+json. Both stay below what
     * the services accept (a 4096-byte request line, 20K of headers, Quarkus' defaults), so that what
     * the gateway forwards, with the headers it adds, never meets the services' bare refusals.
     */
    interface RequestLimits {

        /** The longest request-target (path and query), in characters. */
        @WithDefault("4000")
        int maxUriLength();

        /** All header names and values together. */
        @WithDefault("16K")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxHeaderSize();
    }

    interface Cors {

        /** Browser origins allowed to call the API; requests from others get no CORS headers. */
        @WithDefault("http://localhost:5173,http://127.0.0.1:5173,http://localhost:8080,http://127.0.0.1:8080")
        List<String> origins();

        /** How long a browser may cache a preflight answer. */
        @WithDefault("10m")
        Duration maxAge();
    }

    interface Health {

        /** How long the gateway waits for an upstream's readiness, or for its OpenAPI document. */
        @WithDefault("2s")
        Duration upstreamTimeout();

        /**
         * How often the readiness of each upstream instance is asked. While an instance is not ready,
         * requests go to the ready ones; one that refuses a connection counts as not ready until it
         * answers UP again.
         */
        @WithDefault("2s")
        Duration pollInterval();

        /**
         * Whether an upstream that is down makes the gateway not ready. Off by default: the gateway
         * still serves the other upstreams and answers 503 for the one that is down, whereas an
         * unready gateway would be taken out of the load balancer for every route.
         */
        @WithDefault("false")
        boolean requireUpstreams();
    }

    interface OpenApi {

        /** How long the merged document is served before the upstreams are asked again. */
        @WithDefault("30s")
        Duration cacheTtl();

        @WithDefault("Sales Platform API")
        String title();

        @WithDefault("1.0")
        String version();

        /** The server URL put into the document; relative, so that it works behind any host name. */
        @WithDefault("/")
        String serverUrl();
    }

    interface Oidc {

        /** The realm URL as a browser reaches it (Swagger UI's login), which may differ from the internal one. */
        @WithDefault("http://127.0.0.1:8180/realms/sales")
        URI publicUrl();

        /** The public client used for the authorization code flow with PKCE. */
        @WithDefault("sales-frontend")
        String clientId();
    }
}
