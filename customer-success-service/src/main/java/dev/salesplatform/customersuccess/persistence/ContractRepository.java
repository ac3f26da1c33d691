package dev.salesplatform.customersuccess.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

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
}
