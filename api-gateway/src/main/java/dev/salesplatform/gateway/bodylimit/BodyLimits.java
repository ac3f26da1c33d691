package dev.salesplatform.gateway.bodylimit;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.salesplatform.gateway.config.GatewayConfig;
import dev.salesplatform.gateway.routing.PrefixTable;

/** The largest request body each path accepts: its most specific configured prefix's, else the default. */
public final class BodyLimits {

    private final long defaultMaxBytes;
    private final PrefixTable<Long> byRoute;

    public BodyLimits(GatewayConfig.BodyLimits config) {
        defaultMaxBytes = config.defaultMaxSize().asLongValue();
        Map<String, Long> routes = new LinkedHashMap<>();
        config.routes().forEach((name, limit) -> {
            if (routes.put(limit.prefix(), limit.maxSize().asLongValue()) != null) {
                throw new IllegalArgumentException("Body limit routes: prefix configured twice: " + limit.prefix());
            }
        });
        byRoute = new PrefixTable<>(routes);
    }

    public long maxBytesFor(String path) {
        return byRoute.find(path).orElse(defaultMaxBytes);
    }
}
