package dev.salesplatform.customersuccess.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.salesplatform.customersuccess.domain.CustomerStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    /** Claims a batch of customers not yet scored today; other instances skip the claimed rows. */
    private static final String CLAIM = "SELECT id FROM customer WHERE status = 'ACTIVE' AND health_computed_on < ?1"
            + " ORDER BY id LIMIT ?2 FOR UPDATE SKIP LOCKED";
    private static final String SCORED = "UPDATE customer SET health_computed_on = ?2 WHERE id = ?1";
    private static final String NEXT_TURN = "INSERT INTO assignment_rotation (name, position) VALUES ('new-customers', 1)"
            + " ON CONFLICT (name) DO UPDATE SET position = assignment_rotation.position + 1 RETURNING position";

    /** Up to {@code limit} ACTIVE customers not scored on {@code today}, locked for the caller's transaction. */
    public Uni<List<UUID>> claimUnscored(LocalDate today, int limit) {
        return getSession().chain(session -> session.createNativeQuery(CLAIM, UUID.class)
                .setParameter(1, today).setParameter(2, limit).getResultList());
    }

    /**
     * Records that the customer's score is unchanged on {@code today} without a new version, so that
     * ETags callers hold stay valid.
     */
    public Uni<Integer> markScored(UUID id, LocalDate today) {
        return getSession().chain(session -> session.createNativeQuery(SCORED)
                .setParameter(1, id).setParameter(2, today).executeUpdate());
    }

    /**
     * The next turn (1, 2, ...) of the rotation that assigns new customers, advanced atomically in the
     * caller's transaction: N instances never hand out a turn twice.
     */
    public Uni<Long> nextRotationTurn() {
        return getSession().chain(session -> session.createNativeQuery(NEXT_TURN, Long.class).getSingleResult());
    }

    /**
     * The ACTIVE customer a won deal belongs to: the same company key, or the same company domain;
     * null when none (either argument may be null).
     */
    public Uni<Customer> findActiveMatch(String companyKey, String domain) {
        List<String> any = new ArrayList<>();
        Parameters parameters = Parameters.with("active", CustomerStatus.ACTIVE);
        if (companyKey != null) {
            any.add("companyKey = :key");
            parameters.and("key", companyKey);
        }
        if (domain != null) {
            any.add("domain = :domain");
            parameters.and("domain", domain);
        }
        if (any.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        // The name match wins over the domain match; the oldest customer wins among equals.
        String nameFirst = companyKey == null ? "" : "case when companyKey = :key then 0 else 1 end, ";
        return find("status = :active and (" + String.join(" or ", any) + ") order by " + nameFirst + "createdAt, id",
                parameters).firstResult();
    }

    /** Whether another ACTIVE customer already has this company key. */
    public Uni<Boolean> companyTaken(String companyKey, UUID exceptId) {
        return count("status = ?1 and companyKey = ?2 and id <> ?3", CustomerStatus.ACTIVE, companyKey, exceptId)
                .map(n -> n > 0);
    }

    /** Up to {@code limit} customers matching {@code search}, newest first, after {@code afterId}. */
    public Uni<List<Customer>> search(CustomerSearch search, UUID afterId, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (search.csm() != null) {
            where.add("csmId = :csm");
            parameters.and("csm", search.csm());
        }
        if (search.band() != null) {
            where.add("healthBand = :band");
            parameters.and("band", search.band());
        }
        if (search.renewalFrom() != null) {
            where.add("nextRenewalDate >= :renewalFrom");
            parameters.and("renewalFrom", search.renewalFrom());
        }
        if (search.renewalTo() != null) {
            where.add("nextRenewalDate <= :renewalTo");
            parameters.and("renewalTo", search.renewalTo());
        }
        if (search.status() != null) {
            where.add("status = :status");
            parameters.and("status", search.status());
        }
        if (search.text() != null) {
            // Each expression is exactly that of a trigram index (migration V2, customer_search_*), so the
            // four make a BitmapOr of index scans; trigrams need 3 characters: a 2-character text still scans.
            where.add("(lower(companyName) like :text escape '\\' or lower(contactFirstName) like :text escape '\\'"
                    + " or lower(contactLastName) like :text escape '\\' or lower(contactEmail) like :text escape '\\')");
            parameters.and("text", "%" + escapeLike(search.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (afterId != null) {
            where.add("id < :afterId");
            parameters.and("afterId", afterId);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by id desc";
        return find(query, parameters).page(0, limit).list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
