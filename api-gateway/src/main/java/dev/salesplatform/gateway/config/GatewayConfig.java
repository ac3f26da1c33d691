package dev.salesplatform.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the gateway sends each request. Every value can be overridden by environment variable,
 * e.g. {@code GATEWAY_UPSTREAMS_LEAD_URL} or {@code GATEWAY_UPSTREAM_TIMEOUT}.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name ({@code lead}, {@code deal}, ...). */
    Map<String, Upstream> upstreams();

    /**
     * How long an upstream may stay silent (no connection from the pool, or no data on it) before
     * the gateway gives up and answers 504.
     */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /** Pooled connections per upstream; Vert.x' default of 5 would queue requests under load. */
    @WithDefault("100")
    int maxConnectionsPerUpstream();

    interface Upstream {

        /** Base URL, e.g. {@code http://127.0.0.1:8081}; a path in it is put before the forwarded path. */
        URI url();

        /**
         * Path prefixes served by this upstream, e.g. {@code /api/v1/leads}. A prefix matches itself and
         * every path below it, not {@code /api/v1/leadsX}.
         */
        List<String> prefixes();
    }
}
