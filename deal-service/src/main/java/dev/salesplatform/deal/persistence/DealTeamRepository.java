package dev.salesplatform.deal.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DealTeamRepository implements PanacheRepositoryBase<DealTeamMember, DealTeamMember.Key> {

    /** A deal's team, in the order its members were added. */
    public Uni<List<DealTeamMember>> of(UUID dealId) {
        return find("dealId = ?1 order by addedAt, userId", dealId).list();
    }

    /** The teams of several deals at once. */
    public Uni<List<DealTeamMember>> ofDeals(Collection<UUID> dealIds) {
        if (dealIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("dealId in ?1 order by addedAt, userId", dealIds).list();
    }
}
