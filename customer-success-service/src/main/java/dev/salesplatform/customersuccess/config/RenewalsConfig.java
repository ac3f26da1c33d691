package dev.salesplatform.customersuccess.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Renewal settings ({@code salesplatform.renewals.*}), e.g. {@code SALESPLATFORM_RENEWALS_OPEN_DAYS_BEFORE=60}. */
@ConfigMapping(prefix = "salesplatform.renewals")
public interface RenewalsConfig {

    /** A contract's renewal opens this many days before its end date. */
    @WithDefault("90")
    int openDaysBefore();

    /** How often the scan that opens due renewals runs; "off" disables it. Read by the {@code @Scheduled} annotation. */
    @WithDefault("1h")
    String scanEvery();

    /** Contracts the scan reads per round (each opened in a transaction of its own). */
    @WithDefault("100")
    int scanBatchSize();
}
