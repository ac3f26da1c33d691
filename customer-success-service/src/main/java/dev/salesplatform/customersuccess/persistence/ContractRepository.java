package dev.salesplatform.customersuccess.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.salesplatform.customersuccess.domain.ContractStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContractRepository implements PanacheRepositoryBase<Contract, UUID> {

    public Uni<Contract> findByDeal(UUID dealId) {
        return find("dealId", dealId).firstResult();
    }

    /** A customer's contracts, oldest first. */
    public Uni<List<Contract>> of(UUID customerId) {
        return list("customerId = ?1 order by startDate, id", customerId);
    }

    public Uni<List<Contract>> ofCustomers(List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("customerId in ?1 order by startDate, id", customerIds);
    }

    /** Up to {@code limit} contracts in force ending on or before {@code horizon} without a renewal, soonest first. */
    public Uni<List<UUID>> dueForRenewal(LocalDate horizon, int limit) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select c.id from Contract c where c.status = :active and c.endDate <= :horizon"
                                + " and not exists (select 1 from Renewal r where r.contractId = c.id)"
                                + " order by c.endDate, c.id", UUID.class)
                .setParameter("active", ContractStatus.ACTIVE)
                .setParameter("horizon", horizon)
                .setMaxResults(limit)
                .getResultList());
    }
}
