package dev.salesplatform.customersuccess.config;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Customer settings ({@code salesplatform.customers.*}); each can be set by environment variable,
 * e.g. {@code SALESPLATFORM_CUSTOMERS_ROUND_ROBIN_CSMS}. Renewal settings: {@link RenewalsConfig}.
 */
@ConfigMapping(prefix = "salesplatform.customers")
public interface CustomerSuccessConfig {

    /**
     * CSMs who take turns owning newly onboarded customers. Unset: new customers stay unassigned
     * until a manager assigns them or a CSM claims them.
     */
    Optional<List<UUID>> roundRobinCsms();

    /**
     * When the daily health recomputation runs (Quartz cron, UTC), for the factors that age with
     * time; "off" disables it. Read by the {@code @Scheduled} annotation.
     */
    @WithDefault("0 15 2 * * ?")
    String healthRecomputeCron();
}
