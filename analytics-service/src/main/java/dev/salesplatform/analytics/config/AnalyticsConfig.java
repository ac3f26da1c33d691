package dev.salesplatform.analytics.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "salesplatform.analytics")
public interface AnalyticsConfig {

    /** The topics a rebuild replays from offset 0. */
    @WithDefault("sales.lead.events,sales.deal.events,sales.customer.events")
    List<String> topics();

    /**
     * The currency in which reps are compared (median, trend, most improved): revenue and NRR in other
     * currencies are shown but not compared.
     */
    @WithDefault("EUR")
    String reportingCurrency();

    Rebuild rebuild();

    interface Rebuild {

        /** Rebuild at start when the projections were built by older code (or never). */
        @WithDefault("true")
        boolean onStart();

        /** A rebuild whose instance has not reported for this long is taken over by the next request. */
        @WithDefault("PT1M")
        Duration staleAfter();

        /** Records replayed per transaction. */
        @WithDefault("500")
        int batchSize();
    }
}
