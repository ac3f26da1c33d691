package dev.salesplatform.customersuccess.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.salesplatform.customersuccess.domain.RenewalStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RenewalRepository implements PanacheRepositoryBase<Renewal, UUID> {

    /** Inserts the renewal unless the contract has one: of N scanning instances exactly one inserts. */
    private static final String OPEN = """
            INSERT INTO renewal (id, customer_id, contract_id, due_date, current_mrr, currency, status, created_at,
                                 updated_at, version)
            SELECT ?1, c.customer_id, c.id, c.end_date, c.mrr_amount, c.currency, 'OPEN', ?3, ?3, 0
            FROM contract c WHERE c.id = ?2 AND c.status = 'ACTIVE'
            ON CONFLICT (contract_id) DO NOTHING""";

    /**
     * Opens renewal {@code id} of a contract in force from the contract's end date and MRR, unless the
     * contract has a renewal already; answers whether this call inserted it.
     */
    public Uni<Boolean> openIfAbsent(UUID id, UUID contractId, Instant at) {
        return getSession().chain(session -> session.createNativeQuery(OPEN)
                        .setParameter(1, id)
                        .setParameter(2, contractId)
                        .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .executeUpdate())
                .map(inserted -> inserted > 0);
    }

    public Uni<Renewal> findByContract(UUID contractId) {
        return find("contractId", contractId).firstResult();
    }

    public Uni<List<Renewal>> openOf(UUID customerId) {
        return list("customerId = ?1 and status = ?2 order by dueDate, id", customerId, RenewalStatus.OPEN);
    }

    /**
     * Up to {@code limit} renewals matching {@code search}, soonest due first, after the cursor
     * ({@code afterDue}, {@code afterId}; both null: from the start).
     */
    public Uni<List<Renewal>> search(RenewalSearch search, LocalDate afterDue, UUID afterId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (search.dueBefore() != null) {
            where.add("dueDate <= :dueBefore");
            parameters.and("dueBefore", search.dueBefore());
        }
        if (search.status() != null) {
            where.add("status = :status");
            parameters.and("status", search.status());
        }
        if (search.csm() != null) {
            where.add("customerId in (select c.id from Customer c where c.csmId = :csm)");
            parameters.and("csm", search.csm());
        }
        if (search.customer() != null) {
            where.add("customerId = :customer");
            parameters.and("customer", search.customer());
        }
        if (afterId != null) {
            where.add("(dueDate > :afterDue or (dueDate = :afterDue and id > :afterId))");
            parameters.and("afterDue", afterDue).and("afterId", afterId);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by dueDate, id";
        return find(query, parameters).page(0, limit).list();
    }
}
