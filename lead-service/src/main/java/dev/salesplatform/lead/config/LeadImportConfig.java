package dev.salesplatform.lead.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "salesplatform.leads.import")
public interface LeadImportConfig {

    /** Largest body of one import; at most quarkus.http.limits.max-body-size (the transport's ceiling). */
    @WithDefault("64M")
    MemorySize maxBodySize();

    /** Most data rows in one import; a longer file is refused with 413. */
    @WithDefault("100000")
    int maxRows();

    /** Row errors kept per import (all are counted); the first ones are answered. */
    @WithDefault("1000")
    int maxErrors();

    /** Valid rows written to the staging table per statement while the body streams in. */
    @WithDefault("500")
    int stageBatchSize();

    Worker worker();

    interface Worker {

        /** Off in an instance that should only accept imports and leave them to others. */
        @WithDefault("true")
        boolean enabled();

        /** Imports this instance works on at once (each import is worked on in row order by one of them). */
        @WithDefault("2")
        int threads();

        /** Rows imported per transaction: their new leads go in as one batch. */
        @WithDefault("1000")
        int batchSize();

        /** How often an idle worker looks for imports received by other instances. */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long a job stays with its worker without progress before another worker may take it over. */
        @WithDefault("60s")
        Duration lease();

        /** A job still staging after this long without new rows belongs to a request that died; it is deleted. */
        @WithDefault("10m")
        Duration abandonedStagingAfter();
    }
}
