package dev.salesplatform.lead.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.kit.http.LargeBodyRoute;
import dev.salesplatform.lead.config.LeadImportConfig;

/** Imports take files far over the service's usual body limit; only their path does. */
@ApplicationScoped
public class LeadImportBodyLimit implements LargeBodyRoute {

    private final LeadImportConfig config;

    @Inject
    public LeadImportBodyLimit(LeadImportConfig config) {
        this.config = config;
    }

    @Override
    public String path() {
        return LeadImportResource.PATH;
    }

    @Override
    public long maxBodySize() {
        return config.maxBodySize().asLongValue();
    }
}
