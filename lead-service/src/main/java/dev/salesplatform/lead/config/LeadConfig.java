package dev.salesplatform.lead.config;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "salesplatform.leads")
public interface LeadConfig {

    /**
     * SDRs who take turns owning new leads that nobody claimed at creation (imports, marketing
     * tools, referrals, managers' entries). Unset: such leads stay unassigned until claimed or assigned.
     */
    Optional<List<UUID>> roundRobinSdrs();
}
