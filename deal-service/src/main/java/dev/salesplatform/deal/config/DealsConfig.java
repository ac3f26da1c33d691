package dev.salesplatform.deal.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Deal settings: {@code salesplatform.deals.stale-after.<STAGE>} and {@code ...default-stale-after}. */
@ConfigMapping(prefix = "salesplatform.deals")
public interface DealsConfig {

    /** Per stage code: how long an open deal may stay in it before it is stale. */
    Map<String, Duration> staleAfter();

    /** The limit of stages without their own. */
    @WithDefault("P14D")
    Duration defaultStaleAfter();
}
