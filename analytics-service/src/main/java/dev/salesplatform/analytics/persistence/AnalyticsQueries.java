package dev.salesplatform.analytics.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.salesplatform.analytics.api.FunnelResponse;
import dev.salesplatform.analytics.domain.Period;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Read side of the projections, one read-only session per query. */
@ApplicationScoped
public class AnalyticsQueries {

    @Inject
    LeadFactRepository leadFacts;

    @WithSession
    public Uni<FunnelResponse> funnel(Period period, UUID owner, String source) {
        return leadFacts.countCreated(period, owner, source)
                .map(created -> new FunnelResponse(period.from(), period.to(), created));
    }
}
